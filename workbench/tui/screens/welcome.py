"""Welcome: shown when the folder holds no project yet; create one, open another folder, or open the demo."""

from __future__ import annotations

from pathlib import Path

from workbench.tui.markup import esc
from workbench.tui.widgets.key_bar import KeyBar
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Static
from workbench.tui.host import host


class WelcomeScreen(Screen):
    """Start here when there is no project."""

    CSS_PATH = "welcome.tcss"
    BINDINGS = [
        Binding("n", "create", "New project here"),
        Binding("o", "focus_path", "Open folder"),
        Binding("d", "demo", "Open the demo"),
    ]

    def __init__(self, reason: str = ""):
        super().__init__()
        self.reason = reason

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="welcome"):
            yield Static("[b]Welcome to workbench[/b]", id="title")
            yield Static(self.reason or "There is no project in this folder yet.", id="reason")
            yield Static(
                "Code interview transcripts with a shared codebook, compare coders, keep a monitoring log,\n"
                "and export to Word, Excel and REFI-QDA. Everything stays on this machine.",
                id="about",
            )
            with Horizontal(id="choices"):
                yield Button(f"New project in {Path.cwd().name}/ (n)", id="create", variant="primary")
                yield Button("Open the demo (d)", id="demo")
            yield Input(placeholder="…or type the folder of a project and press Enter (o)", id="path")
            yield Static("", id="message")
        yield KeyBar()

    def action_focus_path(self) -> None:
        self.query_one("#path", Input).focus()

    @on(Button.Pressed, "#create")
    def action_create(self) -> None:
        self._say("Creating the project…")
        self._open(Path.cwd(), create=True)

    @on(Button.Pressed, "#demo")
    def action_demo(self) -> None:
        self._say("Making the demo project (sample transcripts, codebook, log)…")
        self._open(None, demo=True)

    @on(Input.Submitted, "#path")
    def _open_path(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self._open(Path(event.value.strip()).expanduser())

    def _say(self, text: str) -> None:
        self.query_one("#message", Static).update(text)

    @work(thread=True, exclusive=True, group="welcome")
    def _open(self, directory: Path | None, *, create: bool = False, demo: bool = False) -> None:
        from workbench.domain.errors import WorkbenchError
        from workbench.project import Project

        try:
            if demo:
                project = Project.demo()
            elif create and directory is not None:
                project = Project.init(directory)
            else:
                project = Project.open(directory)
        except WorkbenchError as exc:
            self.app.call_from_thread(self._say, f"[red]{esc(str(exc))}[/red]")
            return
        self.app.call_from_thread(host(self).use_project, project)
