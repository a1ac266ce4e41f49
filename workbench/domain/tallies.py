"""Code frequencies counted on whole arrays of codings (numpy): fragments, codings, documents or coded words
per cell.

Every coding counts in each cell (row, column) it belongs to: its code's row (and its ancestors' rows when
sub-codes roll up) and its column (document, attribute value, speaker, coder, or each of its cases). Coded
words are counted once where codings of one cell overlap: the words that begin inside the union of the
cell's codings in each document, and fragments are those unions' stretches. A row's total counts each fragment,
coding, document or word once.
"""

from __future__ import annotations

from typing import Any

from workbench.domain.arrays import distinct, ints, np
from workbench.domain.cooccurrence import stretches


def _per_cell(cells, size: int, weights=None) -> Any:
    numpy = np()
    return numpy.bincount(cells, weights=weights, minlength=size).astype(numpy.int64)


def words_in(doc, start, end, word_starts: dict[int, Any]) -> Any:
    """How many words begin inside each `[start, end)` of a document, from each document's word offsets."""
    numpy = np()
    doc, start, end = map(ints, (doc, start, end))
    ids = sorted(word_starts)
    if not len(doc) or not ids:
        return numpy.zeros(len(doc), dtype=numpy.int64)
    room = int(max(end.max(), max((int(w[-1]) for w in word_starts.values() if len(w)), default=0))) + 1
    shifted = numpy.concatenate([ints(word_starts[d]) + i * room for i, d in enumerate(ids)])
    doc_rank = numpy.searchsorted(ints(ids), doc)
    return numpy.searchsorted(shifted, doc_rank * room + end) - numpy.searchsorted(shifted, doc_rank * room + start)


def frequencies(
    coding, row, column, doc, start, end, shape: tuple[int, int], measure: str,
    word_starts: dict[int, Any] | None = None,
) -> tuple[list[list[int]], list[int]]:
    """Cell values (rows x columns) and row totals for entries `(coding, row, column)` with each coding's
    document and span."""
    coding, row, column, doc, start, end = map(ints, (coding, row, column, doc, start, end))
    rows, columns = shape
    cell = row * columns + column
    if measure == "fragments":
        # The rule of `domain.code_fragments`: a cell's overlapping or touching codings are one fragment.
        values = _per_cell(stretches(doc, cell, start, end, rows * columns)[1], rows * columns)
        totals = _per_cell(stretches(doc, row, start, end, rows)[1], rows)
    elif measure == "codings":
        values = _per_cell(cell, rows * columns)
        scale = int(coding.max()) + 1 if len(coding) else 1
        totals = _per_cell(distinct(row * scale + coding) // scale, rows)
    elif measure == "documents":
        scale = int(doc.max()) + 1 if len(doc) else 1
        values = _per_cell(distinct(cell * scale + doc) // scale, rows * columns)
        totals = _per_cell(distinct(row * scale + doc) // scale, rows)
    else:
        joined = stretches(doc, cell, start, end, rows * columns)
        values = _per_cell(joined[1], rows * columns, words_in(joined[0], joined[2], joined[3], word_starts or {}))
        by_row = stretches(doc, row, start, end, rows)
        totals = _per_cell(by_row[1], rows, words_in(by_row[0], by_row[2], by_row[3], word_starts or {}))
    return values.reshape(rows, columns).tolist(), totals.tolist()


def speaker_of(doc, start, turns) -> Any:
    """For each coding, the index of the turn its start falls in (`turns`: `(document, start, end)` rows in
    order), or -1 when it starts before the first turn of its document."""
    numpy = np()
    doc, start = ints(doc), ints(start)
    turn_table = ints(turns).reshape(-1, 3)
    if not len(doc) or not len(turn_table):
        return numpy.full(len(doc), -1, dtype=numpy.int64)
    ids, ranks = numpy.unique(numpy.concatenate((turn_table[:, 0], doc)), return_inverse=True)
    turn_rank, doc_rank = ranks[: len(turn_table)], ranks[len(turn_table) :]
    room = int(max(turn_table[:, 2].max(), start.max())) + 1
    index = numpy.searchsorted(turn_rank * room + turn_table[:, 1], doc_rank * room + start, side="right") - 1
    same = (index >= 0) & (turn_rank[numpy.maximum(index, 0)] == doc_rank)
    return numpy.where(same, index, -1)
