"""Reliability drills shared by the test suite (short runs) and bench/reliability_bench.py (long runs).

Workers are forked processes with a project of their own, as separate programs on a team would be; each
reports what it committed on a pipe, one line per commit, so a drill can check afterwards that nothing it was
told was committed got lost.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

from workbench.project import Project
from workbench.store.integrity import integrity_problems
from workbench.store.schema import Coder, Coding, Document, Event

FORK = multiprocessing.get_context("fork")
CODES = ("Vertrouwen", "Financiering/Huurinkomsten", "Financiering/Geen langjarig kader")


def transcript(label: str, turns: int = 60) -> str:
    """A plain-text interview of `turns` turns, its first line naming it."""
    lines = [f"I: Gesprek {label}, vraag over de wijkonderneming?"]
    for n in range(turns):
        speaker = "R" if n % 2 else "I"
        lines.append(f"{speaker}: Over vertrouwen en financiering, deel {n} van {label}: de huurinkomsten en de "
                     "subsidie van de gemeente bepalen wat de bewoners samen kunnen doen.")
    return "\n".join(lines) + "\n"


def seed_project(directory: Path, url: str | None, documents: int = 2) -> Project:
    """A project with a few documents to code, by anna."""
    project = Project.init(directory, db=url, coder="anna")
    sources = directory / "bronnen"
    sources.mkdir(exist_ok=True)
    paths = []
    for n in range(documents):
        path = sources / f"start-{n}.txt"
        path.write_text(transcript(f"start {n}"), encoding="utf-8")
        paths.append(path)
    results = project.documents.import_paths(paths)
    assert all(r.status == "imported" for r in results), [r.message for r in results]
    return project


def _report(fd: int, line: str) -> None:
    os.write(fd, (line + "\n").encode())  # one write under PIPE_BUF: a kill never leaves half a line


def _crash_worker(url: str, directory: str, label: str, seed: int, fd: int) -> None:
    """Import and code for ever (until killed), reporting each commit."""
    rng = random.Random(seed)
    project = Project(url, Path(directory), f"crash-{label}")
    with project.ctx.read() as s:
        lengths = dict(s.execute(select(Document.id, func.length(Document.text))).all())
    docs = list(lengths)
    n = 0
    while True:
        n += 1
        if rng.random() < 0.3:
            path = Path(directory) / "bronnen" / f"kill-{label}-{n}.txt"
            path.write_text(transcript(f"{label}-{n}", turns=rng.randint(20, 150)), encoding="utf-8")
            result = project.documents.import_paths([path])[0]
            if result.status == "imported":
                _report(fd, f"document {result.document_id}")
        else:
            doc_id = rng.choice(docs)
            start = rng.randrange(0, lengths[doc_id] - 40)
            coding = project.coding.apply(doc_id, rng.choice(CODES), start, start + rng.randint(5, 40))
            _report(fd, f"coding {coding.id}")
        if n == 1:
            _report(fd, "ready")  # the kill comes at a random point after the first commit, in the thick of it


def _read_until_ready(fd: int) -> bytes | None:
    """What the worker wrote up to and past its "ready" line (None when it ends before that)."""
    data = b""
    while b"ready\n" not in data:
        chunk = os.read(fd, 4096)
        if not chunk:
            return None
        data += chunk
    return data


def _read_reports(fd: int, first: bytes = b"") -> list[str]:
    chunks = [first]
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks).decode().splitlines()


@dataclass
class CrashFigures:
    kills: int = 0
    committed_documents: int = 0
    committed_codings: int = 0
    problems: list[str] = field(default_factory=list)
    reopen_seconds: list[float] = field(default_factory=list)


def _missing(project: Project, table, ids: set[int]) -> set[int]:
    with project.ctx.read() as s:
        found = set(s.scalars(select(table.id).where(table.id.in_(ids)))) if ids else set()
    return ids - found


def kill_drill(directory: Path, url: str | None, kills: int, seed: int = 19,
               delay: tuple[float, float] = (0.02, 0.25)) -> CrashFigures:
    """Kill a worker (kill -9) `kills` times at random points of importing and coding; after each kill the
    project must open, pass the integrity check and hold everything the worker reported as committed."""
    rng = random.Random(seed)
    figures = CrashFigures()
    url = url or f"sqlite:///{directory / '.workbench' / 'project.db'}"
    documents: set[int] = set()
    codings: set[int] = set()
    for round_ in range(kills):
        read_fd, write_fd = os.pipe()
        worker = FORK.Process(target=_crash_worker, args=(url, str(directory), str(round_), rng.random(), write_fd))
        worker.start()
        os.close(write_fd)
        first = _read_until_ready(read_fd)
        if first is None:
            worker.kill()
            worker.join()
            figures.problems.append(f"round {round_}: the worker stopped before its first commit")
            os.close(read_fd)
            continue
        time.sleep(rng.uniform(*delay))
        os.kill(worker.pid, signal.SIGKILL)
        worker.join()
        for line in _read_reports(read_fd, first):
            kind, _, number = line.partition(" ")
            if kind in ("document", "coding"):
                (documents if kind == "document" else codings).add(int(number))
        os.close(read_fd)
        figures.kills += 1
        started = time.perf_counter()
        try:
            project = Project.open(directory, db=None if url.startswith("sqlite") else url, coder="check")
        except Exception as exc:  # noqa: BLE001 - a drill reports every failure instead of stopping at one
            figures.problems.append(f"round {round_}: the project does not open: {exc}")
            continue
        with project:
            with project.ctx.read() as s:
                figures.problems += [f"round {round_}: {p}" for p in integrity_problems(s)]
            figures.reopen_seconds.append(time.perf_counter() - started)
            lost_docs, lost_codings = _missing(project, Document, documents), _missing(project, Coding, codings)
            if lost_docs or lost_codings:
                figures.problems.append(f"round {round_}: committed rows are gone: documents {sorted(lost_docs)}, "
                                        f"codings {sorted(lost_codings)}")
    figures.committed_documents, figures.committed_codings = len(documents), len(codings)
    return figures


def _coder_worker(url: str, directory: str, coder: str, count: int, doc_id: int, start, fd: int) -> None:
    project = Project(url, Path(directory), coder)
    start.wait()
    for n in range(count):
        coding = project.coding.apply(doc_id, CODES[n % len(CODES)], n, n + 3)
        _report(fd, str(coding.id))
    project.close()


@dataclass
class CoderFigures:
    coders: int
    per_coder: int
    stored: int
    distinct: int
    reported: int
    events: int
    seconds: float
    per_coder_stored: dict[str, int]


def concurrent_coders(directory: Path, url: str | None, coders: int, per_coder: int) -> CoderFigures:
    """`coders` processes code the same document at once, `per_coder` codings each (on the same spans)."""
    url = url or f"sqlite:///{directory / '.workbench' / 'project.db'}"
    with Project(url, directory, "anna") as project:
        doc_id = project.documents.list()[0].id
    start = FORK.Event()
    read_fd, write_fd = os.pipe()
    names = [f"coder{n}" for n in range(coders)]
    workers = [FORK.Process(target=_coder_worker, args=(url, str(directory), name, per_coder, doc_id, start, write_fd))
               for name in names]
    for worker in workers:
        worker.start()
    os.close(write_fd)
    began = time.perf_counter()
    start.set()
    reported = _read_reports(read_fd)
    for worker in workers:
        worker.join()
    seconds = time.perf_counter() - began
    os.close(read_fd)
    with Project(url, directory, "anna") as project, project.ctx.read() as s:
        rows = s.execute(select(Coder.name, Coding.start, Coding.end, Coding.code_id)
                         .join(Coder, Coder.id == Coding.coder_id).where(Coder.name.in_(names))).all()
        events = s.scalar(select(func.count()).select_from(Event).join(Coder, Coder.id == Event.coder_id)
                          .where(Coder.name.in_(names)))
    per_coder_stored = {name: sum(1 for row in rows if row[0] == name) for name in names}
    return CoderFigures(coders, per_coder, len(rows), len(set(rows)), len(set(reported)), events, seconds,
                        per_coder_stored)
