"""Rename a speaker: the new name, and whether in this document only (the default) or in every document."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, RadioButton, RadioSet

from workbench.domain.spans import shorten
from workbench.tui.markup import esc
from workbench.tui.widgets.toggles import MarkedRadioButton


@dataclass(frozen=True)
class SpeakerRename:
    """The speaker's new name and whether it changes in every document."""

    name: str
    everywhere: bool


class SpeakerRenameDialog(ModalScreen[SpeakerRename | None]):
    """Enter in the name box or the Rename button renames; Tab reaches the scope; Esc cancels."""

    CSS_PATH = "speaker_rename.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, speaker: str, document_title: str):
        super().__init__()
        self.speaker = speaker
        self.document_title = document_title

    def compose(self) -> ComposeResult:
        with Vertical(id="speaker-rename"):
            yield Label(f"[b]Rename the speaker {esc(self.speaker)}[/b]\n"
                        "[dim]Enter renames · Tab chooses where · Esc cancels[/dim]")
            yield Input(self.speaker, placeholder="new name, e.g. Interviewer", id="speaker-name")
            with RadioSet(id="speaker-scope"):
                yield MarkedRadioButton(f"in this document only ({esc(shorten(self.document_title, 50))})",
                                  value=True, id="scope-document")
                yield MarkedRadioButton("in every document", id="scope-everywhere")
            yield Button("Rename", id="speaker-go", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#speaker-name", Input).focus()

    @on(Input.Submitted, "#speaker-name")
    @on(Button.Pressed, "#speaker-go")
    def _answered(self) -> None:
        name = " ".join(self.query_one("#speaker-name", Input).value.split())
        if not name:
            self.notify("Give the speaker a name, or Esc to keep it.", severity="warning", timeout=3, markup=False)
            return
        everywhere = self.query_one("#scope-everywhere", RadioButton).value
        self.dismiss(None if name == self.speaker else SpeakerRename(name, everywhere))

    def action_cancel(self) -> None:
        self.dismiss(None)
