"""The codebook screen's operations: each asks what it needs, then calls the codebook service in a worker."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import work
from textual.screen import Screen

from workbench.tui.host import host
from workbench.tui.markup import esc
from workbench.tui.screens.prompt import PromptScreen


EMPTY = "This cannot be left empty: type it, or press Esc to cancel."


class CodebookActions(Screen[None]):
    """The base of CodebookScreen, which keeps the codes listed and knows the one under the cursor."""

    codes: list[Any]
    current: Callable[[], Any]
    load: Callable[..., Any]

    def _need_code(self):
        code = self.current()
        if code is None:
            self.notify("Select a code first.", severity="warning", timeout=2, markup=False)
        return code

    def _ask(self, question: str, then, value: str = "", placeholder: str = "") -> None:
        # The questions are plain text holding code paths, which may contain "[".
        self.app.push_screen(PromptScreen(esc(question), value, placeholder, required=EMPTY), lambda answer: answer and then(answer))

    @work(thread=True, group="codebook-change")
    def change(self, operation, describe) -> None:
        """Run one codebook operation; a refusal becomes a notification and the tree is read again."""
        from workbench.domain.errors import WorkbenchError

        try:
            result = operation(host(self).project.codebook)
        except WorkbenchError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=6, markup=False)
            return
        made = getattr(result, "new", None) or getattr(result, "target", None) or result
        self.load(describe(result), getattr(made, "guid", None))

    def action_memo(self) -> None:
        """Write or edit one's memo on the code (theme summaries print code memos under their theme)."""
        from workbench.tui.screens.target_memo import TargetMemo

        code = self._need_code()
        if code:
            TargetMemo(self, code.path, code=code.guid).start()

    def action_create(self, as_child: bool) -> None:
        parent = self.current() if as_child else None
        if as_child and parent is None:
            return self._need_code()
        where = f" under {parent.path}" if parent else ""
        self._ask(f"Name of the new code{where}:", lambda name: self.change(
            lambda book: book.create(name, parent=parent.guid if parent else None),
            lambda made: f"Created {made.path}"))

    def action_rename(self) -> None:
        code = self._need_code()
        if code:
            self._ask(f"New name for {code.path}:", lambda name: self.change(
                lambda book: book.rename(code.guid, name), lambda made: f"Renamed to {made.path}"), code.name)

    def action_recolour(self) -> None:
        code = self._need_code()
        if code:
            self._ask(f"Colour for {code.path} (#RRGGBB):", lambda colour: self.change(
                lambda book: book.recolour(code.guid, colour), lambda made: f"{made.path} is now {made.colour}"),
                code.colour)

    def action_shortcut(self) -> None:
        code = self._need_code()
        if code:
            self._ask(f"Shortcut key 1–9 for {code.path} (0 removes it):", lambda key: self.change(
                lambda book: book.edit(code.guid, shortcut=None if key.strip() == "0" else int(key)),
                lambda made: f"{made.path}: shortcut {made.shortcut or 'none'}"), str(code.shortcut or ""))

    def action_define(self) -> None:
        from workbench.tui.screens.memo_editor import MemoEditorScreen

        code = self._need_code()
        if code:
            def written(text: str | None) -> None:
                if text is not None:
                    self.change(lambda book: book.edit(code.guid, definition=text),
                                lambda made: f"Definition of {made.path} saved")

            self.app.push_screen(MemoEditorScreen(f"Definition of {code.path}", code.definition), written)

    def _pick_code(self, question: str, then, exclude: int) -> None:
        from workbench.tui.screens.code_picker import CodePickerScreen

        choices = [c for c in self.codes if c.id != exclude and not c.retired]
        # The picker offers codable codes; for a move, categories are valid parents too.
        choices = [c if c.codable else _as_codable(c) for c in choices]
        self.app.push_screen(CodePickerScreen(choices, title=question, allow_new=False),
                             lambda pick: pick and pick.code_id and then(next(c for c in self.codes if c.id == pick.code_id)))

    def action_move(self) -> None:
        code = self._need_code()
        if code:
            self._pick_code(f"Move {code.path} under…", lambda parent: self.change(
                lambda book: book.move(code.guid, parent.guid), lambda made: f"Moved to {made.path}"), code.id)

    def action_merge(self) -> None:
        code = self._need_code()
        if code:
            self._pick_code(f"Merge {code.path} into…", lambda target: self._confirm_merge(code, target), code.id)

    def _confirm_merge(self, code, target) -> None:
        """Merging cannot be told apart afterwards: ask first, naming both codes and what moves."""
        from workbench.tui.screens.confirm_dialog import ConfirmDialog

        explanation = (f"Every coding of {code.path} ({code.codings}) becomes a coding of {target.path}, and "
                       f"{code.path} leaves the codebook. u (undo) takes the merge back.")
        def answered(yes: bool | None) -> None:
            if yes:
                self.change(lambda book: book.merge(code.guid, target.guid),
                            lambda done: f"Merged into {done.target.path}: {done.moved} codings moved, "
                                         f"{done.collapsed} collapsed")

        self.app.push_screen(ConfirmDialog(f"Merge {code.path} into {target.path}?", explanation, "Merge"), answered)

    def action_split(self) -> None:
        code = self._need_code()
        if code:
            self.open_split(code)

    @work(thread=True, group="codebook-split")
    def open_split(self, code) -> None:
        from workbench.tui.screens.split_dialog import SplitDialog

        codings = host(self).project.coding.list(code=code.guid, status="applied")
        if not codings:
            self.app.call_from_thread(self.notify, f"{code.path} has no codings to split.", severity="warning", markup=False)
            return

        def split(request) -> None:
            if request:
                self.change(lambda book: book.split(code.guid, request.name, list(request.coding_ids)),
                            lambda done: f"Split {done.moved} codings into {done.new.path}")

        self.app.call_from_thread(self.app.push_screen, SplitDialog(code.path, codings), split)

    def action_retire(self) -> None:
        code = self._need_code()
        if code:
            self.change(lambda book: book.retire(code.guid, retired=not code.retired),
                        lambda made: f"{made.path} {'retired' if made.retired else 'restored'}")

    def action_delete(self) -> None:
        code = self._need_code()
        if code:
            self.change(lambda book: book.delete(code.guid), lambda gone: f"Deleted {gone.path}")

    def action_reorder(self, step: int) -> None:
        code = self._need_code()
        if code:
            self.change(lambda book: book.reorder(code.guid, max(code.position + step, 0)),
                        lambda made: f"{made.path} moved {'up' if step < 0 else 'down'}")

    def action_undo(self) -> None:
        self.change(lambda _book: host(self).project.history.undo(), lambda event: f"Undid: {event.summary}")

    def action_redo(self) -> None:
        self.change(lambda _book: host(self).project.history.redo(), lambda event: f"Redid: {event.summary}")


def _as_codable(code):
    from dataclasses import replace

    return replace(code, codable=True)
