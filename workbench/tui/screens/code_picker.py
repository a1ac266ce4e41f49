"""The code picker: type to find a code (fuzzy, in Dutch or English), or create a new one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from workbench.domain.code_entries import CodeEntry
from workbench.tui.code_search import has_name, is_strong_match, rank_codes
from workbench.tui.markup import esc

NEW = "__new__"


@dataclass(frozen=True)
class CodePick:
    """The picker's answer: an existing code, or the name of a code to create."""

    code_id: int | None = None
    new_name: str | None = None


class CodePickerScreen(ModalScreen[CodePick | None]):
    """Pick a code for the selection (or, with another title, a code to move or merge into)."""

    CSS_PATH = "code_picker.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "move(1)", "Next", show=False),
        Binding("up", "move(-1)", "Previous", show=False),
    ]

    def __init__(self, codes: Sequence[CodeEntry], selected_text: str = "", *, title: str = "Apply which code?",
                 allow_new: bool = True):
        super().__init__()
        self.codes = list(codes)
        self.selected_text = selected_text
        self.title_text = title
        self.allow_new = allow_new

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            hint = "type to search; Enter takes the highlighted line; Esc cancels"
            yield Label(f"{esc(self.title_text)}  [dim]({hint})[/dim]", id="picker-title")
            if self.selected_text:
                yield Label(f"“{esc(self.selected_text)}”", id="picker-quote")
            yield Input(placeholder="code name, English name or words from its definition", id="picker-query")
            yield OptionList(id="picker-options")

    def on_mount(self) -> None:
        self._refill("")
        self.query_one(Input).focus()

    def _refill(self, query: str) -> None:
        """List the matches; a name no code has is offered as a new code, first when nothing plainly matches."""
        options: list[Option] = []
        ranked = rank_codes(self.codes, query)
        for code in ranked:
            key = esc(f"[{code.shortcut}] ") if code.shortcut else "    "
            english = f"  [dim]{esc(code.name_en)}[/dim]" if code.name_en and code.name_en != code.name else ""
            swatch = f"[{code.colour}]■[/] "
            options.append(Option(f"{key}{swatch}{esc(code.path)}{english}", id=str(code.id)))
        name = query.strip()
        if self.allow_new and name and not has_name(self.codes, name):
            new = Option(f"    [b]+ New code[/b] “{esc(name)}”  [dim](choose its parent, definition, colour)[/dim]",
                         id=NEW)
            strong = bool(ranked) and is_strong_match(ranked[0], name)
            options.insert(len(options) if strong else 0, new)
        listing = self.query_one(OptionList)
        listing.set_options(options)
        if options:
            listing.highlighted = 0

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
