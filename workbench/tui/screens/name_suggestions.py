"""Names the register lacks: speaker labels, capitalised words, e-mail addresses and phone numbers, with where
they occur; `a` registers the highlighted one (`A` even when it is also an ordinary word)."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static
from workbench.tui.host import host


class NameSuggestionsDialog(ModalScreen[None]):
    """A table of likely names the register lacks; Esc closes it."""

    CSS_PATH = "name_suggestions.tcss"
    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("a", "add", "Add to the register"),
        Binding("A", "add(True)", "Add, even as an ordinary word", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.candidates: tuple = ()

    def compose(self) -> ComposeResult:
        with Vertical(id="names"):
            yield Label("Names the register lacks", id="names-title")
            yield Static("Looking through the transcripts, the log and the memos…", id="names-status", markup=False)
            yield DataTable(id="names-table", cursor_type="row")
            yield Static("a adds the highlighted name to the register · Esc closes", id="names-help", markup=False)

    def on_mount(self) -> None:
        table = self.query_one("#names-table", DataTable)
        table.add_columns("Name", "Why", "Times", "Where")
        table.focus()
        self.load()

    @work(thread=True, exclusive=True, group="name-suggestions")
    def load(self) -> None:
        candidates = host(self).project.name_suggestions.suggest()
        self.app.call_from_thread(self.show, candidates)

    def show(self, candidates) -> None:
        self.candidates = tuple(candidates)
        table = self.query_one("#names-table", DataTable)
        table.clear()
        for candidate in self.candidates:
            first = candidate.places[0] if candidate.places else None
            where = f"{first.document}: …{first.context}…" if first else ""
            table.add_row(candidate.text, candidate.reason, str(candidate.count), where)
        status = self.query_one("#names-status", Static)
        status.update(f"{len(self.candidates)} likely names are not in the register yet." if self.candidates
                      else "Every likely name is in the register.")

    def action_add(self, keep_ordinary: bool = False) -> None:
        table = self.query_one("#names-table", DataTable)
        if not self.candidates or table.cursor_row is None or table.cursor_row >= len(self.candidates):
            return
        self.register(self.candidates[table.cursor_row].text, keep_ordinary)

    @work(thread=True, exclusive=True, group="name-suggestions")
    def register(self, name: str, keep_ordinary: bool) -> None:
        from workbench.domain.errors import WorkbenchError

        try:
            entry = host(self).project.pseudonyms.add(name, keep_ordinary=keep_ordinary)
        except WorkbenchError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=8, markup=False)
            return
        self.app.call_from_thread(self.notify, f"{entry.real_name} is now {entry.pseudonym} in every export.",
                                  timeout=4, markup=False)
        candidates = host(self).project.name_suggestions.suggest()
        self.app.call_from_thread(self.show, candidates)

    def action_close(self) -> None:
        self.dismiss(None)
