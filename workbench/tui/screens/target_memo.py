"""Write or edit one's own memo on the project, a document or a code, from the screen that shows it.

The latest memo the coder wrote on it opens in the memo editor (an empty one when there is none); saving an
emptied memo deletes it. Every save is one undoable change, like any other.
"""

from __future__ import annotations

from functools import partial

from workbench.tui.screens.memo_editor import MemoEditorScreen


class TargetMemo:
    """One memo round trip for `screen`: read the memo, edit it, save it; `target` is `document=` or `code=`,
    or nothing for a memo on the project."""

    def __init__(self, screen, label: str, **target) -> None:
        self.screen = screen
        self.label = label
        self.target = target

    def start(self) -> None:
        self.screen.run_worker(self._read, thread=True, group="target-memo", exclusive=True)

    def _read(self) -> None:
        project = self.screen.app.project
        about = self.target or {"about": "project"}
        mine = [memo for memo in project.memos.list(**about) if memo.author == project.coder]
        self.screen.app.call_from_thread(self._edit, mine[-1] if mine else None)

    def _edit(self, memo) -> None:
        editor = MemoEditorScreen(f"Memo on {self.label}", memo.text if memo else "")
        self.screen.app.push_screen(editor, lambda text: text is not None and self.screen.run_worker(
            partial(self._save, memo, text), thread=True, group="target-memo"))

    def _save(self, memo, text: str) -> None:
        from workbench.domain.errors import WorkbenchError

        memos = self.screen.app.project.memos
        text = text.strip()
        try:
            if memo is None and not text:
                return
            if memo is None:
                memos.add(text, **self.target)
                note = f"Memo written on {self.label}."
            elif not text:
                memos.delete(memo.id)
                note = f"Memo on {self.label} deleted (u undoes it)."
            elif text != memo.text:
                memos.edit(memo.id, text=text)
                note = f"Memo on {self.label} saved."
            else:
                return
        except WorkbenchError as exc:
            self.screen.app.call_from_thread(self.screen.notify, str(exc), severity="error", timeout=5, markup=False)
            return
        self.screen.app.call_from_thread(self.screen.notify, note, timeout=3, markup=False)
