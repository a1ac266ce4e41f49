"""Home: the project's name and what it holds."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static


class HomeScreen(Screen):
    """The first screen on an opened project."""

    CSS_PATH = "home.tcss"

    def __init__(self, project):
        super().__init__()
        self.project = project

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home"):
            yield Static("", id="project-name")
            yield DataTable(id="counts", cursor_type="none", show_header=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#counts", DataTable).add_columns("what", "count")
        self.load_status()

    @work(thread=True, exclusive=True, group="home")
    def load_status(self) -> None:
        summary = self.project.status.summary()
        self.app.call_from_thread(self.show_status, summary)

    def show_status(self, summary) -> None:
        self.query_one("#project-name", Static).update(f"[b]{summary.name}[/b]  ·  {summary.database}")
        table = self.query_one("#counts", DataTable)
        table.clear()
        for label, value in (
            ("Documents", summary.documents), ("Codes", summary.codes), ("Codings", summary.codings),
            ("Suggestions", summary.suggestions), ("Memos", summary.memos), ("Log entries", summary.log_entries),
        ):
            table.add_row(label, str(value))
