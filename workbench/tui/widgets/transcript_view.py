"""The transcript: turns with a speaker gutter, coded spans in their colours, a selection, and a stripe margin.

Only the visible lines are rendered (Textual's Line API), so a 300,000-word transcript scrolls as fast as a
short one. The selection is the cursor: keys and the mouse move it, and the screen codes what it covers.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from workbench.tui.widgets.shading import tint
from workbench.tui.widgets.transcript_layout import (
    CodingIndex,
    CodingView,
    Lines,
    TurnView,
    VisualLine,
    layout,
    line_at_offset,
    stripe_columns,
)

GUTTER = 14
STRIPE = "▌"
BARS = 4  # stripe columns kept free in the margin; more overlapping codings share the last one


class TranscriptView(ScrollView, can_focus=True, inherit_bindings=False):
    """A scrollable, selectable, colour-coded transcript.

    Arrow keys belong to the coding screen (they move the selection), so only paging scrolls here.
    """

    BINDINGS = [
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "scroll_home", "Top", show=False),
        Binding("end", "scroll_end", "Bottom", show=False),
    ]

    DEFAULT_CSS = """
    TranscriptView {
        background: $surface;
        scrollbar-gutter: stable;
    }
    """

    @dataclass
    class SelectionChanged(Message):
        """The selection moved."""

        start: int
        end: int

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, TranscriptView.SelectionChanged)

    def __init__(self, *, id: str | None = None):
        super().__init__(id=id)
        self.text = ""
        self.turns: list[TurnView] = []
        self.codings: list[CodingView] = []
        self.hits: list[tuple[int, int]] = []
        self.selection = (0, 0)
        self._lines: Lines | list[VisualLine] = []
        self._starts: Sequence[int] = []
        self._index = CodingIndex([])
        self._per_line: dict[int, list[CodingView]] = {}
        self._columns: dict[int, int] = {}
        self._layout_width = 0
        self._drag_anchor: int | None = None

    # -- content ------------------------------------------------------------------------------------

    def set_document(self, text: str, turns: Sequence[TurnView]) -> None:
        self.text = text
        self.turns = list(turns)
        self._layout_width = 0
        self._relayout()

    def set_codings(self, codings: Sequence[CodingView]) -> None:
        self.codings = sorted(codings, key=lambda c: (c.start, -c.end, c.id))
        self._columns = stripe_columns(self.codings)
        self._index = CodingIndex(self.codings)
        self._per_line = {}
        self.refresh()

    def set_hits(self, hits: Sequence[tuple[int, int]]) -> None:
        self.hits = sorted(hits)
        self.refresh()

    # -- geometry -----------------------------------------------------------------------------------

    @property
    def margin_width(self) -> int:
        # Fixed, so that coding more text never re-wraps the transcript.
        width = self.size.width
        return BARS + 1 + (24 if width >= 120 else 18 if width >= 84 else 12)

    @property
    def text_width(self) -> int:
        return max(self.size.width - GUTTER - self.margin_width - 2, 10)

    def _relayout(self) -> None:
        width = self.text_width
        self._lines = layout(self.text, self.turns, width, GUTTER - 2)
        self._starts = self._lines.starts
        self._per_line = {}
        self._layout_width = width
        self.virtual_size = Size(self.size.width, len(self._lines))
        self.refresh()

    def on_resize(self, _event: events.Resize) -> None:
        if self.text_width != self._layout_width:
            self._relayout()
            self.scroll_to_selection(animate=False)

    def line_of(self, offset: int) -> int:
        return line_at_offset(self._lines, self._starts, offset) if self._lines else 0

    def offset_at(self, x: int, y: int) -> int:
        """The text offset under a point of the widget."""
        if not self._lines:
            return 0
        index = max(0, min(y + int(self.scroll_offset.y), len(self._lines) - 1))
        line = self._lines[index]
        column = max(0, x - GUTTER)
        return min(line.start + column, line.end)

    # -- selection ----------------------------------------------------------------------------------

    def select(self, start: int, end: int, *, scroll: bool = True) -> None:
        start, end = max(0, min(start, len(self.text))), max(0, min(end, len(self.text)))
        if end < start:
            start, end = end, start
        self.selection = (start, end)
        self.refresh()
        if scroll:
            self.scroll_to_selection()
        self.post_message(self.SelectionChanged(start, end))

    def scroll_to_selection(self, *, animate: bool = False, center: bool = False) -> None:
        """Bring the selection into view (to the middle with `center`, as when a document is reopened)."""
        if not self._lines or not self.size.height:
            return
        first, last = self.line_of(self.selection[0]), self.line_of(max(self.selection[1] - 1, self.selection[0]))
        top = int(self.scroll_offset.y)
        if top <= first and last < top + self.size.height and not center:
            return  # already in view: no scroll, no extra repaint
        height = min(last - first + 1, max(self.size.height - 2, 1))
        # force: right after a new layout the scrollbars are not yet worked out and would refuse the scroll.
        self.scroll_to_region(Region(0, first, 1, height), animate=animate, spacing=None, immediate=True,
                              center=center, force=True)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        self._drag_anchor = self.offset_at(event.x, event.y)
        self.capture_mouse()
        self.select(self._drag_anchor, self._drag_anchor, scroll=False)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._drag_anchor is not None:
            here = self.offset_at(event.x, event.y)
            self.select(min(self._drag_anchor, here), max(self._drag_anchor, here), scroll=False)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._drag_anchor is not None:
            self.release_mouse()
            self._drag_anchor = None

    # -- drawing ------------------------------------------------------------------------------------

    def _tint(self, colour: str, strength: float = 0.35) -> RichColor:
        """A code colour blended into the background."""
        return tint(self.background_colors[1], colour, strength)

    def _covering(self, index: int) -> list[CodingView]:
        """The codings on a visual line, worked out when the line is first drawn."""
        found = self._per_line.get(index)
        if found is None:
            found = self._per_line[index] = self._index.covering(self._lines[index]) if index < len(self._lines) else []
        return found

    def render_line(self, y: int) -> Strip:
        index = y + int(self.scroll_offset.y)
        width = self.size.width
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        line = self._lines[index]
        base = self.rich_style
        segments = [self._gutter(line, base)]
        segments.extend(self._text_segments(index, line, base))
        pad = max(self.text_width + 1 - (line.end - line.start), 1)
        segments.append(Segment(" " * pad, base))
        segments.extend(self._margin(index, base))
        return Strip(segments).crop(0, width).extend_cell_length(width, base)

    def _gutter(self, line: VisualLine, base: Style) -> Segment:
        if line.gutter_kind == "speaker":
            style = base + Style(bold=True, color=self._tint("#5DA9E9", 0.9))
        else:
            style = base + Style(dim=True)
        return Segment(line.gutter[: GUTTER - 2].ljust(GUTTER - 1) + " ", style)

    def _text_segments(self, index: int, line: VisualLine, base: Style) -> list[Segment]:
        if line.start == line.end:
            return []
        codings = self._covering(index)
        cuts = {line.start, line.end}
        for coding in codings:
            cuts.update(p for p in (coding.start, coding.end) if line.start < p < line.end)
        sel_start, sel_end = self.selection
        for p in (sel_start, sel_end):
            if line.start < p < line.end:
                cuts.add(p)
        hits = self.hits[max(0, bisect.bisect_left(self.hits, (line.start, 0)) - 1):]
        line_hits = []
        for start, end in hits:
            if start >= line.end:
                break
            if end > line.start:
                line_hits.append((start, end))
                cuts.update(p for p in (start, end) if line.start < p < line.end)
        ordered = sorted(cuts)
        segments = []
        for a, b in zip(ordered, ordered[1:]):
            style = base
            covering = [c for c in codings if c.start <= a < c.end]
            if covering:
                innermost = min(covering, key=lambda c: c.end - c.start)
                style = style + Style(bgcolor=self._tint(innermost.colour, 0.2 if innermost.suggested else 0.4))
                if any(c.suggested for c in covering):
                    style = style + Style(underline=True)
            if any(s <= a < e for s, e in line_hits):
                style = style + Style(bold=True, color="black", bgcolor="yellow")
            if sel_start <= a < sel_end:
                style = style + Style(reverse=True)
            segments.append(Segment(self.text[a:b], style))
        return segments

    def _margin(self, index: int, base: Style) -> list[Segment]:
        codings = self._covering(index)
        width = self.margin_width
        bars = BARS
        cells = [Segment(" ", base)] * bars
        starting = []
        for coding in codings:
            column = min(self._columns.get(coding.id, 0), bars - 1)
            style = base + Style(color=self._tint(coding.colour, 0.5 if coding.suggested else 1.0))
            cells[column] = Segment("┆" if coding.suggested else STRIPE, style)
            if self.line_of(coding.start) == index and self._lines[index].start != self._lines[index].end:
                starting.append(coding)
        label_width = width - bars - 1
        label = ""
        if starting:
            more = f" +{len(starting) - 1}" if len(starting) > 1 else ""
            first = _label(starting[0])
            room = label_width - len(more)
            if len(first) > room and not more and self._continues(index, starting[0]):
                label = first[:room]  # the rest goes on the coding's next line
            else:
                label = (first if len(first) <= room else first[: max(room - 1, 1)] + "…") + more
        elif self._lines[index].start != self._lines[index].end:
            label = self._continued_label(index, codings, label_width)
        text = label[:label_width].ljust(label_width)
        label_style = base + Style(italic=True)
        return [*cells, Segment(" ", base), Segment(text, label_style)]

    def _continues(self, index: int, coding: CodingView) -> bool:
        """Whether the coding goes on to the next text line, where the rest of its label can stand."""
        following = index + 1
        if following < len(self._lines) and self._lines[following].start == self._lines[following].end:
            following += 1  # a gap between turns
        return following < len(self._lines) and coding.end > self._lines[following].start and not any(
            self.line_of(c.start) == following for c in self._covering(following))

    def _continued_label(self, index: int, codings: Sequence[CodingView], width: int) -> str:
        """The rest of a long label that began on an earlier line of the same coding (only the second line)."""
        previous = index - 1
        if previous >= 0 and self._lines[previous].start == self._lines[previous].end:
            previous -= 1
        if previous < 0:
            return ""
        started = [c for c in self._covering(previous)
                   if self.line_of(c.start) == previous and self._lines[previous].start != self._lines[previous].end]
        if len(started) != 1 or started[0] not in codings:
            return ""
        rest = _label(started[0])[width:]
        return rest if len(rest) <= width else rest[: width - 1] + "…"


def _label(coding: CodingView) -> str:
    """A coding's margin label: the coder's initials (when several coded), `?` for a suggestion, the code."""
    owner = f"{coding.initials} " if coding.initials else ""
    return owner + ("?" if coding.suggested else "") + coding.label
