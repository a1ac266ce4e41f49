"""The log's entries as CSV (one row per entry, in the project's language, re-importable) and the whole report as
JSON (stored values, for programs)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from workbench.domain.monitoring import LogEntry
from workbench.domain.plain_values import plain
from workbench.domain.monitoring_labels import Labels
from workbench.domain.monitoring_report import TimelineReport
from workbench.exporters.export_files import replacing

CSV_COLUMNS = (
    "id", "date", "end_date", "time", "type", "title", "location", "actors", "observation", "interpretation",
    "reflection", "significance", "significance_why", "confidentiality", "author", "questions", "actions", "links",
)


def _iso(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def entry_row(entry: LogEntry, words: Labels | None = None) -> dict[str, str]:
    """An entry as flat text cells by field; with `words`, types, markings, statuses and confidentiality are in
    that language (words the log import reads back), else the stored spellings."""
    type_, significance, confidentiality, question = (
        (words.type, words.significance, words.confidentiality, words.question) if words is not None
        else (str, str, str, str))
    return {
        "id": str(entry.id), "date": _iso(entry.date), "end_date": _iso(entry.end_date), "time": _iso(entry.time),
        "type": type_(entry.type), "title": entry.title, "location": entry.location,
        "actors": "; ".join(a.name for a in entry.actors), "observation": entry.observation,
        "interpretation": entry.interpretation, "reflection": entry.reflection,
        "significance": significance(entry.significance), "significance_why": entry.significance_why,
        "confidentiality": confidentiality(entry.confidentiality), "author": entry.author or "",
        "questions": "; ".join(f"#{q.id} {q.text} ({question(q.status)})" for q in entry.questions),
        "actions": "; ".join(f"#{a.id} {a.action}" + (f" ({a.owner}, {a.due.isoformat()})" if a.due else "") for a in entry.actions),
        "links": "; ".join(f"{link.kind}: {link.label}" for link in entry.links),
    }


def write_entries_csv(report: TimelineReport, path: Path) -> Path:
    """Entries as UTF-8 CSV with a byte-order mark, so Excel shows accents correctly; headings and values in
    the project's language."""
    words = Labels(report.language)
    with replacing(path) as temporary:
        with temporary.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow([words.column(field) for field in CSV_COLUMNS])
            for entry in report.entries:
                row = entry_row(entry, words)
                writer.writerow([row[field] for field in CSV_COLUMNS])
    return Path(path)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    return plain(value)


def report_json(report: TimelineReport) -> dict[str, Any]:
    """The report as one JSON-ready document: entries first, then phases, agenda, actions and themes."""
    themes = report.timeline.themes
    return {
        "project": report.project,
        "generated": report.generated.isoformat(),
        "as_of": report.today.isoformat(),
        "pseudonymised": report.pseudonymised,
        "filter": asdict(report.filter),
        "entries": [asdict(e) for e in report.entries],
        "phases": [asdict(p) for p in report.phases],
        "questions": [
            {**asdict(q), "status": q.status, "days_open": q.days_open, "long_open": q.long_open} for q in report.questions
        ],
        "actions": [{**asdict(a), "overdue": a.overdue} for a in report.actions],
        "themes": {
            "months": [m.key for m in themes.months],
            "date_attribute": themes.date_attribute,
            "undated": themes.undated,
            "series": [{"code_id": s.code_id, "name": s.name, "counts": list(s.counts), "total": s.total} for s in themes.series],
        },
    }


def write_timeline_json(report: TimelineReport, path: Path) -> Path:
    """The report as pretty-printed UTF-8 JSON."""
    data = report_json(report)
    with replacing(path) as temporary:
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=_plain) + "\n", encoding="utf-8")
    return Path(path)
