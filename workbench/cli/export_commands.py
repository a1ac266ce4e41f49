"""`workbench export KIND`: one command per kind of export, side by side in the `export` group."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from workbench.cli import app
from workbench.cli.state import print_json, state
from workbench.domain.export_request import ExportRequest

export_app = typer.Typer(help="Export to Excel, Word, CSV, JSON, iCalendar and more.", no_args_is_help=True)
app.add_typer(export_app, name="export")


@export_app.command("timeline")
def timeline(
    ctx: typer.Context,
    format: Optional[str] = typer.Option(None, "--format", "-f", help="xlsx, docx, csv, json or ics (default: from --out)."),
    out: Optional[Path] = typer.Option(None, "--out", help="The file to write (default: exports/tijdlijn-DATE.FORMAT)."),
    start: Optional[str] = typer.Option(None, "--from", help="First day of the period (YYYY-MM-DD)."),
    end: Optional[str] = typer.Option(None, "--to", help="Last day of the period (YYYY-MM-DD)."),
    type: Optional[list[str]] = typer.Option(None, "--type", "-t", help="Only entries of this type (repeatable)."),
    actor: Optional[list[str]] = typer.Option(None, "--actor", "-a", help="Only entries with this actor present (repeatable)."),
    significance: Optional[list[str]] = typer.Option(None, "--significance", "-s", help="Only this significance (repeatable)."),
    include_internal: bool = typer.Option(False, "--include-internal", help="Include internal entries (left out by default)."),
    pseudonymise: bool = typer.Option(False, "--pseudonymise", help="Show actors by pseudonym and replace registered names."),
    as_json: bool = typer.Option(False, "--json", help="Print what was written as one JSON document."),
) -> None:
    """The monitoring timeline: Gantt workbook, Word report, CSV/JSON of entries, or a calendar."""
    from workbench.domain.errors import InvalidInput
    from workbench.domain.monitoring_drafts import read_filter

    if format is None and out is None:
        raise InvalidInput("Say which format to write: --format xlsx|docx|csv|json|ics, or an --out file with that extension.")
    wanted = read_filter(start=start, end=end, types=type or (), actors=actor or (), significances=significance or (),
                         include_internal=include_internal)
    done = state(ctx).project().monitoring.export_timeline(format, out, wanted, pseudonymise=pseudonymise)
    if as_json:
        print_json(done)
        return
    notes = [f"{done.entries} entries", f"{done.questions} questions", f"{done.actions} actions"]
    if done.pseudonymised:
        notes.append("pseudonymised")
    if done.internal_included:
        notes.append("internal entries included")
    typer.echo(f"Wrote {done.path} ({', '.join(notes)}).")
    if done.deidentification:
        typer.echo(f"De-identification report (scanned: no registered name left): {done.deidentification}")


# -- coded fragments, theme summaries, the codebook and the whole project --------------------------------

_CODE = typer.Option([], "--code", "-c", help="Only this code and its sub-codes (repeatable; default: every code).")
_QUERY = typer.Option(None, "--query", "-q", help="Only fragments where this code query holds, e.g. 'Vertrouwen AND Financiering'.")
_ATTR = typer.Option([], "--attr", help="Only documents with this attribute value, KEY=VALUE (repeatable).")
_CODER = typer.Option([], "--coder-filter", help="Only codings by this coder (repeatable).")
_DOC = typer.Option([], "--doc", help="Only this document, by id or title (repeatable).")
_SPEAKER = typer.Option([], "--speaker", help="Only fragments spoken by this speaker (repeatable).")
_STATUS = typer.Option([], "--status", help="applied (default), suggested or rejected (repeatable).")
_FROM = typer.Option(None, "--from", help="Only documents dated on or after this day (YYYY-MM-DD).")
_TO = typer.Option(None, "--to", help="Only documents dated on or before this day (YYYY-MM-DD).")
_SUBCODES = typer.Option(True, "--subcodes/--only", help="Codes with their sub-codes (the default), or alone.")
_PER_CODER = typer.Option(False, "--per-coder", help="Each coder's fragments apart, instead of one fragment per "
                          "passage naming every coder who coded it.")
_PSEUDO = typer.Option(False, "--pseudonymise", help="Replace every name in the register (see `workbench names`).")
_JSON = typer.Option(False, "--json", help="Print what was written as one JSON document.")


@export_app.command("fragments")
def fragments(
    ctx: typer.Context,
    out: Optional[Path] = typer.Option(None, "--out", help="The .xlsx or .csv file (default: exports/fragmenten-DATE.xlsx)."),
    format: Optional[str] = typer.Option(None, "--format", "-f", help="xlsx or csv (default: from --out)."),
    code: list[str] = _CODE, query: Optional[str] = _QUERY, attr: list[str] = _ATTR, coder: list[str] = _CODER,
    doc: list[str] = _DOC, speaker: list[str] = _SPEAKER, status: list[str] = _STATUS,
    date_from: Optional[str] = _FROM, date_to: Optional[str] = _TO,
    context: str = typer.Option("sentence", "--context", help="Context of each fragment: sentence, turn or none."),
    subcodes: bool = _SUBCODES, per_coder: bool = _PER_CODER,
    pseudonymise: bool = _PSEUDO, as_json: bool = _JSON,
) -> None:
    """Coded fragments to Excel (a sheet per theme, count sheets, the codebook) or CSV."""
    from workbench.cli.export_filters import default_out, fragment_filter, report

    project = state(ctx).project()
    wanted = fragment_filter(code, query, attr, coder, doc, speaker, status, date_from, date_to, context,
                             subcodes, per_coder)
    target = out or default_out(project, "fragmenten", format or "xlsx")
    report(project.exports.write(ExportRequest("fragments", format, target, wanted, pseudonymise)), as_json)


@export_app.command("themes")
def themes(
    ctx: typer.Context,
    out: Optional[Path] = typer.Option(None, "--out", help="The .docx file (default: exports/themas-DATE.docx)."),
    code: list[str] = _CODE, query: Optional[str] = _QUERY, attr: list[str] = _ATTR, coder: list[str] = _CODER,
    doc: list[str] = _DOC, speaker: list[str] = _SPEAKER, date_from: Optional[str] = _FROM,
    date_to: Optional[str] = _TO,
    by: Optional[str] = typer.Option(None, "--by", help="Count by this attribute (default: the organisation type)."),
    group_by: str = typer.Option("document", "--group-by", help="Group quotes by document or attribute."),
    quotes: Optional[int] = typer.Option(None, "--quotes", help="At most this many quotes per code."),
    choose: str = typer.Option("spread", "--choose", help="Which quotes when limited: spread, longest or first."),
    no_charts: bool = typer.Option(False, "--no-charts", help="Leave out the bar charts."),
    title: Optional[str] = typer.Option(None, "--title", help="Title on the first page (default: the project name)."),
    subcodes: bool = _SUBCODES, per_coder: bool = _PER_CODER,
    pseudonymise: bool = _PSEUDO, as_json: bool = _JSON,
) -> None:
    """A Word theme summary: definitions, counts, charts, attributed quotes and memos per theme."""
    from workbench.cli.export_filters import default_out, fragment_filter, report
    from workbench.domain.exports import ThemeOptions

    project = state(ctx).project()
    wanted = fragment_filter(code, query, attr, coder, doc, speaker, [], date_from, date_to, "none", subcodes,
                             per_coder)
    options = ThemeOptions(by, group_by, quotes, choose, not no_charts, title)
    target = out or default_out(project, "themas", "docx")
    report(project.exports.write(ExportRequest("themes", "docx", target, wanted, pseudonymise, options)), as_json)


@export_app.command("codebook")
def codebook(
    ctx: typer.Context,
    out: Optional[Path] = typer.Option(None, "--out", help="The .qdc, .yaml or .xlsx file (default: exports/codeboek-DATE.qdc)."),
    format: Optional[str] = typer.Option(None, "--format", "-f", help="qdc, yaml or xlsx (default: from --out)."),
    pseudonymise: bool = _PSEUDO, as_json: bool = _JSON,
) -> None:
    """The codebook with definitions and colours, with a manifest beside it."""
    from workbench.cli.export_filters import default_out, report

    project = state(ctx).project()
    target = out or default_out(project, "codeboek", format or "qdc")
    report(project.exports.write(ExportRequest("codebook", format, target, pseudonymise=pseudonymise)), as_json)


@export_app.command("qdpx")
def qdpx(
    ctx: typer.Context,
    out: Optional[Path] = typer.Option(None, "--out", help="The .qdpx file (default: exports/project-DATE.qdpx)."),
    pseudonymise: bool = _PSEUDO, as_json: bool = _JSON,
) -> None:
    """The whole project as REFI-QDA (.qdpx) for ATLAS.ti, NVivo, MAXQDA or QualCoder."""
    from workbench.cli.export_filters import default_out, report

    project = state(ctx).project()
    target = out or default_out(project, "project", "qdpx")
    report(project.exports.write(ExportRequest("qdpx", "qdpx", target, pseudonymise=pseudonymise)), as_json)


@app.command("import-project")
def import_project(
    ctx: typer.Context,
    path: Path = typer.Argument(..., help="A .qdpx (or .qde) from ATLAS.ti, NVivo, MAXQDA, QualCoder or workbench."),
    as_json: bool = _JSON,
) -> None:
    """Add a REFI-QDA project's documents, codes, codings, memos, cases and attributes to this project."""
    done = state(ctx).project().exports.import_project(path)
    if as_json:
        print_json(done)
    else:
        typer.echo(f"Imported from {path} ({done.origin or 'unknown program'}): {done.documents} documents "
                   f"({done.documents_merged} already here), {done.codes_added} new codes ({done.codes_matched} "
                   f"matched), {done.codings} codings ({done.codings_skipped} already here), {done.memos} memos, "
                   f"{done.cases} cases; positions read as {done.position_model}.")
        for line in done.notes:
            typer.echo(f"  {line}")
        if done.dropped:
            typer.echo("Not imported (the workbench does not hold these):")
            for line in done.dropped:
                typer.echo(f"  {line}")
        for line in done.unmapped:
            typer.echo(f"  {line}", err=True)
    if done.unmapped:
        raise typer.Exit(1)
