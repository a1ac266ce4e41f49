"""Coding: read a transcript sentence by sentence, select a fragment, and code it with one key.

The screen composes widgets that keep their own state: the transcript view (text, codings, selection), the
search bar (its hits), the side panel (the code tree and the details under the cursor) and the status line.
The screen holds what they share (the document, its codings, the codebook) and runs the database work in
workers, which report back with messages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Header

from workbench.domain.code_entries import CodeEntry
from workbench.domain.coder_initials import coder_initials
from workbench.domain.codings import Coding
from workbench.domain.documents import DocumentDetail
from workbench.domain.errors import WorkbenchError
from workbench.domain.selection import Selection
from workbench.domain.spans import Span, shorten
from workbench.domain.transcripts import TurnSpan
from workbench.domain.wording import counted
from workbench.tui.host import host
from workbench.tui.screens.coding.messages import CodingsLoaded, DocumentLoaded
from workbench.tui.screens.coding.search_bar import DocumentSearchBar
from workbench.tui.screens.coding.side_panel import SidePanel
from workbench.tui.screens.coding.status_line import StatusLine, Whereabouts
from workbench.tui.widgets.key_bar import KeyBar
from workbench.tui.widgets.transcript_layout import CodingView, TurnView, timestamp
from workbench.tui.widgets.transcript_view import TranscriptView

if TYPE_CHECKING:  # the dialogs are imported when first opened, which keeps opening a transcript quick
    from workbench.tui.screens.code_picker import CodePick
    from workbench.tui.screens.speaker_rename import SpeakerRename

IN_VIVO_WORDS = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


def in_vivo_name(text: str) -> str:
    """The name of an in-vivo code: the first eight words of the selected text."""
    return " ".join(IN_VIVO_WORDS.findall(text)[:8])


def with_coding(codings: Sequence[Coding], changed: Coding) -> list[Coding]:
    """The list with one coding added or replaced."""
    return [c for c in codings if c.id != changed.id] + [changed]


def without_coding(codings: Sequence[Coding], removed: Coding) -> list[Coding]:
    """The list without one coding."""
    return [c for c in codings if c.id != removed.id]


class CodingScreen(Screen[None]):
    """The heart of the workbench: the transcript, the coding stripes, the code tree and the details."""

    CSS_PATH = "coding.tcss"
    WATCH_SECONDS = 5.0  # how often the screen looks for colleagues' changes
    live: Any = None  # the listener of colleagues' changes on a shared server, when there is one
    BINDINGS = [
        Binding("down,j", "sentence(1)", "Next sentence", show=False),
        Binding("up,k", "sentence(-1)", "Previous sentence", show=False),
        Binding("shift+down", "extend(1)", "Extend down", show=False),
        Binding("shift+up", "extend(-1)", "Extend up", show=False),
        Binding("shift+right", "end_word(1)", "End +word", show=False),
        Binding("shift+left", "end_word(-1)", "End −word", show=False),
        Binding("ctrl+shift+right,alt+right", "start_word(1)", "Start +word", show=False),
        Binding("ctrl+shift+left,alt+left", "start_word(-1)", "Start −word", show=False),
        Binding("t", "turn", "Turn"),
        *(Binding(str(n), f"shortcut({n})", f"Code {n}", show=False) for n in range(1, 10)),
        Binding("c,enter", "pick", "Code…"),
        Binding("v", "in_vivo", "In vivo"),
        Binding("x", "remove", "Remove"),
        Binding("m", "memo", "Memo"),
        Binding("u,ctrl+z", "undo", "Undo"),
        Binding("ctrl+y", "redo", "Redo", show=False),
        Binding("right_square_bracket", "jump(1)", "Next coding", key_display="]"),
        Binding("left_square_bracket", "jump(-1)", "Previous coding", key_display="[", show=False),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("n", "hit(1)", "Next hit", show=False),
        Binding("N", "hit(-1)", "Previous hit", show=False),
        Binding("a", "accept", "Accept suggestion", show=False),
        Binding("r", "reject", "Reject suggestion", show=False),
        Binding("s", "next_suggestion", "Next suggestion", show=False),
        Binding("escape", "clear_search", "Clear search", show=False),
        Binding("p", "toggle_side", "Panel", show=False),
        Binding("S", "rename_speaker", "Rename speaker", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.document: DocumentDetail | None = None
        self.selection: Selection | None = None
        self.codings: list[Coding] = []
        self.codes: list[CodeEntry] = []
        self.asked = False  # a document was asked for (or looked up): a later mount must not ask again
        self.seen_event: int | None = None  # the newest event when the document was last read
        self.seen_others: int | None = None  # the newest event of the other coders then
        self.busy = ""  # what a slow change is doing, shown in the status line until it is done
        self.opening = False  # a document asked for is being read: reloads of the one shown must not win
        self.shortcut_names: dict[int, str] | None = None  # what the digit keys are described as

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="coding-body"):
            yield TranscriptView(id="transcript")
            yield SidePanel(id="side")
        yield DocumentSearchBar(id="search")
        yield StatusLine("", id="status-line")
        yield KeyBar()

    def on_mount(self) -> None:
        self.load_pending()
        self.set_interval(self.WATCH_SECONDS, self.watch_colleagues)
        # On a shared server colleagues' changes arrive as they commit; looking every few seconds stays the fallback.
        self.live = host(self).project.history.watch(lambda: self.app.call_from_thread(self.watch_colleagues))

    def on_unmount(self) -> None:
        if self.live is not None:
            self.live.stop()

    def on_resize(self, event: Resize) -> None:
        # The side panel gives way on narrow terminals so the transcript keeps a readable width.
        self.side.fit(event.size.width)
        self._show_details()

    def action_toggle_side(self) -> None:
        self.side.toggle(self.size.width)

    # -- the widgets ----------------------------------------------------------------------------------

    @property
    def view(self) -> TranscriptView:
        return self.query_one("#transcript", TranscriptView)

    @property
    def side(self) -> SidePanel:
        return self.query_one(SidePanel)

    @property
    def search_bar(self) -> DocumentSearchBar:
        return self.query_one(DocumentSearchBar)

    @property
    def status_line(self) -> StatusLine:
        return self.query_one(StatusLine)

    # -- opening a document ---------------------------------------------------------------------------

    def load_pending(self) -> None:
        """Open the document the app asked for; with none asked for, where this coder left off (once)."""
        app = host(self)
        pending = app.pending_document
        if pending is not None:
            app.pending_document = None
            self.asked = True
            self.opening = True
            self.load_document(*pending)
        elif self.document is None and not self.asked:
            self.asked = True
            self.open_where_left_off()

    @work(thread=True, exclusive=True, group="coding-load")
    def open_where_left_off(self) -> None:
        """With nothing asked for, the document of one's latest coding (or the first document) opens."""
        found = host(self).project.coding.where_left_off()
        if found is None:
            self.app.call_from_thread(self.status_line.update,
                                      "No documents yet: import transcripts on the Documents screen (F2, then i).")
        else:
            self.app.call_from_thread(self.load_document, *found)

    @work(thread=True, exclusive=True, group="coding-load")
    def load_document(self, document: str | int, at: int | None, keep: tuple[int, int] | None = None) -> None:
        project = host(self).project
        # Read first: a change made while the document is read shows up next time.
        seen, seen_others = project.history.latest_id(), project.history.latest_id(others=True)
        try:
            shown = project.documents.show(document)
        except WorkbenchError as exc:  # removed since it was asked for
            self.opening = False
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=5, markup=False)
            return
        codings = project.coding.list(document=shown.id)
        codes = project.codebook.list(include_retired=False)
        self.seen_event, self.seen_others = seen, seen_others
        self.post_message(DocumentLoaded(shown, codings, codes, at, keep))

    @on(DocumentLoaded)
    def _document_loaded(self, message: DocumentLoaded) -> None:
        doc = message.document
        self.opening = False
        self.document = doc
        turns = [TurnView(t.start, t.end, t.speaker, t.t_start) for t in doc.turns]
        sentences = [(s.start, s.end) for s in doc.sentences]
        self.selection = Selection(doc.text, sentences, [(t.start, t.end) for t in turns])
        self.search_bar.search_in(doc.text)
        self.view.set_document(doc.text, turns)
        self._show_codings(message.codings, message.codes)
        if message.keep is not None:
            self._select(Span(*message.keep))
        elif message.at is not None:
            self._select(self.selection.sentence_at(message.at))
        else:
            self._select(self.selection.first())
        # A reopened document shows its selection, wherever the view stood before the layout was ready.
        self.call_after_refresh(self.view.scroll_to_selection, center=True)
        self.view.focus()
        self.sub_title = doc.title
        self.call_after_refresh(host(self).keep_from_collector)

    def _show_codings(self, codings: Sequence[Coding], codes: Sequence[CodeEntry]) -> None:
        self.codings = list(codings)
        self.codes = list(codes)
        colours = {code.id: code.colour for code in codes}
        names = {code.id: code.name for code in codes}
        shown = [c for c in self.codings if c.status != "rejected"]
        # Initials in the margin only when more than one coder coded this document: otherwise they say nothing.
        initials = coder_initials(sorted({c.coder for c in shown})) if len({c.coder for c in shown}) > 1 else {}
        self.view.set_codings([
            CodingView(c.id, c.start, c.end, names.get(c.code_id, c.code.rsplit("/", 1)[-1]),
                       colours.get(c.code_id, "#808080"), suggested=c.status == "suggested", coder=c.coder,
                       initials=initials.get(c.coder, ""))
            for c in shown
        ])
        self.side.code_tree.show(self.codes, self.codings)
        self._name_shortcuts()
        self._show_details()

    def _name_shortcuts(self) -> None:
        """The digit keys say which code they apply (in `?` and the palette), as the codebook has them now."""
        names = {c.shortcut: c.name for c in self.codes if c.shortcut and c.codable and not c.retired}
        if names == self.shortcut_names:
            return  # unchanged: leave the bindings (and the key bar) alone
        self.shortcut_names = names
        for number in range(1, 10):
            key = str(number)
            described = f"Code {number}: {names[number]}" if number in names else f"Code {number}: (no code yet)"
            self._bindings.key_to_bindings[key] = [replace(b, description=described)
                                                   for b in self._bindings.key_to_bindings.get(key, [])]
        self.refresh_bindings()

    @on(CodingsLoaded)
    def _codings_loaded(self, message: CodingsLoaded) -> None:
        self.busy = ""
        self._show_codings(message.codings, message.codes)
        if message.note:
            self.notify(message.note, timeout=3, markup=False)

    # -- coming back, and colleagues' changes ---------------------------------------------------------

    def on_screen_resume(self) -> None:
        if self.document is not None and host(self).pending_document is None and not self.opening:
            self.reload_if_changed(self.document.id)

    def watch_colleagues(self) -> None:
        """Every few seconds: read the document again when a colleague changed something (on a shared server,
        or in another window), so their codings appear without leaving the screen."""
        if self.document is not None and self.is_current:  # not while a dialog is open over it
            self.reload_if_changed(self.document.id, others=True)

    @work(thread=True, exclusive=True, group="coding-check")
    def reload_if_changed(self, doc_id: int, *, others: bool = False) -> None:
        """Read the document again if the project changed since it was read (only colleagues' changes count
        with `others`)."""
        history = host(self).project.history
        if others:
            changed = history.latest_id(others=True) != self.seen_others
        else:
            changed = history.latest_id() != self.seen_event
        if changed:
            self.app.call_from_thread(self.reload_keeping, doc_id)

    def reload_keeping(self, doc_id: int) -> None:
        """Read the open document again with the selection where it is now (on the screen's own thread)."""
        if self.document is not None and self.document.id == doc_id and not self.opening:
            self.load_document(doc_id, None, self.view.selection)

    # -- the selection --------------------------------------------------------------------------------

    @property
    def span(self) -> Span:
        start, end = self.view.selection
        return Span(start, end)

    def _select(self, span: Span) -> None:
        self.view.select(span.start, span.end)

    @on(TranscriptView.SelectionChanged)
    def _selection_changed(self, _message: TranscriptView.SelectionChanged) -> None:
        self._show_details()

    def turn_under_cursor(self) -> tuple[int, TurnSpan] | None:
        """The index and turn of the selection (the nearest turn between two), or None without turns."""
        if self.document is None or not self.document.turns or self.selection is None:
            return None
        start, end = self.view.selection
        index = self.selection.turns.nearest(start, max(end, start + 1))[0]
        return index, self.document.turns[index]

    def codings_under_cursor(self) -> list[Coding]:
        start, end = self.view.selection
        point_end = max(end, start + 1)
        return [c for c in self.codings if c.status != "rejected" and c.start < point_end and start < c.end]

    def _show_details(self) -> None:
        if self.document is None:
            return
        under = self.codings_under_cursor()
        self.side.details.show(under)
        start, end = self.view.selection
        turn_index, turn = self.turn_under_cursor() or (0, None)
        self.status_line.show(Whereabouts(
            coder=self.busy or host(self).project.coder, title=self.document.title,
            turn=f"turn {turn_index + 1}/{len(self.document.turns)}" if turn else "",
            speaker=turn.speaker or "" if turn else "",
            time=timestamp(turn.t_start) if turn and turn.t_start is not None else "",
            start=start, end=end, coders_here=tuple(dict.fromkeys(c.coder for c in under)),
        ))

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

    # -- coding ---------------------------------------------------------------------------------------

    def _usable_span(self) -> Span | None:
        span = self.span
        if self.document is None or span.end <= span.start:
            self.notify("Select some text first (↓ selects the next sentence).", severity="warning", timeout=3,
                        markup=False)
            return None
        return span

    def action_shortcut(self, number: int) -> None:
        code = next((c for c in self.codes if c.shortcut == number and c.codable and not c.retired), None)
        if code is None:
            self.notify(f"No code has shortcut {number}; set one on the Codebook screen (F4).", severity="warning",
                        markup=False)
            return
        span = self._usable_span()
        if span:
            self.apply_code(code.id, span)

    def action_pick(self) -> None:
        from workbench.tui.screens.code_picker import CodePickerScreen
        from workbench.tui.screens.new_code_dialog import NewCodeDialog

        span = self._usable_span()
        if span is None or self.document is None:
            return
        quote = shorten(self.document.text[span.start:span.end], 90)

        def picked(choice: CodePick | None) -> None:
            if choice is None:
                return
            if choice.code_id is not None:
                self.apply_code(choice.code_id, span)
            elif choice.new_name is not None:
                self.app.push_screen(NewCodeDialog(choice.new_name, self.codes),
                                     lambda request: self._create_requested(request, span))

        self.app.push_screen(CodePickerScreen(self.codes, quote), picked)

    def _create_requested(self, request: Any, span: Span) -> None:
        if request is not None:
            self._start_busy(f"creating “{shorten(request.name, 30)}”…")
            self.create_and_apply(request, span)

    def action_in_vivo(self) -> None:
        from workbench.tui.screens.new_code_dialog import NewCodeRequest

        span = self._usable_span()
        if span and self.document is not None:
            words = in_vivo_name(self.document.text[span.start:span.end])
            if words:
                self._start_busy(f"in vivo “{shorten(words, 30)}”…")
                self.create_and_apply(NewCodeRequest(words, None, "", None), span, in_vivo=True)

    def _start_busy(self, doing: str) -> None:
        """Say in the status line what a change that can take a moment is doing, until it is done."""
        self.busy = doing
        self._show_details()

    @work(thread=True, group="coding-change")
    def apply_code(self, code_id: int, span: Span) -> None:
        project = host(self).project
        code = next(c for c in self.codes if c.id == code_id)
        doc_id = self._document_id()
        self._after_change(lambda: project.coding.apply(doc_id, code.guid, span.start, span.end),
                           f"Coded as {code.path}", merge=with_coding)

    @work(thread=True, group="coding-change")
    def create_and_apply(self, request: Any, span: Span, in_vivo: bool = False) -> None:
        """The new code and its coding are one change: one undo takes both back."""
        project = host(self).project
        doc_id = self._document_id()

        def change() -> Any:
            code, _coding = project.codebook.create_and_apply(
                request.name, doc_id, span.start, span.end, parent=request.parent, colour=request.colour,
                definition=request.definition, in_vivo=in_vivo)
            return code

        self._after_change(change, f"New code “{request.name}” applied")

    def _document_id(self) -> int:
        if self.document is None:
            raise WorkbenchError("No document is open.")
        return self.document.id

    def action_remove(self) -> None:
        from workbench.tui.screens.choose_coding import ChooseCodingScreen

        under = [c for c in self.codings_under_cursor() if c.status == "applied"]
        if not under:
            self.notify("There is no coding under the cursor.", severity="warning", timeout=2, markup=False)
        elif len(under) == 1:
            self.remove_coding(under[0].id)
        else:
            def chosen(coding_id: int | None) -> None:
                if coding_id is not None:
                    self.remove_coding(coding_id)

            self.app.push_screen(ChooseCodingScreen(under, "Remove which coding?"), chosen)

    @work(thread=True, group="coding-change")
    def remove_coding(self, coding_id: int) -> None:
        self._after_change(lambda: host(self).project.coding.remove(coding_id), "Coding removed",
                           merge=without_coding)

    def action_memo(self) -> None:
        from workbench.tui.screens.choose_coding import ChooseCodingScreen
        from workbench.tui.screens.memo_editor import MemoEditorScreen

        under = [c for c in self.codings_under_cursor() if c.status == "applied"]
        if not under:
            self.notify("Put the cursor on a coding to write its memo.", severity="warning", timeout=2, markup=False)
            return

        def edit(coding_id: int | None) -> None:
            if coding_id is None:
                return
            coding = next(c for c in under if c.id == coding_id)

            def written(text: str | None) -> None:
                if text is not None:
                    self.save_memo(coding.id, text)

            self.app.push_screen(MemoEditorScreen(f"Memo on {coding.code}", coding.memo), written)

        if len(under) == 1:
            edit(under[0].id)
        else:
            self.app.push_screen(ChooseCodingScreen(under, "Memo on which coding?"), edit)

    @work(thread=True, group="coding-change")
    def save_memo(self, coding_id: int, text: str) -> None:
        self._after_change(lambda: host(self).project.coding.set_memo(coding_id, text), "Memo saved",
                           merge=with_coding)

    @work(thread=True, group="coding-change")
    def action_undo(self) -> None:
        self._after_change(lambda: host(self).project.history.undo(), None, describe="Undid")

    @work(thread=True, group="coding-change")
    def action_redo(self) -> None:
        self._after_change(lambda: host(self).project.history.redo(), None, describe="Redid")

    # -- suggestions ----------------------------------------------------------------------------------

    def _suggestion_here(self) -> Coding | None:
        return next((c for c in self.codings_under_cursor() if c.status == "suggested"), None)

    def action_accept(self) -> None:
        self._decide("accept")

    def action_reject(self) -> None:
        self._decide("reject")

    def _decide(self, verdict: str) -> None:
        suggestion = self._suggestion_here()
        if suggestion is None:
            self.notify("No suggestion under the cursor (s jumps to the next one).", severity="warning", timeout=2,
                        markup=False)
        else:
            self.decide_suggestion(suggestion.id, verdict)

    @work(thread=True, group="coding-change")
    def decide_suggestion(self, coding_id: int, verdict: str) -> None:
        service = host(self).project.autocode
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

    def _after_change(self, change: Callable[[], Any], note: str | None, describe: str = "",
                      merge: Callable[[Sequence[Coding], Any], list[Coding]] | None = None) -> None:
        """Run a change in this worker thread, then show its result; errors become a notification.

        `merge(codings, result)` folds a single coding's change into the list on screen, which keeps a keypress
        on a long transcript fast; without it the document's codings and the codebook are read again.
        """
        project = host(self).project
        try:
            result = change()
        except WorkbenchError as exc:
            self.app.call_from_thread(self._change_refused, str(exc))
            return
        if describe:
            note = f"{describe}: {getattr(result, 'summary', '') or getattr(result, 'kind', '')}"
        document = self.document
        if document is None:  # undo or redo with no document open: only say what happened
            if note:
                self.app.call_from_thread(self.notify, note, timeout=3, markup=False)
            return
        if describe and result.kind.startswith("document."):  # a title, the speakers or the document came back
            self.app.call_from_thread(self.notify, note or "", timeout=3, markup=False)
            self.app.call_from_thread(self.reload_keeping, document.id)
            return
        if merge is not None:
            self.post_message(CodingsLoaded(merge(self.codings, result), self.codes, note or ""))
            return
        codings = project.coding.list(document=document.id)
        codes = project.codebook.list(include_retired=False)
        self.post_message(CodingsLoaded(codings, codes, note or ""))

    def _change_refused(self, reason: str) -> None:
        self.busy = ""
        self._show_details()
        self.notify(reason, severity="error", timeout=5, markup=False)

    # -- search in the document -----------------------------------------------------------------------

    def action_search(self) -> None:
        self.search_bar.open()

    @on(DocumentSearchBar.HitsFound)
    def _hits_found(self, message: DocumentSearchBar.HitsFound) -> None:
        self.view.set_hits(message.hits)
        self.view.focus()
        if message.needle:
            self.notify(f"{counted(len(message.hits), 'hit')} for “{message.needle}”", timeout=2, markup=False)
            if message.hits:
                self.action_hit(1)

    def action_hit(self, step: int) -> None:
        found = self.search_bar.next_hit(self.span.start, step)
        if found is not None:
            self._select(Span(*found))

    def action_clear_search(self) -> None:
        self.search_bar.clear_hits()
        self.view.focus()

    # -- speakers -------------------------------------------------------------------------------------

    def action_rename_speaker(self) -> None:
        from workbench.tui.screens.speaker_rename import SpeakerRenameDialog

        _index, turn = self.turn_under_cursor() or (0, None)
        if turn is None or not turn.speaker or self.document is None:
            self.notify("This turn has no speaker to rename.", severity="warning", timeout=3, markup=False)
            return
        old = turn.speaker

        def answered(answer: SpeakerRename | None) -> None:
            if answer:
                self.rename_speaker(old, answer)

        self.app.push_screen(SpeakerRenameDialog(old, self.document.title), answered)

    @work(thread=True, group="coding-change")
    def rename_speaker(self, old: str, answer: SpeakerRename) -> None:
        """Rename the speaker, then read the document again so the gutter shows the new name."""
        doc_id = self._document_id()
        try:
            renamed = host(self).project.document_edits.rename_speaker(
                old, answer.name, None if answer.everywhere else [doc_id])
        except WorkbenchError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=5, markup=False)
            return
        turns, documents = sum(renamed.turns.values()), len(renamed.turns)
        where = f"{documents} documents" if documents > 1 else "this document"
        note = f"Renamed {old} to {renamed.new} in {counted(turns, 'turn')} of {where}."
        self.app.call_from_thread(self.notify, note, timeout=4, markup=False)
        self.app.call_from_thread(self.reload_keeping, doc_id)
