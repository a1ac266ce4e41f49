"""`workbench codebook ...`: load, list, export, diff, history and every operation on codes."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from workbench.cli import app
from workbench.cli.state import print_json, state

group = typer.Typer(help="The shared codebook: load, list, export, diff, and change codes.", no_args_is_help=True)
app.add_typer(group, name="codebook")

JSON = typer.Option(False, "--json", help="Print one JSON document.")


def _service(ctx: typer.Context):
    return state(ctx).project().codebook


def _show(entry, as_json: bool, verb: str) -> None:
    """Print the changed code as JSON, or one line saying what happened."""
    if as_json:
        print_json(entry)
    else:
        typer.echo(f"{verb} {entry.path} ({entry.guid}).")


@group.command()
def load(
    ctx: typer.Context,
    file: Path = typer.Argument(..., help="A codebook: .yaml, or REFI-QDA .qdc / .qdpx / .qde."),
    keep_missing: bool = typer.Option(False, "--keep-missing", help="Leave codes that are not in the file as they are."),
    as_json: bool = JSON,
) -> None:
    """Load a codebook file: codes are matched by GUID; missing codes with codings are retired, not deleted."""
    report = _service(ctx).load(file, keep_missing=keep_missing)
    if as_json:
        print_json(report)
        return
    typer.echo(f"Loaded {report.source}: {len(report.added)} added, {len(report.updated)} changed, "
               f"{len(report.retired)} retired, {len(report.deleted)} deleted (version {report.version[:12]}).")
    for path in report.retired:
        typer.echo(f"  retired (it still has codings): {path}")
    for path in report.deleted:
        typer.echo(f"  deleted: {path}")
    for note in report.notes:
        typer.echo(f"  note: {note}")
    if report.file:
        typer.echo(f"The project's codebook file is {report.file}.")


@group.command("list")
def list_codes(
    ctx: typer.Context,
    active: bool = typer.Option(False, "--active", help="Leave out retired codes."),
    as_json: bool = JSON,
) -> None:
    """The code tree with English names, colours, shortcuts and how often each code is applied."""
    service = _service(ctx)
    entries = service.list(include_retired=not active)
    if as_json:
        print_json(entries)
        return
    book = service.codebook()
    typer.echo(f"{book.title}  (version {service.version()[:12]}, {len(entries)} codes)")
    for entry in entries:
        flags = [f"key {entry.shortcut}"] if entry.shortcut else []
        flags += ["category"] if not entry.codable else []
        flags += ["retired"] if entry.retired else []
        english = f" / {entry.name_en}" if entry.name_en else ""
        extra = f"  [{', '.join(flags)}]" if flags else ""
        typer.echo(f"{'  ' * (entry.depth + 1)}{entry.name}{english}  {entry.colour}  {entry.codings}{extra}")


@group.command()
def export(
    ctx: typer.Context,
    fmt: str = typer.Option(..., "--format", "-f", help="yaml or qdc (REFI-QDA codebook)."),
    out: Path = typer.Option(..., "--out", "-o", help="The file to write."),
    include_retired: bool = typer.Option(False, "--include-retired", help="Also export retired codes to .qdc."),
) -> None:
    """Write the codebook as YAML or as a REFI-QDA .qdc for ATLAS.ti, NVivo, MAXQDA or QualCoder."""
    written = _service(ctx).export(fmt, out, include_retired=include_retired)
    typer.echo(f"Wrote {written}.")


@group.command()
def diff(
    ctx: typer.Context,
    old: str = typer.Argument(..., help="A codebook file, or `project` for this project's codebook."),
    new: str = typer.Argument(..., help="A codebook file, or `project`."),
    as_json: bool = JSON,
) -> None:
    """Codes added, removed, renamed, moved, reordered, redefined, recoloured or retired between two codebooks."""
    result = _service(ctx).diff(old, new)
    if as_json:
        print_json(result)
        return
    if result.empty:
        typer.echo(f"No differences (version {result.new_hash[:12]}).")
        return
    typer.echo(f"{old} ({result.old_hash[:12]}) -> {new} ({result.new_hash[:12]}): {len(result.changes)} changes")
    for change in result.changes:
        before = f"  (was {change.old_path})" if change.old_path and change.old_path != change.path else ""
        details = "; ".join(_detail(d) for d in change.details if change.kind != "moved")
        typer.echo(f"  {change.kind:<10} {change.path}{before}{'  ' + details if details else ''}")


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 50 else text[:47] + "...'"


def _detail(change) -> str:
    """One changed field of a diff, briefly (rules only as what was added and removed)."""
    if change.field != "rules":
        return f"{change.field}: {_short(change.old)} -> {_short(change.new)}"
    parts = []
    for key in ("keywords_nl", "keywords_en", "lemmas", "regexes"):
        old, new = set(change.old.get(key, [])), set(change.new.get(key, []))
        if new - old:
            parts.append(f"+{len(new - old)} {key}")
        if old - new:
            parts.append(f"-{len(old - new)} {key}")
    return f"rules: {', '.join(parts) or 'changed'}"


@group.command()
def history(ctx: typer.Context, code: str = typer.Argument(..., help="Code path, unique name or GUID."),
            as_json: bool = JSON) -> None:
    """Every recorded change to one code, newest first."""
    entries = _service(ctx).history(code)
    if as_json:
        print_json(entries)
        return
    for entry in entries:
        undone = "  (undone)" if entry.undone else ""
        typer.echo(f"#{entry.event_id}  {entry.at:%Y-%m-%d %H:%M}  {entry.coder or '-':<12} {entry.summary}{undone}")
        for line in entry.details:
            typer.echo(f"      {line}")


@group.command()
def create(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Dutch name of the new code."),
    parent: Optional[str] = typer.Option(None, "--parent", help="Put it under this code (path, name or GUID)."),
    name_en: str = typer.Option("", "--en", help="English name."),
    colour: Optional[str] = typer.Option(None, "--colour", help="#RRGGBB (default: the parent's colour)."),
    shortcut: Optional[int] = typer.Option(None, "--shortcut", min=1, max=9, help="Key 1-9 in the coding screen."),
    category: bool = typer.Option(False, "--category", help="A category that only groups sub-codes."),
    definition: str = typer.Option("", "--definition", help="What the code means."),
    when_to_use: str = typer.Option("", "--when-to-use"),
    when_not_to_use: str = typer.Option("", "--when-not-to-use"),
    example: str = typer.Option("", "--example", help="A typical quote."),
    keyword_nl: list[str] = typer.Option([], "--keyword-nl", help="Dutch keyword phrase (repeatable)."),
    keyword_en: list[str] = typer.Option([], "--keyword-en", help="English keyword phrase (repeatable)."),
    lemma: list[str] = typer.Option([], "--lemma", help="Lemma (repeatable)."),
    regex: list[str] = typer.Option([], "--regex", help="Regular expression per word (repeatable)."),
    position: Optional[int] = typer.Option(None, "--position", min=1, help="1-based place among its siblings."),
    as_json: bool = JSON,
) -> None:
    """Add a code."""
    from workbench.domain.codebook import AutocodeRules

    rules = AutocodeRules(tuple(keyword_nl), tuple(keyword_en), tuple(lemma), tuple(regex))
    entry = _service(ctx).create(
        name, parent=parent, name_en=name_en, colour=colour, shortcut=shortcut, codable=not category,
        definition=definition, when_to_use=when_to_use, when_not_to_use=when_not_to_use, example=example,
        rules=rules, position=position,
    )
    _show(entry, as_json, "Created")


@group.command()
def rename(ctx: typer.Context, code: str = typer.Argument(...), new_name: str = typer.Argument(...),
           name_en: Optional[str] = typer.Option(None, "--en", help="New English name."), as_json: bool = JSON) -> None:
    """Rename a code (its GUID and codings stay)."""
    entry = _service(ctx).rename(code, new_name, name_en=name_en)
    _show(entry, as_json, "Renamed to")


@group.command()
def recolour(ctx: typer.Context, code: str = typer.Argument(...),
             colour: str = typer.Argument(..., help="#RRGGBB (quote it in the shell)."), as_json: bool = JSON) -> None:
    """Give a code a new colour."""
    entry = _service(ctx).recolour(code, colour)
    _show(entry, as_json, f"Recoloured to {entry.colour}:")


group.command("recolor", hidden=True)(recolour)


@group.command()
def edit(
    ctx: typer.Context,
    code: str = typer.Argument(...),
    name_en: Optional[str] = typer.Option(None, "--en"),
    definition: Optional[str] = typer.Option(None, "--definition"),
    when_to_use: Optional[str] = typer.Option(None, "--when-to-use"),
    when_not_to_use: Optional[str] = typer.Option(None, "--when-not-to-use"),
    example: Optional[str] = typer.Option(None, "--example"),
    shortcut: Optional[int] = typer.Option(None, "--shortcut", min=1, max=9),
    no_shortcut: bool = typer.Option(False, "--no-shortcut", help="Take the shortcut key off."),
    codable: Optional[bool] = typer.Option(None, "--codable/--category"),
    as_json: bool = JSON,
) -> None:
    """Change a code's English name, definition, usage notes, example, shortcut or codability."""
    changes: dict[str, str | int | bool | None] = {key: value for key, value in {
        "name_en": name_en, "definition": definition, "when_to_use": when_to_use,
        "when_not_to_use": when_not_to_use, "example": example, "shortcut": shortcut, "codable": codable,
    }.items() if value is not None}
    if no_shortcut:
        changes["shortcut"] = None
    entry = _service(ctx).edit(code, **changes)
    _show(entry, as_json, "Edited")


