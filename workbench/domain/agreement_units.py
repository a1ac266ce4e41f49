"""Turn each coder's coded intervals into the units agreement is measured on.

A coder's coding of one code in one document is a list of `[start, end)` intervals; `None` instead of a list
means the coder did not code that document at all, so their values there are missing. Character and presence
units come out as *patterns*: `{(value of coder 1, value of coder 2, ...): number of units}` with values True
(coded), False (not coded) or None (missing), which is all the statistics need. Segments are compared pair by pair.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.domain.spans import Units, merge

Interval = tuple[int, int]
Coverage = Sequence[Interval] | None
Pattern = tuple[bool | None, ...]
Patterns = dict[Pattern, int]


@dataclass(frozen=True)
class DocumentFrame:
    """What units a document offers: its length, sentence spans and turn spans."""

    document_id: int
    title: str
    length: int
    sentences: tuple[Interval, ...] = ()
    turns: tuple[Interval, ...] = ()

    def spans(self, unit: str) -> tuple[Interval, ...]:
        """The document's spans of a presence unit; a document without turns is one turn, without sentences its turns."""
        if unit == "document":
            return ((0, self.length),)
        turns = self.turns or ((0, self.length),)
        if unit == "turn":
            return turns
        if unit == "sentence":
            return self.sentences or turns
        raise ValueError(f"{unit!r} is not a presence unit")


def character_patterns(length: int, coverage: Sequence[Coverage]) -> Patterns:
    """How many characters of a document of `length` fall under each pattern of coded / not coded / missing.

    The document is cut at every coder's interval boundaries; uncoded stretches count too, as NVivo and
    ATLAS.ti's α-binary on the text continuum do.
    """
    merged = [None if cov is None else merge(_clip(cov, length)) for cov in coverage]
    bounds = {0, length}
    for intervals in merged:
        for start, end in intervals or ():
            bounds.update((start, end))
    cuts = sorted(bounds)
    positions = [0] * len(merged)
    patterns: Patterns = defaultdict(int)
    for left, right in zip(cuts, cuts[1:]):
        values: list[bool | None] = []
        for index, intervals in enumerate(merged):
            if intervals is None:
                values.append(None)
                continue
            i = positions[index]
            while i < len(intervals) and intervals[i][1] <= left:
                i += 1
            positions[index] = i
            values.append(i < len(intervals) and intervals[i][0] <= left)
        patterns[tuple(values)] += right - left
    return dict(patterns)


def _clip(intervals: Sequence[Interval], length: int) -> list[Interval]:
    return [(max(0, s), min(e, length)) for s, e in intervals if min(e, length) > max(0, s)]


def touched(units: Units, intervals: Sequence[Interval]) -> set[int]:
    """The indices of the units that share at least one character with any interval."""
    found: set[int] = set()
    for start, end in intervals:
        found.update(units.touched(start, end))
    return found


def presence_patterns(spans: Sequence[Interval], coverage: Sequence[Coverage]) -> Patterns:
    """How many of the unit `spans` fall under each pattern: a coder coded a unit when a coding touches it."""
    units = Units(spans)
    sets = [None if cov is None else touched(units, cov) for cov in coverage]
    patterns: Patterns = defaultdict(int)
    for index in range(len(units)):
        key = tuple(None if found is None else index in found for found in sets)
        patterns[key] += 1
    return dict(patterns)


def add_patterns(total: Patterns, more: Patterns) -> None:
    """Add the counts of `more` into `total`."""
    for key, count in more.items():
        total[key] = total.get(key, 0) + count


def overlap(a: Interval, b: Interval, basis: str = "union") -> float:
    """How much of segment `a` segment `b` covers, in percent.

    `union` divides the shared characters by the characters of both together (symmetric); `own` divides them
    by the length of `a`, the segment being checked.
    """
    shared = min(a[1], b[1]) - max(a[0], b[0])
    if shared <= 0:
        return 0.0
    if basis == "own":
        return 100.0 * shared / (a[1] - a[0])
    if basis == "union":
        return 100.0 * shared / (max(a[1], b[1]) - min(a[0], b[0]))
    raise ValueError(f"unknown overlap basis {basis!r}")


def matched(segments: Sequence[Interval], others: Sequence[Interval], threshold: float, basis: str = "union") -> list[bool]:
    """For each of a coder's segments, whether one of the other coder's segments overlaps it by the threshold."""
    ordered = sorted(others)
    result = []
    for segment in segments:
        result.append(any(
            overlap(segment, other, basis) >= threshold - 1e-9
            for other in ordered
            if other[0] < segment[1] and other[1] > segment[0]
        ))
    return result


@dataclass(frozen=True)
class SegmentCount:
    """Segments checked for one code: how many found a match and how many did not."""

    agreements: int = 0
    disagreements: int = 0

    def __add__(self, other: SegmentCount) -> SegmentCount:
        return SegmentCount(self.agreements + other.agreements, self.disagreements + other.disagreements)


def segment_count(coverage: Sequence[Coverage], threshold: float, basis: str = "union", *, both_sides: bool = True) -> SegmentCount:
    """Check every segment of every coder against each other coder who coded the document (MAXQDA's method).

    With `both_sides` each pair is checked from both coders' sides, so every segment appears in the count;
    otherwise a matched pair counts once: the first coder's segments are checked, plus the second coder's
    segments that nobody's segment matched.
    """
    present = [list(cov) for cov in coverage if cov is not None]
    agreements = disagreements = 0
    for i in range(len(present)):
        for j in range(i + 1, len(present)):
            forward = matched(present[i], present[j], threshold, basis)
            backward = matched(present[j], present[i], threshold, basis)
            agreements += sum(forward)
            disagreements += forward.count(False) + backward.count(False)
            if both_sides:
                agreements += sum(backward)
    return SegmentCount(agreements, disagreements)
