"""The project's speaker patterns: `workbench speaker-patterns list|add|remove|try`."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from workbench.cli import app
from workbench.cli.state import print_json, state
from workbench.domain.wording import counted

patterns_app = typer.Typer(
    help="Speaker labels the importers do not know: regular expressions with a group named 'speaker'.",
    no_args_is_help=True,
)
app.add_typer(patterns_app, name="speaker-patterns")
JSON = typer.Option(False, "--json", help="Print one JSON document.")


@patterns_app.command("list")
def list_patterns(ctx: typer.Context, as_json: bool = JSON) -> None:
    """The project's speaker patterns, in the order they are tried."""
    patterns = state(ctx).project().speaker_patterns.list()
    if as_json:
        print_json(patterns)
    elif not patterns:
        typer.echo("No speaker patterns; the built-in labels are used (I:, Interviewer:, [Name], SPEAKER_01:, ...).")
    else:
        typer.echo("\n".join(patterns))


@patterns_app.command("add")
def add(
    ctx: typer.Context,
    pattern: str = typer.Argument(..., help=r"e.g. '^\[(?P<speaker>[A-Z]{2,4}) (?P<time>\d\d:\d\d)\]\s*' for '[INT 00:01] ...'."),
) -> None:
    """Add a pattern; imports from now on use it (`workbench undo` takes it back)."""
    patterns = state(ctx).project().speaker_patterns.add(pattern)
    typer.echo(f"Added; the project has {counted(len(patterns), 'speaker pattern')}.")


@patterns_app.command("remove")
def remove(ctx: typer.Context, pattern: str = typer.Argument(..., help="The pattern, exactly as listed.")) -> None:
    """Remove a pattern (documents already imported keep their speakers)."""
    patterns = state(ctx).project().speaker_patterns.remove(pattern)
    typer.echo(f"Removed; the project has {counted(len(patterns), 'speaker pattern')}.")


@patterns_app.command("try")
def try_pattern(
    ctx: typer.Context,
    path: Path = typer.Argument(..., help="A transcript file to read (nothing is imported)."),
    pattern: Optional[str] = typer.Option(None, "--pattern", help="A pattern to try beside the project's own."),
    as_json: bool = JSON,
) -> None:
    """The speakers a file gives, with the project's patterns and with a new one, before importing it."""
    now, tried = state(ctx).project().speaker_patterns.trial(path, pattern)
    if as_json:
        print_json({"now": dict(now), "with_pattern": dict(tried) if pattern is not None else None})
        return
    columns = [("now", now)] + ([("with the pattern", tried)] if pattern is not None else [])
    names = sorted(set(now) | set(tried), key=lambda name: (-max(now[name], tried[name]), name))
    width = max((len(name) for name in names), default=7)
    typer.echo(f"{'speaker':<{width}}  " + "  ".join(f"{label:>16}" for label, _ in columns))
    for name in names:
        typer.echo(f"{name:<{width}}  " + "  ".join(f"{counts[name]:>10} turns" for _, counts in columns))
