"""Replace a document with a corrected version: pick the file, see the figures; the review comes next."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, DirectoryTree, Input, Label

from workbench.tui.markup import esc
from workbench.tui.host import host
from workbench.domain.replacement import ReplacementResult


@dataclass
class ReplacementFailed(Message):
    """The file could not become the document's text; nothing changed."""

    reason: str


@dataclass
class ReplacementDone(Message):
    """The document has its corrected text."""

    result: ReplacementResult


class ReplaceDialog(ModalScreen[object]):
    """Pick the corrected file for one document; returns the ReplacementResult, or None when nothing changed."""

    CSS_PATH = "replace_dialog.tcss"
    BINDINGS = [Binding("escape", "close", "Close")]

    def __init__(self, document_id: int, title: str) -> None:
        super().__init__()
        self.document_id = document_id
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(id="replace"):
            yield Label(f"[b]Replace “{esc(self.title_text)}” with a corrected version[/b]  "
                        "[dim]its codings follow their words; what cannot be placed waits for your review[/dim]")
            yield DirectoryTree(Path.cwd(), id="replace-tree")
            with Horizontal(id="replace-row"):
                yield Input(placeholder="the corrected file", id="replace-path")
                yield Button("Replace", id="replace-go", variant="primary")
            yield Label("", id="replace-note")

    def on_mount(self) -> None:
        self.query_one("#replace-path", Input).focus()

    @on(DirectoryTree.FileSelected)
    def _picked(self, event) -> None:
        self.query_one("#replace-path", Input).value = str(event.path)

    @on(Button.Pressed, "#replace-go")
    @on(Input.Submitted, "#replace-path")
    def _go(self) -> None:
        value = self.query_one("#replace-path", Input).value.strip()
        if not value:
            self.query_one("#replace-note", Label).update("Pick or type the corrected file first.")
            return
        self.query_one("#replace-go", Button).disabled = True
        self.query_one("#replace-note", Label).update(f"Replacing with {esc(value)} …")
        self.run_replace(Path(value).expanduser())

    @work(thread=True, exclusive=True, group="replace")
    def run_replace(self, path: Path) -> None:
        from workbench.domain.errors import WorkbenchError

        try:
            result = host(self).project.replacement.replace(self.document_id, path)
        except WorkbenchError as exc:
            self.post_message(ReplacementFailed(str(exc)))
            return
        self.post_message(ReplacementDone(result))

    @on(ReplacementFailed)
    def _failed(self, message: ReplacementFailed) -> None:
        self.query_one("#replace-note", Label).update(esc(message.reason))
        self.query_one("#replace-go", Button).disabled = False

    @on(ReplacementDone)
    def _done(self, message: ReplacementDone) -> None:
        self.dismiss(None if message.result.unchanged else message.result)

    def action_close(self) -> None:
        self.dismiss(None)
