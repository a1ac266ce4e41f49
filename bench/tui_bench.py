"""How fast the coding screen is on a long transcript: first paint, and a keypress to the updated screen.

Builds a project with one 60,000-word interview carrying 1,000 codings, then drives the real app headless.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import tempfile
import time
from pathlib import Path

from workbench.project import Project

WORDS = 60_000
CODINGS = 1_000
VOCABULARY = (
    "de het een en van ik je we wij zij die dat niet wel ook maar want dus nog al heel echt gewoon "
    "gemeente wijkonderneming bewoners buurt subsidie vertrouwen huur plek samen jaar afspraken "
    "corporatie vrijwilligers koffie ruimte geld beleid rol taken initiatiefnemer ontmoeten"
).split()


def transcript(path: Path) -> None:
    """An I:/R: interview of about WORDS words."""
    rng = random.Random(7)
    lines, count, speaker = [], 0, "I"
    while count < WORDS:
        sentences = []
        for _ in range(rng.randint(1, 6) if speaker == "R" else 1):
            words = [rng.choice(VOCABULARY) for _ in range(rng.randint(6, 18))]
            sentences.append(" ".join(words).capitalize() + rng.choice(".?."))
            count += len(words)
        lines.append(f"{speaker}: {' '.join(sentences)}")
        speaker = "R" if speaker == "I" else "I"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def build(directory: Path) -> tuple[Project, int]:
    project = Project.init(directory / "bench", name="TUI bench", coder="anna")
    source = directory / "lang-interview.txt"
    transcript(source)
    (result,) = project.documents.import_paths([source])
    doc = project.documents.show(result.document_id)
    codes = [c.guid for c in project.codebook.list() if c.codable]
    rng = random.Random(11)
    sentences = doc.sentences
    for n in range(CODINGS):
        first = rng.randrange(len(sentences) - 3)
        last = first + rng.randint(0, 2)
        project.coding.apply(doc.id, codes[n % len(codes)], sentences[first].start, sentences[last].end)
    return project, doc.id


async def drive(project: Project, doc_id: int) -> dict[str, list[float]]:
    from workbench.tui.app import WorkbenchApp

    figures: dict[str, list[float]] = {"app start to Home": [], "open transcript": [], "next sentence": [],
                                       "next sentence, CPU": [], "apply code": []}
    started = time.perf_counter()
    app = WorkbenchApp(project)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.pause()
        figures["app start to Home"].append(time.perf_counter() - started)
        for attempt in range(5):
            await pilot.press("f1")
            await pilot.pause()
            start = time.perf_counter()
            app.open_document(doc_id)
            screen = app.screen
            while getattr(screen, "document", None) is None or screen.view.selection == (0, 0) or (
                    attempt and screen.document.id != doc_id):
                await asyncio.sleep(0.001)
            await pilot.pause()
            figures["open transcript"].append(time.perf_counter() - start)
        for _ in range(30):
            start, cpu = time.perf_counter(), time.process_time()
            await pilot.press("down")
            await pilot.pause()
            figures["next sentence"].append(time.perf_counter() - start)
            # The processor time the app spent: the wall time above also holds the test driver's own waits.
            figures["next sentence, CPU"].append(time.process_time() - cpu)
        for _ in range(20):
            before = len(screen.codings)
            await pilot.press("down")
            await pilot.pause()
            start = time.perf_counter()
            await pilot.press("1")
            while len(screen.codings) == before:
                await asyncio.sleep(0.001)
            await pilot.pause()
            figures["apply code"].append(time.perf_counter() - start)
    return figures


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        project, doc_id = build(Path(tmp))
        print(f"built a {WORDS:,}-word transcript with {CODINGS:,} codings in {time.perf_counter() - started:.1f} s")
        figures = asyncio.run(drive(project, doc_id))
        for name, values in figures.items():
            ms = [v * 1000 for v in values]
            print(f"  {name:<18} median {statistics.median(ms):7.1f} ms   max {max(ms):7.1f} ms   ({len(ms)} runs)")
        project.close()


if __name__ == "__main__":
    main()
