"""Writing the timeline in one of its formats: Excel, Word, CSV, JSON or iCalendar."""

from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path

from workbench.domain.errors import InvalidInput
from workbench.domain.monitoring import EntryFilter
from workbench.domain.monitoring_report import EXPORT_FORMATS, TimelineExport, TimelineReport
from workbench.exporters.export_files import check_writable, write_bytes
from workbench.exporters.manifest import ContentHash, make_manifest, manifest_path
from workbench.services.context import ServiceContext
from workbench.services.monitoring_timeline import TimelineService

WRITERS = {
    "xlsx": ("workbench.exporters.timeline_xlsx", "write_timeline_xlsx"),
    "docx": ("workbench.exporters.timeline_docx", "write_timeline_docx"),
    "csv": ("workbench.exporters.timeline_csv", "write_entries_csv"),
    "json": ("workbench.exporters.timeline_csv", "write_timeline_json"),
    "ics": ("workbench.exporters.timeline_ics", "write_timeline_ics"),
}


def export_format(value: str | None, path: str | Path | None) -> str:
    """The format asked for, or the one the file name's extension names."""
    fmt = (value or (Path(path).suffix.lstrip(".") if path else "") or "").casefold().lstrip(".")
    if fmt == "ical":
        fmt = "ics"
    if fmt not in EXPORT_FORMATS:
        raise InvalidInput(f"The timeline cannot be exported as '{value or fmt}'; use --format {'|'.join(EXPORT_FORMATS)}.")
    return fmt


def default_path(ctx: ServiceContext, fmt: str, today: dt.date) -> Path:
    """exports/tijdlijn-YYYY-MM-DD.EXT in the project folder (the current folder for a database URL)."""
    folder = (ctx.project_dir / "exports") if ctx.project_dir else Path.cwd()
    return folder / f"tijdlijn-{today.isoformat()}.{fmt}"


def export_timeline(ctx: ServiceContext, fmt: str | None, path: str | Path | None = None,
                    wanted: EntryFilter | None = None, *, pseudonymise: bool = False,
                    today: dt.date | None = None) -> TimelineExport:
    """Build the report for the filter and write it; nothing is left behind when writing fails."""
    fmt = export_format(fmt, path)
    today = today or dt.date.today()
    target = Path(path).expanduser() if path else default_path(ctx, fmt, today)
    wanted = wanted or EntryFilter(include_internal=False)
    report = TimelineService(ctx).report(wanted, pseudonymised=pseudonymise, today=today)
    target = check_writable(target, f"tijdlijn.{fmt}")
    module, function = WRITERS[fmt]
    author = {"author": ctx.coder} if fmt == "docx" else {}  # the Word file names who made it
    getattr(importlib.import_module(module), function)(report, target, **author)
    manifest = write_bytes(manifest_path(target), _manifest(ctx, report, target, fmt).to_json())
    record = None
    if pseudonymise:
        from workbench.services.deidentification import finish
        from workbench.services.pseudonyms import build_replacer

        with ctx.read() as s:
            replacer = build_replacer(s)
        if not replacer.empty:  # without actors or names there is nothing a timeline could leak
            record = str(finish(ctx, replacer, "timeline", target, [target, manifest]))
    return TimelineExport(str(target), fmt, len(report.entries), len(report.questions), len(report.actions),
                          report.pseudonymised, wanted.include_internal, record)


def _codebook_version(ctx: ServiceContext) -> str:
    try:
        from workbench.services.codebook import CodebookService
    except ImportError:
        return ""
    return CodebookService(ctx).version()


def _manifest(ctx: ServiceContext, report: TimelineReport, target: Path, fmt: str):
    """The manifest beside the export: filters, counts, pseudonymisation and a hash of what was exported."""
    from workbench.exporters.timeline_csv import entry_row

    content = ContentHash()
    for entry in report.entries:
        content.row(entry_row(entry))
    for question in report.questions:
        content.row([question.text, question.raised_by, [(c.status, c.date) for c in question.history]])
    for action in report.actions:
        content.row([action.action, action.owner, action.due, action.status])
    for phase in report.phases:
        content.row([phase.name, phase.track, phase.start, phase.end])
    for series in report.timeline.themes.series:
        content.row([series.name, list(series.counts)])
    wanted = report.filter
    filters = {"format": fmt, "from": wanted.start, "to": wanted.end, "types": wanted.types, "actors": wanted.actors,
               "significances": wanted.significances, "internal_included": wanted.include_internal or None}
    counts = {"entries": len(report.entries), "questions": len(report.questions), "actions": len(report.actions),
              "phases": len(report.phases)}
    return make_manifest("timeline", target, report.project, _codebook_version(ctx), content, filters, counts,
                         report.pseudonymised)
