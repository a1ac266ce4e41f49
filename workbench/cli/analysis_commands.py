"""`workbench retrieve`, `search`, `query` and `matrix`: the analysis commands."""

from __future__ import annotations

from typing import List, Optional

import typer

from workbench.cli import app
from workbench.cli.state import print_json, state
from workbench.domain.code_fragments import fragments_counted, scope_note
from workbench.domain.wording import counted

JSON = typer.Option(False, "--json", help="Print one JSON document.")
DOCS = typer.Option(None, "--doc", help="Only these documents (id or title; repeat the option).")
ATTRS = typer.Option(None, "--attr", help="Only documents with KEY=VALUE (repeat; same key = either value).")
SPEAKERS = typer.Option(None, "--speaker", help="Only what these speakers said (repeat the option).")
CODERS = typer.Option(None, "--coder", help="Only these coders' codings (repeat the option).")
STATUSES = typer.Option(None, "--status", help="Coding status: applied (default), suggested, rejected; repeatable.")
DATE_FROM = typer.Option(None, "--from", help="Only documents dated on or after YYYY-MM-DD.")
DATE_TO = typer.Option(None, "--to", help="Only documents dated on or before YYYY-MM-DD.")
CONSENSUS = typer.Option(False, "--consensus", help="Only the consensus coder's codings (the team's decisions).")


def _selection(docs, attrs, speakers, coders, statuses, date_from, date_to, consensus=False, project=None):
    from workbench.domain.filters import Selection, parse_attribute_filter, parse_date

    if consensus:
        from workbench.services.adjudication import consensus_name

        coders = [*(coders or ()), consensus_name(project.ctx)]
    return Selection(
        documents=tuple(docs or ()), attributes=tuple(parse_attribute_filter(a) for a in attrs or ()),
        speakers=tuple(speakers or ()), coders=tuple(coders or ()), statuses=tuple(statuses or ("applied",)),
        date_from=parse_date(date_from, "--from date") if date_from else None,
        date_to=parse_date(date_to, "--to date") if date_to else None,
    )


@app.command()
def retrieve(
    ctx: typer.Context,
    codes: List[str] = typer.Argument(..., help="One or more codes (path, unique name or GUID; =NAME: the code alone)."),
    subcodes: bool = typer.Option(True, "--subcodes/--only", help="With the codes' sub-codes (the default), or "
                                  "the codes alone."),
    per_coder: bool = typer.Option(False, "--per-coder", help="Each coder's fragments apart, instead of one "
                                   "fragment per passage naming every coder."),
    context: str = typer.Option("sentence", "--context", help="Context shown: sentence, turn or none."),
    docs: Optional[List[str]] = DOCS, attrs: Optional[List[str]] = ATTRS, speakers: Optional[List[str]] = SPEAKERS,
    coders: Optional[List[str]] = CODERS, consensus: bool = CONSENSUS, statuses: Optional[List[str]] = STATUSES,
    date_from: Optional[str] = DATE_FROM, date_to: Optional[str] = DATE_TO,
    as_json: bool = JSON,
) -> None:
    """The coded fragments of codes (overlapping codings joined), with document, speaker, time, context, codes,
    coders, memos and attributes."""
    project = state(ctx).project()
    selection = _selection(docs, attrs, speakers, coders, statuses, date_from, date_to, consensus, project)
    fragments = project.retrieval.fragments(codes, subcodes=subcodes, context=context, selection=selection,
                                            per_coder=per_coder)
    if as_json:
        print_json(fragments)
        return
    for f in fragments:
        when = ""
        if f.t_start is not None:
            seconds = int(f.t_start)
            when = f" [{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}]"
        typer.echo(f"{f.document}{when}  {f.speaker or '-'}  ({f.code}, {f.coder}, "
                   f"{', '.join(f'#{i}' for i in f.coding_ids or (f.coding_id,))})")
        typer.echo(f"  {' '.join(f.context.split())}")
        for memo in f.memos or ((f.memo,) if f.memo else ()):
            typer.echo(f"  memo: {memo}")
    per = ", each coder apart" if per_coder else ""
    typer.echo(f"{fragments_counted(len(fragments), subcodes)[:-1]}{per}) in "
               f"{counted(len({f.document_id for f in fragments}), 'document')}.")


