"""Choose the coders to compare: tick two or more; Enter or space ticks, c compares, Esc cancels."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, SelectionList
from workbench.tui.widgets.tick_list import TickList


class ChooseCodersScreen(ModalScreen[tuple[str, ...] | None]):
    """A ticked list of coders; returns the ticked names in list order, or None when cancelled."""

    CSS_PATH = "choose_coders.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("c", "compare", "Compare"),
    ]

    def __init__(self, coders: Sequence[str], ticked: Sequence[str]):
        super().__init__()
        self.coders = list(coders)
        self.ticked = set(ticked)

    def compose(self) -> ComposeResult:
        with Vertical(id="choose-coders"):
            yield Label("[b]Compare which coders?[/b]\n[dim]space ticks · c compares · Esc cancels[/dim]")
            yield TickList(*((name, name, name in self.ticked) for name in self.coders), id="coder-list")
            yield Button("Compare", id="compare", variant="primary")

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    @on(Button.Pressed, "#compare")
    def action_compare(self) -> None:
        chosen = set(self.query_one(SelectionList).selected)
        names = tuple(name for name in self.coders if name in chosen)
        if len(names) < 2:
            self.notify("Tick two or more coders to compare.", severity="warning", timeout=3, markup=False)
            return
        self.dismiss(names)

    def action_cancel(self) -> None:
        self.dismiss(None)
