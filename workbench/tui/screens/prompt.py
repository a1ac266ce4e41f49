"""Ask for one line of text (a name, a colour); Enter answers, Esc cancels; a required answer is not left empty."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class PromptScreen(ModalScreen[str | None]):
    """A one-line question."""

    CSS_PATH = "prompt.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: str, value: str = "", placeholder: str = "", *, required: str = ""):
        super().__init__()
        self.question = question
        self.value = value
        self.placeholder = placeholder
        self.required = required  # said under the box when Enter is pressed on an empty answer

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt"):
            yield Label(self.question)
            yield Input(self.value, placeholder=self.placeholder, id="prompt-input")
            yield Label("", id="prompt-error", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _answered(self, event: Input.Submitted) -> None:
        answer = event.value.strip()
        if not answer and self.required:
            self.query_one("#prompt-error", Label).update(self.required)
            return
        self.dismiss(answer or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
