"""Home: the project's name, what it holds, its themes with their counts, and recent activity."""

from __future__ import annotations

from pathlib import Path

import datetime as dt
from dataclasses import dataclass

from workbench.tui.markup import esc
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from workbench.domain.status import ProjectStatus
from workbench.tui.widgets.key_bar import KeyBar
from workbench.tui.host import host


@dataclass
class HomeLoaded(Message):
    """The project's summary, themes and recent events were read."""

    summary: ProjectStatus
    themes: list
    events: list


class HomeScreen(Screen):
    """The first screen on an opened project."""

    CSS_PATH = "home.tcss"
    BINDINGS = [Binding("m", "memo", "Project memo", show=False),
                Binding("n", "names", "Names the register lacks", show=False)]

    def action_names(self) -> None:
        """Show the likely names the register lacks, so it is complete before an export."""
        from workbench.tui.screens.name_suggestions import NameSuggestionsDialog

        self.app.push_screen(NameSuggestionsDialog())

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="home"):
            yield Static("", id="project-name")
            with Horizontal(id="home-panels"):
                with Vertical(id="home-left"):
                    yield Static("[b]In this project[/b]", classes="panel-title")
                    yield DataTable(id="counts", cursor_type="none", show_header=False)
                    yield Static("[b]Themes[/b]", classes="panel-title")
                    yield DataTable(id="themes", cursor_type="row")
                with Vertical(id="home-right"):
                    yield Static("[b]Recent activity[/b]", classes="panel-title")
                    yield DataTable(id="activity", cursor_type="none")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#counts", DataTable).add_columns("what", "count")
        self.query_one("#themes", DataTable).add_columns("Theme", "Codings", "Sub-codes")

    def on_screen_resume(self) -> None:
        self.load()

    def on_resize(self) -> None:
        # On a narrow terminal the counts and themes take less room, so recent activity stays readable.
        self.set_class(self.size.width < 100, "-narrow")

    def action_memo(self) -> None:
        """Write or edit one's memo on the project as a whole (a research diary, first thoughts)."""
        from workbench.tui.screens.target_memo import TargetMemo

        TargetMemo(self, "the project").start()

    @work(thread=True, exclusive=True, group="home")
    def load(self) -> None:
        project = host(self).project
        summary = project.status.summary()
        themes = top_themes(project)
        events = project.history.recent(15)
        self.post_message(HomeLoaded(summary, themes, events))

    @on(HomeLoaded)
    def show(self, message: HomeLoaded) -> None:
        summary = message.summary
        self.query_one("#project-name", Static).update(
            f"[b]{esc(summary.name)}[/b]  ·  {esc(_shown_database(summary.database, host(self).project.directory))}  ·  coder [b]{esc(host(self).project.coder)}[/b]"
        )
        counts = self.query_one("#counts", DataTable)
        counts.clear()
        for label, value in (
            ("Documents", summary.documents), ("Codes", summary.codes), ("Codings", summary.codings),
            ("Suggestions", summary.suggestions), ("Memos", summary.memos), ("Log entries", summary.log_entries),
            ("Coders", summary.coders),
        ):
            counts.add_row(label, str(value))
        themes = self.query_one("#themes", DataTable)
        themes.clear()
        for name, colour, codings, children in message.themes:
            themes.add_row(f"[{colour}]■[/] {esc(name)}", str(codings), str(children))
        activity = self.query_one("#activity", DataTable)
        activity.clear(columns=True)
        coders = {event.coder for event in message.events}
        today = dt.datetime.now(dt.timezone.utc).astimezone().date()
        activity.add_columns("When", *(("Who",) if len(coders) > 1 else ()), "What")
        for event in message.events:
            at = event.at.astimezone()
            when = at.strftime("%H:%M") if at.date() == today else at.strftime("%d %b")
            who = (event.coder or "-",) if len(coders) > 1 else ()
            activity.add_row(when, *who, event.summary or event.kind)


def top_themes(project) -> list[tuple[str, str, int, int]]:
    """Each top-level code with its colour, the codings under it and its number of sub-codes."""
    try:
        codes = project.codebook.list()
    except ImportError:
        return []
    totals: dict[str, list] = {}
    for code in codes:
        root = code.path.split("/", 1)[0]
        if code.depth == 0:
            totals[root] = [code.name, code.colour, 0, 0]
        if root in totals:
            totals[root][2] += code.codings
            totals[root][3] += 0 if code.depth == 0 else 1
    return [tuple(values) for values in totals.values()]


def _shown_database(url: str, directory: Path | None) -> str:
    """The project's own SQLite file by its place in the project folder; a server by its URL (no password)."""
    prefix = "sqlite:///"
    if directory is not None and url.startswith(prefix):
        path = Path(url[len(prefix):])
        if path.is_relative_to(directory):
            return f"{directory.name}/{path.relative_to(directory)}"
    return url
