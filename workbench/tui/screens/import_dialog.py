"""Import transcripts: type or pick a path (file or folder), watch the progress, read a line per file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, DirectoryTree, Input, Label, Log, ProgressBar, Static
from workbench.tui.host import host


@dataclass
class ImportProgressed(Message):
    """One more file was handled."""

    done: int
    total: int
    line: str


@dataclass
class ImportFinished(Message):
    """All files were handled."""

    imported: int
    failed: int


class ImportDialog(ModalScreen[bool]):
    """Import files or folders into the project; returns whether anything was imported."""

    CSS_PATH = "import_dialog.tcss"
    BINDINGS = [Binding("escape", "close", "Close")]

    def __init__(self) -> None:
        super().__init__()
        self.imported = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="import"):
            yield Label("[b]Import transcripts[/b]  [dim]Word, VTT, SRT, Whisper, Amberscript, txt/md, odt/rtf/pdf[/dim]")
            start = self.start_folder()
            yield DirectoryTree(start, id="import-tree")
            with Horizontal(id="import-row"):
                yield Input(value=str(start), placeholder="file or folder", id="import-path")
                yield Button("Import", id="import-go", variant="primary")
            yield ProgressBar(id="import-progress", show_eta=False)
            yield Log(id="import-log", auto_scroll=True)
            yield Static("", id="import-result", markup=False)

    def start_folder(self) -> Path:
        """The project's transcripts folder (or the project folder), where a team keeps its transcripts."""
        directory = host(self).project.directory
        if directory is None:
            return Path.cwd()
        transcripts = directory / "transcripts"
        return transcripts if transcripts.is_dir() else directory

    def on_mount(self) -> None:
        # Hidden until an import starts: an empty bar would animate as if something were running.
        self.query_one("#import-progress", ProgressBar).display = False

    @on(DirectoryTree.FileSelected)
    @on(DirectoryTree.DirectorySelected)
    def _picked(self, event) -> None:
        self.query_one("#import-path", Input).value = str(event.path)

    @on(Button.Pressed, "#import-go")
    @on(Input.Submitted, "#import-path")
    def _go(self) -> None:
        path = Path(self.query_one("#import-path", Input).value.strip()).expanduser()
        self.query_one("#import-go", Button).disabled = True
        bar = self.query_one("#import-progress", ProgressBar)
        bar.display = True
        bar.update(total=None, progress=0)
        self.query_one("#import-result", Static).update("")
        self.query_one("#import-log", Log).write_line(f"Importing {path} …")
        self.run_import(path)

    @work(thread=True, exclusive=True, group="import")
    def run_import(self, path: Path) -> None:
        results = []

        def progress(done: int, total: int, result) -> None:
            results.append(result)
            self.post_message(ImportProgressed(done, total, result.line))

        try:
            host(self).project.documents.import_paths([path], progress=progress)
        except Exception as exc:  # noqa: BLE001 - any failure becomes a line in the dialog, never a crash
            self.post_message(ImportProgressed(0, 0, f"failed: {exc}"))
        imported = sum(1 for r in results if r.status == "imported")
        self.post_message(ImportFinished(imported, sum(1 for r in results if r.status == "failed")))

    @on(ImportProgressed)
    def _progressed(self, message: ImportProgressed) -> None:
        bar = self.query_one("#import-progress", ProgressBar)
        if message.total:
            bar.update(total=message.total, progress=message.done)
        self.query_one("#import-log", Log).write_line(message.line)

    @on(ImportFinished)
    def _finished(self, message: ImportFinished) -> None:
        self.imported += message.imported
        done = f"Done: {message.imported} imported, {message.failed} failed. Esc closes."
        self.query_one("#import-log", Log).write_line(done)
        self.query_one("#import-result", Static).update(done)  # wrapped, whole, under the list of files
        self.query_one("#import-go", Button).disabled = False

    def action_close(self) -> None:
        self.dismiss(self.imported > 0)
