"""Lay a transcript out in terminal lines: turns as blocks, wrapped text, and coding stripes per line.

Pure computation on offsets (no Textual), so it is tested directly and reused by the view on each resize.
"""

from __future__ import annotations

import bisect
import textwrap
from array import array
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class TurnView:
    """A turn as the view needs it."""

    start: int
    end: int
    speaker: str | None
    t_start: float | None


@dataclass(frozen=True)
class CodingView:
    """A coding as the view draws it: its span, label, colour and whether it is only a suggestion."""

    id: int
    start: int
    end: int
    label: str
    colour: str
    suggested: bool = False
    coder: str = ""
    initials: str = ""  # the coder's initials, set when more than one coder coded the document


@dataclass(frozen=True)
class VisualLine:
    """One terminal line: the text span it shows (empty for the gap between turns) and its gutter."""

    start: int
    end: int
    turn: int
    gutter: str = ""
    gutter_kind: str = ""  # "speaker", "time" or ""


def timestamp(seconds: float | None) -> str:
    """`00:12:34` from seconds."""
    if seconds is None:
        return ""
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


class Lines(Sequence[VisualLine]):
    """The visual lines of a transcript as columns of numbers; a `VisualLine` is made only when one is asked for.

    A long interview has tens of thousands of lines: numbers in arrays cost a fraction of the objects to build,
    and leave the garbage collector nothing to scan.
    """

    def __init__(self, turns: Sequence[TurnView], gutter: int = 12):
        self.turns = turns
        self.gutter = gutter
        self._names: dict[int, list[str]] = {}
        self.starts = array("q")
        self.ends = array("q")
        self.owners = array("l")  # the turn of each line
        self.rows = array("l")  # the line's row within its turn; -1 for the gap before a turn

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        turn_index, row = self.owners[index], self.rows[index]
        gutter, kind = "", ""
        turn = self.turns[turn_index]
        # A turn without a speaker (a speech-recognition segment) shows its time on its first line.
        name = self.speaker_lines(turn_index) if turn.speaker else []
        if 0 <= row < len(name):
            gutter, kind = name[row], "speaker"
        elif row == len(name) and turn.t_start is not None:
            gutter, kind = timestamp(turn.t_start), "time"
        return VisualLine(self.starts[index], self.ends[index], turn_index, gutter, kind)

    def speaker_lines(self, turn_index: int) -> list[str]:
        """The speaker's name wrapped to the gutter (a long name takes up to three lines, then is cut)."""
        found = self._names.get(turn_index)
        if found is None:
            found = self._names[turn_index] = speaker_lines(self.turns[turn_index].speaker or "", self.gutter)
        return found

    def __iter__(self):
        return (self[i] for i in range(len(self)))


def speaker_lines(name: str, width: int) -> list[str]:
    """A speaker's name in at most three gutter lines of `width`, broken between words where it can be."""
    if len(name) <= width:
        return [name] if name else []
    return textwrap.wrap(name, width, break_long_words=True, max_lines=3, placeholder="…")


def layout(text: str, turns: Sequence[TurnView], width: int, gutter: int = 12) -> Lines:
    """The visual lines of the whole transcript at a text width (greedy word wrap), with a gap between turns;
    a turn has lines enough for its speaker's name (`gutter` wide) and time beside it."""
    width = max(width, 8)
    if not turns:
        turns = [TurnView(0, len(text), None, None)]
    lines = Lines(turns, gutter)
    starts, ends, owners, rows = lines.starts.append, lines.ends.append, lines.owners.append, lines.rows.append
    find, rfind = text.find, text.rfind
    for index, turn in enumerate(turns):
        if index:
            starts(turn.start), ends(turn.start), owners(index), rows(-1)
        row = 0
        paragraph_start, turn_end = turn.start, turn.end
        while True:
            newline = find("\n", paragraph_start, turn_end)
            paragraph_end = turn_end if newline == -1 else newline
            position = paragraph_start
            while paragraph_end - position > width:
                cut = rfind(" ", position, position + width + 1)
                starts(position)
                if cut <= position:  # one long word: break it
                    position += width
                    ends(position)
                else:
                    ends(cut)
                    position = cut + 1  # the space at the break is not shown
                owners(index), rows(row)
                row += 1
            starts(position), ends(paragraph_end), owners(index), rows(row)
            row += 1
            if newline == -1:
                break
            paragraph_start = newline + 1
        named = len(lines.speaker_lines(index)) if turn.speaker else 0
        needed = named + (1 if turn.t_start is not None else 0)
        while row < needed:  # room for a long name and the timestamp under it
            starts(turn_end), ends(turn_end), owners(index), rows(row)
            row += 1
    return lines


def line_at_offset(lines: Sequence[VisualLine], starts: Sequence[int], offset: int) -> int:
    """The index of the visual line that shows `offset` (`starts` holds each line's start)."""
    index = bisect.bisect_right(starts, offset) - 1
    index = max(0, min(index, len(lines) - 1))
    # A gap line shares its start with the next turn's first line: prefer the text line.
    while index + 1 < len(lines) and lines[index].start == lines[index].end and lines[index + 1].start <= offset:
        index += 1
    return index


def stripe_columns(codings: Sequence[CodingView]) -> dict[int, int]:
    """A margin column for each coding so that overlapping codings never share one (greedy interval colouring)."""
    columns: dict[int, int] = {}
    ends: list[int] = []  # end offset of the coding that last used each column
    for coding in sorted(codings, key=lambda c: (c.start, -c.end, c.id)):
        for column, busy_until in enumerate(ends):
            if busy_until <= coding.start:
                ends[column] = coding.end
                columns[coding.id] = column
                break
        else:
            columns[coding.id] = len(ends)
            ends.append(coding.end)
    return columns


class CodingIndex:
    """Finds the codings that cover a visual line, fast enough to ask for each visible line as it is drawn."""

    def __init__(self, codings: Sequence[CodingView]):
        self.codings = sorted(codings, key=lambda c: (c.start, c.end, c.id))
        self.starts = [c.start for c in self.codings]
        self.longest = max((c.end - c.start for c in self.codings), default=0)

    def covering(self, line: VisualLine) -> list[CodingView]:
        """The codings that cover part of the line (or, on a gap line, that span across it)."""
        first = bisect.bisect_left(self.starts, line.start - self.longest)
        last = bisect.bisect_left(self.starts, max(line.end, line.start + 1))
        if line.start == line.end:
            return [c for c in self.codings[first:last] if c.start < line.start < c.end]
        return [c for c in self.codings[first:last] if c.end > line.start]


def codings_per_line(lines: Sequence[VisualLine], codings: Sequence[CodingView]) -> list[list[CodingView]]:
    """For each visual line, the codings that cover part of it (or, on a gap line, that span across it)."""
    index = CodingIndex(codings)
    return [index.covering(line) for line in lines]
