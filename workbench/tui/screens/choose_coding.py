"""Choose one of several codings under the cursor (to remove it, or to write its memo)."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.tui.markup import esc
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from workbench.domain.spans import shorten


class ChooseCodingScreen(ModalScreen[int | None]):
    """A short list of codings; Enter chooses, Esc cancels."""

    CSS_PATH = "choose_coding.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, codings: Sequence, question: str):
        super().__init__()
        self.codings = list(codings)
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="choose"):
            yield Label(self.question)
            yield OptionList(*(
                Option(f"{esc(c.code)}  [dim]{esc(c.coder)} · “{esc(shorten(c.text, 40))}”[/dim]", id=str(c.id)) for c in self.codings
            ))

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(int(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
