"""`workbench memo add|list|show|edit|delete`: memos on the project, documents, codes and codings."""

from __future__ import annotations

from typing import Optional

import typer

from workbench.cli import app
from workbench.cli.state import print_json, state

group = typer.Typer(help="Memos on the project, a document, a code or a coding.", no_args_is_help=True)
app.add_typer(group, name="memo")

JSON = typer.Option(False, "--json", help="Print one JSON document.")


def _line(memo) -> str:
    from workbench.domain.spans import shorten

    about = "project" if memo.target_kind == "project" else f"{memo.target_kind} {memo.target_label}"
    title = f"{memo.title}: " if memo.title else ""
    return f"#{memo.id}  {memo.updated_at:%Y-%m-%d %H:%M}  {memo.author or '-'}  on {about}  {title}{shorten(memo.text, 60)}"


def _show(memo, as_json: bool, verb: str = "") -> None:
    if as_json:
        print_json(memo)
    else:
        typer.echo(f"{verb}{_line(memo)}")


@group.command()
def add(
    ctx: typer.Context,
    text: str = typer.Argument(..., help="The memo's text."),
    title: str = typer.Option("", "--title", help="A short title."),
    document: Optional[str] = typer.Option(None, "--doc", help="A memo on this document (id or title)."),
    code_ref: Optional[str] = typer.Option(None, "--code", help="A memo on this code."),
    coding: Optional[int] = typer.Option(None, "--coding", help="A memo on this coding (its id)."),
    as_json: bool = JSON,
) -> None:
    """Write a memo; without --doc, --code or --coding it is a project memo."""
    memo = state(ctx).project().memos.add(text, title=title, document=document, code=code_ref, coding=coding)
    _show(memo, as_json, "Wrote ")


@group.command("list")
def list_memos(
    ctx: typer.Context,
    about: Optional[str] = typer.Option(None, "--about", help="Only memos on: project, document, code or coding."),
    document: Optional[str] = typer.Option(None, "--doc", help="Only memos on this document."),
    code_ref: Optional[str] = typer.Option(None, "--code", help="Only memos on this code."),
    coding: Optional[int] = typer.Option(None, "--coding", help="Only memos on this coding."),
    as_json: bool = JSON,
) -> None:
    """List memos, oldest first."""
    memos = state(ctx).project().memos.list(about=about, document=document, code=code_ref, coding=coding)
    if as_json:
        print_json(memos)
        return
    for memo in memos:
        typer.echo(_line(memo))


@group.command()
def show(ctx: typer.Context, memo_id: int = typer.Argument(..., help="The memo's id."), as_json: bool = JSON) -> None:
    """Print one memo in full."""
    memo = state(ctx).project().memos.get(memo_id)
    if as_json:
        print_json(memo)
        return
    typer.echo(_line(memo))
    typer.echo("")
    typer.echo(memo.text)


@group.command()
def edit(
    ctx: typer.Context,
    memo_id: int = typer.Argument(..., help="The memo's id."),
    text: Optional[str] = typer.Option(None, "--text", help="The new text."),
    title: Optional[str] = typer.Option(None, "--title", help="The new title."),
    as_json: bool = JSON,
) -> None:
    """Change a memo's text or title."""
    from workbench.domain.errors import InvalidInput

    if text is None and title is None:
        raise InvalidInput("Nothing to change: give --text and/or --title.")
    _show(state(ctx).project().memos.edit(memo_id, text=text, title=title), as_json, "Edited ")


@group.command()
def delete(ctx: typer.Context, memo_id: int = typer.Argument(..., help="The memo's id."), as_json: bool = JSON) -> None:
    """Delete a memo; `workbench undo` brings it back."""
    _show(state(ctx).project().memos.delete(memo_id), as_json, "Deleted ")
