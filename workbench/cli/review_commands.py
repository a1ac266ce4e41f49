"""`workbench review`: the codings a replaced document could not place with confidence; place or drop each."""

from __future__ import annotations

from typing import Optional

import typer

from workbench.cli import app
from workbench.cli.state import print_json, state

review_app = typer.Typer(help="Codings waiting for review after a document was replaced: list, place, drop.",
                         no_args_is_help=True)
app.add_typer(review_app, name="review")


@review_app.command("list")
def list_reviews(
    ctx: typer.Context,
    doc: Optional[str] = typer.Option(None, "--doc", help="Only this document (id or exact title)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """Each coding waiting for review: what it coded before, and where it is suggested now."""
    from workbench.cli.replacement_text import review_json, review_line

    reviews = state(ctx).project().replacement.reviews(doc)
    if as_json:
        print_json([review_json(r) for r in reviews])
        return
    if not reviews:
        typer.echo("No codings wait for review.")
        return
    for review in reviews:
        typer.echo(review_line(review))


@review_app.command("place")
def place(
    ctx: typer.Context,
    coding: int = typer.Argument(..., help="The coding's id (from `workbench review list`)."),
    start: Optional[int] = typer.Option(None, "--start", help="Where it starts (default: where it is suggested)."),
    end: Optional[int] = typer.Option(None, "--end", help="Where it ends (default: where it is suggested)."),
) -> None:
    """Keep a coding under review, where it is suggested or at --start/--end; undo takes it back."""
    from workbench.domain.errors import InvalidInput

    if (start is None) != (end is None):
        raise InvalidInput("Give both --start and --end, or neither to accept the suggested place.")
    project = state(ctx).project()
    review = project.replacement.place(coding, start, end)
    where = f"[{start}, {end})" if start is not None else f"[{review.start}, {review.end})"
    typer.echo(f"Placed coding {coding} ({review.code}) on {where}.")


@review_app.command("drop")
def drop(
    ctx: typer.Context,
    coding: int = typer.Argument(..., help="The coding's id (from `workbench review list`)."),
) -> None:
    """Remove a coding under review, with its memos and links; undo brings it back."""
    review = state(ctx).project().replacement.drop(coding)
    typer.echo(f"Dropped coding {coding} ({review.code}).")
