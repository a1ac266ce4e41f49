"""`workbench attribute set|remove|list`: document attributes such as organisation or interview date."""

from __future__ import annotations

from typing import Optional

import typer

from workbench.cli import app
from workbench.cli.state import print_json, state

group = typer.Typer(help="Document attributes: organisation, role, date, ...", no_args_is_help=True)
app.add_typer(group, name="attribute")

JSON = typer.Option(False, "--json", help="Print one JSON document.")


def _line(attribute) -> str:
    value = attribute.value.isoformat() if hasattr(attribute.value, "isoformat") else attribute.value
    return f"{attribute.document}  {attribute.name}={value}  ({attribute.type})"


@group.command("set")
def set_attribute(
    ctx: typer.Context,
    document: str = typer.Argument(..., help="The document: its id or exact title."),
    assignment: str = typer.Argument(..., help="KEY=VALUE, e.g. organisation=gemeente."),
    kind: Optional[str] = typer.Option(None, "--type", help="For a new attribute: text, number, date or boolean."),
    as_json: bool = JSON,
) -> None:
    """Give a document an attribute value (undoable)."""
    from workbench.domain.filters import parse_attribute_filter

    key, value = parse_attribute_filter(assignment)
    attribute = state(ctx).project().attributes.set(document, key, value, type=kind)
    if as_json:
        print_json(attribute)
    else:
        typer.echo(_line(attribute))


@group.command()
def remove(
    ctx: typer.Context,
    document: str = typer.Argument(..., help="The document: its id or exact title."),
    key: str = typer.Argument(..., help="The attribute's name."),
    as_json: bool = JSON,
) -> None:
    """Take an attribute off a document (undoable)."""
    attribute = state(ctx).project().attributes.remove(document, key)
    if as_json:
        print_json(attribute)
    else:
        typer.echo(f"Removed {_line(attribute)}")


@group.command("list")
def list_attributes(
    ctx: typer.Context,
    document: Optional[str] = typer.Argument(None, help="Only this document."),
    as_json: bool = JSON,
) -> None:
    """Every document's attributes."""
    attributes = state(ctx).project().attributes.list(document)
    if as_json:
        print_json(attributes)
        return
    for attribute in attributes:
        typer.echo(_line(attribute))
