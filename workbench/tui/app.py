"""The terminal UI application: opens Home on a project, or Welcome when there is none."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from workbench.tui.screens.home import HomeScreen
from workbench.tui.screens.welcome import WelcomeScreen


class WorkbenchApp(App):
    """Workbench in the terminal."""

    CSS_PATH = "app.tcss"
    TITLE = "workbench"
    BINDINGS = [Binding("q", "quit", "Quit"), Binding("question_mark", "help_keys", "Keys", key_display="?")]

    def __init__(self, project=None, reason: str = ""):
        super().__init__()
        self.project = project
        self.reason = reason

    def on_mount(self) -> None:
        if self.project is None:
            self.push_screen(WelcomeScreen(self.reason))
        else:
            self.sub_title = self.project.coder
            self.push_screen(HomeScreen(self.project))

    def action_help_keys(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()


def run_app(project=None, *, reason: str = "") -> None:
    """Run the UI until the user quits."""
    WorkbenchApp(project, reason).run()
