"""Evaluate a parsed code query on one document's interval lists, at a chosen unit.

The leaves are the coded spans (or turns, or the whole document). AND, OR and NOT compare at the unit:
at `span` two hits go together when they overlap and AND keeps the overlapping part; at `sentence`, `turn`
or `document` each hit is first widened to the units it touches, so AND keeps the units that hold both.
A NOT B keeps the hits of A that share nothing with B. The positional operators compare the spans themselves:
`A NEAR/n B` pairs hits at most n sentences apart and keeps the stretch from the first to the last;
`A FOLLOWED BY[/n] B` pairs each hit of A with the first hit of B starting at or after its end (at most n
sentences later when n is given); `A INSIDE B` keeps the hits of A that lie within a hit of B.
The result is widened to the unit once more and overlapping hits are joined.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from workbench.domain.queries import AttributeRef, Binary, CodeRef, Node, Positional, SpeakerRef
from workbench.domain.spans import Units, merge

Interval = tuple[int, int]


@dataclass
class DocumentLayout:
    """What the evaluator needs to know about one document besides its hits: length, sentences, turns."""

    length: int
    sentences: Units
    turns: Units


def _lift(hits: list[Interval], unit: str, layout: DocumentLayout) -> list[Interval]:
    """Widen hits to whole units, one interval per unit, sorted and without repeats."""
    if not hits:
        return []
    if unit == "span":
        return sorted(set(hits))
    if unit == "document":
        return [(0, layout.length)]
    units = layout.sentences if unit == "sentence" else layout.turns
    indices: set[int] = set()
    for start, end in hits:
        indices.update(units.touched(start, end))
    return [(units.starts[i], units.ends[i]) for i in sorted(indices)]


def _intersect(left: list[Interval], right: list[Interval]) -> list[Interval]:
    """The overlapping parts of every overlapping pair, by a sweep over both sorted lists."""
    result: list[Interval] = []
    right_sorted = sorted(right)
    starts = [s for s, _ in right_sorted]
    longest = max((e - s for s, e in right_sorted), default=0)
    for start, end in sorted(left):
        # Hits of `right` that overlap begin before `end` and no earlier than `start - longest`.
        i = bisect_left(starts, start - longest)
        while i < len(right_sorted) and right_sorted[i][0] < end:
            other_start, other_end = right_sorted[i]
            if other_end > start:
                result.append((max(start, other_start), min(end, other_end)))
            i += 1
    return result


def _without(left: list[Interval], right: list[Interval]) -> list[Interval]:
    """The hits of `left` that share no character with any hit of `right`."""
    blocked = merge(right)
    starts = [s for s, _ in blocked]
    kept = []
    for start, end in left:
        i = bisect_left(starts, end) - 1  # the last blocked stretch starting before `end`
        if i >= 0 and blocked[i][1] > start:
            continue
        kept.append((start, end))
    return kept


def _sentence_range(layout: DocumentLayout, hit: Interval) -> tuple[int, int]:
    return layout.sentences.nearest(hit[0], hit[1])


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Sentences between two sentence ranges; 0 when they share a sentence."""
    return max(0, b[0] - a[1], a[0] - b[1])


def _near(left: list[Interval], right: list[Interval], distance: int, layout: DocumentLayout) -> list[Interval]:
    ranged = sorted((_sentence_range(layout, hit), hit) for hit in right)
    firsts = [r[0] for r, _ in ranged]
    widest = max((r[1] - r[0] for r, _ in ranged), default=0)
    result = []
    for hit in left:
        own = _sentence_range(layout, hit)
        i = bisect_left(firsts, own[0] - distance - widest)
        while i < len(ranged) and ranged[i][0][0] <= own[1] + distance:
            other_range, other = ranged[i]
            if _distance(own, other_range) <= distance:
                result.append((min(hit[0], other[0]), max(hit[1], other[1])))
            i += 1
    return result


def _followed_by(
    left: list[Interval], right: list[Interval], distance: int | None, layout: DocumentLayout
) -> list[Interval]:
    ordered = sorted(right)
    starts = [s for s, _ in ordered]
    result = []
    for hit in left:
        i = bisect_left(starts, hit[1])
        if i == len(ordered):
            continue
        other = ordered[i]
        if distance is not None:
            if _distance(_sentence_range(layout, hit), _sentence_range(layout, other)) > distance:
                continue
        result.append((hit[0], other[1]))
    return result


def _inside(left: list[Interval], right: list[Interval]) -> list[Interval]:
    ordered = sorted(right)
    starts = [s for s, _ in ordered]
    kept = []
    for start, end in left:
        # A container starts at or before `start`; check those, nearest first, until one holds the hit.
        i = bisect_left(starts, start + 1) - 1
        while i >= 0:
            if ordered[i][1] >= end:
                kept.append((start, end))
                break
            i -= 1
    return kept


def evaluate(
    node: Node, unit: str, layout: DocumentLayout, leaf: Callable[[Node], list[Interval]]
) -> list[Interval]:
    """The hits of `node` in one document, widened to `unit`; `leaf` gives the raw spans of a leaf."""

    def value(current: Node) -> list[Interval]:
        if isinstance(current, (CodeRef, AttributeRef, SpeakerRef)):
            return leaf(current)
        left = value(current.left)
        if isinstance(current, Binary) and current.op == "NOT":
            if not left:
                return []
            return _without(_lift(left, unit, layout), _lift(value(current.right), unit, layout))
        right = value(current.right)
        if isinstance(current, Binary):
            if current.op == "OR":
                return _lift(left, unit, layout) + _lift(right, unit, layout)
            if not left or not right:
                return []
            return _intersect(_lift(left, unit, layout), _lift(right, unit, layout))
        if not left or not right:
            return []
        assert isinstance(current, Positional)
        if current.op == "NEAR":
            return _near(left, right, current.distance or 0, layout)
        if current.op == "FOLLOWED BY":
            return _followed_by(left, right, current.distance, layout)
        return _inside(left, right)

    hits = _lift(value(node), unit, layout)
    return merge(hits) if unit == "span" else hits


@dataclass(frozen=True)
class QueryHit:
    """One place where a query holds: a span, sentence, turn or whole document."""

    document_id: int
    document: str
    start: int
    end: int
    text: str
    speaker: str | None


@dataclass(frozen=True)
class QueryResult:
    """The hits of a query at a unit, in document order, with how many documents they fall in."""

    expression: str
    unit: str
    hits: tuple[QueryHit, ...]
    documents: int
    subcodes: bool = True  # whether bare code names took their sub-codes along
