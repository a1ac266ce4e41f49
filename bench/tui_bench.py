"""How fast the coding screen is on a long transcript: first paint, and a keypress to the updated screen.

Builds a project with one 60,000-word interview carrying 1,000 codings, then drives the real app headless and
times each step from the event to the first frame that shows its result (Textual paints at most 60 frames a
second, so a frame can wait up to 17 ms for its turn). The first opening of the coding screen builds it; later
openings reuse it, as switching screens in the app does.
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


def build(directory: Path) -> tuple[Project, int, int]:
    """The project, the long interview's id and a short one's (opened in between, so each opening is real)."""
    project = Project.init(directory / "bench", name="TUI bench", coder="anna")
    source = directory / "lang-interview.txt"
    transcript(source)
    short = directory / "kort-interview.txt"
    short.write_text("I: Hoe begon het?\nR: Met koffie in de buurt. Daarna kwam de gemeente.\n", encoding="utf-8")
    result, other = project.documents.import_paths([source, short])
    doc = project.documents.show(result.document_id)
    codes = [c.guid for c in project.codebook.list() if c.codable]
    rng = random.Random(11)
    sentences = doc.sentences
    for n in range(CODINGS):
        first = rng.randrange(len(sentences) - 3)
        last = first + rng.randint(0, 2)
        project.coding.apply(doc.id, codes[n % len(codes)], sentences[first].start, sentences[last].end)
    return project, doc.id, other.document_id


class Frames:
    """Records when the app hands a finished frame to the terminal.

    The frame is also turned into terminal output as a real terminal driver would (the headless driver skips
    that step), so a figure is the whole way from an event to the characters on the screen.
    """

    def __init__(self, app) -> None:
        from textual._compositor import CompositorUpdate

        self.waiting: list[tuple[object, asyncio.Future]] = []
        original = app._display

        def display(screen, update) -> None:
            original(screen, update)
            if update is None:
                return
            if isinstance(update, CompositorUpdate):
                update.render_segments(app.console)
            now = time.perf_counter()
            for entry in list(self.waiting):
                condition, future = entry
                if condition() and not future.done():
                    future.set_result(now)
                    self.waiting.remove(entry)

        app._display = display

    def after(self, condition) -> asyncio.Future:
        """A future that gets the time of the first frame painted once `condition()` holds."""
        future = asyncio.get_running_loop().create_future()
        self.waiting.append((condition, future))
        return future


def press(app, key: str) -> None:
    """Send one key as the terminal driver does."""
    from textual import events

    event = events.Key(key, key if len(key) == 1 else None)
    event.set_sender(app)
    app._driver.send_message(event)


async def drive(project: Project, doc_id: int, other_id: int) -> dict[str, list[float]]:
    from workbench.tui.app import WorkbenchApp

    figures: dict[str, list[float]] = {"app start to Home": [], "open transcript, first": [],
                                       "open transcript again": [], "next sentence": [], "next sentence, CPU": [],
                                       "apply code": []}
    started = time.perf_counter()
    app = WorkbenchApp(project)
    frames = Frames(app)
    home = frames.after(lambda: type(app.screen).__name__ == "HomeScreen")
    async with app.run_test(size=(120, 35)) as pilot:
        figures["app start to Home"].append(await asyncio.wait_for(home, 10) - started)
        await pilot.pause()
        async def open_document(document: int, figure: str | None) -> None:
            start = time.perf_counter()
            painted = frames.after(lambda: getattr(app.screen, "document", None) is not None
                                   and app.screen.document.id == document and app.screen.view.selection != (0, 0))
            app.open_document(document)
            took = await asyncio.wait_for(painted, 10) - start
            if figure:
                figures[figure].append(took)
            await pilot.pause()

        await open_document(doc_id, "open transcript, first")
        for _ in range(8):
            await open_document(other_id, None)
            await pilot.press("f1")
            await pilot.pause()
            await open_document(doc_id, "open transcript again")
        screen = app.screen
        for _ in range(30):
            before = screen.view.selection
            start, cpu = time.perf_counter(), time.process_time()
            painted = frames.after(lambda: screen.view.selection != before)
            press(app, "down")
            figures["next sentence"].append(await asyncio.wait_for(painted, 10) - start)
            figures["next sentence, CPU"].append(time.process_time() - cpu)
            await pilot.pause()
        for _ in range(20):
            await pilot.press("down")
            await pilot.pause()
            before = len(screen.codings)
            start = time.perf_counter()
            painted = frames.after(lambda: len(screen.codings) > before)
            press(app, "1")
            figures["apply code"].append(await asyncio.wait_for(painted, 10) - start)
            await pilot.pause()
    return figures


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        project, doc_id, other_id = build(Path(tmp))
        print(f"built a {WORDS:,}-word transcript with {CODINGS:,} codings in {time.perf_counter() - started:.1f} s")
        figures = asyncio.run(drive(project, doc_id, other_id))
        for name, values in figures.items():
            ms = [v * 1000 for v in values]
            print(f"  {name:<24} median {statistics.median(ms):7.1f} ms   max {max(ms):7.1f} ms   ({len(ms)} runs)")
        project.close()


if __name__ == "__main__":
    main()
