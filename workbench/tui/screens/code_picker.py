"""The code picker: type to find a code (fuzzy, in Dutch or English), or create a new one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workbench.tui.markup import esc
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from workbench.domain.code_entries import CodeEntry
from workbench.tui.code_search import rank_codes

NEW = "__new__"


@dataclass(frozen=True)
class CodePick:
    """The picker's answer: an existing code, or the name of a code to create."""

    code_id: int | None = None
    new_name: str | None = None


class CodePickerScreen(ModalScreen[CodePick | None]):
    """Pick a code for the selection."""

    CSS_PATH = "code_picker.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "move(1)", "Next", show=False),
        Binding("up", "move(-1)", "Previous", show=False),
    ]

    def __init__(self, codes: Sequence[CodeEntry], selected_text: str = ""):
        super().__init__()
        self.codes = list(codes)
        self.selected_text = selected_text

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Label("Apply which code?  [dim](type to search; Enter applies; Esc cancels)[/dim]", id="picker-title")
            if self.selected_text:
                yield Label(f"“{esc(self.selected_text)}”", id="picker-quote")
            yield Input(placeholder="code name, English name or words from its definition", id="picker-query")
            yield OptionList(id="picker-options")

    def on_mount(self) -> None:
        self._refill("")
        self.query_one(Input).focus()

    def _refill(self, query: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        for code in rank_codes(self.codes, query):
            key = esc(f"[{code.shortcut}] ") if code.shortcut else "    "
            english = f"  [dim]{esc(code.name_en)}[/dim]" if code.name_en and code.name_en != code.name else ""
            swatch = f"[{code.colour}]■[/] "
            options.add_option(Option(f"{key}{swatch}{esc(code.path)}{english}", id=str(code.id)))
        name = query.strip()
        if name and not any(code.name.lower() == name.lower() for code in self.codes):
            options.add_option(Option(f"    [b]+ New code[/b] “{esc(name)}”", id=NEW))
        if options.option_count:
            options.highlighted = 0

    @on(Input.Changed, "#picker-query")
    def _query_changed(self, event: Input.Changed) -> None:
        self._refill(event.value)

    @on(Input.Submitted, "#picker-query")
    def _submitted(self, _event: Input.Submitted) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self._choose(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    def _choose(self, option_id: str | None) -> None:
        if option_id == NEW:
            self.dismiss(CodePick(new_name=self.query_one(Input).value.strip()))
        elif option_id is not None:
            self.dismiss(CodePick(code_id=int(option_id)))

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            current = options.highlighted if options.highlighted is not None else -1
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    def action_cancel(self) -> None:
        self.dismiss(None)
