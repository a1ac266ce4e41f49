"""Agree a follow-up action: what, who and by when; Enter in the last field or ctrl+s saves, Esc cancels."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from workbench.domain.errors import InvalidInput
from workbench.domain.monitoring_values import optional_date


@dataclass(frozen=True)
class ActionDraft:
    """A new action as typed: the action, its owner and its due date."""

    action: str
    owner: str = ""
    due: dt.date | None = None


class ActionFormScreen(ModalScreen[ActionDraft | None]):
    """Three fields for a new follow-up action."""

    CSS_PATH = "action_form.tcss"
    BINDINGS = [Binding("ctrl+s", "save", "Save", priority=True), Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="action-form"):
            yield Label("[b]New follow-up action[/b]  [dim]ctrl+s saves · Esc cancels[/dim]")
            for field, title, hint in (("action", "Action", "e.g. Notitie sturen aan de wethouder"),
                                       ("owner", "Owner", "who does it"), ("due", "Due", "YYYY-MM-DD, optional")):
                box = Input(placeholder=hint, id=f"action-{field}")
                box.border_title = title
                yield box

    def on_mount(self) -> None:
        self.query_one("#action-action", Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "action-due":
            self.action_save()
        else:
            self.focus_next()

    def action_save(self) -> None:
        text = " ".join(self.query_one("#action-action", Input).value.split())
        if not text:
            self.notify("The action is empty; say what will be done.", severity="error", timeout=5, markup=False)
            return
        try:
            due = optional_date(self.query_one("#action-due", Input).value, "The due date")
        except InvalidInput as exc:
            self.notify(str(exc), severity="error", timeout=6, markup=False)
            return
        self.dismiss(ActionDraft(text, self.query_one("#action-owner", Input).value.strip(), due))

    def action_cancel(self) -> None:
        self.dismiss(None)
