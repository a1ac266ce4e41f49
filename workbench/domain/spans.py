"""Pure rules on `[start, end)` spans: checking, growing to boundaries, and sets of intervals."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workbench.domain.errors import InvalidInput

# Letters and digits, with the apostrophes and hyphens that keep `zo'n` and `co-ouder` one word.
_WORD_CHAR = re.compile(r"[^\W_]")
_JOINERS = "'’-"
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
UNITS = ("word", "sentence", "turn")


@dataclass(frozen=True, slots=True)
class Span:
    """A `[start, end)` stretch of one document's text."""

    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start


def check_span(start: int, end: int, length: int, document: str) -> None:
    """Raise InvalidInput unless `0 <= start < end <= length`."""
    if start >= end:
        raise InvalidInput(f"The span [{start}, {end}) is empty; give an end that is greater than the start.")
    if start < 0 or end > length:
        raise InvalidInput(
            f"The span [{start}, {end}) lies outside document '{document}', whose text has {length} characters; "
            f"give offsets between 0 and {length}."
        )


def shorten(text: str, limit: int = 30) -> str:
    """The text on one line, cut at about `limit` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _is_word_char(text: str, index: int) -> bool:
    """Whether `text[index]` belongs to a word (a letter or digit, or a joiner between two of them)."""
    char = text[index]
    if _WORD_CHAR.match(char):
        return True
    if char in _JOINERS and 0 < index < len(text) - 1:
        return bool(_WORD_CHAR.match(text[index - 1]) and _WORD_CHAR.match(text[index + 1]))
    return False


def grow_to_words(text: str, start: int, end: int) -> Span:
    """Widen `[start, end)` so that no word is cut; surrounding spaces are not taken in."""
    while start > 0 and _is_word_char(text, start - 1) and _is_word_char(text, start):
        start -= 1
    while end < len(text) and _is_word_char(text, end) and _is_word_char(text, end - 1):
        end += 1
    return Span(start, end)


def word_starts(text: str) -> list[int]:
    """The offset of every word in the text, in order (the word rule of `count_words`)."""
    return [match.start() for match in WORD.finditer(text)]


def words_between(starts: Sequence[int], start: int, end: int) -> int:
    """How many of the words beginning at `starts` begin inside `[start, end)`."""
    return bisect_left(starts, end) - bisect_left(starts, start)


class Units:
    """The ordered, non-overlapping unit spans (sentences or turns) of one document, for fast look-ups."""

    __slots__ = ("starts", "ends")
    starts: Sequence[int]
    ends: Sequence[int]

    def __init__(self, spans: Iterable[tuple[int, int]]):
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.ends = [e for _, e in ordered]

    @classmethod
    def ordered(cls, starts: Sequence[int], ends: Sequence[int]) -> Units:
        """Units from start and end lists that are already in order."""
        units = cls.__new__(cls)
        units.starts, units.ends = starts, ends
        return units

    def __len__(self) -> int:
        return len(self.starts)

    def index_at(self, offset: int) -> int | None:
        """The index of the unit containing `offset`, or None when it falls between units."""
        i = bisect_right(self.starts, offset) - 1
        return i if i >= 0 and offset < self.ends[i] else None

    def touched(self, start: int, end: int) -> range:
        """The indices of the units that share at least one character with `[start, end)`."""
        first = bisect_right(self.ends, start)
        last = bisect_left(self.starts, end)
        return range(first, last)

    def nearest(self, start: int, end: int) -> tuple[int, int]:
        """The first and last unit index a span belongs to; a span between units counts as the unit before it."""
        touched = self.touched(start, end)
        if touched:
            return touched[0], touched[-1]
        before = max(bisect_right(self.starts, start) - 1, 0)
        return before, before

    def span(self, index: int) -> Span:
        return Span(self.starts[index], self.ends[index])

    def cover(self, start: int, end: int) -> Span | None:
        """The span from the first to the last unit touching `[start, end)`, or None if it touches none."""
        touched = self.touched(start, end)
        if not touched:
            return None
        return Span(self.starts[touched[0]], self.ends[touched[-1]])


def merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of intervals: sorted, with overlapping or touching intervals joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def covered_length(spans: Iterable[tuple[int, int]]) -> int:
    """How many characters the union of the intervals covers."""
    return sum(end - start for start, end in merge(spans))