@group.command()
def move(
    ctx: typer.Context,
    code: str = typer.Argument(...),
    under: Optional[str] = typer.Option(None, "--under", help="The new parent (path, name or GUID)."),
    top: bool = typer.Option(False, "--top", help="Move it to the top level."),
    position: Optional[int] = typer.Option(None, "--position", min=1, help="1-based place among its new siblings."),
    as_json: bool = JSON,
) -> None:
    """Move a code (with its sub-codes) under another code, or to the top with --top."""
    from workbench.domain.errors import InvalidInput

    if (under is None) == (not top):
        raise InvalidInput("Say where the code goes: --under PARENT or --top.")
    entry = _service(ctx).move(code, None if top else under, position=position)
    _show(entry, as_json, "Moved to")


@group.command()
def reorder(ctx: typer.Context, code: str = typer.Argument(...),
            position: int = typer.Argument(..., min=1, help="1-based place among its siblings."),
            as_json: bool = JSON) -> None:
    """Move a code to another place among its siblings."""
    entry = _service(ctx).reorder(code, position)
    _show(entry, as_json, f"Put at position {entry.position + 1}:")


@group.command()
def merge(ctx: typer.Context, source: str = typer.Argument(..., help="The code that disappears."),
          target: str = typer.Argument(..., help="The code that takes its codings."), as_json: bool = JSON) -> None:
    """Merge SOURCE into TARGET: its codings move (exact duplicates collapse) and SOURCE is deleted."""
    result = _service(ctx).merge(source, target)
    if as_json:
        print_json(result)
    else:
        typer.echo(f"Merged {result.source} into {result.target.path}: {result.moved} codings moved, "
                   f"{result.collapsed} duplicates collapsed, {result.children_moved} sub-codes moved.")


