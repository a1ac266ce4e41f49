"""`workbench log ...`: the monitoring log's entries (add, list, show, edit, link, memo, remove)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import typer

from workbench.cli import app
from workbench.cli.state import print_json, state

log_app = typer.Typer(help="The monitoring log: entries, actors, phases, imports and the timeline.", no_args_is_help=True)
app.add_typer(log_app, name="log")

# Field options shared by `log add` and `log edit`.
DATE = typer.Option(None, "--date", help="Date of the entry (YYYY-MM-DD; default for add: today).")
END = typer.Option(None, "--end", help="End date, for entries that run over several days.")
TIME = typer.Option(None, "--time", help="Time of day (HH:MM).")
TYPE = typer.Option(None, "--type", "-t", help="interview, meeting, work visit, workshop, training, phone/e-mail, observation, decision, milestone, other.")
TITLE = typer.Option(None, "--title", help="A short title.")
LOCATION = typer.Option(None, "--location", help="Where it happened.")
ACTOR = typer.Option(None, "--actor", "-a", help="An actor present (repeat for more; names from `log actor list`).")
OBSERVATION = typer.Option(None, "--observation", "-o", help="What happened, factual.")
INTERPRETATION = typer.Option(None, "--interpretation", help="What it means.")
REFLECTION = typer.Option(None, "--reflection", help="Your reflection.")
SIGNIFICANCE = typer.Option(None, "--significance", "-s", help="none, high point, low point, learning moment, turning point.")
WHY = typer.Option(None, "--why", help="Why it is a high point, low point, learning moment or turning point.")
CONFIDENTIALITY = typer.Option(None, "--confidentiality", help="normal or internal (internal entries stay out of exports).")
AUTHOR = typer.Option(None, "--author", help="Who wrote the entry (default: you).")
AS_JSON = typer.Option(False, "--json", help="Print one JSON document.")


def _fields(**given: Any) -> dict[str, Any]:
    """The entry fields given on the command line (options left out are not changed)."""
    names = {"end": "end_date", "why": "significance_why", "actor": "actors"}
    return {names.get(k, k): (list(v) if isinstance(v, (list, tuple)) else v) for k, v in given.items() if v not in (None, [], ())}


def _edit_text(ctx: typer.Context, template: str) -> dict[str, Any] | None:
    """Open $EDITOR on a template; the values read back, None when the title was left empty."""
    from workbench.domain.errors import InvalidInput
    from workbench.domain.monitoring_template import parse_template

    import click

    edited = click.edit(template, extension=".txt", require_save=False)
    if edited is None:
        return None
    try:
        values = parse_template(edited)
    except InvalidInput as exc:
        kept = _keep(ctx, edited)
        raise InvalidInput(f"{str(exc).rstrip('.')}; your text is kept in {kept}.") from None
    return values if values.get("title") else None


def _keep(ctx: typer.Context, text: str) -> Path:
    """Save an entry that could not be read, so nothing typed is lost."""
    project = state(ctx).project()
    folder = (project.directory / ".workbench") if project.directory else Path.cwd()
    path = folder / "unsaved-log-entry.txt"
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)  # the entry may name people: private like the rest of .workbench/
    return path


@log_app.command("add")
def add(
    ctx: typer.Context, date: Optional[str] = DATE, end: Optional[str] = END, time: Optional[str] = TIME,
    type: Optional[str] = TYPE, title: Optional[str] = TITLE, location: Optional[str] = LOCATION,
    actor: Optional[list[str]] = ACTOR, observation: Optional[str] = OBSERVATION,
    interpretation: Optional[str] = INTERPRETATION, reflection: Optional[str] = REFLECTION,
    significance: Optional[str] = SIGNIFICANCE, why: Optional[str] = WHY,
    confidentiality: Optional[str] = CONFIDENTIALITY, internal: bool = typer.Option(False, "--internal", help="Same as --confidentiality internal."),
    author: Optional[str] = AUTHOR,
    doc: Optional[list[str]] = typer.Option(None, "--doc", help="Link a document (id or exact title), e.g. the interview's transcript."),
    code: Optional[list[str]] = typer.Option(None, "--code", help="Link a code (path, name or GUID)."),
    coding: Optional[list[str]] = typer.Option(None, "--coding", help="Link a coding by its id."),
    memo: str = typer.Option("", "--memo", help="A first memo on the entry."),
    edit: bool = typer.Option(False, "--edit", help="Write the entry in $EDITOR, starting from the options given."),
    as_json: bool = AS_JSON,
) -> None:
    """Add an entry to the monitoring log."""
    import datetime as dt

    values = _fields(date=date, end=end, time=time, type=type, title=title, location=location, actor=actor,
                     observation=observation, interpretation=interpretation, reflection=reflection,
                     significance=significance, why=why, confidentiality="internal" if internal else confidentiality,
                     author=author)
    values.setdefault("date", dt.date.today().isoformat())
    project = state(ctx).project()
    if edit:
        from workbench.domain.monitoring_template import render_template

        template_values = {"significance": "none", "confidentiality": "normal", "author": project.coder, **values}
        edited = _edit_text(ctx, render_template(template_values))
        if edited is None:
            typer.echo("workbench: no entry added (the title was left empty).", err=True)
            raise typer.Exit(1)
        values = edited
    entry = project.monitoring.entries.add(values, documents=tuple(doc or ()), codes=tuple(code or ()),
                                           codings=tuple(coding or ()), memo=memo)
    if as_json:
        print_json(entry)
    else:
        from workbench.domain.monitoring_values import label

        typer.echo(f"Logged #{entry.id}: {entry.date.isoformat()} {label(entry.type)} '{entry.title}'.")


@log_app.command("list")
def list_entries(
    ctx: typer.Context,
    start: Optional[str] = typer.Option(None, "--from", help="First day (YYYY-MM-DD)."),
    end: Optional[str] = typer.Option(None, "--to", help="Last day (YYYY-MM-DD)."),
    type: Optional[list[str]] = typer.Option(None, "--type", "-t", help="Only this type (repeatable)."),
    actor: Optional[list[str]] = typer.Option(None, "--actor", "-a", help="Only entries with this actor present (repeatable)."),
    significance: Optional[list[str]] = typer.Option(None, "--significance", "-s", help="Only this significance (repeatable)."),
    no_internal: bool = typer.Option(False, "--no-internal", help="Leave internal entries out."),
    as_json: bool = AS_JSON,
) -> None:
    """The entries of the log in date order."""
    from workbench.domain.monitoring_drafts import read_filter

    wanted = read_filter(start=start, end=end, types=type or (), actors=actor or (), significances=significance or (),
                         include_internal=not no_internal)
    entries = state(ctx).project().monitoring.entries.list(wanted)
    if as_json:
        print_json(entries)
        return
    from workbench.cli.monitoring_text import entry_line

    for entry in entries:
        typer.echo(entry_line(entry))
    if not entries:
        typer.echo("No log entries match." if (start or end or type or actor or significance) else
                   "The log is empty; add an entry with `workbench log add` or set up the year with `workbench log init-year`.", err=True)


@log_app.command("show")
def show(ctx: typer.Context, entry_id: str = typer.Argument(..., help="The entry's id."), as_json: bool = AS_JSON) -> None:
    """One entry with everything on it."""
    entry = state(ctx).project().monitoring.entries.get(entry_id)
    if as_json:
        print_json(entry)
        return
    from workbench.cli.monitoring_text import entry_detail

    typer.echo(entry_detail(entry))


@log_app.command("edit")
def edit(
    ctx: typer.Context, entry_id: str = typer.Argument(..., help="The entry's id."),
    date: Optional[str] = DATE, end: Optional[str] = END, time: Optional[str] = TIME, type: Optional[str] = TYPE,
    title: Optional[str] = TITLE, location: Optional[str] = LOCATION, actor: Optional[list[str]] = ACTOR,
    observation: Optional[str] = OBSERVATION, interpretation: Optional[str] = INTERPRETATION,
    reflection: Optional[str] = REFLECTION, significance: Optional[str] = SIGNIFICANCE, why: Optional[str] = WHY,
    confidentiality: Optional[str] = CONFIDENTIALITY, author: Optional[str] = AUTHOR, as_json: bool = AS_JSON,
) -> None:
    """Change an entry: the fields given as options, or (with none) everything in $EDITOR. --actor replaces the list."""
    changes = _fields(date=date, end=end, time=time, type=type, title=title, location=location, actor=actor,
                      observation=observation, interpretation=interpretation, reflection=reflection,
                      significance=significance, why=why, confidentiality=confidentiality, author=author)
    entries = state(ctx).project().monitoring.entries
    if not changes:
        from workbench.domain.monitoring_drafts import entry_values
        from workbench.domain.monitoring_template import render_template

        edited = _edit_text(ctx, render_template(entry_values(entries.get(entry_id))))
        if edited is None:
            typer.echo("workbench: the entry is unchanged (the title was left empty).", err=True)
            raise typer.Exit(1)
        changes = edited
    entry = entries.update(entry_id, changes)
    if as_json:
        print_json(entry)
    else:
        typer.echo(f"Saved #{entry.id}: {entry.date.isoformat()} '{entry.title}'.")


@log_app.command("delete")
def delete(ctx: typer.Context, entry_id: str = typer.Argument(..., help="The entry's id.")) -> None:
    """Remove an entry (its questions and actions stay); `workbench undo` brings it back."""
    entries = state(ctx).project().monitoring.entries
    entry = entries.get(entry_id)
    entries.delete(entry.id)
    typer.echo(f"Removed #{entry.id} '{entry.title}'.")


@log_app.command("link")
def link(
    ctx: typer.Context, entry_id: str = typer.Argument(..., help="The entry's id."),
    doc: Optional[list[str]] = typer.Option(None, "--doc", help="A document (id or exact title)."),
    code: Optional[list[str]] = typer.Option(None, "--code", help="A code (path, name or GUID)."),
    coding: Optional[list[str]] = typer.Option(None, "--coding", help="A coding's id."),
    as_json: bool = AS_JSON,
) -> None:
    """Link an entry to documents (an interview's transcript), codes or codings."""
    entry = state(ctx).project().monitoring.entries.link(entry_id, documents=tuple(doc or ()), codes=tuple(code or ()),
                                                         codings=tuple(coding or ()))
    if as_json:
        print_json(entry)
    else:
        typer.echo(f"#{entry.id} now has {len(entry.links)} link(s).")


@log_app.command("unlink")
def unlink(ctx: typer.Context, entry_id: str = typer.Argument(...), link_id: int = typer.Argument(..., help="The link's id, as `log show` lists it.")) -> None:
    """Remove one link of an entry."""
    entry = state(ctx).project().monitoring.entries.unlink(entry_id, link_id)
    typer.echo(f"#{entry.id} now has {len(entry.links)} link(s).")


@log_app.command("memo")
def memo(
    ctx: typer.Context, entry_id: str = typer.Argument(...), text: str = typer.Argument(..., help="The memo's text."),
    title: str = typer.Option("", "--title", help="A title for the memo."),
) -> None:
    """Write a memo on an entry."""
    entry = state(ctx).project().monitoring.entries.add_memo(entry_id, text, title)
    typer.echo(f"#{entry.id} has {len(entry.memos)} memo(s).")


# The other monitoring commands live beside this module and add themselves to `log_app` and `app`.
from workbench.cli import monitoring_agenda_commands, monitoring_register_commands  # noqa: E402,F401
from workbench.cli import monitoring_report_commands  # noqa: E402,F401
