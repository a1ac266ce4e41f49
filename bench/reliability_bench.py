"""The team server under stress: kill -9 at random points, five coders at once, undo from two places, hostile
archives, and how fast a colleague's change arrives; on SQLite, and on PostgreSQL when
WORKBENCH_TEST_POSTGRES_URL is set. The long versions of the drills in tests/reliability/.

    python bench/reliability_bench.py                          # 50 kills, 5 x 1,000 codings, both backends
    python bench/reliability_bench.py --kills 10 --codings 200 --backend sqlite
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
import uuid
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, text  # noqa: E402

from tests.reliability.drills import concurrent_coders, kill_drill, seed_project  # noqa: E402
from tests.unit.importers.hostile_zips import bomb  # noqa: E402
from workbench.domain.errors import WorkbenchError  # noqa: E402
from workbench.project import Project  # noqa: E402


def _postgres_schema(base: str):
    schema = f"bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in base else "?"
    return f"{base}{separator}options=-csearch_path%3D{schema}", lambda: _drop(admin, schema)


def _drop(admin, schema: str) -> None:
    with admin.connect() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    admin.dispose()


def _backend(name: str, work: Path):
    """(url or None for the project's own SQLite file, cleanup) for a fresh project database."""
    if name == "sqlite":
        return None, lambda: None
    return _postgres_schema(os.environ["WORKBENCH_TEST_POSTGRES_URL"])


def kills(name: str, work: Path, count: int) -> None:
    url, cleanup = _backend(name, work)
    try:
        directory = work / f"kills-{name}"
        seed_project(directory, url).close()
        started = time.perf_counter()
        figures = kill_drill(directory, url, kills=count, seed=1919)
        seconds = time.perf_counter() - started
    finally:
        cleanup()
    print(f"[{name}] kill -9: {figures.kills} kills in {seconds:.0f} s; committed before the kills: "
          f"{figures.committed_documents} imports, {figures.committed_codings} codings; lost: "
          f"{'none' if not figures.problems else len(figures.problems)}; integrity problems: "
          f"{sum('lie outside' in p or 'damaged' in p or 'checksum' in p for p in figures.problems)}; "
          f"reopen + integrity check median {statistics.median(figures.reopen_seconds) * 1000:.0f} ms, "
          f"max {max(figures.reopen_seconds) * 1000:.0f} ms")
    for problem in figures.problems[:10]:
        print(f"    {problem}")


def coders(name: str, work: Path, per_coder: int) -> None:
    url, cleanup = _backend(name, work)
    try:
        directory = work / f"coders-{name}"
        seed_project(directory, url).close()
        figures = concurrent_coders(directory, url, coders=5, per_coder=per_coder)
    finally:
        cleanup()
    expected = 5 * per_coder
    print(f"[{name}] 5 coders x {per_coder:,} codings at once: stored {figures.stored:,} of {expected:,} "
          f"(lost {expected - figures.distinct:,}, duplicated {figures.stored - figures.distinct:,}), "
          f"{figures.events:,} events, {figures.seconds:.1f} s, {figures.stored / figures.seconds:.0f} codings/s")


def _undo_many(project: Project, times: int, done: list, refused: list, barrier: threading.Barrier) -> None:
    barrier.wait()
    for _ in range(times):
        try:
            done.append(project.history.undo().id)
        except WorkbenchError as exc:
            refused.append(str(exc))


def undo_from_two_places(name: str, work: Path, per_place: int = 25) -> None:
    url, cleanup = _backend(name, work)
    try:
        directory = work / f"undo-{name}"
        project = seed_project(directory, url)
        doc = project.documents.list()[0].id
        for n in range(2 * per_place):
            project.coding.apply(doc, "Vertrouwen", n, n + 5)
        places = [Project(project.url, directory, "anna") for _ in range(2)]
        done, refused = [], []
        barrier = threading.Barrier(2)
        threads = [threading.Thread(target=_undo_many, args=(p, per_place, done, refused, barrier)) for p in places]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        seconds = time.perf_counter() - started
        left = len(project.coding.list(document=doc))
        for place in places:
            place.close()
        project.close()
    finally:
        cleanup()
    print(f"[{name}] 2 x {per_place} undos at once by one coder: {len(done)} undone, {len(set(done))} distinct "
          f"events, {len(done) - len(set(done))} undone twice, {len(refused)} refused, {left} codings left, "
          f"{seconds:.1f} s")


def live_latency(work: Path, rounds: int = 20) -> None:
    url, cleanup = _backend("postgres", work)
    try:
        directory = work / "live"
        anna = seed_project(directory, url)
        doc = anna.documents.list()[0].id
        arrived = threading.Event()
        listener = anna.history.watch(arrived.set)
        listener.ready.wait(10)
        bram = Project(url, directory, "bram")
        delays, whole = [], []
        for n in range(rounds):
            arrived.clear()
            asked = time.perf_counter()
            bram.coding.apply(doc, "Vertrouwen", n, n + 4)
            committed = time.perf_counter()
            arrived.wait(10)
            now = time.perf_counter()
            delays.append(max(now - committed, 0.0))
            whole.append(now - asked)
            time.sleep(0.05)
        listener.stop()
        bram.close()
        anna.close()
    finally:
        cleanup()
    print(f"[postgres] a colleague's coding reaches a listener {statistics.median(delays) * 1000:.1f} ms after its "
          f"commit returns (median of {rounds}; max {max(delays) * 1000:.1f} ms); {statistics.median(whole) * 1000:.0f} "
          f"ms from the start of the colleague's call (max {max(whole) * 1000:.0f} ms)")


def _refusal(command: list[str], cwd: Path) -> tuple[float, int, str]:
    """Wall time, peak memory (MB) and the last stderr line of a workbench command in a process of its own."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "workbench", *command], cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) // 1024
    return seconds, peak, (done.stderr.strip().splitlines() or [""])[-1]


def hostile_archives(work: Path) -> None:
    directory = work / "hostile"
    Project.init(directory, coder="anna").close()
    import docx

    plain = work / "plain.docx"
    document = docx.Document()
    document.add_paragraph("R: Met vertrouwen.")
    document.save(str(plain))
    with zipfile.ZipFile(plain) as archive:
        others = {i.filename: archive.read(i) for i in archive.infolist() if i.filename != "word/document.xml"}
    paragraph = b"<w:p><w:r><w:t>Een gewone alinea uit een gewoon interview.</w:t></w:r></w:p>"
    cases = [
        ("1 GB of zeros", bomb(work / "zeros-1gb.docx", "word/document.xml", 1024, others)),
        ("10 GB of zeros", bomb(work / "zeros-10gb.docx", "word/document.xml", 10 * 1024, others)),
        ("1 GB of ordinary paragraphs", bomb(work / "paragraphs-1gb.docx", "word/document.xml", 1024, others,
                                             line=paragraph)),
    ]
    baseline, base_peak, _ = _refusal(["--help"], directory)
    print(f"[files] a bare `workbench --help` takes {baseline:.2f} s and {base_peak} MB")
    from workbench.importers.docx import read_docx

    for label, path in cases:
        tracemalloc.start()
        started = time.perf_counter()
        try:
            read_docx(path)
        except WorkbenchError:
            pass
        checked = time.perf_counter() - started
        guard_peak = tracemalloc.get_traced_memory()[1] / (1024 * 1024)
        tracemalloc.stop()
        print(f"[files] {label}: the archive check refuses it in {checked * 1000:.1f} ms, "
              f"{guard_peak:.1f} MB allocated at most")
        seconds, peak, line = _refusal(["import", str(path)], directory)
        size = path.stat().st_size / (1024 * 1024)
        print(f"[files] {label} in a {size:.1f} MB .docx: `workbench import` refuses it in {seconds:.2f} s "
              f"(start-up included), peak RSS of the commands so far {peak} MB: {line[:100]}…")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--codings", type=int, default=1000, help="codings per coder (5 coders)")
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="both")
    args = parser.parse_args()
    backends = ["sqlite", "postgres"] if args.backend == "both" else [args.backend]
    if "postgres" in backends and not os.environ.get("WORKBENCH_TEST_POSTGRES_URL"):
        print("WORKBENCH_TEST_POSTGRES_URL is not set: PostgreSQL is left out.")
        backends.remove("postgres")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        hostile_archives(work)
        for name in backends:
            undo_from_two_places(name, work)
            kills(name, work, args.kills)
            coders(name, work, args.codings)
        if "postgres" in backends:
            live_latency(work)


if __name__ == "__main__":
    main()
