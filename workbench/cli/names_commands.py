"""The name register: `workbench names add|list|remove|from-speakers`."""

from __future__ import annotations

from typing import List, Optional

import typer

from workbench.cli import app
from workbench.cli.state import print_json, state

names = typer.Typer(help="The name register: real names and the pseudonyms that replace them in exports.",
                    no_args_is_help=True)
app.add_typer(names, name="names")


def _forms(entry) -> list[str]:
    from workbench.domain.pseudonyms import derived_forms

    return [entry.real_name, *entry.variants, *(text for text, _kind in derived_forms(entry.real_name))]


@names.command("add")
def add(
    ctx: typer.Context,
    real_name: str = typer.Argument(..., help="The real name, e.g. 'Jan de Vries'."),
    pseudonym: Optional[str] = typer.Option(None, "--as", help="The pseudonym (default: the next 'Respondent N')."),
    variant: List[str] = typer.Option([], "--variant", help="Another spelling to replace (repeatable)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """Register a name; exports with --pseudonymise replace it, its first name, surname and possessives."""
    entry = state(ctx).project().pseudonyms.add(real_name, pseudonym, tuple(variant))
    if as_json:
        print_json({**entry.__dict__, "replaced": _forms(entry)})
    else:
        typer.echo(f"{entry.real_name} -> {entry.pseudonym} (also replaces: {', '.join(_forms(entry)[1:]) or '-'})")


@names.command("list")
def list_names(ctx: typer.Context, as_json: bool = typer.Option(False, "--json", help="Print one JSON document.")) -> None:
    """The register, with every spelling each entry replaces."""
    entries = state(ctx).project().pseudonyms.list()
    if as_json:
        print_json([{**entry.__dict__, "replaced": _forms(entry)} for entry in entries])
        return
    if not entries:
        typer.echo("The name register is empty; add names with `workbench names add` or `names from-speakers`.")
        return
    width = max(len(entry.real_name) for entry in entries)
    for entry in entries:
        others = ", ".join(_forms(entry)[1:])
        typer.echo(f"{entry.real_name:<{width}}  ->  {entry.pseudonym}" + (f"   ({others})" if others else ""))


@names.command("remove")
def remove(ctx: typer.Context, real_name: str = typer.Argument(..., help="The registered real name.")) -> None:
    """Take a name out of the register."""
    entry = state(ctx).project().pseudonyms.remove(real_name)
    typer.echo(f"Removed {entry.real_name} ({entry.pseudonym}) from the register.")


@names.command("from-speakers")
def from_speakers(
    ctx: typer.Context,
    pattern: str = typer.Option("Respondent {n}", "--pattern", help="How pseudonyms are numbered."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """Register every speaker label that names a person (not 'Interviewer', 'R', 'Speaker 2')."""
    added = state(ctx).project().pseudonyms.from_speakers(pattern)
    if as_json:
        print_json(list(added))
        return
    if not added:
        typer.echo("Every speaker that names a person is in the register already.")
    for entry in added:
        typer.echo(f"{entry.real_name} -> {entry.pseudonym}")
