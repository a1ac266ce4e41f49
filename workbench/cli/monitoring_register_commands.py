"""`workbench log actor|phase|init-year|import|timeline|themes|date-attribute`: the log's registers and views."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from workbench.cli.monitoring_commands import AS_JSON, log_app
from workbench.cli.state import print_json, state

actor_app = typer.Typer(help="The actor register: people and organisations, with role and pseudonym.", no_args_is_help=True)
phase_app = typer.Typer(help="Phases of the project year on their tracks.", no_args_is_help=True)
log_app.add_typer(actor_app, name="actor")
log_app.add_typer(phase_app, name="phase")


@actor_app.command("add")
def actor_add(
    ctx: typer.Context, name: str = typer.Argument(..., help="The person's or organisation's name."),
    kind: str = typer.Option("person", "--kind", help="person or organisation."),
    organisation_type: str = typer.Option("", "--org-type", help="gemeente, woningcorporatie, wijkonderneming, ..."),
    role: str = typer.Option("", "--role", help="The actor's role in the project."),
    pseudonym: str = typer.Option("", "--pseudonym", help="The name exports show instead."),
    organisation: Optional[str] = typer.Option(None, "--organisation", help="The organisation a person belongs to."),
    as_json: bool = AS_JSON,
) -> None:
    """Add a person or organisation to the actor register."""
    actor = state(ctx).project().monitoring.actors.add(name, kind=kind, organisation_type=organisation_type, role=role,
                                                       pseudonym=pseudonym, organisation=organisation)
    if as_json:
        print_json(actor)
    else:
        typer.echo(f"Added {actor.kind} '{actor.name}'{f' (shown as {actor.pseudonym})' if actor.pseudonym else ''}.")


@actor_app.command("list")
def actor_list(ctx: typer.Context, as_json: bool = AS_JSON) -> None:
    """The actor register."""
    actors = state(ctx).project().monitoring.actors.list()
    if as_json:
        print_json(actors)
        return
    for a in actors:
        extra = ", ".join(p for p in (a.organisation_type, a.role, a.organisation or "") if p)
        typer.echo(f"{a.id:<4} {a.name:<32} {a.kind:<13} {a.pseudonym or '-':<24} {extra}")


@actor_app.command("edit")
def actor_edit(
    ctx: typer.Context, ref: str = typer.Argument(..., help="The actor's id, name or pseudonym."),
    name: Optional[str] = typer.Option(None, "--name"), kind: Optional[str] = typer.Option(None, "--kind"),
    organisation_type: Optional[str] = typer.Option(None, "--org-type"), role: Optional[str] = typer.Option(None, "--role"),
    pseudonym: Optional[str] = typer.Option(None, "--pseudonym"),
    organisation: Optional[str] = typer.Option(None, "--organisation", help="'' takes the person out of any organisation."),
    as_json: bool = AS_JSON,
) -> None:
    """Change an actor in the register."""
    given = {k: v for k, v in dict(name=name, kind=kind, organisation_type=organisation_type, role=role,
                                   pseudonym=pseudonym, organisation=organisation).items() if v is not None}
    actor = state(ctx).project().monitoring.actors.update(ref, **given)
    if as_json:
        print_json(actor)
    else:
        typer.echo(f"Saved actor '{actor.name}'.")


@actor_app.command("remove")
def actor_remove(ctx: typer.Context, ref: str = typer.Argument(..., help="The actor's id, name or pseudonym.")) -> None:
    """Remove an actor who is present at no entry."""
    state(ctx).project().monitoring.actors.remove(ref)
    typer.echo(f"Removed actor '{ref}'.")


@phase_app.command("add")
def phase_add(
    ctx: typer.Context, name: str = typer.Argument(..., help="The phase's name."),
    start: str = typer.Option(..., "--start", help="First day (YYYY-MM-DD)."),
    end: Optional[str] = typer.Option(None, "--end", help="Last day (YYYY-MM-DD); leave out while it runs."),
    track: str = typer.Option("", "--track", help="The track: the pilot, the province track, phase 2, ..."),
    description: str = typer.Option("", "--description", help="What happens in the phase."),
    as_json: bool = AS_JSON,
) -> None:
    """Add a phase of the project year."""
    phase = state(ctx).project().monitoring.phases.add(name, start, end, track=track, description=description)
    if as_json:
        print_json(phase)
    else:
        typer.echo(f"Added phase {phase.id} '{phase.name}'.")


@phase_app.command("list")
def phase_list(ctx: typer.Context, as_json: bool = AS_JSON) -> None:
    """The phases, by start date."""
    phases = state(ctx).project().monitoring.phases.list()
    if as_json:
        print_json(phases)
        return
    for p in phases:
        typer.echo(f"{p.id:<4} {p.start.isoformat()} – {p.end.isoformat() if p.end else '…':<10}  {p.track or '-':<20} {p.name}")


@phase_app.command("edit")
def phase_edit(
    ctx: typer.Context, phase_id: int = typer.Argument(...), name: Optional[str] = typer.Option(None, "--name"),
    start: Optional[str] = typer.Option(None, "--start"), end: Optional[str] = typer.Option(None, "--end"),
    track: Optional[str] = typer.Option(None, "--track"), description: Optional[str] = typer.Option(None, "--description"),
    as_json: bool = AS_JSON,
) -> None:
    """Change a phase."""
    given = {k: v for k, v in dict(name=name, start=start, end=end, track=track, description=description).items() if v is not None}
    phase = state(ctx).project().monitoring.phases.update(phase_id, **given)
    if as_json:
        print_json(phase)
    else:
        typer.echo(f"Saved phase {phase.id} '{phase.name}'.")


@phase_app.command("remove")
def phase_remove(ctx: typer.Context, phase_id: int = typer.Argument(...)) -> None:
    """Remove a phase."""
    state(ctx).project().monitoring.phases.remove(phase_id)
    typer.echo(f"Removed phase {phase_id}.")


@log_app.command("init-year")
def init_year(ctx: typer.Context, as_json: bool = AS_JSON) -> None:
    """Set up the project year: its phases per track and the kick-off, broad and closing meetings."""
    done = state(ctx).project().monitoring.init_year()
    if as_json:
        print_json(done)
    else:
        typer.echo(f"Project year set up: {done.phases_added} phases and {done.meetings_added} meetings added"
                   f"{f', {done.already_there} already there' if done.already_there else ''}.")


def _mapping(pairs: list[str]) -> dict[str, str]:
    from workbench.domain.errors import InvalidInput

    mapping = {}
    for pair in pairs:
        header, sep, field = pair.rpartition("=")
        if not sep or not header.strip():
            raise InvalidInput(f"--map '{pair}' is not HEADER=FIELD, for example --map \"Wat gebeurde er=observation\".")
        mapping[header.strip()] = field.strip()
    return mapping


@log_app.command("import")
def import_sheet(
    ctx: typer.Context, path: Path = typer.Argument(..., help="The spreadsheet log (.xlsx or .csv)."),
    preview: bool = typer.Option(False, "--preview", help="Show what would be imported; write nothing."),
    map_: Optional[list[str]] = typer.Option(None, "--map", help="HEADER=FIELD for a column the headers do not explain."),
    sheet: Optional[str] = typer.Option(None, "--sheet", help="The sheet to read (default: one named Logboek/Log, else the first)."),
    add_actors: bool = typer.Option(False, "--add-actors", help="Add actors that are not in the register yet."),
    skip_bad: bool = typer.Option(False, "--skip-bad", help="Import the good rows and leave the bad ones out."),
    as_json: bool = AS_JSON,
) -> None:
    """Import a researcher's existing log; columns are matched by their headers (Datum, Soort, Titel, ...)."""
    sheets = state(ctx).project().monitoring.sheets
    mapping = _mapping(map_ or [])
    check = sheets.preview(path, mapping=mapping, sheet=sheet, add_actors=add_actors)
    problems = check.problem_lines()
    if preview or (problems and not skip_bad):
        if as_json:
            print_json({"columns": list(check.sheet.columns), "good": len(check.good), "duplicates": [r.number for r in check.duplicates],
                        "problems": list(problems), "new_actors": list(check.new_actors),
                        "rows": [{"row": r.number, "draft": r.draft, "problems": list(r.problems), "duplicate": r.duplicate} for r in check.rows]})
        else:
            from workbench.cli.monitoring_text import preview_text

            typer.echo(preview_text(check))
        for line in problems:
            typer.echo(f"workbench: {path.name} {line}", err=True)
        if problems and not preview:
            typer.echo(f"workbench: nothing was imported; fix the {len(check.bad)} row(s) or use --skip-bad.", err=True)
            raise typer.Exit(1)
        return
    done = sheets.import_sheet(path, mapping=mapping, sheet=sheet, add_actors=add_actors, skip_bad=skip_bad)
    if as_json:
        print_json(done)
        return
    parts = [f"Imported {len(done.added)} entries from {path.name}"]
    if done.duplicates:
        parts.append(f"{len(done.duplicates)} already in the log")
    if done.skipped:
        parts.append(f"{len(done.skipped)} bad rows left out")
    if done.new_actors:
        parts.append("added actors: " + ", ".join(done.new_actors))
    typer.echo("; ".join(parts) + ".")
    for line in problems:
        typer.echo(f"workbench: {path.name} {line} (left out)", err=True)


