"""Count code co-occurrence at a unit from loaded codings; the counting rules live in `domain.cooccurrence`."""

from __future__ import annotations

from sqlalchemy.orm import Session

from workbench.domain import cooccurrence as counting
from workbench.services.coding_sets import Span
from workbench.services.layouts import unit_columns


def cooccurrence_tables(
    s: Session, unit: str, spans: list[Span], targets: dict[int, list[int]], size: int
) -> tuple[list[list[int]], list[list[float]]]:
    """Counts and Jaccard similarities between the `size` rows; `targets` maps a code id to its rows."""
    docs, rows, starts, ends = counting.coding_columns(spans, targets)
    if unit == "span":
        counts, chars = counting.span_counts(docs, rows, starts, ends, size)
        return counts.tolist(), counting.jaccard(chars)
    if unit == "document":
        ordered, first = counting.ranks(docs)
        counts = counting.unit_counts(rows, first, first + 1, size, len(ordered))
    else:
        units = counting.unit_table(*unit_columns(s, unit, counting.ranks(docs)[0].tolist()))
        first, last = counting.unit_ranges(docs, starts, ends, units)
        counts = counting.unit_counts(rows, first, last, size, len(units[0]))
    return counts.tolist(), counting.jaccard(counts)
