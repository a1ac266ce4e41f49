"""Monitoring: the project year as a timeline, the log entries, the learning agenda and the follow-up actions."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static, TabbedContent, TabPane

from workbench.tui.screens.monitoring_actions import MonitoringActions
from workbench.tui.screens.own_dialogs import OwnDialogs
from workbench.tui.screens.monitoring_rows import (
    action_cells, action_summary, entry_cells, entry_preview, marker_details, question_cells, question_history,
)
from workbench.tui.widgets.timeline_view import TimelineView
from workbench.tui.widgets.key_bar import KeyBar

TABS = ("tab-timeline", "tab-entries", "tab-agenda", "tab-actions")
# The keys of one tab are active (and in the footer) only while that tab is shown.
TAB_ACTIONS = {
    "init_year": ("tab-timeline",), "zoom": ("tab-timeline",), "zoom_in": ("tab-timeline",), "zoom_out": ("tab-timeline",),
    "new_entry": ("tab-timeline", "tab-entries"), "edit_entry": ("tab-timeline", "tab-entries"),
    "memo_entry": ("tab-timeline", "tab-entries"), "filter": ("tab-entries",), "clear_filter": ("tab-entries",),
    "question_status": ("tab-agenda",), "new_question": ("tab-agenda",),
    "mark_done": ("tab-actions",), "mark_in_progress": ("tab-actions",), "new_action": ("tab-actions",),
    "all_actions": ("tab-actions",),
}


@dataclass
class TimelineLoaded(Message):
    """The timeline of the project year was read."""

    timeline: object


@dataclass
class EntriesLoaded(Message):
    """The log entries the filter admits were read."""

    entries: list


@dataclass
class AgendaLoaded(Message):
    """The learning questions were read."""

    questions: list


@dataclass
class ActionsLoaded(Message):
    """The follow-up actions were read."""

    actions: list


@dataclass
class EntryFetched(Message):
    """One entry was read in full, to show, edit or write a memo on."""

    entry: object
    purpose: str


@dataclass
class EntryRefused(Message):
    """The log refused an entry draft; the form opens again with what was typed."""

    entry_id: int | None
    values: dict


@dataclass
class MonitoringChanged(Message):
    """A change to the log was saved."""

    note: str
    entry_id: int | None = None


class MonitoringScreen(MonitoringActions, OwnDialogs, Screen):
    """Process monitoring of the project year, one tab per view (1–4 switch tabs)."""

    CSS_PATH = "monitoring.tcss"
    BINDINGS = [
        *(Binding(str(n), f"tab('{tab}')", tab.removeprefix("tab-").capitalize(), show=False) for n, tab in enumerate(TABS, 1)),
        Binding("Y", "init_year", "Set up the year"),
        Binding("R", "import_report", "Import report"),
        Binding("z", "zoom", "Zoom"),
        Binding("plus,equals_sign", "zoom_in", "Zoom in", show=False),
        Binding("minus", "zoom_out", "Zoom out", show=False),
        Binding("n", "new_entry", "New entry"),
        Binding("e", "edit_entry", "Edit"),
        Binding("m", "memo_entry", "Memo"),
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
        Binding("s", "question_status", "Status…"),
        Binding("n", "new_question", "New question"),
        Binding("d", "mark_done", "Done"),
        Binding("p", "mark_in_progress", "In progress"),
        Binding("n", "new_action", "New action"),
        Binding("a", "all_actions", "All/open"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.tab = TABS[0]
        self.timeline = None
        self.entries: list = []
        self.questions: list = []
        self.actions: list = []
        self.all_actions = False
        self.pending_entry: int | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="monitoring-tabs", initial=TABS[0]):
            with TabPane("1 Timeline", id="tab-timeline"):
                yield TimelineView(id="timeline")
                yield Static("", id="timeline-details")
            with TabPane("2 Entries", id="tab-entries"):
                yield Input(placeholder="filter (Enter): type=interview sig=high from=2024-09-01 to=2024-12-31 actor=HEEM words",
                            id="entry-filter")
                yield DataTable(id="entry-table", cursor_type="row", zebra_stripes=True)
                yield Static("", id="entry-preview")
            with TabPane("3 Learning agenda", id="tab-agenda"):
                yield DataTable(id="agenda-table", cursor_type="row", zebra_stripes=True)
                yield Static("", id="agenda-history")
            with TabPane("4 Actions", id="tab-actions"):
                yield DataTable(id="action-table", cursor_type="row", zebra_stripes=True)
                yield Static("", id="action-summary")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#entry-table", DataTable).add_columns("Date", "Type", "Mark", "Title", "Present")
        self.query_one("#agenda-table", DataTable).add_columns("#", "Status", "Since", "Open for", "Question")
        self.query_one("#action-table", DataTable).add_columns("Status", "Due", "Late", "Action", "Owner", "Agreed at")
        self.query_one(TimelineView).focus()

    def on_screen_resume(self) -> None:
        # Back from one of this screen's own dialogs nothing changed yet: a saved change reloads by itself.
        if self.back_from_dialog():
            return
        self.pending_entry = None
        self.reload()

    def reload(self) -> None:
        """Read everything again: the timeline, the entries (filtered), the agenda and the actions."""
        self.load_timeline()
        self.load_entries(self.query_one("#entry-filter", Input).value)
        self.load_agenda()
        self.load_actions()

    # -- reading (workers) ------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="monitoring-timeline")
    def load_timeline(self) -> None:
        self.post_message(TimelineLoaded(self.app.project.monitoring.timeline.timeline()))

    @work(thread=True, exclusive=True, group="monitoring-entries")
    def load_entries(self, filter_text: str) -> None:
        from workbench.domain.errors import WorkbenchError
        from workbench.tui.log_filter_text import has_words, parse_entry_filter

        try:
            wanted, words = parse_entry_filter(filter_text)
            entries = self.app.project.monitoring.entries.list(wanted)
        except WorkbenchError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=6, markup=False)
            return
        self.post_message(EntriesLoaded([e for e in entries if has_words(e, words)]))

    @work(thread=True, exclusive=True, group="monitoring-agenda")
    def load_agenda(self) -> None:
        self.post_message(AgendaLoaded(self.app.project.monitoring.agenda.list()))

    @work(thread=True, exclusive=True, group="monitoring-actions")
    def load_actions(self) -> None:
        self.post_message(ActionsLoaded(self.app.project.monitoring.actions.list()))

    # -- showing what was read (handlers own the state) ---------------------------------------------------

    @on(TimelineLoaded)
    def _timeline_loaded(self, message: TimelineLoaded) -> None:
        self.timeline = message.timeline
        self.refresh_bindings()
        view = self.query_one(TimelineView)
        view.set_timeline(message.timeline)
        if self.pending_entry is not None:
            view.select_entry(self.pending_entry)

    @on(TimelineView.MarkerHighlighted)
    def _marker_highlighted(self, message: TimelineView.MarkerHighlighted) -> None:
        details = marker_details(message.marker, self.query_one(TimelineView).zoom, self.size.width)
        self.query_one("#timeline-details", Static).update(details)

    @on(TimelineView.MarkerChosen)
    def _marker_chosen(self, message: TimelineView.MarkerChosen) -> None:
        self.fetch_entry(message.entry_id, "show")

    @on(EntriesLoaded)
    def _entries_loaded(self, message: EntriesLoaded) -> None:
        keep = self.pending_entry or self.current_entry_row()
        self.entries = message.entries
        table = self.query_one("#entry-table", DataTable)
        table.clear()
        for entry in self.entries:
            table.add_row(*entry_cells(entry), key=str(entry.id))
        ids = [e.id for e in self.entries]
        if keep in ids:
            table.move_cursor(row=ids.index(keep))
        self._show_preview()

    @on(DataTable.RowHighlighted, "#entry-table")
    def _show_preview(self) -> None:
        self.query_one("#entry-preview", Static).update(entry_preview(self.entry_at_cursor(), len(self.entries)))

    @on(DataTable.RowSelected, "#entry-table")
    def _entry_selected(self) -> None:
        entry = self.entry_at_cursor()
        if entry is not None:
            self.fetch_entry(entry.id, "show")

    @on(Input.Submitted, "#entry-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        self.load_entries(event.value)
        self.query_one("#entry-table", DataTable).focus()

    @on(AgendaLoaded)
    def _agenda_loaded(self, message: AgendaLoaded) -> None:
        self.questions = message.questions
        table = self.query_one("#agenda-table", DataTable)
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

    @on(ActionsLoaded)
    def _actions_loaded(self, message: ActionsLoaded) -> None:
        self.actions = message.actions
        self.fill_actions()

    def fill_actions(self) -> None:
        """List the open actions (or all of them), keeping the cursor's row."""
        table = self.query_one("#action-table", DataTable)
        keep = table.cursor_row
        table.clear()
        shown = self.shown_actions()
        for action in shown:
            table.add_row(*action_cells(action), key=str(action.id))
        if shown:
            table.move_cursor(row=min(keep, len(shown) - 1))
        self.query_one("#action-summary", Static).update(action_summary(self.actions, self.all_actions))

    # -- tabs -------------------------------------------------------------------------------------------

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self.tab = event.pane.id or TABS[0]
        focus = {"tab-timeline": "#timeline", "tab-entries": "#entry-table", "tab-agenda": "#agenda-table",
                 "tab-actions": "#action-table"}[self.tab]
        self.query_one(focus).focus()
        self.refresh_bindings()

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    def action_import_report(self) -> None:
        from workbench.tui.screens.report_dialog import ReportDialog

        self.show_dialog(ReportDialog(), lambda _imported: self.reload())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        tabs = TAB_ACTIONS.get(action)
        if action == "init_year" and (self.timeline is None or self.timeline.months):
            return False  # offered only while the timeline is empty
        return tabs is None or self.tab in tabs

    # -- messages from the change workers ---------------------------------------------------------------

    @on(EntryFetched)
    def _entry_fetched(self, message: EntryFetched) -> None:
        self.entry_fetched(message.entry, message.purpose)

    @on(EntryRefused)
    def _entry_refused(self, message: EntryRefused) -> None:
        self.open_form(message.entry_id, message.values)

    @on(MonitoringChanged)
    def _changed(self, message: MonitoringChanged) -> None:
        self.notify(message.note, timeout=3, markup=False)
        self.pending_entry = message.entry_id
        self.reload()
