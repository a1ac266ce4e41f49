"""`workbench import`, `workbench documents`, `workbench show`: bring transcripts in and look at them."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer

from workbench.cli import app
from workbench.cli.state import print_json, state

JSON = typer.Option(False, "--json", help="Print one JSON document.")


@app.command("import")
def import_documents(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., help="Transcript files, or folders to search for them (recursively)."),
    attr: list[str] = typer.Option([], "--attr", help="KEY=VALUE for every imported document; repeat for more."),
    attributes: Optional[Path] = typer.Option(
        None, "--attributes", help="An .xlsx or .csv sheet: a column naming the files, a column per attribute."
    ),
    language: str = typer.Option("auto", "--language", help="nl, en, or auto to detect it per file."),
    speaker: list[str] = typer.Option([], "--speaker", help="LABEL=NAME, e.g. I=Interviewer; repeat for more."),
    replace: Optional[str] = typer.Option(
        None, "--replace", metavar="DOC",
        help="Replace this document's text with the file (a corrected version); its codings follow their words.",
    ),
    as_json: bool = JSON,
) -> None:
    """Import transcripts (.txt .md .docx .odt .rtf .pdf .vtt .srt, Whisper and Amberscript .json/.tsv).

    Each file is imported on its own: a file that fails changes nothing and the others go on. Text that is
    already in the project is skipped. The exit code is 1 when any file failed. With --replace DOC, the one
    file given becomes the corrected text of DOC in one undoable step: it prints how many codings were kept
    exactly, moved, and left to review (`workbench review list`); none is lost.
    """
    from workbench.domain.documents import FAILED, IMPORTED, SKIPPED
    from workbench.domain.errors import InvalidInput

    given = _pairs(attr, "--attr", "organisation=gemeente")
    names = _pairs(speaker, "--speaker", "I=Interviewer")
    if replace is not None:
        from workbench.cli.replacement_text import replace_document

        if len(paths) != 1 or given or attributes is not None:
            raise InvalidInput("--replace takes exactly one file and no attributes; give the corrected file and the "
                               "document it corrects, e.g. `workbench import interview-v2.docx --replace 3`.")
        replace_document(state(ctx).project(), paths[0], replace, language=language, speaker_map=names, as_json=as_json)
        return
    service = state(ctx).project().documents
    with _progress_bar() as advance:

        def report(done: int, total: int, result) -> None:
            advance(done, total)
            typer.echo(result.line, err=as_json or result.status == FAILED)

        results = service.import_paths(
            paths, attributes=given, attribute_sheet=attributes, language=language, speaker_map=names, progress=report
        )
    if not results:
        raise InvalidInput(
            f"There are no transcript files in {', '.join(map(str, paths))}; "
            "give .txt, .md, .docx, .odt, .rtf, .pdf, .vtt, .srt, .json or .tsv files or folders holding them."
        )
    counts = {status: sum(1 for r in results if r.status == status) for status in (IMPORTED, SKIPPED, FAILED)}
    if as_json:
        print_json(results)
    else:
        typer.echo(f"{counts[IMPORTED]} imported, {counts[SKIPPED]} skipped, {counts[FAILED]} failed.")
    if counts[FAILED]:
        raise typer.Exit(1)


@app.command()
def documents(ctx: typer.Context, as_json: bool = JSON) -> None:
    """The project's documents: id, title, format, language, words, turns, speakers and codings."""
    rows = state(ctx).project().documents.list()
    if as_json:
        print_json(rows)
        return
    if not rows:
        typer.echo("No documents yet; `workbench import PATH` brings transcripts in.")
        return
    width = max(len(row.title) for row in rows)
    for row in rows:
        speakers = ", ".join(row.speakers[:4]) + (", ..." if len(row.speakers) > 4 else "")
        typer.echo(
            f"{row.id:>4}  {row.title:<{width}}  {row.format:<16} {row.language:<3} {row.words:>7} words "
            f"{row.turns:>5} turns {row.codings:>5} codings  {speakers}"
        )


@app.command()
def show(
    ctx: typer.Context,
    document: str = typer.Argument(..., help="The document: its id or exact title."),
    as_json: bool = JSON,
) -> None:
    """One document: its attributes, then each turn with speaker and time."""
    detail = state(ctx).project().documents.show(document)
    if as_json:
        print_json(detail)
        return
    typer.echo(f"{detail.title}  (id {detail.id}, {detail.format}, {detail.language}, {detail.words} words)")
    for name, value in detail.attributes.items():
        typer.echo(f"  {name}: {value.isoformat() if hasattr(value, 'isoformat') else value}")
    for turn in detail.turns:
        when = f"[{_clock(turn.t_start)}] " if turn.t_start is not None else ""
        who = f"{turn.speaker}: " if turn.speaker else ""
        typer.echo(f"\n{when}{who}{detail.text[turn.start : turn.end]}")


def _pairs(values: list[str], option: str, example: str) -> dict[str, str]:
    """`KEY=VALUE` options as a dictionary."""
    from workbench.domain.errors import InvalidInput

    pairs = {}
    for value in values:
        key, sep, rest = value.partition("=")
        if not sep or not key.strip() or not rest.strip():
            raise InvalidInput(f"{option} '{value}' is not KEY=VALUE; write it like {option} {example}.")
        pairs[key.strip()] = rest.strip()
    return pairs


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


@contextmanager
def _progress_bar() -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr while files are imported (on a terminal only); gives `advance(done, total)`."""
    if not sys.stderr.isatty():
        yield lambda done, total: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("importing"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("import", total=None)
        yield lambda done, total: progress.update(task, completed=done, total=total)
