"""The monitoring screen's key actions: zoom, open, add and change entries, move questions, finish actions."""

from __future__ import annotations

import dataclasses
import datetime as dt

from textual import work
from textual.widgets import DataTable, Input

from workbench.domain.monitoring_drafts import entry_values
from workbench.domain.spans import shorten
from workbench.tui.widgets.timeline_layout import ZOOMS


class MonitoringActions:
    """Actions of MonitoringScreen; state lives on the screen, database work runs in workers."""

    # -- what the cursor is on ------------------------------------------------------------------------

    def _row_key(self, selector: str) -> int | None:
        table = self.query_one(selector, DataTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return int(row_key.value)

    def current_entry_row(self) -> int | None:
        return self._row_key("#entry-table")

    def entry_at_cursor(self):
        key = self.current_entry_row()
        return next((e for e in self.entries if e.id == key), None)

    def question_at_cursor(self):
        key = self._row_key("#agenda-table")
        return next((q for q in self.questions if q.id == key), None)

    def shown_actions(self) -> list:
        return [a for a in self.actions if self.all_actions or a.status in ("open", "in_progress")]

    def action_at_cursor(self):
        key = self._row_key("#action-table")
        return next((a for a in self.actions if a.id == key), None)

    def current_entry_id(self) -> int | None:
        """The entry the timeline's cursor or the entry list's row is on, by the tab shown."""
        if self.tab == "tab-timeline":
            from workbench.tui.widgets.timeline_view import TimelineView

            marker = self.query_one(TimelineView).marker
            return marker.entry_id if marker else None
        return self.current_entry_row()

    # -- the timeline ---------------------------------------------------------------------------------

    @work(thread=True, group="monitoring-change")
    def action_init_year(self) -> None:
        def set_up():
            done = self.app.project.monitoring.init_year()
            return f"Project year set up: {done.phases_added} phases and {done.meetings_added} meetings added"

        self._change(set_up, "")

    def _set_zoom(self, index: int) -> None:
        from workbench.tui.widgets.timeline_view import TimelineView

        view = self.query_one(TimelineView)
        view.set_zoom(ZOOMS[index])
        self.notify(f"Columns are {view.zoom}s now.", timeout=2, markup=False)

    def action_zoom(self) -> None:
        from workbench.tui.widgets.timeline_view import TimelineView

        self._set_zoom((ZOOMS.index(self.query_one(TimelineView).zoom) + 1) % len(ZOOMS))

    def action_zoom_in(self) -> None:
        from workbench.tui.widgets.timeline_view import TimelineView

        self._set_zoom(min(ZOOMS.index(self.query_one(TimelineView).zoom) + 1, len(ZOOMS) - 1))

    def action_zoom_out(self) -> None:
        from workbench.tui.widgets.timeline_view import TimelineView

        self._set_zoom(max(ZOOMS.index(self.query_one(TimelineView).zoom) - 1, 0))

    # -- entries: read, add, change, memo ---------------------------------------------------------------

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
        from workbench.domain.errors import WorkbenchError
        from workbench.tui.screens.monitoring import EntryFetched

        try:
            entry = self.app.project.monitoring.entries.get(entry_id)
        except WorkbenchError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=5, markup=False)
            return
        self.post_message(EntryFetched(entry, purpose))

    def entry_fetched(self, entry, purpose: str) -> None:
        """Show the entry, open it in the form, or write a memo on it."""
        from workbench.tui.screens.entry_detail import EntryDetailScreen
        from workbench.tui.screens.memo_editor import MemoEditorScreen

        if purpose == "edit":
            self.open_form(entry.id, entry_values(entry))
        elif purpose == "memo":
            self.show_dialog(MemoEditorScreen(f"Memo on {entry.title}"),
                                 lambda text: text is not None and text.strip() and self.save_memo(entry.id, text))
        else:
            self.show_dialog(EntryDetailScreen(entry),
                                 lambda choice: choice and self.entry_fetched(entry, choice))

    def open_form(self, entry_id: int | None, values: dict) -> None:
        from workbench.tui.screens.entry_form import EntryFormScreen

        heading = "New log entry" if entry_id is None else f"Entry #{entry_id}"
        self.show_dialog(EntryFormScreen(heading, values),
                             lambda draft: draft is not None and self.save_entry(entry_id, draft))

    @work(thread=True, group="monitoring-change")
    def save_entry(self, entry_id: int | None, draft) -> None:
        from workbench.domain.errors import WorkbenchError
        from workbench.tui.screens.monitoring import EntryRefused, MonitoringChanged

        entries = self.app.project.monitoring.entries
        values = {field.name: getattr(draft, field.name) for field in dataclasses.fields(draft)}
        try:
            entry = entries.add(draft) if entry_id is None else entries.update(entry_id, values)
        except WorkbenchError as exc:
            self.app.call_from_thread(self.notify, str(exc), title="Not saved", severity="error", timeout=8, markup=False)
            self.post_message(EntryRefused(entry_id, values))
            return
        verb = "Added" if entry_id is None else "Saved"
        self.post_message(MonitoringChanged(f"{verb} “{shorten(entry.title, 60)}” ({entry.date.isoformat()})", entry.id))

    @work(thread=True, group="monitoring-change")
    def save_memo(self, entry_id: int, text: str) -> None:
        self._change(lambda: self.app.project.monitoring.entries.add_memo(entry_id, text), "Memo saved", entry_id)

    def action_filter(self) -> None:
        self.query_one("#entry-filter", Input).focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#entry-filter", Input)
        if box.value:
            box.value = ""
            self.load_entries("")
        self.query_one("#entry-table", DataTable).focus()

    # -- the learning agenda --------------------------------------------------------------------------

    def action_question_status(self) -> None:
        from workbench.tui.screens.status_dialog import StatusDialog

        question = self.question_at_cursor()
        if question is None:
            self.notify("There is no learning question to change; n raises one.", severity="warning", timeout=3, markup=False)
            return
        self.show_dialog(StatusDialog(question),
                             lambda choice: choice is not None and self.change_question(question.id, choice))

    @work(thread=True, group="monitoring-change")
    def change_question(self, question_id: int, choice) -> None:
        agenda = self.app.project.monitoring.agenda
        self._change(lambda: agenda.change_status(question_id, choice.status, on=choice.on, note=choice.note),
                     f"Q{question_id} is now {choice.status.replace('_', ' ')} (from {choice.on.isoformat()})")

    def action_new_question(self) -> None:
        from workbench.tui.screens.prompt import PromptScreen

        self.show_dialog(PromptScreen("New learning question (raised today):", placeholder="Hoe …?"),
                             lambda text: text and self.raise_question(text))

    @work(thread=True, group="monitoring-change")
    def raise_question(self, text: str) -> None:
        self._change(lambda: self.app.project.monitoring.agenda.raise_question(text), "Learning question raised")

    # -- follow-up actions ----------------------------------------------------------------------------

    def _action_status(self, status: str) -> None:
        action = self.action_at_cursor()
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
        self._change(lambda: self.app.project.monitoring.actions.set_status(action_id, status),
                     f"{status.replace('_', ' ').capitalize()}: {shorten(text, 60)}")

    def action_new_action(self) -> None:
        from workbench.tui.screens.action_form import ActionFormScreen

        self.show_dialog(ActionFormScreen(), lambda draft: draft is not None and self.add_action(draft))

    @work(thread=True, group="monitoring-change")
    def add_action(self, draft) -> None:
        actions = self.app.project.monitoring.actions
        self._change(lambda: actions.add(draft.action, owner=draft.owner, due=draft.due),
                     f"Action agreed: {shorten(draft.action, 60)}")

    def action_all_actions(self) -> None:
        self.all_actions = not self.all_actions
        self.fill_actions()

    def _change(self, change, note: str, entry_id: int | None = None) -> None:
        """Run a change in this worker thread; errors become a notification, success reloads the screen."""
        from workbench.domain.errors import WorkbenchError
        from workbench.tui.screens.monitoring import MonitoringChanged

        try:
            result = change()
        except WorkbenchError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=6, markup=False)
            return
        self.post_message(MonitoringChanged(note or str(result), entry_id))
