"""The coding screen's key actions: move the selection, apply and remove codes, memos, undo, search."""

from __future__ import annotations

import re

from textual import work
from textual.widgets import Input

from workbench.domain.spans import Span, shorten


class CodingActions:
    """Actions of CodingScreen; state lives on the screen, database work runs in workers."""

    # -- moving the selection (no database work: instant) ----------------------------------------------

    def action_sentence(self, step: int) -> None:
        if self.selection:
            move = self.selection.next_sentence if step > 0 else self.selection.previous_sentence
            self._select(move(self.span))

    def action_extend(self, step: int) -> None:
        if self.selection:
            move = self.selection.extend_down if step > 0 else self.selection.extend_up
            self._select(move(self.span))

    def action_end_word(self, step: int) -> None:
        if self.selection:
            move = self.selection.end_word_right if step > 0 else self.selection.end_word_left
            self._select(move(self.span))

    def action_start_word(self, step: int) -> None:
        if self.selection:
            move = self.selection.start_word_right if step > 0 else self.selection.start_word_left
            self._select(move(self.span))

    def action_turn(self) -> None:
        if self.selection:
            self._select(self.selection.turn(self.span))

    def action_jump(self, step: int) -> None:
        """Select the next or previous coding from the cursor."""
        start = self.span.start
        ordered = sorted((c for c in self.codings if c.status != "rejected"), key=lambda c: (c.start, c.end))
        if step > 0:
            found = next((c for c in ordered if c.start > start), None)
        else:
            found = next((c for c in reversed(ordered) if c.start < start), None)
        if found is None:
            self.notify("No more codings in that direction.", timeout=2, markup=False)
        else:
            self._select(Span(found.start, found.end))

    # -- changes (each one a worker that calls a service and reloads the codings) -----------------------

    def _usable_span(self) -> Span | None:
        span = self.span
        if self.document is None or span.end <= span.start:
            self.notify("Select some text first (↓ selects the next sentence).", severity="warning", timeout=3, markup=False)
            return None
        return span

    def action_shortcut(self, number: int) -> None:
        code = next((c for c in self.codes if c.shortcut == number and c.codable and not c.retired), None)
        if code is None:
            self.notify(f"No code has shortcut {number}; set one on the Codebook screen (F4).", severity="warning", markup=False)
            return
        span = self._usable_span()
        if span:
            self.apply_code(code.id, span)

    def action_pick(self) -> None:
        from workbench.tui.screens.code_picker import CodePickerScreen

        span = self._usable_span()
        if span is None:
            return
        quote = shorten(self.document.text[span.start:span.end], 90)

        def picked(choice) -> None:
            if choice is None:
                return
            if choice.code_id is not None:
                self.apply_code(choice.code_id, span)
            else:
                self.create_and_apply(choice.new_name, span)

        self.app.push_screen(CodePickerScreen(self.codes, quote), picked)

    def action_in_vivo(self) -> None:
        span = self._usable_span()
        if span:
            words = " ".join(re.findall(r"[^\W_]+(?:['’\-][^\W_]+)*", self.document.text[span.start:span.end])[:8])
            if words:
                self.create_and_apply(words, span, in_vivo=True)

    @work(thread=True, group="coding-change")
    def apply_code(self, code_id: int, span: Span) -> None:
        project = self.app.project
        code = next(c for c in self.codes if c.id == code_id)
        self._after_change(lambda: project.coding.apply(self.document.id, code.guid, span.start, span.end),
                           f"Coded as {code.path}", merge=_with)

    @work(thread=True, group="coding-change")
    def create_and_apply(self, name: str, span: Span, in_vivo: bool = False) -> None:
        project = self.app.project

        def change():
            parent = None
            if in_vivo:
                parent = next((c.guid for c in self.codes if c.depth == 0 and c.name == "In vivo"), None)
                if parent is None:
                    parent = project.codebook.create("In vivo", name_en="In vivo", codable=False).guid
            code = project.codebook.create(name, parent=parent)
            project.coding.apply(self.document.id, code.guid, span.start, span.end)
            return code

        self._after_change(change, f"New code “{name}” applied")

    def action_remove(self) -> None:
        under = [c for c in self.codings_under_cursor() if c.status == "applied"]
        if not under:
            self.notify("There is no coding under the cursor.", severity="warning", timeout=2, markup=False)
        elif len(under) == 1:
            self.remove_coding(under[0].id)
        else:
            from workbench.tui.screens.choose_coding import ChooseCodingScreen

            self.app.push_screen(ChooseCodingScreen(under, "Remove which coding?"),
                                 lambda chosen: chosen is not None and self.remove_coding(chosen))

    @work(thread=True, group="coding-change")
    def remove_coding(self, coding_id: int) -> None:
        self._after_change(lambda: self.app.project.coding.remove(coding_id), "Coding removed", merge=_without)

    def action_memo(self) -> None:
        under = [c for c in self.codings_under_cursor() if c.status == "applied"]
        if not under:
            self.notify("Put the cursor on a coding to write its memo.", severity="warning", timeout=2, markup=False)
            return
        from workbench.tui.screens.choose_coding import ChooseCodingScreen
        from workbench.tui.screens.memo_editor import MemoEditorScreen

        def edit(coding_id) -> None:
            if coding_id is None:
                return
            coding = next(c for c in under if c.id == coding_id)
            self.app.push_screen(MemoEditorScreen(f"Memo on {coding.code}", coding.memo),
                                 lambda text: text is not None and self.save_memo(coding_id, text))

        if len(under) == 1:
            edit(under[0].id)
        else:
            self.app.push_screen(ChooseCodingScreen(under, "Memo on which coding?"), edit)

    @work(thread=True, group="coding-change")
    def save_memo(self, coding_id: int, text: str) -> None:
        self._after_change(lambda: self.app.project.coding.set_memo(coding_id, text), "Memo saved", merge=_with)

    @work(thread=True, group="coding-change")
    def action_undo(self) -> None:
        self._after_change(lambda: self.app.project.history.undo(), None, describe="Undid")

    @work(thread=True, group="coding-change")
    def action_redo(self) -> None:
        self._after_change(lambda: self.app.project.history.redo(), None, describe="Redid")

    def _suggestion_here(self):
        return next((c for c in self.codings_under_cursor() if c.status == "suggested"), None)

    def action_accept(self) -> None:
        self._decide("accept")

    def action_reject(self) -> None:
        self._decide("reject")

    def _decide(self, verdict: str) -> None:
        suggestion = self._suggestion_here()
        if suggestion is None:
            self.notify("No suggestion under the cursor (s jumps to the next one).", severity="warning", timeout=2, markup=False)
        else:
            self.decide_suggestion(suggestion.id, verdict)

    @work(thread=True, group="coding-change")
    def decide_suggestion(self, coding_id: int, verdict: str) -> None:
        service = self.app.project.autocode
        change = service.accept if verdict == "accept" else service.reject
        self._after_change(lambda: change([coding_id]), f"Suggestion {verdict}ed")

    def action_next_suggestion(self) -> None:
        start = self.span.start
        pending = sorted((c for c in self.codings if c.status == "suggested"), key=lambda c: c.start)
        found = next((c for c in pending if c.start > start), pending[0] if pending else None)
        if found is None:
            self.notify("No suggestions in this document.", timeout=2, markup=False)
        else:
            self._select(Span(found.start, found.end))

    def _after_change(self, change, note: str | None, describe: str = "", merge=None) -> None:
        """Run a change in this worker thread, then show its result; errors become a notification.

        `merge(codings, result)` folds a single coding's change into the list on screen, which keeps a keypress
        on a long transcript fast; without it the document's codings and the codebook are read again.
        """
        from workbench.domain.errors import WorkbenchError
        from workbench.tui.screens.coding import CodingsLoaded

        project = self.app.project
        try:
            result = change()
        except WorkbenchError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=5, markup=False)
            return
        if describe:
            note = f"{describe}: {getattr(result, 'summary', '') or getattr(result, 'kind', '')}"
        if self.document is None:  # undo or redo with no document open: only say what happened
            if note:
                self.app.call_from_thread(self.notify, note, timeout=3, markup=False)
            return
        if describe:
            if result.kind.startswith("document."):  # a title, the speakers or the whole document came back
                self.app.call_from_thread(self.notify, note, timeout=3, markup=False)
                self.app.call_from_thread(self.reload_keeping, self.document.id)
                return
        if merge is not None:
            self.post_message(CodingsLoaded(merge(self.codings, result), self.codes, note or ""))
            return
        codings = project.coding.list(document=self.document.id)
        codes = project.codebook.list(include_retired=False)
        self.post_message(CodingsLoaded(codings, codes, note or ""))

    # -- search in the document ------------------------------------------------------------------------

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # A handler by name, not @on: the decorator only registers on the screen class itself.
        if event.input.id != "search":
            return
        needle = event.value.strip().lower()
        text = self.document.text.lower() if self.document else ""
        self.hits = []
        if needle:
            start = text.find(needle)
            while start != -1:
                self.hits.append((start, start + len(needle)))
                start = text.find(needle, start + 1)
        self.view.set_hits(self.hits)
        self.view.focus()
        self.notify(f"{len(self.hits)} hit(s) for “{event.value.strip()}”", timeout=2, markup=False)
        if self.hits:
            self.action_hit(1)

    def action_hit(self, step: int) -> None:
        if not self.hits:
            return
        start = self.span.start
        if step > 0:
            found = next((h for h in self.hits if h[0] > start), self.hits[0])
        else:
            found = next((h for h in reversed(self.hits) if h[0] < start), self.hits[-1])
        self._select(Span(*found))

    def action_clear_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = False
        self.hits = []
        self.view.set_hits([])
        self.view.focus()


def _with(codings: list, changed) -> list:
    """The list with one coding added or replaced."""
    return [c for c in codings if c.id != changed.id] + [changed]


def _without(codings: list, removed) -> list:
    """The list without one coding."""
    return [c for c in codings if c.id != removed.id]
