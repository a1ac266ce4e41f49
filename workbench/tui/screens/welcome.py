"""Welcome: shown when the folder holds no project yet."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, Static


class WelcomeScreen(Screen):
    """Explains how to create or open a project."""

    CSS_PATH = "welcome.tcss"

    def __init__(self, reason: str = ""):
        super().__init__()
        self.reason = reason

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="welcome"):
            yield Static("[b]Welcome to workbench[/b]", id="title")
            yield Static(self.reason or "There is no project in this folder yet.", id="reason")
            yield Static(
                "Create one here with  [b]workbench init[/b]\n"
                "Open another folder with  [b]workbench --project DIR[/b]\n"
                "Try the demo project with  [b]workbench demo[/b]",
                id="hints",
            )
        yield Footer()
