"""`workbench code`, `uncode`, `resize` and `codings`; memo and attribute commands live beside this module."""

from __future__ import annotations

from typing import Optional

import typer

from workbench.cli import app
from workbench.cli.state import print_json, state
from workbench.domain.wording import counted

JSON = typer.Option(False, "--json", help="Print one JSON document.")


def coding_json(coding) -> dict:
    """The CLI's JSON form of a coding."""
    return {
        "id": coding.id, "guid": coding.guid, "document": coding.document, "document_id": coding.document_id,
        "code": coding.code, "coder": coding.coder, "start": coding.start, "end": coding.end, "text": coding.text,
        "status": coding.status, "origin": coding.origin, "memo": coding.memo,
        "created_at": coding.created_at.isoformat() if coding.created_at else None,
    }


def coding_line(coding) -> str:
    """One line describing a coding."""
    from workbench.domain.spans import shorten

    status = "" if coding.status == "applied" else f" [{coding.status}]"
    memo = f"  memo: {shorten(coding.memo, 40)}" if coding.memo else ""
    return (f"#{coding.id}  {coding.document}  [{coding.start}, {coding.end})  {coding.code}  {coding.coder}{status}"
            f"  '{shorten(coding.text, 50)}'{memo}")


@app.command()
def code(
    ctx: typer.Context,
    document: str = typer.Argument(..., help="The document: its id or its exact title."),
    code_ref: str = typer.Option(
        ..., "--code", "-c", help="The code: a path such as Financiering/Subsidie, a unique name, or a GUID."
    ),
    start: int = typer.Option(..., "--start", help="Where the coded text starts (a character offset)."),
    end: int = typer.Option(..., "--end", help="Where it ends: the first character after it."),
    memo: Optional[str] = typer.Option(None, "--memo", help="A memo on the coding."),
    as_json: bool = JSON,
) -> None:
    """Apply a code to [start, end) of a document; coding the same span again changes nothing."""
    coding = state(ctx).project().coding.apply(document, code_ref, start, end, memo=memo)
    if as_json:
        print_json(coding_json(coding))
    else:
        typer.echo(coding_line(coding))


@app.command()
def uncode(ctx: typer.Context, coding_id: int = typer.Argument(..., help="The coding's id."), as_json: bool = JSON) -> None:
    """Remove a coding (and its memo); `workbench undo` brings it back."""
    coding = state(ctx).project().coding.remove(coding_id)
    if as_json:
        print_json(coding_json(coding))
    else:
        typer.echo(f"Removed {coding_line(coding)}")


@app.command()
def resize(
    ctx: typer.Context,
    coding_id: int = typer.Argument(..., help="The coding's id."),
    start: int = typer.Option(..., "--start", help="The new start offset."),
    end: int = typer.Option(..., "--end", help="The new end offset."),
    as_json: bool = JSON,
) -> None:
    """Give a coding a new span."""
    coding = state(ctx).project().coding.resize(coding_id, start, end)
    if as_json:
        print_json(coding_json(coding))
    else:
        typer.echo(coding_line(coding))


@app.command()
def codings(
    ctx: typer.Context,
    document: Optional[str] = typer.Option(None, "--doc", help="Only this document (id or title)."),
    code_ref: Optional[str] = typer.Option(None, "--code", help="Only this code."),
    subcodes: bool = typer.Option(False, "--subcodes", help="With --code: include its sub-codes."),
    coder: Optional[str] = typer.Option(None, "--coder", help="Only this coder's codings."),
    status: Optional[str] = typer.Option(None, "--status", help="Only applied, suggested or rejected codings."),
    as_json: bool = JSON,
) -> None:
    """List codings with their document, code path, coder, span, text, status and memo."""
    found = state(ctx).project().coding.list(document=document, code=code_ref, coder=coder, status=status,
                                             subcodes=subcodes)
    if as_json:
        print_json([coding_json(c) for c in found])
        return
    for coding in found:
        typer.echo(coding_line(coding))
    typer.echo(f"{counted(len(found), 'coding')}.")


# The memo and attribute commands register themselves on import.
from workbench.cli import attribute_commands, memo_commands  # noqa: E402,F401
