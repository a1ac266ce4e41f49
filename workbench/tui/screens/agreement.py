"""Agreement: how far the coders agree per code at a chosen unit, and the review list of where they differ."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from workbench.tui.markup import esc
from workbench.tui.screens.agreement_actions import AgreementActions
from workbench.tui.screens.agreement_tables import code_cells, code_columns, detail, review_cells, review_columns
from workbench.tui.widgets.key_bar import KeyBar

TOTAL_ROW = "total"


@dataclass
class AgreementComputed(Message):
    """The agreement report and the disagreements of the chosen coders were computed."""

    generation: int
    report: object
    disagreements: list
    colours: dict
    focus: str | None


@dataclass
class AgreementWithheld(Message):
    """Agreement was not run: fewer than two coders (`coders`), blind coding is on and running it was not asked
    for (`blind`), or the comparison was refused (the reason, one sentence)."""

    generation: int
    coders: tuple[str, ...]
    reason: str


@dataclass
class ConsensusChanged(Message):
    """A disagreement was decided for the consensus coder, or the latest change was undone."""

    note: str
    focus: str | None


class AgreementScreen(AgreementActions, Screen):
    """Inter-coder agreement: the per-code table, the disagreements side by side, and their adjudication."""

    CSS_PATH = "agreement.tcss"
    BINDINGS = [
        Binding("1", "keep(1)", "Keep 1st"),
        Binding("2", "keep(2)", "Keep 2nd"),
        *(Binding(str(n), f"keep({n})", f"Keep coder {n}", show=False) for n in range(3, 10)),
        Binding("b", "keep_all", "Keep both"),
        Binding("s", "keep_selection", "Keep selection", show=False),
        Binding("u", "unit", "Unit"),
        Binding("c", "coders", "Coders…"),
        Binding("o", "open_only", "Open only"),
        Binding("r", "run", "Run"),
        Binding("t", "threshold", "Threshold…", show=False),
        Binding("ctrl+z", "undo", "Undo", show=False),
        Binding("escape", "all_codes", "All codes", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.coders: tuple[str, ...] = ()  # empty: every coder who applied codes
        self.unit = "character"
        self.threshold = 90.0
        self.report = None
        self.disagreements: list = []
        self.shown: list = []
        self.colours: dict[int, str] = {}
        self.code_filter: int | None = None
        self.open_only = False
        self.generation = 0
        self.skip_resume = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="agreement"):
            yield Static("", id="agreement-settings")
            yield DataTable(id="agreement-table", cursor_type="row", cursor_foreground_priority="renderable")
            yield Static("", id="agreement-method")
            yield Static("", id="review-title")
            yield DataTable(id="review", cursor_type="row", zebra_stripes=True)
            yield Static("", id="review-detail")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#agreement-table", DataTable).focus()

    def on_screen_resume(self) -> None:
        # Coming back from a dialog changes nothing; coming back from coding may have changed the codings.
        if self.skip_resume:
            self.skip_resume = False
        else:
            self.compute(focus=self.current_id())

    # -- computing ------------------------------------------------------------------------------------

    def compute(self, *, run_blind: bool = False, focus: str | None = None) -> None:
        """Compute the table and the review list again with the current choices."""
        self.generation += 1
        self.query_one("#agreement-settings", Static).update(self._settings_line("computing…"))
        self.run_agreement(self.generation, self.coders, self.unit, self.threshold, run_blind, focus)

    @work(thread=True, exclusive=True, group="agreement")
    def run_agreement(self, generation: int, coders: tuple[str, ...], unit: str, threshold: float, run_blind: bool,
                      focus: str | None) -> None:
        from workbench.domain.errors import WorkbenchError

        project = self.app.project
        try:
            chosen = tuple(coders) or tuple(project.agreement.coders())
            if len(chosen) < 2:
                self.post_message(AgreementWithheld(generation, chosen, "coders"))
                return
            if not run_blind and project.status.blind_coding():
                self.post_message(AgreementWithheld(generation, chosen, "blind"))
                return
            report = project.agreement.report(chosen, unit=unit, threshold=threshold)
            found = project.agreement.disagreements(chosen, unit=unit, threshold=threshold)
            colours = {code.id: code.colour for code in project.codebook.list()}
        except WorkbenchError as exc:
            self.post_message(AgreementWithheld(generation, tuple(coders), str(exc)))
            return
        found.sort(key=lambda d: (d.document_id, d.start, d.code))
        self.post_message(AgreementComputed(generation, report, found, colours, focus))

    @on(AgreementWithheld)
    def _withheld(self, message: AgreementWithheld) -> None:
        if message.generation != self.generation:
            return
        self.report, self.disagreements = None, []
        table = self.query_one("#agreement-table", DataTable)
        table.fixed_rows = 0  # a fixed row without rows breaks the table
        table.clear(columns=True)
        table.display = False
        if message.reason == "blind":
            text = ("[b]Blind coding is on:[/b] each coder sees only their own codings. Running agreement ends "
                    "blind coding for everyone and shows all codings. Press [b]r[/b] to run it.")
        elif message.reason == "coders":
            found = ", ".join(message.coders) or "nobody yet"
            text = (f"Agreement needs two or more coders with codings (found: {esc(found)}). Code as another coder "
                    "with [b]workbench --coder NAME[/b], or press [b]c[/b] to choose coders.")
        else:
            text = f"[b]Not compared:[/b] {esc(message.reason)}"
        self.query_one("#agreement-settings", Static).update(self._settings_line(""))
        self.query_one("#agreement-method", Static).update(text)
        self._fill_review(None)

    @on(AgreementComputed)
    def _computed(self, message: AgreementComputed) -> None:
        if message.generation != self.generation:
            return
        self.report = message.report
        self.disagreements = message.disagreements
        self.colours = message.colours
        if self.code_filter is not None and all(row.code_id != self.code_filter for row in self.report.codes):
            self.code_filter = None
        self.query_one("#agreement-settings", Static).update(self._settings_line(""))
        method = self.report.method
        missing = "".join(f"\n{esc(m.coder)} has not coded {esc(m.document)}: their values there count as missing."
                          for m in self.report.missing[:2])
        self.query_one("#agreement-method", Static).update(f"[dim]{esc(method)}[/dim]{missing}")
        self._fill_table()
        self._fill_review(message.focus)
        if self.focused is None:
            self.query_one("#agreement-table", DataTable).focus()

    def _settings_line(self, state: str) -> str:
        coders = ", ".join(self.report.coders) if self.report else ", ".join(self.coders) or "all who coded"
        threshold = f" · overlap ≥ {self.threshold:g}% [dim](t)[/dim]" if self.unit == "segment" else ""
        documents = f" · {len(self.report.documents)} document(s)" if self.report else ""
        return (f"[b]Coders[/b] {esc(coders)} [dim](c)[/dim] · [b]unit[/b] {self.unit} [dim](u)[/dim]"
                f"{threshold}{documents} {state}")

    def _fill_table(self) -> None:
        table = self.query_one("#agreement-table", DataTable)
        keep = table.cursor_row
        table.fixed_rows = 0
        table.clear(columns=True)
        report = self.report
        per_coder = self.size.width >= 110
        code_width = max(17, min(36, self.size.width - 70 - (12 * len(report.coders) if per_coder else 0)))
        table.add_columns(*code_columns(report.unit, report.coders, per_coder))
        # The totals come first and stay put while the codes scroll beneath them.
        table.add_row(*code_cells(report.overall, report.unit, report.coders, per_coder, code_width, total=True),
                      key=TOTAL_ROW)
        for row in report.codes:
            table.add_row(*code_cells(row, report.unit, report.coders, per_coder, code_width), key=str(row.code_id))
        table.fixed_rows = 1
        table.display = True
        if table.row_count:
            table.move_cursor(row=min(keep, table.row_count - 1))

    # -- the review list ------------------------------------------------------------------------------

    def _fill_review(self, focus: str | None) -> None:
        table = self.query_one("#review", DataTable)
        table.clear(columns=True)
        coders = self.report.coders if self.report else ()
        self.shown = [d for d in self.disagreements
                      if (self.code_filter is None or d.code_id == self.code_filter) and not (self.open_only and d.resolved)]
        show_document = len({d.document_id for d in self.disagreements}) > 1 and self.size.width >= 100
        fixed = (22 if show_document else 0) + 18 + 11 + 6  # document, code, state, padding and scrollbar
        side_width = max(14, (self.size.width - fixed) // max(len(coders), 1) - 2)
        if coders:
            table.add_columns(*review_columns(coders, show_document))
        for item in self.shown:
            table.add_row(*review_cells(item, coders, show_document, 16, side_width), key=item.id)
        self._review_title()
        if self.shown:
            ids = [d.id for d in self.shown]
            table.move_cursor(row=ids.index(focus) if focus in ids else 0)
        self._show_detail()

    def _review_title(self) -> None:
        open_count = sum(1 for d in self.disagreements if not d.resolved)
        scope = ""
        if self.code_filter is not None:
            name = next((d.code for d in self.disagreements if d.code_id == self.code_filter), "")
            scope = f" · code [b]{esc(name)}[/b] [dim](Esc: all codes)[/dim]"
        hidden = " · decided ones hidden [dim](o)[/dim]" if self.open_only else ""
        text = (f"[b]Disagreements[/b] {open_count} of {len(self.disagreements)} open, {len(self.shown)} shown{scope}"
                f"{hidden}  [dim]Enter opens in coding[/dim]")
        self.query_one("#review-title", Static).update(text if self.report else "")

    @on(DataTable.RowHighlighted, "#review")
    def _show_detail(self) -> None:
        panel = self.query_one("#review-detail", Static)
        item = self.current()
        if item is None:
            agree = self.report is not None and not self.disagreements
            panel.update("The coders agree everywhere on these documents and codes." if agree else "")
            return
        panel.update(detail(item, self.report.coders, self.colours.get(item.code_id, "#808080")))

    def current(self):
        """The highlighted disagreement, or None."""
        table = self.query_one("#review", DataTable)
        if not table.row_count or not 0 <= table.cursor_row < len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def current_id(self) -> str | None:
        item = self.current()
        return item.id if item else None

    @on(DataTable.RowSelected, "#review")
    def _open(self) -> None:
        item = self.current()
        if item is not None:
            self.app.open_document(item.document_id, at=item.start)

    @on(DataTable.RowSelected, "#agreement-table")
    def _pick_code(self, event: DataTable.RowSelected) -> None:
        key = event.row_key.value
        self.code_filter = None if key == TOTAL_ROW else int(key)
        self._fill_review(self.current_id())
        self.query_one("#review", DataTable).focus()

    @on(ConsensusChanged)
    def _consensus_changed(self, message: ConsensusChanged) -> None:
        self.notify(message.note, timeout=4, markup=False)
        self.compute(focus=message.focus)

    def on_resize(self) -> None:
        # Short terminals give the review list the room: one line of method, a smaller detail panel.
        self.set_class(self.size.height < 30, "-short")
        if self.report is not None:
            self._fill_table()
            self._fill_review(self.current_id())
