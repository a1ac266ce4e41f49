"""The log's entries as CSV (one row per entry, re-importable) and the whole report as JSON."""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import asdict, is_dataclass
from pathlib import Path
from typing import Any

from workbench.domain.monitoring import LogEntry
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


def entry_row(entry: LogEntry) -> dict[str, str]:
    """An entry as flat text cells, with the stored spellings so the file can be imported again."""
    return {
        "id": str(entry.id), "date": _iso(entry.date), "end_date": _iso(entry.end_date), "time": _iso(entry.time),
        "type": entry.type, "title": entry.title, "location": entry.location,
        "actors": "; ".join(a.name for a in entry.actors), "observation": entry.observation,
        "interpretation": entry.interpretation, "reflection": entry.reflection, "significance": entry.significance,
        "significance_why": entry.significance_why, "confidentiality": entry.confidentiality,
        "author": entry.author or "",
        "questions": "; ".join(f"#{q.id} {q.text} ({q.status})" for q in entry.questions),
        "actions": "; ".join(f"#{a.id} {a.action}" + (f" ({a.owner}, {a.due.isoformat()})" if a.due else "") for a in entry.actions),
        "links": "; ".join(f"{link.kind}: {link.label}" for link in entry.links),
    }


def write_entries_csv(report: TimelineReport, path: Path) -> Path:
    """Entries as UTF-8 CSV with a byte-order mark, so Excel shows accents correctly."""
    with replacing(path) as temporary:
        with temporary.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
            writer.writeheader()
            for entry in report.entries:
                writer.writerow(entry_row(entry))
    return Path(path)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


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
