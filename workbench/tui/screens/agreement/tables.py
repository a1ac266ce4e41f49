"""What the Agreement screen draws: rated cells, the per-code rows, the review rows and the side-by-side panel."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group
from rich.style import Style
from rich.table import Table
from rich.text import Text

from workbench.domain.spans import shorten

LEVELS = "▁▂▃▄▅▆▇█"
# Low agreement warm, high cool (a red–yellow–blue scale), always under black text.
STOPS = ((0.0, (244, 109, 67)), (0.5, (254, 224, 144)), (1.0, (116, 173, 209)))


def _colour(share: float) -> str:
    for (a, low), (b, high) in zip(STOPS, STOPS[1:]):
        if share <= b:
            t = (share - a) / (b - a)
            r, g, bl = (round(x + (y - x) * t) for x, y in zip(low, high))
            return f"rgb({r},{g},{bl})"
    return "rgb({},{},{})".format(*STOPS[-1][1])


def rated(value: float | None, scale: float, digits: int, suffix: str = "") -> Text:
    """A figure on a background from warm (low) to cool (high), with a level mark so it reads without colour.

    `scale` is the value that counts as perfect (100 for percentages, 1 for coefficients); below zero is lowest.
    """
    if value is None:
        return Text("–", style=Style(dim=True), justify="right")
    share = max(0.0, min(value / scale, 1.0))
    mark = LEVELS[min(int(share * len(LEVELS)), len(LEVELS) - 1)]
    return Text(f"{value:.{digits}f}{suffix} {mark}", style=Style(bgcolor=_colour(share), color="black"), justify="right")


def count(value: int, bold: bool = False) -> Text:
    return Text(str(value), style="bold" if bold else "", justify="right")


def code_columns(unit: str, coders: Sequence[str], per_coder: bool) -> list[str]:
    """The column titles of the per-code table."""
    kappa = "κ (B&P)" if unit == "segment" else "Cohen κ"
    coded = [f"{shorten(c, 10)}" for c in coders] if per_coder else []
    return ["Code", "Units", *coded, "Agree", "Differ", "% agree", kappa, "Kripp. α"]


def code_cells(row, unit: str, coders: Sequence[str], per_coder: bool, width: int, total: bool = False) -> list:
    """One row of the per-code table: a code's figures (or the totals when `total`)."""
    kappa = row.brennan_prediger if unit == "segment" else row.cohen_kappa
    name = Text("Total (all codes)" if total else shorten(row.code.rsplit("/", 1)[-1], width),
                style="bold" if total else "")
    if not per_coder:
        coded = []
    elif total:
        coded = [Text("") for _ in coders]
    else:
        coded = [count(row.coded_by.get(c, 0)) for c in coders]
    return [
        name, count(row.units, total), *coded, count(row.agreements, total), count(row.disagreements, total),
        rated(row.percent_agreement, 100, 1, "%"), rated(kappa, 1, 3), rated(row.krippendorff_alpha, 1, 3),
    ]


def review_columns(coders: Sequence[str], show_document: bool) -> list[str]:
    """The column titles of the review list: where, what, then each coder's coded text side by side."""
    sides = [f"{n} {shorten(c, 14)}" for n, c in enumerate(coders, 1)]
    return [*(["Document"] if show_document else []), "Code", *sides, "State"]


def side_text(item, coder: str, limit: int) -> Text:
    """What one coder coded in a disagreement, on one line."""
    side = next((s for s in item.sides if s.coder == coder), None)
    if side is None:
        return Text("(document not coded)", style="dim italic")
    if not side.codings:
        return Text("— not coded —", style="dim italic")
    quoted = " … ".join(" ".join(t.split()) for t in side.texts)
    more = f" ({len(side.codings)}×)" if len(side.codings) > 1 else ""
    return Text(shorten(quoted, max(limit - len(more), 8)) + more)


def review_cells(item, coders: Sequence[str], show_document: bool, code_width: int, side_width: int) -> list:
    """One row of the review list."""
    state = Text("✓ decided", style="green") if item.resolved else Text("open", style="bold")
    where = [Text(shorten(item.document, 18))] if show_document else []
    return [*where, Text(shorten(item.code.rsplit("/", 1)[-1], code_width)),
            *(side_text(item, c, side_width) for c in coders), state]


def detail(item, coders: Sequence[str], colour: str, room: int = 700) -> Group:
    """The disagreement in full: its text once per coder, side by side, each coder's coded parts marked.

    A long stretch (a whole turn or document) is cut to `room` characters from a little before the first coding.
    """
    state = "decided" if item.resolved else "open"
    kind = "not applied by all" if item.kind == "missing" else "other boundaries"
    head = Text.assemble((item.code, "bold"), f" · {shorten(item.document, 40)} · [{item.start}-{item.end}) · {kind} · {state}")
    starts = [a for side in item.sides for _id, a, _b in side.codings]
    low = max(item.start, min(starts, default=item.start) - 80)
    high = min(item.end, low + room)
    window = item.text[low - item.start:high - item.start]
    before, after = ("… " if low > item.start else ""), (" …" if high < item.end else "")
    grid = Table.grid(expand=True, padding=(0, 2))
    marked = Style(bgcolor=colour, color="black", bold=True, underline=True)
    titles, bodies = [], []
    for number, coder in enumerate(coders, 1):
        side = next((s for s in item.sides if s.coder == coder), None)
        if side is None:
            continue
        body = Text(window, style="dim")
        for _id, a, b in side.codings:
            a, b = max(a, low) - low, min(b, high) - low
            if a < b:
                body.stylize(marked, a, b)
        spans_label = ", ".join(f"{a}-{b}" for _id, a, b in side.codings) or "not coded"
        titles.append(Text.assemble((f"{number} {coder}", "bold"), f"  {shorten(spans_label, 40)}"))
        bodies.append(Text.assemble(before, body, after))
        grid.add_column(ratio=1)
    if titles:
        grid.add_row(*titles)
        grid.add_row(*bodies)
    return Group(head, grid)
