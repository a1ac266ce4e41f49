"""Re-anchoring spans when a document's text is replaced by a corrected version of it.

Every coding is placed in three steps: its exact words (whitespace aside) where the alignment of the two
texts expects them, then a fuzzy match of its words with their context, then its turn and speaker. What no
step places with confidence is not guessed: it goes to review with the best suggestion, so nothing is lost or
silently misplaced.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

KEPT, MOVED, REVIEW = "kept", "moved", "review"
OUTCOMES = (KEPT, MOVED, REVIEW)
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
_CONTEXT = 60  # characters of surrounding text compared on each side of a span
_FUZZY_ACCEPT = 90.0  # a fuzzy placement at or above this score (0-100) is taken without review
_FUZZY_SUGGEST = 60.0  # below this a fuzzy match is not even worth suggesting
_TURN_SHARE = 0.9  # a coding covering this share of its turn follows the turn
# Word sequences up to this product of lengths are aligned in one go (rapidfuzz's bit-parallel LCS needs about
# a bit per pair: 30,000 words against 30,000 is 110 MB); longer ones are first cut at words both hold once.
_DIRECT = 30_000 * 30_000


@dataclass(frozen=True, slots=True)
class TurnShape:
    """A turn as re-anchoring sees it: its span and speaker."""

    start: int
    end: int
    speaker: str | None


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one span goes in the new text: kept (same words), moved (corrected words) or to review.

    `start`/`end` is the placement, or for review the suggestion (None when there is none); `method` says
    which step found it (`exact`, `fuzzy`, `turn`) and `score` how closely the words match (0-100).
    """

    key: int
    outcome: str
    start: int | None
    end: int | None
    method: str
    score: float
    reason: str = ""


class _Collapsed:
    """A text with every run of whitespace read as one space, mapped back to the text's own offsets."""

    def __init__(self, text: str):
        parts: list[str] = []
        origin: list[int] = []
        position = 0
        for match in _SPACE.finditer(text):
            parts.append(text[position : match.start()])
            origin.extend(range(position, match.start()))
            parts.append(" ")
            origin.append(match.start())
            position = match.end()
        parts.append(text[position:])
        origin.extend(range(position, len(text)))
        self.text = "".join(parts)
        self.origin = origin
        self.length = len(text)

    def find_all(self, needle: str, limit: int = 200) -> list[tuple[int, int]]:
        """Every occurrence of `needle` (whitespace collapsed) as a span of the original text."""
        needle = " ".join(needle.split())
        found: list[tuple[int, int]] = []
        if not needle:
            return found
        at = self.text.find(needle)
        while at != -1 and len(found) < limit:
            last = at + len(needle) - 1
            found.append((self.origin[at], self.origin[last] + 1))
            at = self.text.find(needle, at + 1)
        return found


def _shared_words(old: list[int], new: list[int], offset_old: int = 0, offset_new: int = 0) -> list[tuple[int, int]]:
    """Index pairs of the words two sequences share, in order (a longest common subsequence, or near one)."""
    start = 0
    while start < len(old) and start < len(new) and old[start] == new[start]:
        start += 1
    end_old, end_new = len(old), len(new)
    while end_old > start and end_new > start and old[end_old - 1] == new[end_new - 1]:
        end_old, end_new = end_old - 1, end_new - 1
    pairs = [(offset_old + k, offset_new + k) for k in range(start)]
    middle_old, middle_new = old[start:end_old], new[start:end_new]
    if middle_old and middle_new:
        base_old, base_new = offset_old + start, offset_new + start
        if len(middle_old) * len(middle_new) <= _DIRECT:
            for op in Indel.opcodes(middle_old, middle_new):
                if op.tag == "equal":
                    pairs.extend((base_old + op.src_start + k, base_new + op.dest_start + k)
                                 for k in range(op.src_end - op.src_start))
        else:
            pairs.extend(_anchored(middle_old, middle_new, base_old, base_new))
    pairs.extend((offset_old + end_old + k, offset_new + end_new + k) for k in range(len(old) - end_old))
    return pairs


