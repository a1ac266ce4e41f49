"""The CPU-heavy half of an import: read each file into text, turns, sentences, word count and hash.

It touches no database, so it runs in worker processes when an import is large enough to gain from both cores;
the main process stores the results in file order as they arrive.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from workbench.domain.errors import WorkbenchError
from workbench.domain.text import count_words, text_sha256
from workbench.importers.registry import read_transcript
from workbench.nlp.sentences import split_sentences

# Below this much input, starting worker processes costs more than it saves: on 2 cores the fork server and
# its imports take 2-3 s, and 100 interviews of 8,000 words (5 MB) import in 2.5 s in one process.
_PARALLEL_FILES = 8
_PARALLEL_BYTES = 40_000_000
# Office files are compressed XML: each byte holds several bytes' worth of reading.
_PACKED = {".docx": 5, ".odt": 5, ".pdf": 3}

TurnRow = tuple[int, int, str | None, float | None, float | None]


@dataclass(frozen=True)
class ImportSettings:
    """How to read the files: a forced language (or None to detect), speaker names and extra label patterns."""

    language: str | None
    default_language: str
    speaker_map: tuple[tuple[str, str], ...] = ()
    speaker_patterns: tuple[str, ...] = ()


@dataclass(frozen=True)
class PreparedDocument:
    """A file read and ready to store (plain values, so it travels between processes cheaply)."""

    path: str
    title: str
    format: str
    language: str
    text: str
    sha256: str
    words: int
    metadata: dict[str, str]
    turns: list[TurnRow]
    sentences: list[tuple[int, int]]


@dataclass(frozen=True)
class PreparationFailed:
    """A file that could not be read, with the sentence that says why."""

    path: str
    message: str


def prepare(path: str, settings: ImportSettings) -> PreparedDocument | PreparationFailed:
    """Read one file; a file that cannot be read gives PreparationFailed, never an exception."""
    try:
        parsed = read_transcript(
            Path(path), extra_speaker_patterns=settings.speaker_patterns, speaker_map=dict(settings.speaker_map)
        )
        language = settings.language or parsed.language or settings.default_language
        sentences = split_sentences(parsed.text, parsed.turns, language)
    except WorkbenchError as error:
        return PreparationFailed(path, str(error))
    except Exception as error:  # noqa: BLE001 - one unreadable file must not stop the others
        return PreparationFailed(path, f"{path} could not be read ({type(error).__name__}: {error}).")
    return PreparedDocument(
        path=path,
        title=parsed.title,
        format=parsed.format,
        language=language,
        text=parsed.text,
        sha256=text_sha256(parsed.text),
        words=count_words(parsed.text),
        metadata=dict(parsed.metadata),
        turns=[(t.start, t.end, t.speaker, t.t_start, t.t_end) for t in parsed.turns],
        sentences=sentences,
    )


def worker_count(paths: Sequence[Path]) -> int:
    """How many processes to read `paths` with: one, unless there is enough work for every core."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if cores < 2 or len(paths) < _PARALLEL_FILES:
        return 1
    size = 0
    for path in paths:
        try:
            size += path.stat().st_size * _PACKED.get(path.suffix.lower(), 1)
        except OSError:
            continue
    return min(cores, len(paths)) if size >= _PARALLEL_BYTES else 1


def prepare_all(
    paths: Sequence[str], settings: ImportSettings, *, workers: int = 1
) -> Iterator[PreparedDocument | PreparationFailed]:
    """Read `paths` and yield their results in the same order, in `workers` processes when more than one.

    Should the worker processes fail as a whole, the files not yet read are read here instead.
    """
    if workers <= 1 or not _workers_can_start():
        yield from (prepare(path, settings) for path in paths)
        return
    # A fork server, not fork: the caller may be a threaded program (the TUI), and forking threads is unsafe.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["workbench.services.import_worker"])
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    try:
        futures = [pool.submit(prepare, path, settings) for path in paths]
        for path, future in zip(paths, futures):
            try:
                yield future.result()
            except BrokenProcessPool:
                yield prepare(path, settings)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _workers_can_start() -> bool:
    """Worker processes re-import the main script; a program read from stdin has none to re-import."""
    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    return main_file is None or Path(main_file).exists()
