"""Move a learning question to another status: choose it, date it, add a note; Esc cancels."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from workbench.domain.errors import InvalidInput
from workbench.domain.monitoring_agenda import LearningQuestion
from workbench.domain.monitoring_values import QUESTION_STATUSES, parse_date

# Question statuses get a symbol as well as a word, so the agenda reads without colour.
STATUS_SYMBOLS = {"open": "○", "provisional": "◐", "answered": "●", "dropped": "✕"}
STATUS_WORDS = {"open": "open", "provisional": "provisional answer", "answered": "answered", "dropped": "dropped"}


@dataclass(frozen=True)
class StatusChoice:
    """The new status of a question, the day it changed and why."""

    status: str
    on: dt.date
    note: str = ""


class StatusDialog(ModalScreen[StatusChoice | None]):
    """Choose a question's next status (Enter), with the date and a note."""

    CSS_PATH = "status_dialog.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: LearningQuestion, today: dt.date | None = None):
        super().__init__()
        self.question = question
        self.today = today or dt.date.today()

    def compose(self) -> ComposeResult:
        current = self.question.status
        with Vertical(id="status-dialog"):
            yield Label(f"Q{self.question.id} is now {STATUS_SYMBOLS[current]} {STATUS_WORDS[current]}. New status (Enter):",
                        markup=False)
            yield OptionList(*(Option(f"{STATUS_SYMBOLS[s]} {STATUS_WORDS[s]}", id=s)
                               for s in QUESTION_STATUSES if s != current), id="status-options")
            date = Input(self.today.isoformat(), id="status-date")
            date.border_title = "Date of the change"
            yield date
            note = Input(placeholder="what was learned, or why it was dropped", id="status-note")
            note.border_title = "Note"
            yield note

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    @on(Input.Submitted)
    def _chosen(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is None:
            return
        status = options.get_option_at_index(options.highlighted).id
        if status is None:
            return
        try:
            day = parse_date(self.query_one("#status-date", Input).value, "The date of the change")
        except InvalidInput as exc:
            self.notify(str(exc), severity="error", timeout=6, markup=False)
            return
        self.dismiss(StatusChoice(status, day, self.query_one("#status-note", Input).value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)