def _anchored(old: list[int], new: list[int], base_old: int, base_new: int) -> list[tuple[int, int]]:
    """Long sequences: align the words each holds exactly once (patience diff), then the stretches between."""
    once_old, once_new = _once(old), _once(new)
    common = [(i, once_new[w]) for w, i in sorted(once_old.items(), key=lambda item: item[1]) if w in once_new]
    anchors = _increasing(common)
    if not anchors:
        return []  # nothing to hold on to: the stretch counts as rewritten, so its codings go to review
    pairs: list[tuple[int, int]] = []
    previous = (-1, -1)
    for anchor in [*anchors, (len(old), len(new))]:
        gap_old, gap_new = old[previous[0] + 1 : anchor[0]], new[previous[1] + 1 : anchor[1]]
        if gap_old and gap_new:
            pairs.extend(_shared_words(gap_old, gap_new, base_old + previous[0] + 1, base_new + previous[1] + 1))
        if anchor[0] < len(old):
            pairs.append((base_old + anchor[0], base_new + anchor[1]))
        previous = anchor
    return pairs


def _once(words: list[int]) -> dict[int, int]:
    seen: dict[int, int] = {}
    repeated: set[int] = set()
    for index, word in enumerate(words):
        if word in seen:
            repeated.add(word)
        seen[word] = index
    return {w: i for w, i in seen.items() if w not in repeated}


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of pairs whose second indices increase with the first (patience sorting)."""
    from bisect import bisect_left

    tails: list[int] = []
    tail_index: list[int] = []
    parent = [-1] * len(pairs)
    for index, (_, second) in enumerate(pairs):
        place = bisect_left(tails, second)
        if place == len(tails):
            tails.append(second)
            tail_index.append(index)
        else:
            tails[place] = second
            tail_index[place] = index
        parent[index] = tail_index[place - 1] if place else -1
    chain = []
    index = tail_index[-1] if tail_index else -1
    while index != -1:
        chain.append(pairs[index])
        index = parent[index]
    return chain[::-1]


class _Alignment:
    """Where an offset of the old text lies in the new one, from the words the two texts share in order."""

    def __init__(self, old: str, new: str):
        old_words = [(m.start(), m.end(), m.group().casefold()) for m in _WORD.finditer(old)]
        new_words = [(m.start(), m.end(), m.group().casefold()) for m in _WORD.finditer(new)]
        ids: dict[str, int] = {}
        old_ids = [ids.setdefault(w, len(ids)) for *_, w in old_words]
        new_ids = [ids.setdefault(w, len(ids)) for *_, w in new_words]
        pairs = _shared_words(old_ids, new_ids)
        self._old_starts = [old_words[a][0] for a, _ in pairs]
        self._pairs = [(old_words[a], new_words[b]) for a, b in pairs]
        self.new_length = len(new)
        self.shared = len(pairs)
        self.old_count, self.new_count = len(old_words), len(new_words)

    def map(self, offset: int) -> tuple[int, bool]:
        """The new offset for an old one, and whether it lies in a word both texts share (so it is sure)."""
        if not self._pairs:
            return min(offset, self.new_length), False
        index = bisect_right(self._old_starts, offset) - 1
        if index >= 0:
            (o_start, o_end, _), (n_start, n_end, _) = self._pairs[index]
            if offset < o_end:
                return n_start + min(offset - o_start, n_end - n_start), True
            if index + 1 < len(self._pairs):
                (next_old, _, _), (next_new, _, _) = self._pairs[index + 1]
                # Between two shared words: keep the distance from the nearer one.
                if offset - o_end <= next_old - offset:
                    return min(n_end + offset - o_end, next_new), False
                return max(next_new - (next_old - offset), n_end), False
            return min(n_end + offset - o_end, self.new_length), False
        (first_old, _, _), (first_new, _, _) = self._pairs[0]
        return max(0, first_new - (first_old - offset)), False


def _context_sides(old: str, new: str, old_span: tuple[int, int], new_span: tuple[int, int]) -> tuple[float, float]:
    """How alike the text just before, and the text just after, two spans is (0-100 each)."""
    before = fuzz.ratio(old[max(0, old_span[0] - _CONTEXT) : old_span[0]], new[max(0, new_span[0] - _CONTEXT) : new_span[0]])
    after = fuzz.ratio(old[old_span[1] : old_span[1] + _CONTEXT], new[new_span[1] : new_span[1] + _CONTEXT])
    return before, after


def _context_score(old: str, new: str, old_span: tuple[int, int], new_span: tuple[int, int]) -> float:
    """How alike the surroundings of two spans are (0-100)."""
    return sum(_context_sides(old, new, old_span, new_span)) / 2


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """A span trimmed of whitespace at its ends and kept inside the text and non-empty."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        if not text:
            return 0, 0
        start = min(start, len(text) - 1)
        end = start + 1
    return start, end


