"""`workbench agreement`, `disagreements`, `adjudicate` and `blind-coding`: compare coders and decide differences."""

from __future__ import annotations

from typing import List, Optional

import typer

from workbench.cli import app
from workbench.cli.state import print_json, state

JSON = typer.Option(False, "--json", help="Print one JSON document.")
CODERS = typer.Option(..., "--coders", help="Two or more coders, separated by commas: anna,bram.")
UNIT = typer.Option("character", "--unit", help="character, segment, sentence, turn or document.")
THRESHOLD = typer.Option(90.0, "--threshold", help="Segment unit: the overlap (percent) at which two segments agree.")
DOCS = typer.Option(None, "--docs", "--doc", help="A document id or title (repeat for more); default: those coded by both.")
CODES = typer.Option(None, "--codes", "--code", help="A code path, name or GUID (repeat for more); default: the codes used.")
SUBCODES = typer.Option(True, "--subcodes/--only", help="The named codes with their sub-codes (the default), or "
                        "alone.")


def _number(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _fit(text: str, width: int) -> str:
    """The text padded to `width`, or cut with an ellipsis when longer."""
    return f"{text:<{width}}" if len(text) <= width else text[: width - 1] + "…"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}%"


@app.command()
def agreement(
    ctx: typer.Context,
    coders: str = CODERS,
    unit: str = UNIT,
    threshold: float = THRESHOLD,
    docs: Optional[List[str]] = DOCS,
    codes: Optional[List[str]] = CODES,
    subcodes: bool = SUBCODES,
    overlap: str = typer.Option("union", "--overlap", help="Segment unit: measure overlap on the union of both segments or on the segment itself (own)."),
    per_document: bool = typer.Option(False, "--per-document", help="Character unit: also show each code's row per document."),
    as_json: bool = JSON,
) -> None:
    """Inter-coder agreement per code and in total: percent agreement, Cohen's κ, Scott's π, Krippendorff's α."""
    report = state(ctx).project().agreement.report(
        coders, unit=unit, threshold=threshold, documents=docs or (), codes=codes or (), subcodes=subcodes,
        overlap_basis=overlap,
    )
    if as_json:
        print_json(report)
        return
    typer.echo(f"Agreement of {', '.join(report.coders)} at the {report.unit} unit on {len(report.documents)} document(s).")
    typer.echo(report.method)
    names = [row.code for row in report.codes] + [f"  {d.document}" for row in report.codes for d in row.documents if per_document]
    width = min(max(len(name) for name in names + ["Total"]), 60)
    kappa = "κ (B&P)" if report.unit == "segment" else "κ"
    typer.echo(f"{'Code':<{width}}  {'units':>8}  {'agree':>8}  {'differ':>7}  {'%':>7}  {kappa:>7}  {'π':>6}  {'α':>6}")
    for row in report.codes:
        row_kappa = row.brennan_prediger if report.unit == "segment" else row.cohen_kappa
        typer.echo(f"{_fit(row.code, width)}  {row.units:>8}  {row.agreements:>8}  {row.disagreements:>7}  "
                   f"{_percent(row.percent_agreement):>7}  {_number(row_kappa):>7}  {_number(row.scott_pi):>6}  "
                   f"{_number(row.krippendorff_alpha):>6}")
        for doc in row.documents if per_document else ():
            typer.echo(f"{_fit('  ' + doc.document, width)}  {doc.units:>8}  {doc.agreements:>8}  {doc.disagreements:>7}  "
                       f"{_percent(doc.percent_agreement):>7}  {_number(doc.cohen_kappa):>7}")
    total = report.overall
    total_kappa = total.brennan_prediger if report.unit == "segment" else total.cohen_kappa
    typer.echo(f"{'Total':<{width}}  {total.units:>8}  {total.agreements:>8}  {total.disagreements:>7}  "
               f"{_percent(total.percent_agreement):>7}  {_number(total_kappa):>7}  {_number(total.scott_pi):>6}  "
               f"{_number(total.krippendorff_alpha):>6}")
    for missing in report.missing:
        typer.echo(f"note: {missing.coder} has not coded {missing.document}; their values there count as missing.")


@app.command()
def disagreements(
    ctx: typer.Context,
    coders: str = CODERS,
    unit: str = UNIT,
    threshold: float = THRESHOLD,
    docs: Optional[List[str]] = DOCS,
    codes: Optional[List[str]] = CODES,
    subcodes: bool = SUBCODES,
    open_only: bool = typer.Option(False, "--open", help="Leave out the disagreements already adjudicated."),
    as_json: bool = JSON,
) -> None:
    """The fragments where the coders differ, each coder's codings side by side, with ids for `adjudicate`."""
    found = state(ctx).project().agreement.disagreements(
        coders, unit=unit, threshold=threshold, documents=docs or (), codes=codes or (), subcodes=subcodes,
        unresolved_only=open_only,
    )
    if as_json:
        print_json(found)
        return
    if not found:
        typer.echo("The coders agree everywhere on the chosen documents and codes.")
        return
    for item in found:
        mark = "  [adjudicated]" if item.resolved else ""
        typer.echo(f"{item.id}  {item.document}  {item.code}  ({item.kind}){mark}")
        for side in item.sides:
            if not side.codings:
                typer.echo(f"    {side.coder}: (not coded)")
            for (_coding_id, start, end), text in zip(side.codings, side.texts):
                typer.echo(f"    {side.coder}: [{start}-{end}] {_one_line(text)}")


def _one_line(text: str, limit: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _span(text: str) -> tuple[int, int]:
    from workbench.domain.errors import InvalidInput

    start, sep, end = text.partition("-")
    try:
        return int(start), int(end)
    except ValueError:
        raise InvalidInput(f"The span '{text}' is not START-END; write it like 120-245.") from None


@app.command()
def adjudicate(
    ctx: typer.Context,
    disagreement: str = typer.Argument(..., help="The disagreement's id as `workbench disagreements` prints it."),
    keep: Optional[List[str]] = typer.Option(None, "--keep", help="Keep this coder's codings (repeat, or `both`)."),
    span: Optional[str] = typer.Option(None, "--span", help="Code a new span START-END instead."),
    consensus: Optional[str] = typer.Option(None, "--consensus", help="The consensus coder (default: consensus)."),
    as_json: bool = JSON,
) -> None:
    """Decide a disagreement for the consensus coder: keep one coder's codings, both, or a new span."""
    result = state(ctx).project().agreement.adjudicate(
        disagreement, keep=keep or (), span=_span(span) if span else None, consensus=consensus
    )
    if as_json:
        print_json(result)
        return
    if result.spans:
        spans = ", ".join(f"[{start}-{end}]" for start, end in result.spans)
        typer.echo(f"{result.coder}: kept {result.decision} {spans} for {result.disagreement}.")
    else:
        typer.echo(f"{result.coder}: the code does not apply in {result.disagreement}.")


@app.command("blind-coding")
def blind_coding(
    ctx: typer.Context,
    switch: Optional[str] = typer.Argument(None, help="on or off; without it, say whether blind coding is on."),
) -> None:
    """Blind coding: while on, each coder sees only their own codings until agreement is run."""
    from workbench.domain.errors import InvalidInput

    project = state(ctx).project()
    if switch is not None:
        if switch.lower() not in ("on", "off"):
            raise InvalidInput(f"'{switch}' is neither on nor off; write `workbench blind-coding on`.")
        project.status.update_settings(blind_coding=switch.lower() == "on")
    on = project.status.blind_coding()
    typer.echo(f"Blind coding is {'on' if on else 'off'}.")
