"""Undo, redo and the activity history."""

from __future__ import annotations

import typer

from workbench.cli import app
from workbench.cli.state import print_json, state


@app.command()
def undo(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print one JSON document.")) -> None:
    """Undo your latest change."""
    event = state(ctx).project().history.undo()  # also rewrites the codebook file after a codebook change
    if as_json:
        print_json(event)
    else:
        typer.echo(f"Undid: {event.summary or event.kind}")


@app.command()
def redo(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print one JSON document.")) -> None:
    """Redo the change you undid last."""
    event = state(ctx).project().history.redo()
    if as_json:
        print_json(event)
    else:
        typer.echo(f"Redid: {event.summary or event.kind}")


@app.command()
def history(
    ctx: typer.Context,
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="How many events to show."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """The latest changes in the project, newest first."""
    events = state(ctx).project().history.recent(limit)
    if as_json:
        print_json(events)
        return
    for event in events:
        mark = f" (reverts #{event.reverts})" if event.reverts else ""
        typer.echo(f"#{event.id}  {event.at:%Y-%m-%d %H:%M}  {event.coder or '-':<12} {event.kind:<18} {event.summary}{mark}")
