"""Monitoring: the project year as a timeline, the log entries, the learning agenda and the follow-up actions.

Each tab is a pane that reads and keeps its own records (panes.py); the screen holds the keys, opens the
dialogs and runs the changes, after which it asks the panes to read again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.widgets import Header, TabbedContent, TabPane

from workbench.domain.errors import WorkbenchError
from workbench.domain.monitoring import LogEntry
from workbench.domain.monitoring_drafts import entry_values
from workbench.domain.spans import shorten
from workbench.tui.host import host
from workbench.tui.screens.action_form import ActionFormScreen
from workbench.tui.screens.entry_detail import EntryDetailScreen
from workbench.tui.screens.entry_form import EntryFormScreen
from workbench.tui.screens.memo_editor import MemoEditorScreen
from workbench.tui.screens.monitoring.messages import EntryFetched, EntryRefused, MonitoringChanged
from workbench.tui.screens.monitoring.panes import ActionsPane, AgendaPane, EntriesPane, TimelinePane
from workbench.tui.screens.prompt import PromptScreen
from workbench.tui.screens.status_dialog import StatusDialog
from workbench.tui.widgets.key_bar import KeyBar
from workbench.tui.widgets.timeline_layout import ZOOMS
from workbench.tui.widgets.timeline_view import TimelineView

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
FOCUS = {"tab-timeline": "#timeline", "tab-entries": "#entry-table", "tab-agenda": "#agenda-table",
         "tab-actions": "#action-table"}


class MonitoringScreen(Screen[None]):
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
        self.in_dialog = False  # one of this screen's dialogs is open: coming back must not read everything again

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="monitoring-tabs", initial=TABS[0]):
            with TabPane("1 Timeline", id="tab-timeline"):
                yield TimelinePane(id="timeline-pane")
            with TabPane("2 Entries", id="tab-entries"):
                yield EntriesPane(id="entries-pane")
            with TabPane("3 Learning agenda", id="tab-agenda"):
                yield AgendaPane(id="agenda-pane")
            with TabPane("4 Actions", id="tab-actions"):
                yield ActionsPane(id="actions-pane")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(TimelineView).focus()

    # -- the panes ------------------------------------------------------------------------------------

    @property
    def timeline(self) -> TimelinePane:
        return self.query_one(TimelinePane)

    @property
    def entry_list(self) -> EntriesPane:
        return self.query_one(EntriesPane)

    @property
    def agenda(self) -> AgendaPane:
        return self.query_one(AgendaPane)

    @property
    def follow_ups(self) -> ActionsPane:
        return self.query_one(ActionsPane)

    @property
    def entries(self) -> list[LogEntry]:
        """The entries listed on the Entries tab."""
        return self.entry_list.entries

    def on_screen_resume(self) -> None:
        # Back from one of this screen's own dialogs nothing changed yet: a saved change reloads by itself.
        if self.in_dialog:
            self.in_dialog = False
            return
        self.reload()

    def reload(self, entry_id: int | None = None) -> None:
        """Read everything again: the timeline, the entries (filtered), the agenda and the actions."""
        self.timeline.load(entry_id)
        self.entry_list.load(entry_id)
        self.agenda.load()
        self.follow_ups.load()

    def show_dialog(self, dialog: ModalScreen[Any], callback: Callable[[Any], Any]) -> None:
        """Open one of the screen's dialogs; its result comes to the callback."""
        self.in_dialog = True
        self.app.push_screen(dialog, callback)

    @on(TimelinePane.Loaded)
    def _timeline_loaded(self) -> None:
        self.refresh_bindings()  # "set up the year" is offered only while the timeline is empty

    @on(TimelineView.MarkerChosen)
    def _marker_chosen(self, message: TimelineView.MarkerChosen) -> None:
        self.fetch_entry(message.entry_id, "show")

    @on(EntriesPane.EntryChosen)
    def _entry_chosen(self, message: EntriesPane.EntryChosen) -> None:
        self.fetch_entry(message.entry_id, "show")

    # -- tabs -----------------------------------------------------------------------------------------

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self.tab = event.pane.id or TABS[0]
        self.query_one(FOCUS[self.tab]).focus()
        self.refresh_bindings()

    def action_import_report(self) -> None:
        from workbench.tui.screens.report_dialog import ReportDialog

        self.show_dialog(ReportDialog(), lambda _imported: self.reload())

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        tabs = TAB_ACTIONS.get(action)
        if action == "init_year":
            timeline = self.timeline.timeline if self.is_mounted else None
            if timeline is None or timeline.months:
                return False  # offered only while the timeline is empty
        return tabs is None or self.tab in tabs

    # -- the timeline ---------------------------------------------------------------------------------

    @work(thread=True, group="monitoring-change")
    def action_init_year(self) -> None:
        def set_up() -> str:
            done = host(self).project.monitoring.init_year()
            return f"Project year set up: {done.phases_added} phases and {done.meetings_added} meetings added"

        self._change(set_up, "")

    def _set_zoom(self, index: int) -> None:
        view = self.timeline.view
        view.set_zoom(ZOOMS[index])
        self.notify(f"Columns are {view.zoom}s now.", timeout=2, markup=False)

    def action_zoom(self) -> None:
        self._set_zoom((ZOOMS.index(self.timeline.view.zoom) + 1) % len(ZOOMS))

    def action_zoom_in(self) -> None:
        self._set_zoom(min(ZOOMS.index(self.timeline.view.zoom) + 1, len(ZOOMS) - 1))

    def action_zoom_out(self) -> None:
        self._set_zoom(max(ZOOMS.index(self.timeline.view.zoom) - 1, 0))

    # -- entries: read, add, change, memo -------------------------------------------------------------

    def current_entry_id(self) -> int | None:
        """The entry the timeline's cursor or the entry list's row is on, by the tab shown."""
        return self.timeline.entry_id() if self.tab == "tab-timeline" else self.entry_list.entry_id()

    def _entry_or_warn(self) -> int | None:
        entry_id = self.current_entry_id()
        if entry_id is None:
            self.notify("There is no entry under the cursor.", severity="warning", timeout=2, markup=False)
        return entry_id

    def action_new_entry(self) -> None:
        self.open_form(None, {"date": dt.date.today(), "type": "meeting"})

    def action_edit_entry(self) -> None:
        entry_id = self._entry_or_warn()
        if entry_id is not None:
            self.fetch_entry(entry_id, "edit")

    def action_memo_entry(self) -> None:
        entry_id = self._entry_or_warn()
        if entry_id is not None:
            self.fetch_entry(entry_id, "memo")

    @work(thread=True, exclusive=True, group="monitoring-entry")
    def fetch_entry(self, entry_id: int, purpose: str) -> None:
        try:
            entry = host(self).project.monitoring.entries.get(entry_id)
        except WorkbenchError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=5, markup=False)
            return
        self.post_message(EntryFetched(entry, purpose))

    @on(EntryFetched)
    def _entry_fetched(self, message: EntryFetched) -> None:
        self.entry_fetched(message.entry, message.purpose)

    def entry_fetched(self, entry: LogEntry, purpose: str) -> None:
        """Show the entry, open it in the form, or write a memo on it."""
        if purpose == "edit":
            self.open_form(entry.id, entry_values(entry))
        elif purpose == "memo":
            self.show_dialog(MemoEditorScreen(f"Memo on {entry.title}"),
                             lambda text: self.save_memo(entry.id, text) if text and text.strip() else None)
        else:
            self.show_dialog(EntryDetailScreen(entry),
                             lambda choice: self.entry_fetched(entry, choice) if choice else None)

    @on(EntryRefused)
    def _entry_refused(self, message: EntryRefused) -> None:
        self.open_form(message.entry_id, message.values)

    def open_form(self, entry_id: int | None, values: dict[str, Any]) -> None:
        heading = "New log entry" if entry_id is None else f"Entry #{entry_id}"
        self.show_dialog(EntryFormScreen(heading, values),
                         lambda draft: self.save_entry(entry_id, draft) if draft is not None else None)

    @work(thread=True, group="monitoring-change")
    def save_entry(self, entry_id: int | None, draft: Any) -> None:
        entries = host(self).project.monitoring.entries
        values = {field.name: getattr(draft, field.name) for field in dataclasses.fields(draft)}
        try:
            entry = entries.add(draft) if entry_id is None else entries.update(entry_id, values)
        except WorkbenchError as exc:
            self.app.call_from_thread(self.notify, str(exc), title="Not saved", severity="error", timeout=8,
                                      markup=False)
            self.post_message(EntryRefused(entry_id, values))
            return
        verb = "Added" if entry_id is None else "Saved"
        self.post_message(MonitoringChanged(f"{verb} “{shorten(entry.title, 60)}” ({entry.date.isoformat()})",
                                            entry.id))

    @work(thread=True, group="monitoring-change")
    def save_memo(self, entry_id: int, text: str) -> None:
        self._change(lambda: host(self).project.monitoring.entries.add_memo(entry_id, text), "Memo saved", entry_id)

    def action_filter(self) -> None:
        self.entry_list.filter_box.focus()

    def action_clear_filter(self) -> None:
        self.entry_list.clear_filter()

    # -- the learning agenda --------------------------------------------------------------------------

    def action_question_status(self) -> None:
        question = self.agenda.question_at_cursor()
        if question is None:
            self.notify("There is no learning question to change; n raises one.", severity="warning", timeout=3,
                        markup=False)
            return
        self.show_dialog(StatusDialog(question),
                         lambda choice: self.change_question(question.id, choice) if choice is not None else None)

    @work(thread=True, group="monitoring-change")
    def change_question(self, question_id: int, choice: Any) -> None:
        agenda = host(self).project.monitoring.agenda
        self._change(lambda: agenda.change_status(question_id, choice.status, on=choice.on, note=choice.note),
                     f"Q{question_id} is now {choice.status.replace('_', ' ')} (from {choice.on.isoformat()})")

    def action_new_question(self) -> None:
        self.show_dialog(PromptScreen("New learning question (raised today):", placeholder="Hoe …?",
                                      required="A learning question cannot be empty: type it, or press Esc."),
                         lambda text: self.raise_question(text) if text else None)

    @work(thread=True, group="monitoring-change")
    def raise_question(self, text: str) -> None:
        self._change(lambda: host(self).project.monitoring.agenda.raise_question(text), "Learning question raised")

    # -- follow-up actions ----------------------------------------------------------------------------

    def _action_status(self, status: str) -> None:
        action = self.follow_ups.follow_up_at_cursor()
        if action is None:
            self.notify("There is no action under the cursor.", severity="warning", timeout=2, markup=False)
        elif action.status == status:
            self.notify(f"That action is already {status.replace('_', ' ')}.", timeout=2, markup=False)
        else:
            self.set_action_status(action.id, status, action.action)

    def action_mark_done(self) -> None:
        self._action_status("done")

    def action_mark_in_progress(self) -> None:
        self._action_status("in_progress")

    @work(thread=True, group="monitoring-change")
    def set_action_status(self, action_id: int, status: str, text: str) -> None:
        self._change(lambda: host(self).project.monitoring.actions.set_status(action_id, status),
                     f"{status.replace('_', ' ').capitalize()}: {shorten(text, 60)}")

    def action_new_action(self) -> None:
        self.show_dialog(ActionFormScreen(), lambda draft: self.add_action(draft) if draft is not None else None)

    @work(thread=True, group="monitoring-change")
    def add_action(self, draft: Any) -> None:
        actions = host(self).project.monitoring.actions
        self._change(lambda: actions.add(draft.action, owner=draft.owner, due=draft.due),
                     f"Action agreed: {shorten(draft.action, 60)}")

    def action_all_actions(self) -> None:
        self.follow_ups.toggle_all()

    # -- changes --------------------------------------------------------------------------------------

    def _change(self, change: Callable[[], Any], note: str, entry_id: int | None = None) -> None:
        """Run a change in this worker thread; errors become a notification, success reloads the screen."""
        try:
            result = change()
        except WorkbenchError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=6, markup=False)
            return
        self.post_message(MonitoringChanged(note or str(result), entry_id))

    @on(MonitoringChanged)
    def _changed(self, message: MonitoringChanged) -> None:
        self.notify(message.note, timeout=3, markup=False)
        self.reload(message.entry_id)
