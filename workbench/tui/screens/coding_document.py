"""The coding screen's document-level actions: rename the speaker of a turn, and read the document again when
it was changed elsewhere (another screen, the command line, a colleague) while the screen was out of view."""

from __future__ import annotations

from textual import work

from workbench.domain.wording import counted


class DocumentActions:
    """Mixed into CodingScreen; handlers are named `on_...`, since `@on` does not register in a mixin."""

    WATCH_SECONDS = 5.0  # how often the screen looks for colleagues' changes
    seen_event: int | None = None  # the newest event when the document was last read
    seen_others: int | None = None  # the newest event of the other coders then

    def on_screen_resume(self) -> None:
        if self.document is not None and self.app.pending_document is None:
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
        history = self.app.project.history
        if others:
            changed = history.latest_id(others=True) != self.seen_others
        else:
            changed = history.latest_id() != self.seen_event
        if changed:
            self.app.call_from_thread(self.reload_keeping, doc_id)

    def reload_keeping(self, doc_id: int) -> None:
        """Read the open document again with the selection where it is now (on the screen's own thread)."""
        if self.document is not None and self.document.id == doc_id:
            self.load_document(doc_id, None, self.view.selection)

    def action_rename_speaker(self) -> None:
        from workbench.tui.screens.speaker_rename import SpeakerRenameDialog

        _index, turn = self.turn_under_cursor() or (0, None)
        if turn is None or not turn.speaker:
            self.notify("This turn has no speaker to rename.", severity="warning", timeout=3, markup=False)
            return
        self.app.push_screen(SpeakerRenameDialog(turn.speaker, self.document.title),
                             lambda answer: answer and self.rename_speaker(turn.speaker, answer))

    @work(thread=True, group="coding-change")
    def rename_speaker(self, old: str, answer) -> None:
        """Rename the speaker, then read the document again so the gutter shows the new name."""
        from workbench.domain.errors import WorkbenchError

        doc_id = self.document.id
        try:
            renamed = self.app.project.document_edits.rename_speaker(
                old, answer.name, None if answer.everywhere else [doc_id])
        except WorkbenchError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=5, markup=False)
            return
        turns, documents = sum(renamed.turns.values()), len(renamed.turns)
        where = f"{documents} documents" if documents > 1 else "this document"
        note = f"Renamed {old} to {renamed.new} in {counted(turns, 'turn')} of {where}."
        self.app.call_from_thread(self.notify, note, timeout=4, markup=False)
        self.app.call_from_thread(self.reload_keeping, doc_id)
