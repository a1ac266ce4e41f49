"""Analysis: code × document / speaker / coder / attribute matrices and co-occurrence, shaded, with bars."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.tui.markup import esc
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static

from workbench.tui.widgets.shading import bar, shaded
from workbench.tui.widgets.key_bar import KeyBar
from workbench.tui.host import host

BYS = ("documents", "speakers", "coders", "cases")
MEASURES = ("codings", "documents", "words")
UNITS = ("span", "sentence", "turn", "document")


@dataclass
class TableLoaded(Message):
    """A matrix or co-occurrence table was computed."""

    kind: str
    table: Any
    title: str


class AnalysisScreen(Screen):
    """Where themes meet and how they spread over documents, people and attributes."""

    CSS_PATH = "analysis.tcss"
    BINDINGS = [
        Binding("b", "by", "Columns"),
        Binding("a", "attribute", "By attribute"),
        Binding("m", "measure", "Measure"),
        Binding("o", "cooccurrence", "Co-occurrence"),
        Binding("u", "unit", "Unit"),
        Binding("j", "jaccard", "Jaccard", show=False),
        Binding("z", "empty_rows", "Empty rows", show=False),
        Binding("f", "focus_filter", "Filter"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.by = "documents"
        self.measure = "fragments"
        self.unit = "sentence"
        self.mode = "frequencies"
        self.show_jaccard = False
        self.hide_empty = True  # codes nobody used yet are left out of the frequency table

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="analysis"):
            yield Input(placeholder="filter: organisation=gemeente speaker=R coder=anna", id="analysis-filter")
            yield Static("", id="analysis-title")
            yield DataTable(id="matrix", cursor_type="cell")
            yield Static("", id="bars")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#matrix", DataTable).focus()

    def on_screen_resume(self) -> None:
        self.compute()

    @on(Input.Submitted, "#analysis-filter")
    def compute(self) -> None:
        self.run_analysis(self.query_one("#analysis-filter", Input).value.strip())
        self.query_one("#matrix", DataTable).focus()

    @work(thread=True, exclusive=True, group="analysis")
    def run_analysis(self, filters: str) -> None:
        from workbench.domain.errors import WorkbenchError
        from workbench.domain.code_fragments import scope_note
        from workbench.domain.filter_text import parse_filters

        project = host(self).project
        try:
            selection = parse_filters(filters)
            table: Any
            if self.mode == "cooccurrence":
                table = project.matrices.cooccurrence(unit=self.unit, selection=selection)
                title = (f"Co-occurrence at {self.unit} level ({'Jaccard' if self.show_jaccard else 'counts'}, "
                         f"{scope_note(table.subcodes)})")
            else:
                table = project.matrices.frequencies(by=self.by, measure=self.measure, selection=selection)
                title = (f"{self.measure.capitalize()} per code × {self.by.removeprefix('attr:')} "
                         f"({scope_note(table.subcodes)})")
        except WorkbenchError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=6, markup=False)
            return
        self.post_message(TableLoaded(self.mode, table, title))

    @on(TableLoaded)
    def _show(self, message: TableLoaded) -> None:
        grid = self.query_one("#matrix", DataTable)
        grid.clear(columns=True)
        keys = "b columns · a attribute · m measure · o co-occurrence · u unit"
        if message.kind == "cooccurrence":
            self._title(message.title, keys)
            table = message.table
            values = table.jaccard if self.show_jaccard else table.counts
            top = max((v for row in values for v in row), default=0) or 1
            grid.add_columns("Code", *(_short(c) for c in table.codes))
            for code, row in zip(table.codes, values):
                cells = [shaded(f"{v:.2f}" if self.show_jaccard else str(v), v / top) for v in row]
                grid.add_row(Text(_short(code, 30)), *cells)
            self.query_one("#bars", Static).update("")
            return
        table = message.table
        top = max((v for row in table.values for v in row), default=0) or 1
        grid.add_columns("Code", *(_short(c) for c in table.columns), "Total")
        hidden = 0
        for code, row, total in zip(table.rows, table.values, table.row_totals):
            if self.hide_empty and not total:
                hidden += 1
                continue
            grid.add_row(Text(_short(code, 30)), *(shaded(str(v), v / top) for v in row), Text(str(total), style="bold"))
        if hidden:
            keys = f"{hidden} codes without codings left out (z shows them) · " + keys.removesuffix(" · u unit")
        self._title(message.title, keys)
        largest = max(table.row_totals, default=0) or 1
        lines = [f"{_short(code, 28):<28} {bar(total / largest, 40)} {total}"
                 for code, total in sorted(zip(table.rows, table.row_totals), key=lambda item: -item[1])[:12] if total]
        self.query_one("#bars", Static).update("\n".join(lines))

    def _title(self, title: str, keys: str) -> None:
        self.query_one("#analysis-title", Static).update(f"[b]{esc(title)}[/b]  [dim]{keys}[/dim]")

    def action_by(self) -> None:
        self.mode = "frequencies"
        current = self.by if self.by in BYS else BYS[-1]
        self.by = BYS[(BYS.index(current) + 1) % len(BYS)]
        self.compute()

    def action_attribute(self) -> None:
        from workbench.tui.screens.prompt import PromptScreen

        def chosen(name: str | None) -> None:
            if name:
                self.mode, self.by = "frequencies", f"attr:{name}"
                self.compute()

        self.app.push_screen(PromptScreen("Columns by which attribute?", placeholder="organisation"), chosen)

    def action_measure(self) -> None:
        self.measure = MEASURES[(MEASURES.index(self.measure) + 1) % len(MEASURES)]
        self.compute()

    def action_cooccurrence(self) -> None:
        self.mode = "frequencies" if self.mode == "cooccurrence" else "cooccurrence"
        self.compute()

    def action_unit(self) -> None:
        self.unit = UNITS[(UNITS.index(self.unit) + 1) % len(UNITS)]
        self.mode = "cooccurrence"
        self.compute()

    def action_empty_rows(self) -> None:
        self.hide_empty = not self.hide_empty
        self.compute()

    def action_jaccard(self) -> None:
        self.show_jaccard = not self.show_jaccard
        self.mode = "cooccurrence"
        self.compute()

    def action_focus_filter(self) -> None:
        self.query_one("#analysis-filter", Input).focus()


def _short(label: str, limit: int = 16) -> str:
    tail = label.rsplit("/", 1)[-1]
    return tail if len(tail) <= limit else tail[: limit - 1] + "…"
