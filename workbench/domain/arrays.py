"""Small numpy building blocks for counting many codings at once; numpy is imported on first use only."""

from __future__ import annotations

from itertools import chain
from typing import Any


def np():
    """The numpy module, imported when a count first needs it (never at start-up)."""
    import numpy

    return numpy


def ints(values) -> Any:
    """Integers as an int64 array."""
    numpy = np()
    return numpy.asarray(values, dtype=numpy.int64)


def table(rows, width: int) -> Any:
    """A list of equal-length integer tuples as an (n, width) array (faster than numpy.array on tuples)."""
    numpy = np()
    if isinstance(rows, numpy.ndarray):
        return rows.reshape(-1, width)
    flat = numpy.fromiter(chain.from_iterable(rows), dtype=numpy.int64, count=len(rows) * width)
    return flat.reshape(-1, width)


def distinct(values) -> Any:
    """The distinct values in order (a sort, which beats hashing for these integer keys)."""
    numpy = np()
    ordered = numpy.sort(values)
    if len(ordered) < 2:
        return ordered
    return ordered[numpy.concatenate(([True], ordered[1:] != ordered[:-1]))]


def spread(first, width) -> tuple[Any, Any]:
    """For ranges `[first[i], first[i] + width[i])`: the owning index of every member, and the member."""
    numpy = np()
    width = numpy.maximum(ints(width), 0)
    owner = numpy.repeat(numpy.arange(len(width), dtype=numpy.int64), width)
    step = numpy.arange(int(width.sum()), dtype=numpy.int64) - numpy.repeat(numpy.cumsum(width) - width, width)
    return owner, ints(first)[owner] + step


def expand(keys, mapping: dict[int, list[int]]) -> tuple[Any, Any]:
    """Each key's values from `mapping`, as (index of the key, value) pairs; keys without values drop out."""
    numpy = np()
    pairs = sorted((key, value) for key, values in mapping.items() for value in values)
    mapped_key = numpy.array([key for key, _ in pairs], dtype=numpy.int64)
    mapped_value = numpy.array([value for _, value in pairs], dtype=numpy.int64)
    keys = ints(keys)
    low = numpy.searchsorted(mapped_key, keys, side="left")
    width = numpy.searchsorted(mapped_key, keys, side="right") - low
    owner, pick = spread(low, width)
    return owner, mapped_value[pick]
