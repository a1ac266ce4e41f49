"""Code co-occurrence counted on whole arrays of codings at once (numpy), so a quarter of a million codings
take a fraction of a second.

At a unit (sentence, turn, document) the count of a pair is the number of units holding both codes and the
Jaccard index is units with both / units with either. At the `span` unit a code's stretches are its codings
joined where they overlap or touch; the count of a pair is the number of places where a stretch of one
overlaps a stretch of the other, and the Jaccard index is measured in characters: characters coded with
both / characters coded with either. The diagonal holds each code's own count. numpy is imported on first use.
"""

from __future__ import annotations

from array import array
from typing import Any

from workbench.domain.arrays import distinct, expand, ints, spread, table
from workbench.domain.arrays import np as _np

PAIR_LIMIT = 4_000_000  # beyond this many code pairs within units, count with matrix products instead
CHUNK_UNITS = 50_000


def _pairs_after(n_after) -> tuple[Any, Any]:
    """For items 0..N-1 where item i pairs with the n_after[i] items following it: both index arrays."""
    np = _np()
    total = int(n_after.sum())
    first = np.repeat(np.arange(len(n_after), dtype=np.int64), n_after)
    step = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(n_after) - n_after, n_after)
    return first, first + 1 + step


def _square(index_a, index_b, size: int, weights=None) -> Any:
    """A symmetric size x size table adding up `weights` (or ones) for every (a, b) pair, both ways."""
    np = _np()
    flat = np.bincount(index_a * size + index_b, weights=weights, minlength=size * size).reshape(size, size)
    return flat + flat.T


def ranks(values) -> tuple[Any, Any]:
    """The distinct values in order, and each value's index among them."""
    np = _np()
    return np.unique(ints(values), return_inverse=True)


def stretches(doc, code, start, end, size: int) -> tuple[Any, Any, Any, Any]:
    """Each code's codings in each document joined where they overlap or touch: `(doc, code, start, end)`."""
    np = _np()
    doc, code, start, end = map(ints, (doc, code, start, end))
    if not len(doc):
        return doc, code, start, end
    _, doc_rank = np.unique(doc, return_inverse=True)
    room = int(end.max()) + 1
    group = doc_rank * size + code  # spans of different groups never meet once shifted apart by `room`
    key_start, key_end = group * room + start, group * room + end
    order = np.lexsort((key_end, key_start))
    key_start, key_end, group = key_start[order], key_end[order], group[order]
    reach = np.maximum.accumulate(key_end)
    begins = np.flatnonzero(np.concatenate(([True], key_start[1:] > reach[:-1])))
    joined_start = key_start[begins]
    joined_end = np.maximum.reduceat(key_end, begins)
    joined_group = group[begins]
    offset = joined_group * room
    return doc[order][begins], joined_group % size, joined_start - offset, joined_end - offset


def span_counts(doc, code, start, end, size: int) -> tuple[Any, Any]:
    """Overlap counts and shared characters between codes, with each code's own stretches and characters."""
    np = _np()
    doc, code, start, end = stretches(doc, code, start, end, size)
    counts = np.zeros((size, size), dtype=np.int64)
    chars = np.zeros((size, size), dtype=np.int64)
    if not len(doc):
        return counts, chars
    _, doc_rank = np.unique(doc, return_inverse=True)
    room = int(end.max()) + 1
    key_start, key_end = doc_rank * room + start, doc_rank * room + end
    order = np.argsort(key_start, kind="stable")
    key_start, key_end, code = key_start[order], key_end[order], code[order]
    # Stretch i overlaps the later stretches that start before it ends (within its document, by the shift).
    n_after = np.searchsorted(key_start, key_end, side="left") - np.arange(len(key_start)) - 1
    first, second = _pairs_after(np.maximum(n_after, 0))
    different = code[first] != code[second]
    first, second = first[different], second[different]
    shared = np.minimum(key_end[first], key_end[second]) - key_start[second]
    counts += _square(code[first], code[second], size).astype(np.int64)
    chars += _square(code[first], code[second], size, shared.astype(np.float64)).astype(np.int64)
    own = np.arange(size)
    counts[own, own] = np.bincount(code, minlength=size)
    chars[own, own] = np.bincount(code, weights=(key_end - key_start).astype(np.float64), minlength=size).astype(np.int64)
    return counts, chars