def _word_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """A span widened to whole words where it cuts one (a fuzzy match may end inside a word)."""
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


class Reanchorer:
    """Places spans of an old text in its corrected version (see the module text for the steps)."""

    def __init__(self, old: str, new: str, old_turns: Sequence[TurnShape] = (), new_turns: Sequence[TurnShape] = ()):
        self.old, self.new = old, new
        self.old_turns, self.new_turns = list(old_turns), list(new_turns)
        self.alignment = _Alignment(old, new)
        self.collapsed = _Collapsed(new)
        self._turn_starts = [t.start for t in self.old_turns]
        self._speakers = self._speaker_names()

    def place(self, key: int, start: int, end: int) -> Placement:
        """Where the old span `[start, end)` goes in the new text."""
        words = self.old[start:end]
        mapped_start, sure_start = self.alignment.map(start)
        mapped_end, sure_end = self.alignment.map(max(start, end - 1))
        mapped_end += 1
        tolerance = 20 + (end - start) // 10
        exact = self._exact(key, start, end, words, mapped_start, tolerance, sure_start or sure_end)
        if exact is not None:
            return exact
        fuzzy = self._fuzzy(start, end, words, mapped_start, mapped_end)
        if fuzzy is not None and fuzzy[2] >= _FUZZY_ACCEPT and fuzzy[3] >= 50:
            return Placement(key, MOVED, fuzzy[0], fuzzy[1], "fuzzy", round(fuzzy[2], 1))
        turn = self._by_turn(key, start, end)
        if turn is not None:
            return turn
        if fuzzy is not None and fuzzy[2] >= _FUZZY_SUGGEST:
            return Placement(key, REVIEW, fuzzy[0], fuzzy[1], "fuzzy", round(fuzzy[2], 1),
                             "its words changed too much to place it without you")
        # The words are gone: suggest a stretch of their length where they were, in whole words.
        suggestion = self._snapped(*_word_edges(self.new, mapped_start, max(mapped_end, mapped_start + end - start)))
        if suggestion is None:
            return Placement(key, REVIEW, None, None, "none", 0.0, "its words are no longer in the text")
        score = fuzz.ratio(words, self.new[suggestion[0] : suggestion[1]])
        return Placement(key, REVIEW, suggestion[0], suggestion[1], "none", round(score, 1),
                         "its words are no longer in the text")

    def _snapped(self, start: int, end: int) -> tuple[int, int] | None:
        if not self.new.strip():
            return None
        snapped = _snap(self.new, start, end)
        return snapped if snapped[0] < snapped[1] else None

    def _exact(self, key: int, start: int, end: int, words: str, mapped: int, tolerance: int,
               sure: bool) -> Placement | None:
        found = self.collapsed.find_all(words)
        if not found:
            return None
        near = sorted(found, key=lambda span: abs(span[0] - mapped))
        best = near[0]
        distance = abs(best[0] - mapped)
        # The alignment puts the words exactly here, or nothing else like them lies near: the same words, kept.
        alone = len(near) == 1 or abs(near[1][0] - mapped) > 2 * tolerance
        if (distance == 0 and sure) or (distance <= tolerance and alone):
            return Placement(key, KEPT, best[0], best[1], "exact", 100.0)
        # The only place these words are, with one side of their surroundings as it was (the other side was
        # edited, as when the paragraph before it was deleted): the same passage.
        if len(found) == 1 and max(_context_sides(self.old, self.new, (start, end), best)) >= 85:
            return Placement(key, KEPT, best[0], best[1], "exact", 100.0)
        # Elsewhere or among look-alikes: only the same surroundings make it the same passage.
        scored = sorted(((_context_score(self.old, self.new, (start, end), span), span) for span in near[:50]),
                        reverse=True)
        top_score, top = scored[0]
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        if top_score >= 80 and top_score - runner_up >= 15:
            return Placement(key, KEPT, top[0], top[1], "exact", 100.0)
        return None

    def _fuzzy(self, start: int, end: int, words: str, mapped_start: int,
               mapped_end: int) -> tuple[int, int, float, float] | None:
        """The best stretch near where the alignment puts the span: (start, end, words score, context score)."""
        length = end - start
        low = max(0, min(mapped_start, mapped_end) - length // 2 - 40)
        high = min(len(self.new), max(mapped_start, mapped_end) + length // 2 + 40)
        if high <= low:
            return None
        candidates: list[tuple[int, int]] = []
        if mapped_end > mapped_start:
            candidates.append(_word_edges(self.new, *_snap(self.new, mapped_start, mapped_end)))
        window = self.new[low:high]
        aligned = fuzz.partial_ratio_alignment(words, window)
        if aligned is not None and aligned.dest_end > aligned.dest_start:
            candidates.append(_word_edges(self.new, *_snap(self.new, low + aligned.dest_start, low + aligned.dest_end)))
        best: tuple[int, int, float, float] | None = None
        for c_start, c_end in candidates:
            if c_end <= c_start:
                continue
            score = fuzz.ratio(words, self.new[c_start:c_end])
            sides = _context_sides(self.old, self.new, (start, end), (c_start, c_end))
            # One side as it was is enough (the other may border an inserted or deleted passage).
            context = max(sum(sides) / 2, max(sides) - 20)
            if best is None or (score, context) > (best[2], best[3]):
                best = (c_start, c_end, score, context)
        return best

    def _old_turn(self, start: int, end: int) -> TurnShape | None:
        index = bisect_right(self._turn_starts, start) - 1
        if index < 0:
            return None
        turn = self.old_turns[index]
        return turn if end <= turn.end else None

    def _speaker_names(self) -> dict[str | None, str | None]:
        """Old speaker name -> new one, from the turns whose starts the alignment maps onto each other."""
        votes: dict[str | None, dict[str | None, int]] = {}
        new_starts = {t.start: t for t in self.new_turns}
        for turn in self.old_turns:
            mapped, sure = self.alignment.map(turn.start)
            if sure and mapped in new_starts:
                tally = votes.setdefault(turn.speaker, {})
                tally[new_starts[mapped].speaker] = tally.get(new_starts[mapped].speaker, 0) + 1
        return {old: max(tally, key=tally.__getitem__) for old, tally in votes.items()}

    def _by_turn(self, key: int, start: int, end: int) -> Placement | None:
        """A coding on (nearly) a whole turn follows that turn when the speaker and most words agree."""
        turn = self._old_turn(start, end)
        if turn is None or not self.new_turns or (end - start) < _TURN_SHARE * (turn.end - turn.start):
            return None
        mapped_start, _ = self.alignment.map(turn.start)
        mapped_end, _ = self.alignment.map(turn.end - 1)
        speaker = self._speakers.get(turn.speaker, turn.speaker)
        best: tuple[float, TurnShape] | None = None
        for candidate in self.new_turns:
            overlap = min(candidate.end, mapped_end + 1) - max(candidate.start, mapped_start)
            if overlap <= 0 or candidate.speaker != speaker:
                continue
            score = fuzz.ratio(self.old[turn.start : turn.end], self.new[candidate.start : candidate.end])
            if best is None or score > best[0]:
                best = (score, candidate)
        if best is None:
            return None
        score, candidate = best
        if score >= 75:
            return Placement(key, MOVED, candidate.start, candidate.end, "turn", round(score, 1))
        return Placement(key, REVIEW, candidate.start, candidate.end, "turn", round(score, 1),
                         "its turn was rewritten; check that it still holds the coded passage")


def reanchor(old: str, new: str, spans: Sequence[tuple[int, int, int]], old_turns: Sequence[TurnShape] = (),
             new_turns: Sequence[TurnShape] = ()) -> list[Placement]:
    """Place every `(key, start, end)` span of `old` in `new`; one Placement per span, in the same order."""
    anchorer = Reanchorer(old, new, old_turns, new_turns)
    return [anchorer.place(key, start, end) for key, start, end in spans]


@dataclass(frozen=True)
class ReanchorTally:
    """How a replacement went: codings kept exactly, moved to corrected words, to review, and lost."""

    kept: int
    moved: int
    review: int
    lost: int = 0

    @classmethod
    def of(cls, placements: Sequence[Placement]) -> ReanchorTally:
        return cls(
            kept=sum(p.outcome == KEPT for p in placements),
            moved=sum(p.outcome == MOVED for p in placements),
            review=sum(p.outcome == REVIEW for p in placements),
        )

    @property
    def line(self) -> str:
        """The figures as one sentence, the same in every front end."""
        return f"{self.kept} kept exactly, {self.moved} moved, {self.review} to review, {self.lost} lost"
