"""The name register: `workbench names add|list|remove|from-speakers|check|suggest|key|ages`."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from workbench.cli import app
from workbench.cli.state import print_json, state

names = typer.Typer(help="The name register: real names and the pseudonyms that replace them in exports.",
                    no_args_is_help=True)
app.add_typer(names, name="names")
JSON = typer.Option(False, "--json", help="Print one JSON document.")


def _forms(entry) -> list[str]:
    from workbench.domain.pseudonyms import derived_forms

    return [entry.real_name, *entry.variants, *(text for text, _kind in derived_forms(entry.real_name, entry.kind))]


def _shown(entry) -> dict:
    return {"real_name": entry.real_name, "pseudonym": entry.pseudonym, "variants": list(entry.variants),
            "kind": entry.entity_kind, "replaced": _forms(entry)}


@names.command("add")
def add(
    ctx: typer.Context,
    real_name: str = typer.Argument(..., help="The real name: 'Jan de Vries', 'Bosman, Ingrid', 'De Broederij'."),
    pseudonym: Optional[str] = typer.Option(None, "--as", help="The pseudonym (default: the next 'Respondent N', "
                                                               "'Organisatie N', ... by kind)."),
    variant: List[str] = typer.Option([], "--variant", help="Another spelling to replace (repeatable)."),
    kind: Optional[str] = typer.Option(None, "--kind", help="person, organisation, place or contact "
                                                            "(default: guessed from the name)."),
    yes: bool = typer.Option(False, "--yes", help="Keep a name or variant that is also an ordinary word in the "
                                                  "transcripts."),
    as_json: bool = JSON,
) -> None:
    """Register a name; pseudonymised exports replace it, its derived spellings and possessives everywhere.

    A place can be coarsened on the way out: `names add Tarweweg --kind place --as "een straat in Nijmegen-West"`.
    """
    entry = state(ctx).project().pseudonyms.add(real_name, pseudonym, tuple(variant), kind=kind, keep_ordinary=yes)
    if as_json:
        print_json(_shown(entry))
    else:
        typer.echo(f"{entry.real_name} ({entry.entity_kind}) -> {entry.pseudonym} "
                   f"(also replaces: {', '.join(_forms(entry)[1:]) or '-'})")


@names.command("list")
def list_names(ctx: typer.Context, as_json: bool = JSON) -> None:
    """The register, with every spelling each entry replaces."""
    names = state(ctx).project().pseudonyms
    entries = names.list()
    if as_json:
        print_json([_shown(entry) for entry in entries])
        return
    band = names.age_band()
    if band:
        typer.echo(f"Exact ages are exported in bands of {band} years.")
    if not entries:
        typer.echo("The name register is empty; add names with `workbench names add` or `names from-speakers`.")
        return
    width = max(len(entry.real_name) for entry in entries)
    for entry in entries:
        others = ", ".join(_forms(entry)[1:])
        typer.echo(f"{entry.real_name:<{width}}  ->  {entry.pseudonym}  [{entry.entity_kind}]"
                   + (f"   ({others})" if others else ""))


@names.command("remove")
def remove(ctx: typer.Context, real_name: str = typer.Argument(..., help="The registered real name.")) -> None:
    """Take a name out of the register."""
    entry = state(ctx).project().pseudonyms.remove(real_name)
    typer.echo(f"Removed {entry.real_name} ({entry.pseudonym}) from the register.")


@names.command("from-speakers")
def from_speakers(
    ctx: typer.Context,
    pattern: str = typer.Option("Respondent {n}", "--pattern", help="How pseudonyms are numbered."),
    as_json: bool = JSON,
) -> None:
    """Register every speaker label that names a person (not 'Interviewer', 'R', 'Beleidsadviseur Gemeente')."""
    added = state(ctx).project().pseudonyms.from_speakers(pattern)
    if as_json:
        print_json([_shown(entry) for entry in added])
        return
    if not added:
        typer.echo("Every speaker that names a person is in the register already.")
    for entry in added:
        typer.echo(f"{entry.real_name} -> {entry.pseudonym}")


@names.command("ages")
def ages(
    ctx: typer.Context,
    band: int = typer.Option(..., "--band", help="Width of the age bands in years (0: export exact ages)."),
) -> None:
    """Export exact ages ('43 jaar', '43-jarige', an age attribute) as age bands ('40-49')."""
    width = state(ctx).project().pseudonyms.set_age_band(band or None)
    typer.echo(f"Pseudonymised exports show ages in bands of {width} years." if width
               else "Pseudonymised exports show ages as they are.")


@names.command("check")
def check(
    ctx: typer.Context,
    files: List[Path] = typer.Argument(..., help="Exported files: docx, xlsx, csv, json, ics, qdpx, qdc, yaml."),
    as_json: bool = JSON,
) -> None:
    """Scan files for every registered name in any spelling; exit code 1 when one is found."""
    from workbench.services.deidentification import scan_files

    result = scan_files(state(ctx).project().ctx, files)
    if as_json:
        print_json({"files": list(result.files), "parts": result.parts, "clean": result.clean,
                    "leaks": [leak.__dict__ for leak in result.leaks]})
    elif result.clean:
        typer.echo(f"No registered name in {', '.join(result.files)} ({result.parts} text parts read).")
    else:
        for leak in result.leaks:
            typer.echo(f"{leak.place}: '{leak.spelling}' ({leak.kind}) in “{leak.context}”")
        typer.echo(f"{len(result.leaks)} places hold a registered name.")
    if not result.clean:
        raise typer.Exit(1)


@names.command("suggest")
def suggest(ctx: typer.Context, as_json: bool = JSON) -> None:
    """Likely names the register lacks: capitalised words inside sentences, speaker labels, e-mail addresses and
    phone numbers, with where they occur."""
    found = state(ctx).project().name_suggestions.suggest()
    if as_json:
        print_json(list(found))
        return
    if not found:
        typer.echo("No likely names outside the register were found.")
    for candidate in found:
        where = "; ".join(f"{p.document} @{p.start}: “…{p.context}…”" for p in candidate.places[:3])
        more = f" (+{candidate.count - 3} more)" if candidate.count > 3 else ""
        typer.echo(f"{candidate.text}  [{candidate.reason}, {candidate.count}×]  {where}{more}")


@names.command("key")
def key(
    ctx: typer.Context,
    out: Path = typer.Option(..., "--out", help="Where to write the key: .csv or .xlsx."),
) -> None:
    """Write the key (real name -> pseudonym) on its own, readable only by you; no export ever holds it."""
    from workbench.services.name_key import write_key

    written, count = write_key(state(ctx).project().ctx, out)
    typer.echo(f"Wrote the key of {count} entities to {written} (readable only by you); keep it apart from the exports.")
