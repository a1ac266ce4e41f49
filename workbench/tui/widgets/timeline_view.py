"""The process timeline on screen: fixed track labels and time header, a grid that scrolls both ways, three
zoom levels, and a cursor that walks over the entry markers (Enter opens the entry under it).

Only the visible lines are drawn (Textual's Line API); the layout itself comes from timeline_layout.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.color import Color as RichColor
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from workbench.tui.widgets.shading import tint
from workbench.tui.widgets.timeline_layout import (
    ZOOMS, GridRow, PlacedMarker, TimelineGrid, edge_label, header_rows, lay_out,
)

HEADER = 2  # rows of the time header, which stay in place when the grid scrolls down


class TimelineView(ScrollView, can_focus=True, inherit_bindings=False):
    """A scrollable, zoomable timeline with a cursor over its markers."""

    BINDINGS = [
        Binding("enter", "choose", "Open entry"),
        Binding("right,l", "step(1)", "Next entry", show=False),
        Binding("left,h", "step(-1)", "Previous entry", show=False),
        Binding("down,j", "lane(1)", "Lane below", show=False),
        Binding("up,k", "lane(-1)", "Lane above", show=False),
        Binding("home", "edge(0)", "First entry", show=False),
        Binding("end", "edge(-1)", "Last entry", show=False),
        Binding("full_stop,shift+right", "pan(1)", "Scroll right", show=False),
        Binding("comma,shift+left", "pan(-1)", "Scroll left", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
    ]

    DEFAULT_CSS = """
    TimelineView {
        background: $surface;
        scrollbar-size-horizontal: 1;
    }
    """

    @dataclass
    class MarkerHighlighted(Message):
        """The cursor moved to a marker (None: the timeline has no markers)."""

        marker: PlacedMarker | None

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, TimelineView.MarkerHighlighted)

    @dataclass
    class MarkerChosen(Message):
        """Enter (or a double click) on a marker: open its entry."""

        entry_id: int

    def __init__(self, *, id: str | None = None):
        super().__init__(id=id)
        self.timeline = None
        self.zoom = "month"
        self.grid = TimelineGrid(self.zoom, (), 0, (), ())
        self.header: tuple[GridRow, GridRow] = (GridRow("", "header"), GridRow("", "header"))
        self.cursor = -1
        self._cells: list[list[tuple[str, str, str]]] = []
        self._header_cells: list[list[tuple[str, str, str]]] = [[], []]
        self._styles: dict[tuple[str, str], Style] = {}

    # -- content ------------------------------------------------------------------------------------

    @property
    def marker(self) -> PlacedMarker | None:
        """The marker under the cursor."""
        return self.grid.markers[self.cursor] if 0 <= self.cursor < len(self.grid.markers) else None

    def set_timeline(self, timeline) -> None:
        """Show a timeline, keeping the cursor on the same entry when it is still there."""
        self.timeline = timeline
        self._relayout()

    def select_entry(self, entry_id: int) -> None:
        """Put the cursor on an entry's marker, when the entry is on the timeline."""
        ids = [m.entry_id for m in self.grid.markers]
        if entry_id in ids:
            self._move(ids.index(entry_id))

    def set_zoom(self, zoom: str) -> None:
        """Show quarters, months or weeks as columns, keeping the cursor's entry in view."""
        if zoom not in ZOOMS:
            raise ValueError(f"unknown zoom level {zoom!r}")
        self.zoom = zoom
        self._relayout()

    def _relayout(self) -> None:
        keep = self.marker.entry_id if self.marker else None
        self.grid = lay_out(self.timeline, self.zoom) if self.timeline else TimelineGrid(self.zoom, (), 0, (), ())
        self.header = header_rows(self.grid)
        self._styles.clear()
        self._cells = [self._paint(row) for row in self.grid.rows]
        self._header_cells = [self._paint(row) for row in self.header]
        ids = [m.entry_id for m in self.grid.markers]
        self.cursor = ids.index(keep) if keep in ids else (0 if ids else -1)
        self.on_resize()
        self.refresh()
        self.post_message(self.MarkerHighlighted(self.marker))

    def _paint(self, row: GridRow) -> list[tuple[str, str, str]]:
        """The row as one (character, kind, colour) per grid position."""
        cells = [(" ", "", "")] * self.grid.width
        if row.kind == "section":
            cells = [("─", "rule", "")] * self.grid.width
        for run in row.runs:
            for offset, char in enumerate(run.text):
                if 0 <= run.x + offset < self.grid.width:
                    cells[run.x + offset] = (char, run.kind, run.colour)
        return cells

    # -- geometry -----------------------------------------------------------------------------------

    @property
    def label_width(self) -> int:
        return 18 if self.size.width >= 100 else 14

    @property
    def view_width(self) -> int:
        return max(self.size.width - self.label_width, 1)

    def scroll_to_cursor(self) -> None:
        marker = self.marker
        if marker is None or not self.size.width:
            return
        x, y = self.scroll_offset.x, self.scroll_offset.y
        if marker.x < x or marker.x >= x + self.view_width:
            x = max(marker.x - self.view_width // 3, 0)
        rows = max(self.size.height - HEADER, 1)
        if marker.row < y or marker.row >= y + rows:
            y = max(marker.row - rows // 2, 0)
        self.scroll_to(x=x, y=y, animate=False, immediate=True)

    def on_resize(self, _event: events.Resize | None = None) -> None:
        self.virtual_size = Size(self.label_width + self.grid.width, HEADER + len(self.grid.rows))
        self.scroll_to_cursor()

    # -- keys and mouse -----------------------------------------------------------------------------

    def _move(self, index: int) -> None:
        if not self.grid.markers:
            return
        self.cursor = max(0, min(index, len(self.grid.markers) - 1))
        self.refresh()
        self.scroll_to_cursor()
        self.post_message(self.MarkerHighlighted(self.marker))

    def action_step(self, step: int) -> None:
        self._move(self.cursor + step)

    def action_edge(self, which: int) -> None:
        self._move(0 if which == 0 else len(self.grid.markers) - 1)

    def action_lane(self, step: int) -> None:
        """Go to the nearest marker (by position) on the next row up or down that has one."""
        here = self.marker
        if here is None:
            return
        rows = sorted({m.row for m in self.grid.markers if (m.row - here.row) * step > 0}, reverse=step < 0)
        if not rows:
            return
        candidates = [i for i, m in enumerate(self.grid.markers) if m.row == rows[0]]
        self._move(min(candidates, key=lambda i: abs(self.grid.markers[i].x - here.x)))

    def action_pan(self, step: int) -> None:
        self.scroll_to(x=self.scroll_offset.x + step * max(self.view_width // 3, 1), animate=False)

    def action_page(self, step: int) -> None:
        self.scroll_to(y=self.scroll_offset.y + step * max(self.size.height - HEADER - 1, 1), animate=False)

    def action_choose(self) -> None:
        if self.marker is not None:
            self.post_message(self.MarkerChosen(self.marker.entry_id))

    def marker_at(self, x: int, y: int) -> int | None:
        """The index of the marker drawn at a point of the widget (or one cell beside it)."""
        if y < HEADER or x < self.label_width:
            return None
        row = int(self.scroll_offset.y) + y - HEADER
        column = int(self.scroll_offset.x) + x - self.label_width
        near = [(abs(m.x - column), i) for i, m in enumerate(self.grid.markers) if m.row == row and abs(m.x - column) <= 1]
        return min(near)[1] if near else None

    def on_click(self, event: events.Click) -> None:
        index = self.marker_at(event.x, event.y)
        if index is not None:
            self._move(index)
            if event.chain >= 2:
                self.action_choose()

    # -- drawing ------------------------------------------------------------------------------------

    def _tint(self, colour: str, strength: float) -> RichColor:
        return tint(self.background_colors[1], colour, strength)

    def _style(self, kind: str, colour: str) -> Style:
        key = (kind, colour)
        if key not in self._styles:
            if kind == "phase":
                style = Style(bgcolor=self._tint(colour, 0.45))
            elif kind == "marker":
                style = Style(bold=True, color=self._tint(colour, 1.0))
            elif kind in ("span", "bar"):
                style = Style(color=self._tint(colour, 0.9))
            elif kind == "group":
                style = Style(bold=True)
            elif kind in ("empty", "rule", "label"):
                style = Style(dim=True)
            else:
                style = Style()
            self._styles[key] = style
        return self._styles[key]

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if not self.grid.columns:
            text = " Nothing on the timeline yet: n adds an entry, Y sets up the project year's phases." if y == 1 else ""
            return Strip([Segment(text, base + Style(dim=True))]).crop(0, width).extend_cell_length(width, base)
        sx, sy = int(self.scroll_offset.x), int(self.scroll_offset.y)
        if y < HEADER:
            cells, row = self._header_cells[y], self.header[y]
            index = None
        else:
            index = sy + y - HEADER
            if index >= len(self._cells):
                return Strip.blank(width, base)
            cells, row = self._cells[index], self.grid.rows[index]
        segments = self._gutter(y, row, base)
        highlight = self._highlight(y, index)
        cells = self._with_edge_labels(row, cells, sx)
        run_text, run_style = "", None
        for position in range(sx, min(sx + self.view_width, self.grid.width)):
            char, kind, colour = cells[position]
            style = base + self._style(kind, colour)
            if position in highlight:
                style += Style(reverse=True, bold=True)
            if style != run_style and run_text:
                segments.append(Segment(run_text, run_style))
                run_text = ""
            run_text += char
            run_style = style
        if run_text:
            segments.append(Segment(run_text, run_style))
        return Strip(segments).crop(0, width).extend_cell_length(width, base)

    @staticmethod
    def _with_edge_labels(row: GridRow, cells: list, left: int) -> list:
        """The row's cells with the names of phases (or years) that began left of the view written at its edge."""
        copied = None
        for run in row.runs:
            text = edge_label(run, left)
            if text:
                copied = copied or list(cells)
                for offset, char in enumerate(text):
                    copied[left + offset] = (char, run.kind, run.colour)
        return copied or cells

    def _highlight(self, y: int, index: int | None) -> set[int]:
        """Grid positions shown in reverse: the cursor's marker, and its column's label in the header."""
        marker = self.marker
        if marker is None:
            return set()
        if y == 1:
            column = self.grid.columns[self.grid.column_at(marker.x)]
            return set(range(column.x, column.x + max(len(column.label), 1)))
        return {marker.x} if index == marker.row else set()

    def _gutter(self, y: int, row: GridRow, base: Style) -> list[Segment]:
        width = self.label_width
        if y == 0:
            return [Segment(f" {self.zoom}s".ljust(width), base + Style(bold=True))]
        if y == 1:
            left = "◂" if self.scroll_offset.x > 0 else " "
            right = "▸" if self.scroll_offset.x + self.view_width < self.grid.width else " "
            return [Segment(f" {left} {right}".ljust(width), base + Style(dim=True))]
        room = width - (4 if row.kind == "theme" else 2)  # a blank column always parts label and grid
        name = row.label if len(row.label) <= room else row.label[: room - 1] + "…"
        if row.kind == "theme":
            return [Segment(" ", base), Segment("■", base + Style(color=self._tint(row.colour, 1.0))),
                    Segment(f" {name}".ljust(width - 2), base)]
        if row.kind == "section":
            return [Segment(f" {name} ".ljust(width, "─"), base + Style(bold=True, dim=True))]
        if row.kind == "track":
            return [Segment(f" {name}".ljust(width), base + Style(bold=True))]
        return [Segment(f" {name}".ljust(width), base)]