@app.command()
def search(
    ctx: typer.Context,
    pattern: str = typer.Argument(..., help="A word or phrase (or a regular expression with --regex)."),
    regex: bool = typer.Option(False, "--regex", help="The pattern is a regular expression."),
    lemma: bool = typer.Option(False, "--lemma", help="Match every inflected form (financiering -> financieringen)."),
    case_sensitive: bool = typer.Option(False, "--case-sensitive", help="Tell capitals apart."),
    width: int = typer.Option(40, "--width", min=0, help="Characters of context on each side."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Stop after this many hits."),
    suggest: Optional[str] = typer.Option(None, "--suggest", help="Store the hits as suggested codings of this code."),
    grow: str = typer.Option("match", "--grow", help="With --suggest: code the match, its sentence or its turn."),
    docs: Optional[List[str]] = DOCS, attrs: Optional[List[str]] = ATTRS, speakers: Optional[List[str]] = SPEAKERS,
    as_json: bool = JSON,
) -> None:
    """Search the transcripts; hits are shown in their context (keyword in context)."""
    from workbench.domain.errors import InvalidInput

    if regex and lemma:
        raise InvalidInput("Choose one of --regex and --lemma.")
    mode = "regex" if regex else "lemma" if lemma else "plain"
    selection = _selection(docs, attrs, speakers, None, None, None, None)
    project = state(ctx).project()
    hits = project.search.search(pattern, mode=mode, case_sensitive=case_sensitive, selection=selection,
                                 width=width, limit=limit)
    suggested = project.search.suggest(hits, suggest, unit=grow, pattern=pattern) if suggest else None
    if as_json:
        print_json({"hits": hits, "suggested": suggested} if suggest else hits)
        return
    for hit in hits:
        typer.echo(f"{hit.document:<24.24} {hit.start:>7}  {hit.before:>{width}}[{hit.text}]{hit.after}")
    typer.echo(f"{counted(len(hits), 'hit')}.")
    if suggested is not None:
        typer.echo(f"Stored {counted(len(suggested), 'suggested coding')} of {suggest}.")


@app.command()
def query(
    ctx: typer.Context,
    expression: str = typer.Argument(..., help="E.g. 'Vertrouwen AND Financiering', 'A NEAR/2 B', '(A OR B) NOT C'; "
                                     "a code takes its sub-codes along, =CODE is the code alone."),
    unit: str = typer.Option("span", "--unit", help="Compare at: span (overlap), sentence, turn or document."),
    subcodes: bool = typer.Option(True, "--subcodes/--only", help="Code names with their sub-codes (the default), "
                                  "or alone."),
    docs: Optional[List[str]] = DOCS, attrs: Optional[List[str]] = ATTRS, speakers: Optional[List[str]] = SPEAKERS,
    coders: Optional[List[str]] = CODERS, consensus: bool = CONSENSUS, statuses: Optional[List[str]] = STATUSES,
    date_from: Optional[str] = DATE_FROM, date_to: Optional[str] = DATE_TO,
    as_json: bool = JSON,
) -> None:
    """Where a code query holds: AND, OR, NOT, NEAR/n, FOLLOWED BY, INSIDE, parentheses, KEY=VALUE."""
    project = state(ctx).project()
    selection = _selection(docs, attrs, speakers, coders, statuses, date_from, date_to, consensus, project)
    result = project.queries.run(expression, unit=unit, selection=selection, subcodes=subcodes)
    if as_json:
        print_json(result)
        return
    for hit in result.hits:
        text = " ".join(hit.text.split())
        typer.echo(f"{hit.document}  [{hit.start}, {hit.end})  {hit.speaker or '-'}  {text}".rstrip())
    typer.echo(f"{counted(len(result.hits), 'hit')} in "
               f"{counted(result.documents, 'document')} (unit: {result.unit}; {scope_note(result.subcodes)}).")


@app.command()
def matrix(
    ctx: typer.Context,
    by: str = typer.Option("documents", "--by", help="Columns: documents, speakers, coders, cases or attr:KEY."),
    measure: str = typer.Option("fragments", "--measure", help="Count fragments (overlapping codings joined, as "
                                "retrieve lists them), codings (each coder's apart), documents or coded words."),
    cooccurrence: bool = typer.Option(False, "--cooccurrence", help="Code x code co-occurrence instead."),
    unit: str = typer.Option("span", "--unit", help="With --cooccurrence: span, sentence, turn or document."),
    presence: bool = typer.Option(False, "--presence", help="A 0/1 code x case matrix instead."),
    codes: Optional[List[str]] = typer.Option(None, "--code", help="Only these codes as rows (repeatable)."),
    subcodes: bool = typer.Option(True, "--subcodes/--only", help="Count sub-codes' codings in their parents' rows "
                                  "(the default), or each code alone."),
    docs: Optional[List[str]] = DOCS, attrs: Optional[List[str]] = ATTRS, speakers: Optional[List[str]] = SPEAKERS,
    coders: Optional[List[str]] = CODERS, consensus: bool = CONSENSUS, statuses: Optional[List[str]] = STATUSES,
    date_from: Optional[str] = DATE_FROM, date_to: Optional[str] = DATE_TO,
    as_json: bool = JSON,
) -> None:
    """Code frequencies by document, speaker, coder, case or attribute value; or co-occurrence; or presence."""
    project = state(ctx).project()
    selection = _selection(docs, attrs, speakers, coders, statuses, date_from, date_to, consensus, project)
    service = project.matrices
    if cooccurrence:
        table = service.cooccurrence(unit=unit, codes=codes or None, subcodes=subcodes, selection=selection)
        if as_json:
            print_json(table)
            return
        _print_table(table.codes, table.codes, table.counts)
        typer.echo(f"Co-occurrence at unit {table.unit} ({scope_note(table.subcodes)}); Jaccard similarities are in "
                   "--json.")
        return
    if presence:
        table = service.case_matrix(codes=codes or None, subcodes=subcodes, selection=selection)
    else:
        table = service.frequencies(by=by, measure=measure, codes=codes or None, subcodes=subcodes, selection=selection)
    if as_json:
        print_json(table)
        return
    _print_table(table.rows, table.columns, table.values, table.row_totals)
    typer.echo(f"Counted: {table.measure} ({scope_note(table.subcodes)}).")


def _print_table(rows, columns, values, totals=None) -> None:
    """Rows of numbers under shortened column labels, the code path first."""
    label_width = min(48, max((len(r) for r in rows), default=4))
    widths = [max(5, min(14, len(c))) for c in columns]
    head = "".join(f" {c[:w]:>{w}}" for c, w in zip(columns, widths, strict=True))
    typer.echo(f"{'':<{label_width}}{head}" + ("  total" if totals is not None else ""))
    for i, row in enumerate(rows):
        cells = "".join(f" {v:>{w}}" for v, w in zip(values[i], widths, strict=True))
        total = f"  {totals[i]:>5}" if totals is not None else ""
        typer.echo(f"{row[:label_width]:<{label_width}}{cells}{total}")
