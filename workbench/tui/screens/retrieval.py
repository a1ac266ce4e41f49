"""Retrieval: tick codes or type a query, filter by attributes, speaker or coder, and read the fragments."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.tui.markup import esc
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, SelectionList, Static

from workbench.domain.export_request import split_query
from workbench.domain.code_fragments import fragments_counted, scope_note
from workbench.domain.spans import shorten
from workbench.tui.screens.retrieval_search import PREFIX, WordSearch, hit_row, hit_text
from workbench.tui.widgets.key_bar import KeyBar
from workbench.tui.widgets.tick_list import TickList
from workbench.tui.host import host

UNITS = ("span", "sentence", "turn", "document")


@dataclass
class CodeListLoaded(Message):
    """The codes to choose from were read."""

    codes: list


@dataclass
class ResultsLoaded(Message):
    """Fragments (or query hits) were found."""

    rows: list
    title: str


class RetrievalScreen(WordSearch, Screen):
    """Every fragment of a theme again, with its context and where it was said."""

    CSS_PATH = "retrieval.tcss"
    BINDINGS = [
        Binding("enter", "open", "Open in coding"),
        Binding("slash", "focus_query", "Query", key_display="/"),
        Binding("f", "focus_filter", "Filter"),
        Binding("u", "unit", "Query unit"),
        Binding("c", "context", "Context"),
        Binding("s", "subcodes", "Sub-codes"),
        Binding("ctrl+e", "export", "Export these"),
        Binding("g", "suggest", "Hits to suggestions", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.rows: list = []
        self.codes: list = []
        self.unit = "span"
        self.context = "sentence"
        self.subcodes = True

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="retrieval-body"):
            with Vertical(id="retrieval-left"):
                yield Static("[b]Codes[/b] [dim](space ticks)[/dim]")
                yield TickList(id="retrieval-codes")
            with Vertical(id="retrieval-right"):
                yield Input(placeholder="query: Vertrouwen NEAR/2 Financiering · ?financiering searches the text",
                            id="retrieval-query")
                yield Input(placeholder="filter: organisation=gemeente speaker=R coder=anna from=2024-10-01", id="retrieval-filter")
                yield DataTable(id="fragments", cursor_type="row", zebra_stripes=True)
                yield Static("", id="fragment-context")
        yield Static("", id="retrieval-status")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one("#fragments", DataTable)
        # The fragment comes first: it is what a researcher reads; the panel below shows it whole with its context.
        table.add_columns("Fragment", "Code", "Speaker", "Document")
        self.query_one("#retrieval-codes", SelectionList).focus()

    def on_screen_resume(self) -> None:
        self.load_codes()

    @work(thread=True, exclusive=True, group="retrieval-codes")
    def load_codes(self) -> None:
        self.post_message(CodeListLoaded(host(self).project.codebook.list(include_retired=False)))

    @on(CodeListLoaded)
    def _codes(self, message: CodeListLoaded) -> None:
        self.codes = message.codes
        codes = self.query_one("#retrieval-codes", SelectionList)
        ticked = set(codes.selected)
        codes.clear_options()
        for code in message.codes:
            indent = "  " * code.depth
            codes.add_option((Text.from_markup(f"{indent}[{code.colour}]■[/] {esc(code.name)} [dim]{code.codings}[/dim]"),
                              code.guid, code.guid in ticked))

    @on(SelectionList.SelectedChanged, "#retrieval-codes")
    def _ticked(self) -> None:
        self.retrieve()

    @on(Input.Submitted, "#retrieval-query")
    @on(Input.Submitted, "#retrieval-filter")
    def _submitted(self) -> None:
        self.retrieve()

    def retrieve(self) -> None:
        query = self.query_one("#retrieval-query", Input).value.strip()
        filters = self.query_one("#retrieval-filter", Input).value.strip()
        codes = list(self.query_one("#retrieval-codes", SelectionList).selected)
        # A busy indicator over the list: the first word search loads the language data and takes seconds.
        self.query_one("#fragments", DataTable).loading = True
        self.run_retrieval(query, filters, codes)

    @work(thread=True, exclusive=True, group="retrieval")
    def run_retrieval(self, query: str, filters: str, codes: list[str]) -> None:
        from workbench.domain.errors import WorkbenchError
        from workbench.domain.filter_text import parse_filters

        project = host(self).project
        try:
            selection = parse_filters(filters)
            if query.startswith(PREFIX):
                rows, title = self.search_words(query, selection)
            elif split_query(query)[1]:  # a code query, read as the export of this view reads it
                result = project.queries.run(query, unit=self.unit, selection=selection, subcodes=self.subcodes)
                rows = [("hit", h) for h in result.hits]
                title = (f"{len(rows)} hits of {query} at {self.unit} level in {result.documents} documents "
                         f"({scope_note(result.subcodes)})")
            else:
                names = codes + list(split_query(query)[0])
                if not names:
                    self.post_message(ResultsLoaded([], "Tick codes or type a query."))
                    return
                fragments = project.retrieval.fragments(names, subcodes=self.subcodes, context=self.context,
                                                        selection=selection)
                rows = [("fragment", f) for f in fragments]
                title = (f"{fragments_counted(len(rows), self.subcodes)} in "
                         f"{len({f.document_id for f in fragments})} documents")
        except WorkbenchError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=6, markup=False)
            self.app.call_from_thread(setattr, self.query_one("#fragments", DataTable), "loading", False)
            return
        self.post_message(ResultsLoaded(rows, title))

    @on(ResultsLoaded)
    def _results(self, message: ResultsLoaded) -> None:
        self.rows = message.rows
        table = self.query_one("#fragments", DataTable)
        table.loading = False
        table.clear()
        for index, (kind, row) in enumerate(self.rows):
            if kind == "word":
                table.add_row(*hit_row(row), key=str(index))
                continue
            code = row.code.rsplit("/", 1)[-1] if kind == "fragment" else ""
            table.add_row(shorten(row.text, 60), shorten(code, 22), shorten(row.speaker or "", 16),
                          shorten(row.document, 24), key=str(index))
        self.query_one("#retrieval-status", Static).update(
            f" {message.title} · context: {self.context} · query unit: {self.unit} · sub-codes: {'on' if self.subcodes else 'off'}"
        )
        self._show_context()

    @on(DataTable.RowHighlighted, "#fragments")
    def _show_context(self) -> None:
        panel = self.query_one("#fragment-context", Static)
        row = self._current()
        if row is None:
            panel.update("")
            return
        kind, item = row
        if kind == "word":
            panel.update(hit_text(item))
        elif kind == "fragment":
            offset = item.context_start
            text = Text(item.context)
            text.stylize("bold reverse", item.start - offset, item.end - offset)
            attributes = " · ".join(f"{k}: {v}" for k, v in item.attributes.items())
            header = Text.from_markup(f"[b]{esc(item.document)}[/b] · {esc(item.speaker or '-')} · {esc(item.coder)} · {esc(attributes)}\n")
            memo = Text.from_markup(f"\n[i]memo:[/i] {esc(item.memo)}") if item.memo else Text("")
            panel.update(Text.assemble(header, text, memo))
        else:
            panel.update(Text.assemble(Text.from_markup(f"[b]{esc(item.document)}[/b] · {esc(item.speaker or '-')}\n"), item.text))

    def _current(self):
        table = self.query_one("#fragments", DataTable)
        if not table.row_count or table.cursor_row >= len(self.rows):
            return None
        return self.rows[table.cursor_row]

    @on(DataTable.RowSelected, "#fragments")
    def action_open(self) -> None:
        row = self._current()
        if row is not None:
            host(self).open_document(row[1].document_id, at=row[1].start)

    def action_focus_query(self) -> None:
        self.query_one("#retrieval-query", Input).focus()

    def action_focus_filter(self) -> None:
        self.query_one("#retrieval-filter", Input).focus()

    def action_unit(self) -> None:
        self.unit = UNITS[(UNITS.index(self.unit) + 1) % len(UNITS)]
        self.retrieve()

    def action_context(self) -> None:
        self.context = {"sentence": "turn", "turn": "none", "none": "sentence"}[self.context]
        self.retrieve()

    def action_subcodes(self) -> None:
        self.subcodes = not self.subcodes
        self.retrieve()

    def action_export(self) -> None:
        codes = list(self.query_one("#retrieval-codes", SelectionList).selected)
        filters = self.query_one("#retrieval-filter", Input).value.strip()
        query = self.query_one("#retrieval-query", Input).value.strip()
        if query.startswith(PREFIX):
            self.notify("Exports hold coded fragments: turn the hits into codings first (g), or tick codes.",
                        severity="warning", timeout=5, markup=False)
            return
        from workbench.tui.screens.export_dialog import ExportPreset, codes_by_name, export_with_dialog

        export_with_dialog(self, ExportPreset(codes_by_name(codes, self.codes), query, filters, self.subcodes,
                                              self.context))