def unit_table(documents: list[tuple[int, int]], starts: list, ends: list) -> tuple[Any, Any, Any]:
    """Units of several documents as three arrays (document, start, end): `documents` holds `(id, number of
    units)` in order, and `starts` and `ends` one sequence per document (array('q') is used without copying)."""
    np = _np()

    def joined(parts):
        arrays = [np.frombuffer(p, dtype=np.int64) if isinstance(p, array) and p.itemsize == 8 else ints(p) for p in parts]
        return np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.int64)

    doc = np.repeat(ints([d for d, _ in documents]), ints([n for _, n in documents]))
    return doc, joined(starts), joined(ends)


def unit_ranges(doc, start, end, units: tuple[Any, Any, Any]) -> tuple[Any, Any]:
    """For each coding, the first and past-the-last index of the units it shares a character with.

    `units` are arrays (document, start, end) in document order and in order within each document; their
    indices run across documents.
    """
    np = _np()
    doc, start, end = map(ints, (doc, start, end))
    unit_doc, unit_start, unit_end = map(ints, units)
    if not len(doc) or not len(unit_doc):
        zero = np.zeros(len(doc), dtype=np.int64)
        return zero, zero
    ids, ranks = np.unique(np.concatenate((unit_doc, doc)), return_inverse=True)
    unit_rank, doc_rank = ranks[: len(unit_doc)], ranks[len(unit_doc) :]
    room = int(max(end.max(), unit_end.max())) + 1
    first = np.searchsorted(unit_rank * room + unit_end, doc_rank * room + start, side="right")
    last = np.searchsorted(unit_rank * room + unit_start, doc_rank * room + end, side="left")
    return first, np.maximum(first, last)


def unit_counts(row, first, last, size: int, total_units: int) -> Any:
    """Units holding both codes, from each coding's row and its unit range `[first, last)`."""
    np = _np()
    row, first, last = map(ints, (row, first, last))
    owner, position = spread(first, last - first)
    keys = distinct(position * size + row[owner])  # each (unit, code) once, ordered by unit
    unit, code = keys // size, keys % size
    counts = np.zeros((size, size), dtype=np.int64)
    if len(keys):
        edges = np.flatnonzero(np.concatenate(([True], unit[1:] != unit[:-1], [True])))
        group_size = np.diff(edges)
        pairs = int((group_size * (group_size - 1) // 2).sum())
        if pairs <= PAIR_LIMIT:
            n_after = np.repeat(edges[1:], group_size) - np.arange(len(keys)) - 1
            a, b = _pairs_after(n_after)
            counts += _square(code[a], code[b], size).astype(np.int64)
        else:
            counts += _by_products(unit, code, size, total_units)
            counts[np.arange(size), np.arange(size)] = 0
    counts[np.arange(size), np.arange(size)] = np.bincount(code, minlength=size)
    return counts


def _by_products(unit, code, size: int, total_units: int) -> Any:
    """Co-occurrence as (code x unit) @ (unit x code), a chunk of units at a time, for dense tables."""
    np = _np()
    result = np.zeros((size, size), dtype=np.float64)
    for low in range(0, total_units, CHUNK_UNITS):
        inside = (unit >= low) & (unit < low + CHUNK_UNITS)
        if not inside.any():
            continue
        incidence = np.zeros((size, min(CHUNK_UNITS, total_units - low)), dtype=np.float32)
        incidence[code[inside], unit[inside] - low] = 1.0
        result += incidence @ incidence.T
    return np.rint(result).astype(np.int64)


def jaccard(shared) -> list[list[float]]:
    """Jaccard index per pair from a square table whose diagonal holds each code's own total."""
    np = _np()
    shared = np.asarray(shared, dtype=np.float64)
    own = np.diag(shared)
    union = own[:, None] + own[None, :] - shared
    with np.errstate(divide="ignore", invalid="ignore"):
        result = np.where(union > 0, shared / np.where(union > 0, union, 1), 0.0)
    return np.round(result, 4).tolist()


def coding_columns(codings, targets: dict[int, list[int]]) -> tuple[Any, Any, Any, Any]:
    """`(document, row, start, end)` arrays from `(document, code, start, end)` tuples (or with the coder
    before the start), one entry for every row a coding counts towards (`targets` maps a code to its rows)."""
    width = len(codings[0]) if len(codings) else 4
    rows = table(codings, width)
    owner, row = expand(rows[:, 1], targets)
    return rows[owner, 0], row, rows[owner, width - 2], rows[owner, width - 1]
