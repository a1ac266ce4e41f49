"""Remove a document, or erase it for good: the safe button has the focus, erasing asks twice.

Removing is one undoable step. Erasing (for a participant who withdraws consent) also wipes the document from
the history and the database file and cannot be undone, so its button first shows that warning and erases only
when pressed a second time.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

REMOVE, ERASE = "remove", "erase"
ERASE_WARNING = ("Erasing cannot be undone: the text, its codings, memos and attribute values leave the project, "
                 "its history and the database file, as when a participant withdraws consent. Backups made before "
                 "upgrades still hold a copy; they are listed afterwards so you can delete them too.")


class RemoveDialog(ModalScreen[str | None]):
    """Keep, remove (undoable) or erase (after a second press); returns REMOVE, ERASE or None."""

    CSS_PATH = "remove_dialog.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("left", "app.focus_previous", "Previous button", show=False),
        Binding("right", "app.focus_next", "Next button", show=False),
    ]

    def __init__(self, question: str, explanation: str):
        super().__init__()
        self.question = question
        self.explanation = explanation
        self.erase_armed = False

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Label(self.question, id="confirm-question", markup=False)
            yield Static(self.explanation, id="confirm-explanation", markup=False)
            yield Static("", id="confirm-warning", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button("Keep it", id="confirm-no", variant="primary")
                yield Button("Remove", id="confirm-yes", variant="warning")
                yield Button("Erase for good…", id="confirm-erase", variant="error")

    def on_mount(self) -> None:
        self.query_one("#confirm-warning", Static).display = False
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed, "#confirm-yes")
    def _remove(self) -> None:
        self.dismiss(REMOVE)

    @on(Button.Pressed, "#confirm-erase")
    def _erase(self) -> None:
        if self.erase_armed:
            self.dismiss(ERASE)
            return
        self.erase_armed = True
        warning = self.query_one("#confirm-warning", Static)
        warning.update(ERASE_WARNING)
        warning.display = True
        self.query_one("#confirm-erase", Button).label = "Yes, erase for good"

    @on(Button.Pressed, "#confirm-no")
    def action_cancel(self) -> None:
        self.dismiss(None)
