"""Frequency tables and co-occurrence tables as the front ends see them (the counting is in `cooccurrence`)."""

from __future__ import annotations

from dataclasses import dataclass

# `fragments` counts what retrieval lists (overlapping codings of a cell joined, `domain.code_fragments`);
# `codings` counts every coder's coding apart, the per-coder view.
MEASURES = ("fragments", "codings", "documents", "words")
COOCCURRENCE_UNITS = ("span", "sentence", "turn", "document")


@dataclass(frozen=True)
class Matrix:
    """A table of numbers with labelled rows (codes) and columns (documents, values, speakers, coders, cases)."""

    measure: str
    by: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    values: tuple[tuple[int, ...], ...]
    row_totals: tuple[int, ...]
    subcodes: bool = False  # whether a code's row counts its sub-codes' codings too

    def cell(self, row: str, column: str) -> int:
        return self.values[self.rows.index(row)][self.columns.index(column)]


@dataclass(frozen=True)
class Cooccurrence:
    """How often codes occur together at a unit, with the Jaccard similarity of each pair."""

    unit: str
    codes: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]
    jaccard: tuple[tuple[float, ...], ...]
    subcodes: bool = False  # whether a code counts its sub-codes' codings too

    def count(self, a: str, b: str) -> int:
        return self.counts[self.codes.index(a)][self.codes.index(b)]

    def similarity(self, a: str, b: str) -> float:
        return self.jaccard[self.codes.index(a)][self.codes.index(b)]
