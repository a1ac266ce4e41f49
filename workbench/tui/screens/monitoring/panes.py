"""The four views of the monitoring screen, each a widget that reads its own records and keeps them.

A pane reads in a worker of its own and posts `Loaded` to itself; it then shows the records and lets the
message bubble on, so the screen can follow (the key bar, a cursor to restore). The screen asks a pane to
`load` again after a change; what the cursor is on is the pane's to tell.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Input, Static

from workbench.domain.errors import WorkbenchError
from workbench.domain.log_filter_text import has_words, parse_entry_filter
from workbench.domain.monitoring import LogEntry
from workbench.tui.host import host
from workbench.tui.screens.monitoring.rows import (
    action_cells, action_summary, entry_cells, entry_preview, marker_details, question_cells, question_history,
)
from workbench.tui.widgets.timeline_view import TimelineView


def row_key(table: DataTable[Any]) -> int | None:
    """The id kept as the key of the row under the table's cursor, or None for an empty table."""
    if not table.row_count:
        return None
    key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
    return int(key.value) if key.value is not None else None


class TimelinePane(Vertical):
    """The project year as a timeline, with the entry under the cursor described beneath it."""

    @dataclass
    class Loaded(Message):
        """The timeline was read."""

        timeline: Any

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.timeline: Any = None

    def compose(self) -> ComposeResult:
        yield TimelineView(id="timeline")
        yield Static("", id="timeline-details")

    @property
    def view(self) -> TimelineView:
        return self.query_one(TimelineView)

    @work(thread=True, exclusive=True, group="monitoring-timeline")
    def load(self, select: int | None = None) -> None:
        timeline = host(self).project.monitoring.timeline.timeline()
        self.app.call_from_thread(self._show, timeline, select)

    def _show(self, timeline: Any, select: int | None) -> None:
        self.timeline = timeline
        self.view.set_timeline(timeline)
        if select is not None:
            self.view.select_entry(select)
        self.post_message(self.Loaded(timeline))

    @on(TimelineView.MarkerHighlighted)
    def _marker_highlighted(self, message: TimelineView.MarkerHighlighted) -> None:
        details = marker_details(message.marker, self.view.zoom, self.size.width)
        self.query_one("#timeline-details", Static).update(details)

    def entry_id(self) -> int | None:
        marker = self.view.marker
        return marker.entry_id if marker else None


