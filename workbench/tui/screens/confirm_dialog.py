"""Ask before a change that takes something away: the safe button has the focus, Esc cancels."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static


class ConfirmDialog(ModalScreen[bool]):
    """A question with two buttons; returns True only when the confirming button is pressed."""

    CSS_PATH = "confirm_dialog.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("left", "app.focus_previous", "Previous button", show=False),
        Binding("right", "app.focus_next", "Next button", show=False),
    ]

    def __init__(self, question: str, explanation: str, confirm: str, cancel: str = "Cancel"):
        super().__init__()
        self.question = question
        self.explanation = explanation
        self.confirm = confirm
        self.cancel = cancel

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Label(self.question, id="confirm-question", markup=False)
            yield Static(self.explanation, id="confirm-explanation", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(self.cancel, id="confirm-no", variant="primary")
                yield Button(self.confirm, id="confirm-yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed, "#confirm-yes")
    def _confirmed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def action_cancel(self) -> None:
        self.dismiss(False)
