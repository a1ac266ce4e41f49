"""The terminal UI application: one mode per screen, each a keystroke away; Welcome when there is no project."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from functools import partial

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from workbench.tui.screens.welcome import WelcomeScreen

# Mode name, key, footer label, and where the screen class lives (imported when first shown).
SCREENS = (
    ("home", "f1", "Home", "workbench.tui.screens.home", "HomeScreen"),
    ("documents", "f2", "Documents", "workbench.tui.screens.documents", "DocumentsScreen"),
    ("coding", "f3", "Coding", "workbench.tui.screens.coding", "CodingScreen"),
    ("codebook", "f4", "Codebook", "workbench.tui.screens.codebook", "CodebookScreen"),
    ("retrieval", "f5", "Retrieval", "workbench.tui.screens.retrieval", "RetrievalScreen"),
    ("analysis", "f6", "Analysis", "workbench.tui.screens.analysis", "AnalysisScreen"),
    ("monitoring", "f7", "Monitoring", "workbench.tui.screens.monitoring", "MonitoringScreen"),
    ("agreement", "f8", "Agreement", "workbench.tui.screens.agreement", "AgreementScreen"),
)


def _screen_factory(module: str, name: str):
    def make() -> Screen:
        import importlib

        return getattr(importlib.import_module(module), name)()

    return make


class WorkbenchApp(App):
    """Workbench in the terminal."""

    CSS_PATH = "app.tcss"
    TITLE = "workbench"
    MODES = {mode: _screen_factory(module, name) for mode, _key, _label, module, name in SCREENS}
    BINDINGS = [
        *(Binding(key, f"show('{mode}')", label, priority=True) for mode, key, label, _m, _n in SCREENS),
        Binding("ctrl+e", "export", "Export…"),
        Binding("question_mark", "help_keys", "Keys", key_display="?"),
        Binding("q", "ask_quit", "Quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(self, project=None, reason: str = "", *, document: str | int | None = None, at: int | None = None):
        super().__init__()
        self.project = project
        self.reason = reason
        self.pending_document: tuple[str | int, int | None] | None = (document, at) if document is not None else None

    def on_mount(self) -> None:
        if self.project is None:
            self.push_screen(WelcomeScreen(self.reason))
        else:
            self.start()

    def start(self) -> None:
        """Show the project: the coding screen if a document was asked for, Home otherwise."""
        from workbench.tui.lock_notice import report_lock_waits

        report_lock_waits(self, self.project)
        self.sub_title = f"{self.project.coder} · {self.project.status.summary().name}"
        self.switch_mode("coding" if self.pending_document else "home")
        self.call_after_refresh(self.keep_from_collector)

    def keep_from_collector(self) -> None:
        """Collect the garbage made since the last call, then move the objects that remain (modules, styles,
        screens, an open document) out of the cyclic garbage collector's way.

        A full collection otherwise scans every one of them and stalls the screen for 100 ms or more; frozen
        objects are still freed as soon as nothing refers to them, and collecting first keeps closed dialogs
        and earlier documents from being frozen with them. After the first call only the objects made since
        the last one are scanned, which takes a few milliseconds.
        """
        gc.collect()
        gc.freeze()

    def on_unmount(self) -> None:
        gc.unfreeze()  # what the app kept is collected as usual once it has closed

    def use_project(self, project) -> None:
        """Switch to a project opened or created from the Welcome screen."""
        self.project = project
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.start()

    def action_show(self, mode: str) -> None:
        if self.project is not None:
            self.switch_mode(mode)

    def action_export(self) -> None:
        """Open the export dialog (Retrieval opens it with its codes and filters filled in)."""
        if self.project is not None:
            from workbench.tui.screens.export_dialog import export_with_dialog

            export_with_dialog(self.screen)

    def open_document(self, document: str | int, at: int | None = None) -> None:
        """Open a document in the coding screen, optionally with the selection at an offset."""
        self.pending_document = (document, at)
        self.switch_mode("coding")
        screen = self.screen
        if hasattr(screen, "load_pending"):
            screen.load_pending()

    def action_help_keys(self) -> None:
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            self.action_show_help_panel()

    def action_ask_quit(self) -> None:
        """q asks first, so a q typed into the wrong place does not close the workbench; ctrl+q does not ask."""
        from workbench.tui.screens.confirm_dialog import ConfirmDialog

        def answered(sure: bool | None) -> None:
            if sure:
                self.exit()

        self.push_screen(ConfirmDialog("Quit the workbench?", "Everything is saved as you go. ctrl+q quits without "
                                       "asking.", "Quit", "Stay"), answered)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette lists the keys of every screen once, this screen's first, then the app's and the other
        screens' (choosing one of those goes to its screen first), besides Textual's own."""
        from workbench.tui.palette import palette_entries

        ours = palette_entries(screen, self.BINDINGS, SCREENS, self.current_mode)
        names = {entry.title for entry in ours}
        yield from (command for command in super().get_system_commands(screen) if command.title not in names)
        for entry in ours:
            callback: Callable[[], object]
            if entry.mode is None:
                callback = partial(self.run_action, entry.action, screen if entry.on_screen else self)
            else:
                callback = partial(self.call_later, self._run_on, entry.mode, entry.action)
            yield SystemCommand(entry.title, entry.help, callback)

    async def _run_on(self, mode: str, action: str) -> None:
        """Go to a screen, then run one of its actions (a palette command of another screen)."""
        if self.project is None:
            return
        await self.switch_mode(mode)
        await self.run_action(action, self.screen)


def run_app(project=None, *, reason: str = "", document: str | int | None = None, at: int | None = None) -> None:
    """Run the UI until the user quits."""
    WorkbenchApp(project, reason, document=document, at=at).run()