class EntriesPane(Vertical):
    """The log entries the filter admits, with a preview of the one under the cursor."""

    @dataclass
    class Loaded(Message):
        """The entries the filter admits were read."""

        entries: list[LogEntry]
        keep: int | None

    @dataclass
    class EntryChosen(Message):
        """Enter on an entry: open it."""

        entry_id: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[LogEntry] = []

    def compose(self) -> ComposeResult:
        yield Input(placeholder="filter (Enter): type=interview sig=high from=2024-09-01 to=2024-12-31 actor=HEEM words",
                    id="entry-filter")
        yield DataTable(id="entry-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="entry-preview")

    def on_mount(self) -> None:
        self.table.add_columns("Date", "Type", "Mark", "Title", "Present")

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one("#entry-table", DataTable)

    @property
    def filter_box(self) -> Input:
        return self.query_one("#entry-filter", Input)

    def load(self, keep: int | None = None) -> None:
        """Read the entries again with the filter as typed, keeping the cursor on `keep` (or where it is)."""
        self._read(self.filter_box.value, keep if keep is not None else self.entry_id())

    @work(thread=True, exclusive=True, group="monitoring-entries")
    def _read(self, filter_text: str, keep: int | None) -> None:
        try:
            wanted, words = parse_entry_filter(filter_text)
            entries = host(self).project.monitoring.entries.list(wanted)
        except WorkbenchError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=6, markup=False)
            return
        self.post_message(self.Loaded([e for e in entries if has_words(e, words)], keep))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.entries = message.entries
        table = self.table
        table.clear()
        for entry in self.entries:
            table.add_row(*entry_cells(entry), key=str(entry.id))
        ids = [e.id for e in self.entries]
        if message.keep in ids:
            table.move_cursor(row=ids.index(message.keep))
        self._show_preview()

    @on(DataTable.RowHighlighted, "#entry-table")
    def _show_preview(self) -> None:
        self.query_one("#entry-preview", Static).update(entry_preview(self.entry_at_cursor(), len(self.entries)))

    @on(DataTable.RowSelected, "#entry-table")
    def _entry_selected(self) -> None:
        entry_id = self.entry_id()
        if entry_id is not None:
            self.post_message(self.EntryChosen(entry_id))

    @on(Input.Submitted, "#entry-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.load()
        self.table.focus()

    def clear_filter(self) -> None:
        if self.filter_box.value:
            self.filter_box.value = ""
            self.load()
        self.table.focus()

    def entry_id(self) -> int | None:
        return row_key(self.table)

    def entry_at_cursor(self) -> LogEntry | None:
        key = self.entry_id()
        return next((e for e in self.entries if e.id == key), None)


class AgendaPane(Vertical):
    """The learning questions with the history of the one under the cursor."""

    @dataclass
    class Loaded(Message):
        """The learning questions were read."""

        questions: list[Any]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.questions: list[Any] = []

    def compose(self) -> ComposeResult:
        yield DataTable(id="agenda-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="agenda-history")

    def on_mount(self) -> None:
        self.table.add_columns("#", "Status", "Since", "Open for", "Question")

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one("#agenda-table", DataTable)

    @work(thread=True, exclusive=True, group="monitoring-agenda")
    def load(self) -> None:
        self.post_message(self.Loaded(host(self).project.monitoring.agenda.list()))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.questions = message.questions
        table = self.table
        keep = table.cursor_row
        table.clear()
        for question in self.questions:
            table.add_row(*question_cells(question), key=str(question.id))
        if self.questions:
            table.move_cursor(row=min(keep, len(self.questions) - 1))
        self._show_history()

    @on(DataTable.RowHighlighted, "#agenda-table")
    def _show_history(self) -> None:
        self.query_one("#agenda-history", Static).update(question_history(self.question_at_cursor()))

    def question_at_cursor(self) -> Any:
        key = row_key(self.table)
        return next((q for q in self.questions if q.id == key), None)


class ActionsPane(Vertical):
    """The follow-up actions, open ones only or all of them."""

    @dataclass
    class Loaded(Message):
        """The follow-up actions were read."""

        actions: list[Any]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.actions: list[Any] = []
        self.show_all = False

    def compose(self) -> ComposeResult:
        yield DataTable(id="action-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="action-summary")

    def on_mount(self) -> None:
        self.table.add_columns("Status", "Due", "Late", "Action", "Owner", "Agreed at")

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one("#action-table", DataTable)

    @work(thread=True, exclusive=True, group="monitoring-actions")
    def load(self) -> None:
        self.post_message(self.Loaded(host(self).project.monitoring.actions.list()))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        self.actions = message.actions
        self.fill()

    def shown(self) -> list[Any]:
        return [a for a in self.actions if self.show_all or a.status in ("open", "in_progress")]

    def fill(self) -> None:
        """List the open actions (or all of them), keeping the cursor's row."""
        table = self.table
        keep = table.cursor_row
        table.clear()
        shown = self.shown()
        for action in shown:
            table.add_row(*action_cells(action), key=str(action.id))
        if shown:
            table.move_cursor(row=min(keep, len(shown) - 1))
        self.query_one("#action-summary", Static).update(action_summary(self.actions, self.show_all))

    def toggle_all(self) -> None:
        self.show_all = not self.show_all
        self.fill()

    def follow_up_at_cursor(self) -> Any:
        key = row_key(self.table)
        return next((a for a in self.actions if a.id == key), None)
