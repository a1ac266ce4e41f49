"""A new code from the code picker: its name, where it goes in the tree, its definition and its colour."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from workbench.domain.code_entries import CodeEntry

TOP = "__top__"
SAME_AS_PARENT = "__parent__"
COLOURS = (  # colour-blind-safe (Okabe–Ito) with their names, so the choice reads without colour too
    ("orange", "#E69F00"), ("sky blue", "#56B4E9"), ("bluish green", "#009E73"), ("yellow", "#F0E442"),
    ("blue", "#0072B2"), ("vermilion", "#D55E00"), ("reddish purple", "#CC79A7"), ("grey", "#999999"),
)


@dataclass(frozen=True)
class NewCodeRequest:
    """What the dialog answers: the name, the parent's GUID (None: top level), definition and colour."""

    name: str
    parent: str | None
    definition: str
    colour: str | None


class NewCodeDialog(ModalScreen[NewCodeRequest | None]):
    """Ctrl+S or the button creates it; an empty name is said, not ignored; Esc cancels."""

    CSS_PATH = "new_code_dialog.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "create", "Create", priority=True)]

    def __init__(self, name: str, codes: Sequence[CodeEntry], parent: str | None = None):
        super().__init__()
        self.name_text = name
        self.codes = [c for c in codes if not c.retired]
        self.parent_guid = parent

    def compose(self) -> ComposeResult:
        parents = [("(top level)", TOP)] + [(code.path, code.guid) for code in self.codes]
        colours = [("the parent's colour", SAME_AS_PARENT)] + [(f"■ {name}", value) for name, value in COLOURS]
        with Vertical(id="new-code"):
            yield Label("[b]New code[/b]  [dim]ctrl+s creates it and codes the selection · Esc cancels[/dim]")
            yield Label("Name")
            yield Input(self.name_text, id="new-code-name")
            yield Label("Under")
            yield Select(parents, value=self.parent_guid or TOP, allow_blank=False, id="new-code-parent")
            yield Label("Definition [dim](when to use it)[/dim]")
            yield Input(placeholder="optional", id="new-code-definition")
            yield Label("Colour")
            yield Select(colours, value=SAME_AS_PARENT, allow_blank=False, id="new-code-colour")
            yield Label("", id="new-code-error", markup=False)
            with Horizontal(id="new-code-buttons"):
                yield Button("Create and code", id="new-code-go", variant="primary")
                yield Button("Cancel", id="new-code-cancel")

    def on_mount(self) -> None:
        self.query_one("#new-code-name", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#new-code-go")
    def action_create(self) -> None:
        name = self.query_one("#new-code-name", Input).value.strip()
        if not name:
            self.query_one("#new-code-error", Label).update("A code needs a name: type one, or press Esc to cancel.")
            self.query_one("#new-code-name", Input).focus()
            return
        parent = self.query_one("#new-code-parent", Select).value
        colour = self.query_one("#new-code-colour", Select).value
        definition = self.query_one("#new-code-definition", Input).value.strip()
        self.dismiss(NewCodeRequest(name, None if parent == TOP else str(parent), definition,
                                    None if colour == SAME_AS_PARENT else str(colour)))

    @on(Button.Pressed, "#new-code-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

