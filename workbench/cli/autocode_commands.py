"""`workbench autocode` (run or evaluate the rules) and `workbench suggestions list|accept|reject`."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import List, Optional

import typer

from workbench.cli import app
from workbench.cli.state import print_json, state

JSON = typer.Option(False, "--json", help="Print one JSON document.")
suggestions_app = typer.Typer(help="Review suggestions from auto-coding and search: list, accept, reject.", no_args_is_help=True)
app.add_typer(suggestions_app, name="suggestions")


def _structure(speakers: list[str] | None, headings: list[str] | None):
    from workbench.domain.autocode import parse_structure_rule

    return [parse_structure_rule("speaker", text) for text in speakers or ()] + [
        parse_structure_rule("heading", text) for text in headings or ()
    ]


@contextmanager
def _progress_bar() -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr while documents are matched (on a terminal only); gives `advance(done, total)`."""
    if not sys.stderr.isatty():
        yield lambda done, total: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("auto-coding"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("autocode", total=None)
        yield lambda done, total: progress.update(task, completed=done, total=total)


def _ratio(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


@app.command()
def autocode(
    ctx: typer.Context,
    docs: Optional[List[str]] = typer.Option(None, "--docs", "--doc", help="A document id or title (repeat for more); default: all."),
    codes: Optional[List[str]] = typer.Option(None, "--codes", "--code", help="A code (with its sub-codes; repeat for more); default: all with rules."),
    speaker: Optional[List[str]] = typer.Option(None, "--speaker", help="Also code every turn of a speaker: SPEAKER=CODE."),
    heading: Optional[List[str]] = typer.Option(None, "--heading", help="Also code the paragraphs under a heading: HEADING=CODE."),
    evaluate: bool = typer.Option(False, "--evaluate", help="Store nothing; compare the rules with a coder's applied codings."),
    against: Optional[str] = typer.Option(None, "--against", help="With --evaluate: whose codings (default: you)."),
    as_json: bool = JSON,
) -> None:
    """Suggest codings from the codebook's keywords, lemmas and regular expressions (never applied by themselves)."""
    service = state(ctx).project().autocode
    structure = _structure(speaker, heading)
    if evaluate:
        with _progress_bar() as advance:
            result = service.evaluate(coder=against, documents=docs or (), codes=codes or (), structure=structure,
                                      progress=advance)
        if as_json:
            print_json(result)
            return
        typer.echo(f"Rules against the applied codings of {result.coder} in {result.documents} document(s).")
        width = max([len(row.code) for row in result.codes] + [len("Total")])
        typer.echo(f"{'Code':<{width}}  {'suggested':>9}  {'correct':>7}  {'applied':>7}  {'found':>5}  {'precision':>9}  {'recall':>6}  {'F1':>5}")
        for row in [*((r.code, r.score) for r in result.codes), ("Total", result.overall)]:
            name, score = row
            typer.echo(f"{name:<{width}}  {score.suggested:>9}  {score.correct:>7}  {score.applied:>7}  {score.found:>5}  "
                       f"{_ratio(score.precision):>9}  {_ratio(score.recall):>6}  {_ratio(score.f1):>5}")
        return
    with _progress_bar() as advance:
        report = service.run(documents=docs or (), codes=codes or (), structure=structure, progress=advance)
    if as_json:
        print_json(report)
        return
    typer.echo(f"Auto-coding for {report.coder} in {report.documents} document(s): {report.new} new suggestion(s).")
    width = max([len(row.code) for row in report.codes] + [len("Code")])
    typer.echo(f"{'Code':<{width}}  {'new':>5}  {'waiting':>7}  {'accepted':>8}  {'rejected':>8}")
    for row in report.codes:
        typer.echo(f"{row.code:<{width}}  {row.new:>5}  {row.pending:>7}  {row.accepted:>8}  {row.rejected:>8}")
    if report.new:
        typer.echo("Review them with `workbench suggestions list`, then accept or reject.")


@suggestions_app.command("list")
def list_suggestions(
    ctx: typer.Context,
    doc: Optional[str] = typer.Option(None, "--doc", help="Only this document (id or title)."),
    code: Optional[str] = typer.Option(None, "--code", help="Only this code."),
    status: str = typer.Option("suggested", "--status", help="suggested, applied, rejected or all."),
    as_json: bool = JSON,
) -> None:
    """Your suggestions with their ids, text and the rule (or search) that made them."""
    found = state(ctx).project().autocode.suggestions(document=doc, code=code, status=status)
    if as_json:
        print_json(found)
        return
    if not found:
        typer.echo("No suggestions.")
    for item in found:
        text = " ".join(item.text.split())
        text = text if len(text) <= 90 else text[:89] + "…"
        typer.echo(f"{item.id:>6}  {item.document}  {item.code}  [{item.rule}]  {item.status}\n        {text}")


def _decide(ctx: typer.Context, ids: list[int] | None, code: str | None, every: bool, doc: str | None,
            accept: bool, as_json: bool) -> None:
    from workbench.domain.errors import InvalidInput

    service = state(ctx).project().autocode
    if every:
        if not code or ids:
            raise InvalidInput("--all needs --code CODE and no ids; it decides every waiting suggestion of that code.")
        done = service.accept_code(code, document=doc) if accept else service.reject_code(code, document=doc)
    else:
        if not ids:
            raise InvalidInput("Give the ids of the suggestions (see `workbench suggestions list`), or --code CODE --all.")
        done = service.accept(ids) if accept else service.reject(ids)
    if as_json:
        print_json(done)
        return
    typer.echo(f"{'Accepted' if accept else 'Rejected'} {len(done)} suggestion(s).")


@suggestions_app.command()
def accept(
    ctx: typer.Context,
    ids: Optional[List[int]] = typer.Argument(None, help="Suggestion ids."),
    code: Optional[str] = typer.Option(None, "--code", help="With --all: the code whose suggestions to accept."),
    every: bool = typer.Option(False, "--all", help="Accept every waiting suggestion of --code."),
    doc: Optional[str] = typer.Option(None, "--doc", help="With --all: only in this document."),
    as_json: bool = JSON,
) -> None:
    """Accept suggestions: they become your applied codings."""
    _decide(ctx, ids, code, every, doc, True, as_json)


@suggestions_app.command()
def reject(
    ctx: typer.Context,
    ids: Optional[List[int]] = typer.Argument(None, help="Suggestion ids."),
    code: Optional[str] = typer.Option(None, "--code", help="With --all: the code whose suggestions to reject."),
    every: bool = typer.Option(False, "--all", help="Reject every waiting suggestion of --code."),
    doc: Optional[str] = typer.Option(None, "--doc", help="With --all: only in this document."),
    as_json: bool = JSON,
) -> None:
    """Reject suggestions: they are kept as rejected and not suggested again."""
    _decide(ctx, ids, code, every, doc, False, as_json)