@log_app.command("timeline")
def timeline(
    ctx: typer.Context, start: Optional[str] = typer.Option(None, "--from"), end: Optional[str] = typer.Option(None, "--to"),
    as_json: bool = AS_JSON,
) -> None:
    """The timeline month by month: phases, entries with their marks, theme counts."""
    from workbench.domain.monitoring_drafts import read_filter

    result = state(ctx).project().monitoring.timeline.timeline(read_filter(start=start, end=end))
    if as_json:
        print_json(result)
        return
    from workbench.cli.monitoring_text import timeline_text

    typer.echo(timeline_text(result) or "The timeline is empty; set up the year with `workbench log init-year`.")


@log_app.command("themes")
def themes(
    ctx: typer.Context, start: Optional[str] = typer.Option(None, "--from"), end: Optional[str] = typer.Option(None, "--to"),
    as_json: bool = AS_JSON,
) -> None:
    """Applied codings per theme (top-level code) per month, dated by interview date or linked log entry."""
    result = state(ctx).project().monitoring.timeline.themes_over_time(start, end)
    if as_json:
        print_json(result)
        return
    shown = [s for s in result.series if s.total]
    if not shown:
        typer.echo("No dated codings yet: code some documents and date them (an interview_date attribute or a "
                   "linked log entry).", err=True)
        return
    width = max([len(s.name) for s in shown] + [6])
    typer.echo(f"{'':<{width}}  " + " ".join(f"{m.key[2:]:>5}" for m in result.months))
    for s in shown:
        typer.echo(f"{s.name:<{width}}  " + " ".join(f"{c or '.':>5}" for c in s.counts))
    if result.undated:
        typer.echo(f"{result.undated} codings have no date: give their documents a "
                   f"'{result.date_attribute or 'interview_date'}' attribute or link them to a log entry.", err=True)


@log_app.command("date-attribute")
def date_attribute(
    ctx: typer.Context, name: Optional[str] = typer.Argument(None, help="The document attribute with the interview date."),
    clear: bool = typer.Option(False, "--clear", help="Go back to trying interview_date, datum and date."),
) -> None:
    """Show or set which document attribute dates codings for themes over time."""
    service = state(ctx).project().monitoring.timeline
    if name or clear:
        service.set_date_attribute(None if clear else name)
    current = service.date_attribute_setting()
    typer.echo(f"Documents are dated by {f'the attribute {current!r}' if current else 'interview_date, datum or date'}"
               ", else by the log entry they are linked to.")
