"""Write or edit a memo; ctrl+s saves, Esc cancels (asking first when the memo was changed)."""

from __future__ import annotations

from workbench.tui.markup import esc
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea


class MemoEditorScreen(ModalScreen[str | None]):
    """A memo editor that returns the text, or None when cancelled."""

    CSS_PATH = "memo_editor.tcss"
    BINDINGS = [Binding("ctrl+s", "save", "Save", priority=True), Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, text: str = ""):
        super().__init__()
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="memo"):
            yield Label(f"[b]{esc(self.title_text)}[/b]  [dim](ctrl+s saves, Esc cancels)[/dim]")
            yield TextArea(self.text, id="memo-text", soft_wrap=True)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def _throw_away(self, yes: bool | None) -> None:
        if yes:
            self.dismiss(None)

    def action_cancel(self) -> None:
        """Close; a changed memo only after asking, since the typing would be lost."""
        if self.query_one(TextArea).text == self.text:
            self.dismiss(None)
            return
        from workbench.tui.screens.confirm_dialog import ConfirmDialog

        self.app.push_screen(
            ConfirmDialog("Throw away the changes to this memo?", "ctrl+s saves them instead.", "Throw away",
                          "Keep editing"),
            self._throw_away)