@group.command()
def split(
    ctx: typer.Context,
    code: str = typer.Argument(...),
    into: str = typer.Option(..., "--into", help="Name of the new code."),
    coding: list[int] = typer.Option(..., "--coding", help="Id of a coding to move (repeatable)."),
    under: Optional[str] = typer.Option(None, "--under", help="Parent of the new code (default: beside CODE)."),
    name_en: str = typer.Option("", "--en", help="English name of the new code."),
    as_json: bool = JSON,
) -> None:
    """Split chosen codings of a code off into a new code."""
    result = _service(ctx).split(code, into, coding, parent=under, name_en=name_en)
    if as_json:
        print_json(result)
    else:
        typer.echo(f"Moved {result.moved} codings from {result.source.path} to new code {result.new.path} "
                   f"({result.new.guid}).")


@group.command()
def delete(ctx: typer.Context, code: str = typer.Argument(...), as_json: bool = JSON) -> None:
    """Delete a code; refused while it has codings (merge them away first) or sub-codes."""
    result = _service(ctx).delete(code)
    if as_json:
        print_json(result)
    else:
        typer.echo(f"Deleted {result.path}.")


@group.command()
def retire(ctx: typer.Context, code: str = typer.Argument(...),
           restore: bool = typer.Option(False, "--restore", help="Bring a retired code back."),
           as_json: bool = JSON) -> None:
    """Retire a code: it keeps its codings but is no longer offered for coding."""
    entry = _service(ctx).retire(code, retired=not restore)
    _show(entry, as_json, "Restored" if restore else "Retired")
