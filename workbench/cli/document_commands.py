"""Change an imported document: `workbench document rename|speaker|remove`."""

from __future__ import annotations

from typing import List

import typer

from workbench.cli import app
from workbench.cli.state import print_json, state
from workbench.domain.wording import counted

document_app = typer.Typer(help="Change an imported document: its title, its speakers' names, or remove it.",
                           no_args_is_help=True)
app.add_typer(document_app, name="document")
JSON = typer.Option(False, "--json", help="Print one JSON document.")


@document_app.command("rename")
def rename(
    ctx: typer.Context,
    document: str = typer.Argument(..., help="The document's id or exact title."),
    title: str = typer.Argument(..., help="The new title."),
) -> None:
    """Give a document a new title (`workbench undo` takes it back)."""
    old = state(ctx).project().document_edits.rename(document, title)
    typer.echo(f"Renamed '{old}' to '{' '.join(title.split())}'.")


@document_app.command("speaker")
def speaker(
    ctx: typer.Context,
    old: str = typer.Argument(..., help="The speaker as the transcript names it, e.g. SPEAKER_01."),
    new: str = typer.Argument(..., help="The name or role to use, e.g. 'Marieke (gemeente)'."),
    doc: List[str] = typer.Option([], "--doc", help="Only in this document, by id or title (repeatable; "
                                                    "default: every document)."),
    as_json: bool = JSON,
) -> None:
    """Rename a speaker in one document or in all of them."""
    renamed = state(ctx).project().document_edits.rename_speaker(old, new, list(doc))
    if as_json:
        print_json(renamed)
        return
    for title, turns in renamed.turns.items():
        typer.echo(f"{title}: {counted(turns, 'turn')}")
    typer.echo(f"Renamed the speaker '{renamed.old}' to '{renamed.new}'.")


@document_app.command("remove")
def remove(
    ctx: typer.Context,
    document: str = typer.Argument(..., help="The document's id or exact title."),
    erase: bool = typer.Option(False, "--erase", help="Erase it for good: also from the history and the database "
                                                      "file, as when a participant withdraws consent. Cannot be undone."),
    yes: bool = typer.Option(False, "--yes", help="Erase without asking first."),
    as_json: bool = JSON,
) -> None:
    """Remove a document with its codings, memos, attributes and log links (`workbench undo` brings it back)."""
    if erase:
        _erase(ctx, document, yes, as_json)
        return
    removed = state(ctx).project().document_edits.remove(document)
    if as_json:
        print_json(removed)
        return
    typer.echo(f"Removed '{removed.title}' with {removed.codings} codings, {removed.memos} memos and "
               f"{removed.log_links} log links; `workbench undo` brings it back.")


def _erase(ctx: typer.Context, document: str, yes: bool, as_json: bool) -> None:
    import sys

    from workbench.domain.errors import InvalidInput

    project = state(ctx).project()
    going = project.document_edits.what_goes(document)
    if not yes:
        if not sys.stdin.isatty():
            raise InvalidInput(f"Erasing '{going.title}' cannot be undone; add --yes to erase it with its "
                               f"{going.codings} codings and {going.memos} memos for good.")
        typer.confirm(f"Erase '{going.title}' with {going.codings} codings and {going.memos} memos from the project, "
                      "its history and the database file? This cannot be undone", abort=True, err=True)
    erased = project.erasure.erase(going.id)
    if as_json:
        print_json(erased)
        return
    typer.echo(f"Erased '{erased.title}' with {erased.codings} codings, {erased.memos} memos and "
               f"{erased.attribute_values} attribute values, from the tables and from {erased.events_removed + erased.events_cleaned} "
               f"history entries; the database file keeps no copy." + ("" if erased.compacted else
                                                                       " (This database could not be compacted.)"))
    if erased.backups:
        typer.echo("These backups made before upgrades still hold it; delete them too:")
        for backup in erased.backups:
            typer.echo(f"  {backup}")
