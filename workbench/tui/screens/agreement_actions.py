"""The Agreement screen's key actions: choose coders, unit and threshold, and adjudicate disagreements."""

from __future__ import annotations

from textual import work
from textual.widgets import DataTable

from workbench.domain.agreement import UNITS
from workbench.domain.spans import shorten


class AgreementActions:
    """Actions of AgreementScreen; state lives on the screen, database work runs in workers."""

    # -- what to compare -------------------------------------------------------------------------------

    def action_unit(self) -> None:
        self.unit = UNITS[(UNITS.index(self.unit) + 1) % len(UNITS)]
        self.compute(focus=self.current_id())

    def action_run(self) -> None:
        self.compute(run_blind=True, focus=self.current_id())

    def action_coders(self) -> None:
        self.list_coders()

    @work(thread=True, exclusive=True, group="agreement-coders")
    def list_coders(self) -> None:
        service = self.app.project.agreement
        self.app.call_from_thread(self._choose_coders, service.coders(include_consensus=True), service.coders())

    def _choose_coders(self, names: list[str], usual: list[str]) -> None:
        from workbench.tui.screens.choose_coders import ChooseCodersScreen

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
        from workbench.tui.screens.prompt import PromptScreen

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
        self.open_only = not self.open_only
        self._fill_review(self.current_id())

    def action_all_codes(self) -> None:
        if self.code_filter is not None:
            self.code_filter = None
            self._fill_review(self.current_id())
            self.query_one("#agreement-table", DataTable).move_cursor(row=0)

    # -- adjudication ----------------------------------------------------------------------------------

    def _target(self):
        item = self.current()
        if item is None:
            self.notify("There is no disagreement highlighted in the review list.", severity="warning", timeout=3,
                        markup=False)
        return item

    def _after(self, item) -> str | None:
        """The id to highlight once `item` is decided: the next open disagreement in the list, else itself."""
        index = self.shown.index(item)
        later = [d for d in self.shown[index + 1:] + self.shown[:index] if not d.resolved]
        return later[0].id if later else item.id

    def action_keep(self, number: int) -> None:
        item = self._target()
        if item is None:
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
        self.adjudicate(item.id, (coder,), None, self._after(item))

    def action_keep_all(self) -> None:
        item = self._target()
        if item is not None:
            self.adjudicate(item.id, ("both",), None, self._after(item))

    def action_keep_selection(self) -> None:
        """Keep the span selected in the coding screen (open the disagreement there with Enter, select, come back)."""
        item = self._target()
        if item is None:
            return
        try:
            stack = self.app.get_screen_stack("coding")
        except KeyError:
            stack = []
        coding = next((s for s in stack if getattr(s, "document", None) is not None), None)
        start, end = coding.view.selection if coding is not None else (0, 0)
        if coding is None or coding.document.id != item.document_id or not (start < end and start < item.end and item.start < end):
            self.notify("Open the disagreement with Enter, select the span to keep in the coding screen, "
                        "then come back here (F8) and press s.", severity="warning", timeout=6, markup=False)
            return
        self.adjudicate(item.id, (), (start, end), self._after(item))

    @work(thread=True, group="agreement-change")
    def adjudicate(self, disagreement: str, keep: tuple[str, ...], span: tuple[int, int] | None, focus: str | None) -> None:
        from workbench.domain.errors import WorkbenchError
        from workbench.tui.screens.agreement import ConsensusChanged

        try:
            result = self.app.project.agreement.adjudicate(disagreement, keep=keep, span=span)
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
        from workbench.domain.errors import WorkbenchError
        from workbench.tui.screens.agreement import ConsensusChanged

        try:
            event = self.app.project.history.undo()
        except WorkbenchError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=5, markup=False)
            return
        self.post_message(ConsensusChanged(f"Undid: {shorten(event.summary or event.kind, 80)}", None))
