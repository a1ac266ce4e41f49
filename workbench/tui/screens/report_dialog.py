"""Import a meeting report into the log: pick the file, read the preview, tick the questions, import."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, DirectoryTree, Input, Label, SelectionList, Static

from workbench.tui.markup import esc
from workbench.tui.host import host
from workbench.domain.report_import import ReportPlan


@dataclass
class ReportRead(Message):
    """The preview of a report, or why it could not be read."""

    plan: ReportPlan | None
    reason: str = ""


@dataclass
class ReportDone(Message):
    """The report is in the log, or why it is not."""

    line: str
    ok: bool


class ReportDialog(ModalScreen[bool]):
    """Preview and import one report at a time; returns whether anything was imported."""

    CSS_PATH = "report_dialog.tcss"
    BINDINGS = [Binding("escape", "close", "Close")]

    def __init__(self) -> None:
        super().__init__()
        self.plan: ReportPlan | None = None
        self.imported = False

    def compose(self) -> ComposeResult:
        with Vertical(id="report"):
            yield Label("[b]Import a meeting report[/b]  [dim].md .txt .docx .odt · Dutch or English · "
                        "Preview writes nothing[/dim]")
            yield DirectoryTree(Path.cwd(), id="report-tree")
            with Horizontal(id="report-row"):
                yield Input(placeholder="the report file", id="report-path")
                yield Button("Preview", id="report-preview-go")
                yield Button("Import", id="report-go", variant="primary", disabled=True)
            with VerticalScroll(id="report-scroll"):
                yield Static("", id="report-preview")
            yield Label("Questions for the learning agenda (space ticks one):", id="report-questions-label")
            yield SelectionList[int](id="report-questions")
            yield Label("", id="report-note")

    def on_mount(self) -> None:
        self.query_one("#report-questions-label").display = False
        self.query_one("#report-questions").display = False
        self.query_one("#report-path", Input).focus()

    @on(DirectoryTree.FileSelected)
    def _picked(self, event) -> None:
        self.query_one("#report-path", Input).value = str(event.path)
        self._preview()

    @on(Button.Pressed, "#report-preview-go")
    @on(Input.Submitted, "#report-path")
    def _preview(self) -> None:
        value = self.query_one("#report-path", Input).value.strip()
        if value:
            self.query_one("#report-go", Button).disabled = True
            self.read(Path(value).expanduser())

    @work(thread=True, exclusive=True, group="report")
    def read(self, path: Path) -> None:
        from workbench.domain.errors import WorkbenchError

        try:
            self.post_message(ReportRead(host(self).project.monitoring.reports.preview(path)))
        except WorkbenchError as exc:
            self.post_message(ReportRead(None, str(exc)))

    @on(ReportRead)
    def _read(self, message: ReportRead) -> None:
        self.plan = message.plan
        note = self.query_one("#report-note", Label)
        questions = self.query_one("#report-questions", SelectionList)
        questions.clear_options()
        if message.plan is None:
            self.query_one("#report-preview", Static).update("")
            note.update(esc(message.reason))
            return
        self.query_one("#report-preview", Static).update(esc("\n".join(message.plan.lines())))
        offered = [q for q in message.plan.questions if q.existing_id is None]
        questions.add_options([(f"{q.number}. {q.text}", q.number) for q in offered])
        questions.display = bool(offered)
        self.query_one("#report-questions-label").display = bool(offered)
        self.query_one("#report-go", Button).disabled = message.plan.reading.date is None
        note.update("" if message.plan.reading.date else "This report names no date for its meeting; it cannot be imported.")

    @on(Button.Pressed, "#report-go")
    def _import(self) -> None:
        if self.plan is None:
            return
        self.query_one("#report-go", Button).disabled = True
        chosen = list(self.query_one("#report-questions", SelectionList).selected)
        self.run_import(Path(self.plan.path), chosen)

    @work(thread=True, exclusive=True, group="report")
    def run_import(self, path: Path, questions: list[int]) -> None:
        from workbench.domain.errors import WorkbenchError

        try:
            done = host(self).project.monitoring.reports.import_report(path, questions=questions)
        except WorkbenchError as exc:
            self.post_message(ReportDone(str(exc), False))
            return
        self.post_message(ReportDone(done.line, True))

    @on(ReportDone)
    def _done(self, message: ReportDone) -> None:
        self.imported = self.imported or message.ok
        self.query_one("#report-note", Label).update(esc(message.line))
        if message.ok:
            self.plan = None

    def action_close(self) -> None:
        self.dismiss(self.imported)
