"""`workbench log import-report FILE...`: meeting reports into the monitoring log, with a preview first."""

from __future__ import annotations

from pathlib import Path

import typer

from workbench.cli.monitoring_commands import AS_JSON, log_app
from workbench.cli.state import print_json, state


@log_app.command("import-report")
def import_report(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., help="Reports as .md, .txt, .docx or .odt (Dutch or English)."),
    preview: bool = typer.Option(False, "--preview", help="Show what would be imported and write nothing."),
    questions: str = typer.Option(
        "none", "--questions", help="Which of the report's questions go on the learning agenda: none, all, or 1,3."),
    as_json: bool = AS_JSON,
) -> None:
    """Make a log entry from each meeting report: date, type, place, attendees (into the actor register), the
    announced dates as planned entries, and the report's text as a codable document linked to the entry.

    Each report is one undoable step; a report that cannot be read is said in one sentence and the others go
    on (exit code 1). What a report holds that could not be placed is listed, never dropped.
    """
    from dataclasses import asdict

    from workbench.domain.errors import WorkbenchError

    choice = _questions(questions)
    service = state(ctx).project().monitoring.reports
    results, failed = [], 0
    for path in paths:
        try:
            result = service.preview(path) if preview else service.import_report(path, questions=choice)
        except WorkbenchError as error:
            if len(paths) == 1:
                raise
            typer.echo(str(error), err=True)
            failed += 1
            continue
        results.append(result)
        if as_json:
            continue
        plan = result if preview else result.plan
        typer.echo("\n".join(plan.lines()))
        if not preview:
            typer.echo(result.line)
        elif any(q.existing_id is None for q in plan.questions):
            typer.echo("  (import with --questions all, or --questions 1,3, to put questions on the learning agenda)")
    if as_json:
        print_json([asdict(r) for r in results])
    if failed:
        raise typer.Exit(1)


def _questions(value: str):
    from workbench.domain.errors import InvalidInput

    text = value.strip().casefold()
    if text in ("none", "geen", ""):
        return ()
    if text in ("all", "alle"):
        return "all"
    try:
        return tuple(int(part) for part in text.replace(" ", "").split(","))
    except ValueError:
        raise InvalidInput(f"--questions '{value}' is not none, all or numbers like 1,3.") from None
