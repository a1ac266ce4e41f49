"""How the coding screen's selection moves: by sentence, by word, to a turn (pure rules on offsets)."""

from __future__ import annotations

import bisect
import re
from functools import cached_property

from workbench.domain.spans import Span, Units

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


class Selection:
    """Selection moves over one document's text with its sentence and turn units."""

    def __init__(self, text: str, sentences: list[tuple[int, int]], turns: list[tuple[int, int]]):
        self.text = text
        self.turns = Units(turns or [(0, len(text))])
        self.sentences = Units(sentences) if sentences else self.turns

    @cached_property
    def _words(self) -> list[tuple[int, int]]:
        # Found on the first word move only: a long transcript opens without scanning every word.
        return [(m.start(), m.end()) for m in _WORD.finditer(self.text)]

    @cached_property
    def _word_ends(self) -> list[int]:
        return [end for _, end in self._words]

    @cached_property
    def _word_starts(self) -> list[int]:
        return [start for start, _ in self._words]

    def first(self) -> Span:
        """The first sentence, selected when a document opens."""
        if not len(self.sentences):
            return Span(0, 0)
        return self.sentences.span(0)

    def _last_index(self, sel: Span) -> int:
        return self.sentences.nearest(sel.start, max(sel.end, sel.start + 1))[1]

    def _first_index(self, sel: Span) -> int:
        return self.sentences.nearest(sel.start, max(sel.end, sel.start + 1))[0]

    def sentence_at(self, offset: int) -> Span:
        """The sentence that holds `offset` (or the one after it, between sentences)."""
        if not len(self.sentences):
            return Span(offset, offset)
        index = self.sentences.index_at(offset)
        if index is None:
            index = min(bisect.bisect_right(self.sentences.starts, offset), len(self.sentences) - 1)
        return self.sentences.span(index)

    def next_sentence(self, sel: Span) -> Span:
        """The sentence after the selection (the last one stays selected at the end)."""
        if not len(self.sentences):
            return sel
        index = min(self._last_index(sel) + 1, len(self.sentences) - 1)
        if sel.end <= self.sentences.starts[0]:
            index = 0
        return self.sentences.span(index)

    def previous_sentence(self, sel: Span) -> Span:
        if not len(self.sentences):
            return sel
        return self.sentences.span(max(self._first_index(sel) - 1, 0))

    def extend_down(self, sel: Span) -> Span:
        """Take the next sentence into the selection."""
        if not len(self.sentences):
            return sel
        index = min(self._last_index(sel) + 1, len(self.sentences) - 1)
        return Span(sel.start, max(sel.end, self.sentences.ends[index]))

    def extend_up(self, sel: Span) -> Span:
        """Take the previous sentence into the selection."""
        if not len(self.sentences):
            return sel
        index = max(self._first_index(sel) - 1, 0)
        return Span(min(sel.start, self.sentences.starts[index]), sel.end)

    def turn(self, sel: Span) -> Span:
        """The whole turn the selection starts in."""
        index = self.turns.nearest(sel.start, max(sel.end, sel.start + 1))[0]
        return self.turns.span(index) if len(self.turns) else sel

    def end_word_right(self, sel: Span) -> Span:
        """Move the end to the end of the next word."""
        index = bisect.bisect_right(self._word_ends, sel.end)
        return Span(sel.start, self._word_ends[index]) if index < len(self._words) else sel

    def end_word_left(self, sel: Span) -> Span:
        """Drop the last word: the end moves back to the end of the word before it, keeping at least one word."""
        dropped = bisect.bisect_left(self._word_starts, sel.end) - 1
        if dropped >= 1 and self._word_ends[dropped - 1] > sel.start:
            return Span(sel.start, self._word_ends[dropped - 1])
        return sel

    def start_word_right(self, sel: Span) -> Span:
        """Move the start to the start of the next word, keeping at least one word."""
        index = bisect.bisect_right(self._word_starts, sel.start)
        if index < len(self._words) and self._word_starts[index] < sel.end:
            return Span(self._word_starts[index], sel.end)
        return sel

    def start_word_left(self, sel: Span) -> Span:
        """Move the start to the start of the previous word."""
        index = bisect.bisect_left(self._word_starts, sel.start) - 1
        return Span(self._word_starts[index], sel.end) if index >= 0 else sel
