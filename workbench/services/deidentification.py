"""Leak scans and the record of a pseudonymised export.

`scan_files` looks for every registered name in any exported file. Every pseudonymised export calls `finish`
on what it wrote: the files are scanned, a file that still holds a name is deleted with the export's other
files (one sentence says where the name was), and otherwise the de-identification report is written beside
the export and scanned too.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.deidentification import (
    DeidentificationRecord,
    entities_not_found,
    entity_counts,
    tally_sources,
)
from workbench.domain.errors import InvalidInput
from workbench.domain.leak_scan import ScanResult, scan_parts
from workbench.domain.pseudonyms import Replacer
from workbench.services.context import ServiceContext
from workbench.store.base import utcnow
from workbench.store.monitoring_schema import LogEntry
from workbench.store.schema import AttributeValue, Code, Document, Memo, ProjectSettings, Turn

# Which parts of the project each kind of export draws on.
DOCUMENTS, CODEBOOK, MEMOS, LOG = "documents", "codebook", "memos", "log"
SOURCES = {"qdpx": (DOCUMENTS, CODEBOOK, MEMOS), "fragments": (DOCUMENTS, CODEBOOK, MEMOS),
           "themes": (DOCUMENTS, CODEBOOK, MEMOS), "codebook": (CODEBOOK,), "timeline": (LOG,)}
SOURCE_LABELS = {"nl": {CODEBOOK: "Codeboek", MEMOS: "Memo's", LOG: "Monitoringlogboek"},
                 "en": {CODEBOOK: "Codebook", MEMOS: "Memos", LOG: "Monitoring log"}}


def scan(paths: Iterable[Path], replacer: Replacer, watch: Iterable[str] = ()) -> ScanResult:
    """Every registered name found in the files' text parts, file names inside packages included; the strings
    of `watch` that occur somewhere in them are noted in `seen` on the result."""
    from workbench.importers.export_parts import text_parts

    paths = [Path(p) for p in paths]
    waiting = {w for w in watch if w}
    seen: set[str] = set()

    def parts():
        for path in paths:
            for part in text_parts(path):
                for wanted in [w for w in waiting if w in part.text]:
                    waiting.discard(wanted)
                    seen.add(wanted)
                yield part

    count, leaks = scan_parts(parts(), replacer)
    return ScanResult(tuple(p.name for p in paths), count, tuple(leaks), frozenset(seen))


def scan_files(ctx: ServiceContext, paths: Iterable[Path]) -> ScanResult:
    """The leak scan of `workbench names check`: the project's whole register against the files."""
    from workbench.services.pseudonyms import build_replacer

    with ctx.read() as s:
        replacer = build_replacer(s)
    return scan(paths, replacer)


def _document_sources(s: Session) -> list[tuple[str, list[str | None]]]:
    speakers: dict[int, set[str]] = {}
    for document_id, speaker in s.execute(select(Turn.document_id, Turn.speaker).where(Turn.speaker.is_not(None))):
        speakers.setdefault(document_id, set()).add(cast(str, speaker))
    values: dict[int, list[str | None]] = {}
    for owner_id, value in s.execute(select(AttributeValue.document_id, AttributeValue.value_text)
                                        .where(AttributeValue.document_id.is_not(None))):
        values.setdefault(cast(int, owner_id), []).append(value)
    return [(title, [title, text, *sorted(speakers.get(doc_id, ())), *values.get(doc_id, [])])
            for doc_id, title, text in s.execute(select(Document.id, Document.title, Document.text)
                                                 .order_by(Document.title))]


def _sources(s: Session, kind: str, language: str) -> list[tuple[str, list[str | None]]]:
    labels = SOURCE_LABELS.get(language, SOURCE_LABELS["en"])
    wanted = SOURCES.get(kind, (DOCUMENTS, CODEBOOK, MEMOS, LOG))
    found: list[tuple[str, list[str | None]]] = []
    if DOCUMENTS in wanted:
        found += _document_sources(s)
    if CODEBOOK in wanted:
        texts = [t for row in s.execute(select(Code.name, Code.name_en, Code.description, Code.when_to_use,
                                               Code.when_not_to_use, Code.example)) for t in row]
        found.append((labels[CODEBOOK], texts))
    if MEMOS in wanted:
        found.append((labels[MEMOS], [t for row in s.execute(select(Memo.title, Memo.text)) for t in row]))
    if LOG in wanted:
        texts = [t for row in s.execute(select(LogEntry.title, LogEntry.location, LogEntry.observation,
                                               LogEntry.interpretation, LogEntry.reflection,
                                               LogEntry.significance_why)) for t in row]
        found.append((labels[LOG], texts))
    return found


def _refuse(written: list[Path], result: ScanResult) -> None:
    for path in written:
        Path(path).unlink(missing_ok=True)
    leak = result.leaks[0]
    more = f" and {len(result.leaks) - 1} more places" if len(result.leaks) > 1 else ""
    raise InvalidInput(
        f"The pseudonymised export still held the registered name '{leak.spelling}' in {leak.place}{more}, so "
        f"nothing was kept; register that spelling as a variant with `workbench names add` and export again.")


def finish(ctx: ServiceContext, replacer: Replacer, kind: str, export: Path, written: list[Path]) -> Path:
    """Scan what a pseudonymised export wrote and write its de-identification report; returns the report's path.

    A leak deletes every written file and raises, so no leaking file is left behind.
    """
    from workbench.exporters.deidentification_docx import render, report_path
    from workbench.exporters.export_files import write_bytes

    written = [Path(p) for p in written if p]
    with ctx.read() as s:
        settings = s.scalar(select(ProjectSettings).limit(1))
        language = settings.default_language if settings and settings.default_language in ("nl", "en") else "en"
        drawn = _sources(s, kind, language)
    parts = set(SOURCE_LABELS.get(language, SOURCE_LABELS["en"]).values())
    titles = {label: replacer.text(label) or label for label, _texts in drawn if label not in parts}
    result = scan(written, replacer, titles.values())
    if not result.clean:
        _refuse(written, result)
    # A document counts when the export shows it (a filtered export draws on some documents only).
    drawn = [(label, texts) for label, texts in drawn if label in parts or titles[label] in result.seen]
    sources, found, ages = tally_sources(replacer, drawn)
    record = DeidentificationRecord(
        export_file=Path(export).name, export_kind=kind, project=replacer.text(settings.name if settings else "") or "",
        created=utcnow(), language=language, entities=entity_counts(replacer), sources=sources,
        not_found=entities_not_found(replacer, found), age_band=replacer.age_band, ages_coarsened=ages, scan=result,
    )
    target = write_bytes(report_path(Path(export)), render(record))
    again = scan([target], replacer)
    if not again.clean:
        _refuse([*written, target], again)
    return target
