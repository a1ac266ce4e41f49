"""Edit a document's attributes: one `name = value` per line; an emptied value removes the attribute."""

from __future__ import annotations

from workbench.tui.markup import esc
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea
from workbench.tui.host import host


class AttributesEditor(ModalScreen[bool]):
    """Returns whether anything was saved."""

    CSS_PATH = "attributes_editor.tcss"
    BINDINGS = [Binding("ctrl+s", "save", "Save", priority=True), Binding("escape", "cancel", "Cancel")]

    def __init__(self, document_id: int, title: str, attributes: dict):
        super().__init__()
        self.document_id = document_id
        self.title_text = title
        self.attributes = attributes

    def compose(self) -> ComposeResult:
        lines = "\n".join(f"{name} = {value}" for name, value in self.attributes.items())
        with Vertical(id="attributes"):
            yield Label(f"[b]Attributes of {esc(self.title_text)}[/b]  [dim]name = value per line · ctrl+s saves · Esc cancels[/dim]")
            yield TextArea(lines + ("\n" if lines else "") + "organisation = ", id="attributes-text")

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        wanted = {}
        for number, line in enumerate(self.query_one(TextArea).text.splitlines(), start=1):
            if not line.strip():
                continue
            name, sep, value = line.partition("=")
            if not sep or not name.strip():
                self.notify(f"Line {number} is not `name = value`.", severity="error", markup=False)
                return
            wanted[name.strip()] = value.strip()
        self.save(wanted)

    @work(thread=True, exclusive=True, group="attributes")
    def save(self, wanted: dict) -> None:
        from workbench.domain.errors import WorkbenchError

        service = host(self).project.attributes
        try:
            for name, value in wanted.items():
                if value and str(self.attributes.get(name, "")) != value:
                    service.set(self.document_id, name, value)
            for name in self.attributes:
                if not wanted.get(name):
                    service.remove(self.document_id, name)
        except WorkbenchError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=6, markup=False)
            return
        self.app.call_from_thread(self.dismiss, True)

    def action_cancel(self) -> None:
        self.dismiss(False)
