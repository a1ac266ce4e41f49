"""Split a code: tick the codings that move to a new code and name it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workbench.tui.markup import esc
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, SelectionList

from workbench.domain.spans import shorten
from workbench.tui.widgets.tick_list import TickList


@dataclass(frozen=True)
class SplitRequest:
    """The new code's name and the codings that move to it."""

    name: str
    coding_ids: tuple[int, ...]


class SplitDialog(ModalScreen[SplitRequest | None]):
    """Space ticks a coding, Enter in the name box splits, Esc cancels."""

    CSS_PATH = "split_dialog.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, code_path: str, codings: Sequence):
        super().__init__()
        self.code_path = code_path
        self.codings = list(codings)

    def compose(self) -> ComposeResult:
        with Vertical(id="split"):
            yield Label(f"[b]Split {esc(self.code_path)}[/b]: tick the codings that move (space), name the new code, Enter.")
            yield TickList(*(
                (f"{c.document}: “{shorten(c.text, 70)}”", c.id) for c in self.codings
            ), id="split-codings")
            yield Input(placeholder="name of the new code", id="split-name")

    @on(Input.Submitted, "#split-name")
    def _done(self, event: Input.Submitted) -> None:
        chosen = tuple(self.query_one(SelectionList).selected)
        if not event.value.strip():
            self.notify("Give the new code a name.", severity="warning", markup=False)
        elif not chosen:
            self.notify("Tick at least one coding to move.", severity="warning", markup=False)
        else:
            self.dismiss(SplitRequest(event.value.strip(), chosen))

    def action_cancel(self) -> None:
        self.dismiss(None)
