"""Commands that create, open and describe a project: the root, init, status, demo."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from workbench.cli import app
from workbench.cli.state import CliState, print_json, state


@app.callback()
def root(
    ctx: typer.Context,
    project: Optional[str] = typer.Option(None, "--project", "-p", help="Project folder or database URL (default: the current folder)."),
    db: Optional[str] = typer.Option(None, "--db", help="Database URL instead of the project's own SQLite file (also WORKBENCH_DB)."),
    coder: Optional[str] = typer.Option(None, "--coder", help="Who is working (default: your user name)."),
    debug: bool = typer.Option(False, "--debug", help="Show the full traceback of an unexpected error."),
    wait: Optional[float] = typer.Option(None, "--wait", min=0.1, help="Seconds to wait for a colleague's lock on the database before giving up (default 30, or WORKBENCH_LOCK_TIMEOUT)."),
) -> None:
    """Qualitative research workbench. Without a command it opens the project in the terminal UI."""
    ctx.obj = CliState(project_dir=project, db=db, coder=coder, debug=debug, wait=wait)
    # The project's connections end with the command, also when it runs inside a longer process.
    ctx.call_on_close(ctx.obj.close)
    if ctx.invoked_subcommand is None:
        _open_tui(ctx.obj)


@app.command("open")
def open_document(
    ctx: typer.Context,
    document: str = typer.Argument(..., help="Document id or exact title."),
    at: Optional[int] = typer.Option(None, "--at", min=0, help="Put the selection at this character offset."),
) -> None:
    """Open a document in the coding screen."""
    cli = state(ctx)
    cli.project().documents.show(document)  # an unknown document is reported here, before the UI starts
    _open_tui(cli, document=document, at=at)


def _open_tui(cli: CliState, **screen) -> None:
    from workbench.domain.errors import ProjectError
    from workbench.tui.app import run_app

    try:
        project = cli.project()
    except ProjectError as exc:
        project, reason = None, str(exc)
    else:
        reason = ""
    run_app(project, reason=reason, document=screen.get("document"), at=screen.get("at"))


@app.command()
def init(
    ctx: typer.Context,
    directory: Path = typer.Argument(Path("."), help="Folder for the new project (created if missing)."),
    name: Optional[str] = typer.Option(None, "--name", help="Project name (default: the folder's name)."),
    language: str = typer.Option("nl", "--language", help="Default language of the transcripts: nl or en."),
    db: Optional[str] = typer.Option(None, "--db", help="Keep the project in this database (a PostgreSQL URL for a team) instead of its own SQLite file."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON."),
) -> None:
    """Create a project folder with its database and the default codebook."""
    from workbench.domain.errors import InvalidInput
    from workbench.project import Project

    if language not in ("nl", "en"):
        raise InvalidInput(f"--language must be nl or en, not '{language}'.")
    cli = state(ctx)
    if db and cli.db and db != cli.db:
        raise InvalidInput("--db is given twice with different URLs; give it once.")
    with Project.init(directory, name=name, db=db or cli.db, coder=cli.coder, language=language,
                      waiting=cli.waiting()) as project:
        summary = project.status.summary()
    if as_json:
        print_json({"directory": str(project.directory), **_status_json(summary)})
    else:
        typer.echo(f"Created project '{summary.name}' in {project.directory} ({summary.codes} codes).")


@app.command()
def upgrade(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print one JSON document.")) -> None:
    """Bring the project's database to this workbench's schema, after a backup (the one way to upgrade a
    shared PostgreSQL database, for the whole team)."""
    from workbench.project import Project

    cli = state(ctx)
    before, after, backup = Project.upgrade(cli.project_dir, db=cli.db, coder=cli.coder, waiting=cli.waiting())
    if as_json:
        print_json({"from": before, "to": after, "backup": None if backup is None else str(backup)})
    elif before == after:
        typer.echo(f"The database is at schema {after} already; nothing to upgrade.")
    else:
        typer.echo(f"Upgraded the database from schema {before} to {after}; the backup is {backup}.")


@app.command()
def check(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print one JSON document.")) -> None:
    """Check that the project's database is whole: the file, its links, and every text and span (after a crash,
    say); changes nothing."""
    from workbench.domain.errors import ProjectError
    from workbench.services.integrity import check_project

    project = state(ctx).project()
    problems = check_project(project.ctx)
    if as_json:
        print_json({"whole": not problems, "problems": problems})
        return
    if problems:
        raise ProjectError(f"The project database {project.display_url} is not whole: {'; '.join(problems)}; "
                           f"restore it from .workbench/backups or ask for help before changing it.")
    typer.echo(f"The project database {project.display_url} is whole.")


def _status_json(summary) -> dict:
    from dataclasses import asdict

    data = asdict(summary)
    data["created"] = summary.created.isoformat() if summary.created else None
    return data


@app.command()
def status(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print one JSON document.")) -> None:
    """What the project holds: documents, codes, codings, memos, log entries."""
    from workbench.project import Project

    cli = state(ctx)
    summary = Project.peek_status(cli.project_dir, db=cli.db) or cli.project().status.summary()
    if as_json:
        print_json(_status_json(summary))
        return
    rows = [
        ("Project", summary.name), ("Database", summary.database), ("Schema", summary.schema_revision or "-"),
        ("Documents", summary.documents), ("Codes", summary.codes), ("Codings", summary.codings),
        ("Suggestions", summary.suggestions), ("Memos", summary.memos), ("Log entries", summary.log_entries),
        ("Coders", summary.coders),
    ]
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        typer.echo(f"{label:<{width}}  {value}")


@app.command()
def demo(
    ctx: typer.Context,
    directory: Optional[Path] = typer.Argument(None, help="Where to make the demo project (default: your data folder)."),
    fresh: bool = typer.Option(False, "--fresh", help="Throw away an existing demo project there and start again."),
    no_open: bool = typer.Option(False, "--no-open", help="Only make the project; do not open the terminal UI."),
) -> None:
    """Make a demo project (sample transcripts, the codebook, a monitoring log) and open it."""
    from workbench.project import Project

    cli = state(ctx)
    project = Project.demo(directory, fresh=fresh, coder=cli.coder)
    cli.project_dir, cli._project = project.directory, project
    typer.echo(f"Demo project in {project.directory}", err=True)
    if not no_open:
        _open_tui(cli)
