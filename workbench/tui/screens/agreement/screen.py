"""Agreement: how far the coders agree per code at a chosen unit, and the review list of where they differ.

The per-code table and the review list are widgets that keep what they show; the screen holds the choices
(coders, unit, threshold), computes in a worker, and runs the adjudication.
"""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Header, Static

from workbench.domain.agreement import UNITS
from workbench.domain.errors import WorkbenchError
from workbench.domain.spans import shorten
from workbench.tui.host import host
from workbench.tui.markup import esc
from workbench.tui.screens.agreement.code_table import CodeAgreementTable
from workbench.tui.screens.agreement.messages import AgreementComputed, AgreementWithheld, ConsensusChanged
from workbench.tui.screens.agreement.review_list import ReviewList
from workbench.tui.screens.choose_coders import ChooseCodersScreen
from workbench.tui.screens.coding import CodingScreen
from workbench.tui.screens.prompt import PromptScreen
from workbench.tui.widgets.key_bar import KeyBar


class AgreementScreen(Screen[None]):
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
        self.report: Any = None
        self.generation = 0
        self.skip_resume = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="agreement"):
            yield Static("", id="agreement-settings")
            yield CodeAgreementTable(id="agreement-table")
            yield Static("", id="agreement-method")
            yield ReviewList(id="review-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self.code_table.focus()

    def on_screen_resume(self) -> None:
        # Coming back from a dialog changes nothing; coming back from coding may have changed the codings.
        if self.skip_resume:
            self.skip_resume = False
        else:
            self.compute(focus=self.current_id())

    # -- the widgets ----------------------------------------------------------------------------------

    @property
    def code_table(self) -> CodeAgreementTable:
        return self.query_one(CodeAgreementTable)

    @property
    def review(self) -> ReviewList:
        return self.query_one(ReviewList)

    @property
    def disagreements(self) -> list[Any]:
        return self.review.disagreements

    @property
    def shown(self) -> list[Any]:
        return self.review.shown

    def current(self) -> Any:
        """The highlighted disagreement, or None."""
        return self.review.current()

    def current_id(self) -> str | None:
        return self.review.current_id()

    # -- computing ------------------------------------------------------------------------------------

    def compute(self, *, run_blind: bool = False, focus: str | None = None) -> None:
        """Compute the table and the review list again with the current choices."""
        self.generation += 1
        self.query_one("#agreement-settings", Static).update(self._settings_line("computing…"))
        self.run_agreement(self.generation, self.coders, self.unit, self.threshold, run_blind, focus)

    @work(thread=True, exclusive=True, group="agreement")
    def run_agreement(self, generation: int, coders: tuple[str, ...], unit: str, threshold: float, run_blind: bool,
                      focus: str | None) -> None:
        project = host(self).project
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
        self.report = None
        self.set_class(True, "-withheld")  # the reason is all there is to read: it gets the room it needs
        self.code_table.withhold()
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
        self.review.show([], (), {}, False, None)

    @on(AgreementComputed)
    def _computed(self, message: AgreementComputed) -> None:
        if message.generation != self.generation:
            return
        self.report = message.report
        self.set_class(False, "-withheld")
        self.query_one("#agreement-settings", Static).update(self._settings_line(""))
        missing = "".join(f"\n{esc(m.coder)} has not coded {esc(m.document)}: their values there count as missing."
                          for m in self.report.missing[:2])
        self.query_one("#agreement-method", Static).update(f"[dim]{esc(self.report.method)}[/dim]{missing}")
        self.code_table.show_report(self.report, self.size.width)
        self.review.show(message.disagreements, tuple(self.report.coders), message.colours, True, message.focus)
        if self.focused is None:
            self.code_table.focus()

    def _settings_line(self, state: str) -> str:
        coders = ", ".join(self.report.coders) if self.report else ", ".join(self.coders) or "all who coded"
        threshold = f" · overlap ≥ {self.threshold:g}% [dim](t)[/dim]" if self.unit == "segment" else ""
        documents = f" · {len(self.report.documents)} document(s)" if self.report else ""
        return (f"[b]Coders[/b] {esc(coders)} [dim](c)[/dim] · [b]unit[/b] {self.unit} [dim](u)[/dim]"
                f"{threshold}{documents} {state}")

    @on(ReviewList.Opened)
    def _open(self, message: ReviewList.Opened) -> None:
        host(self).open_document(message.item.document_id, at=message.item.start)

    @on(CodeAgreementTable.CodePicked)
    def _pick_code(self, message: CodeAgreementTable.CodePicked) -> None:
        self.review.filter_code(message.code_id)
        self.review.table.focus()

    @on(ConsensusChanged)
    def _consensus_changed(self, message: ConsensusChanged) -> None:
        self.notify(message.note, timeout=4, markup=False)
        self.compute(focus=message.focus)

    def on_resize(self, _event: Resize) -> None:
        # Short terminals give the review list the room: one line of method, a smaller detail panel.
        self.set_class(self.size.height < 30, "-short")
        if self.report is not None:
            self.code_table.show_report(self.report, self.size.width)
            self.review.fill(self.current_id())

    # -- what to compare ------------------------------------------------------------------------------

    def action_unit(self) -> None:
        self.unit = UNITS[(UNITS.index(self.unit) + 1) % len(UNITS)]
        self.compute(focus=self.current_id())

    def action_run(self) -> None:
        self.compute(run_blind=True, focus=self.current_id())

    def action_coders(self) -> None:
        self.list_coders()

    @work(thread=True, exclusive=True, group="agreement-coders")
    def list_coders(self) -> None:
        service = host(self).project.agreement
        self.app.call_from_thread(self._choose_coders, service.coders(include_consensus=True), service.coders())

    def _choose_coders(self, names: list[str], usual: list[str]) -> None:
        if len(names) < 2:
            self.notify("Fewer than two coders have applied codes, so there is nobody to compare yet.",
                        severity="warning", timeout=4, markup=False)
            return
        current = self.report.coders if self.report else self.coders

        def chosen(coders: tuple[str, ...] | None) -> None:
            if coders:
                self.coders = coders
                self.compute()

        self.skip_resume = True
        self.app.push_screen(ChooseCodersScreen(names, current or usual), chosen)

    def action_threshold(self) -> None:
        def answered(text: str | None) -> None:
            if text is None:
                return
            try:
                value = float(text.strip().rstrip("%").replace(",", "."))
            except ValueError:
                value = -1.0
            if not 0 < value <= 100:
                self.notify(f"'{text}' is not a percentage; give a number above 0 and at most 100.",
                            severity="warning", timeout=4, markup=False)
                return
            self.threshold = value
            self.unit = "segment"
            self.compute(focus=self.current_id())

        self.skip_resume = True
        self.app.push_screen(
            PromptScreen("Segments agree when they overlap by at least this percentage (segment unit):",
                         value=f"{self.threshold:g}"), answered)

    def action_open_only(self) -> None:
        self.review.toggle_open_only()

    def action_all_codes(self) -> None:
        if self.review.code_filter is not None:
            self.review.filter_code(None)
            self.code_table.move_cursor(row=0)

    # -- adjudication ---------------------------------------------------------------------------------

    def _target(self) -> Any:
        item = self.current()
        if item is None:
            self.notify("There is no disagreement highlighted in the review list.", severity="warning", timeout=3,
                        markup=False)
        return item

    def action_keep(self, number: int) -> None:
        item = self._target()
        if item is None or self.report is None:
            return
        coders = self.report.coders
        if number > len(coders):
            self.notify(f"There are only {len(coders)} coders here; keep 1 to {len(coders)}.", severity="warning",
                        timeout=3, markup=False)
            return
        coder = coders[number - 1]
        if not any(side.coder == coder for side in item.sides):
            self.notify(f"{coder} has not coded {item.document}, so there is nothing of theirs to keep.",
                        severity="warning", timeout=4, markup=False)
            return
        self.adjudicate(item.id, (coder,), None, self.review.after(item))

    def action_keep_all(self) -> None:
        item = self._target()
        if item is not None:
            self.adjudicate(item.id, ("both",), None, self.review.after(item))

    def action_keep_selection(self) -> None:
        """Keep the span selected in the coding screen (open the disagreement there with Enter, select, come back)."""
        item = self._target()
        if item is None:
            return
        try:
            stack = self.app.get_screen_stack("coding")
        except KeyError:
            stack = []
        coding = next((s for s in stack if isinstance(s, CodingScreen) and s.document is not None), None)
        start, end = coding.view.selection if coding is not None else (0, 0)
        document = coding.document if coding is not None else None
        if document is None or document.id != item.document_id or not (
                start < end and start < item.end and item.start < end):
            self.notify("Open the disagreement with Enter, select the span to keep in the coding screen, "
                        "then come back here (F8) and press s.", severity="warning", timeout=6, markup=False)
            return
        self.adjudicate(item.id, (), (start, end), self.review.after(item))

    @work(thread=True, group="agreement-change")
    def adjudicate(self, disagreement: str, keep: tuple[str, ...], span: tuple[int, int] | None,
                   focus: str | None) -> None:
        try:
            result = host(self).project.agreement.adjudicate(disagreement, keep=keep, span=span)
        except WorkbenchError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=6, markup=False)
            return
        if result.spans:
            spans = ", ".join(f"{a}-{b}" for a, b in result.spans)
            note = f"{result.coder}: kept {result.decision} ({spans})"
        else:
            note = f"{result.coder}: the code does not apply here"
        self.post_message(ConsensusChanged(note, focus))

    @work(thread=True, group="agreement-change")
    def action_undo(self) -> None:
        try:
            event = host(self).project.history.undo()
        except WorkbenchError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=5, markup=False)
            return
        self.post_message(ConsensusChanged(f"Undid: {shorten(event.summary or event.kind, 80)}", None))
