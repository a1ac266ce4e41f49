"""Codebook: the code tree with colours and counts; create, rename, recolour, move, merge, split, retire."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workbench.tui.markup import esc
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Static, Tree

from workbench.tui.screens.codebook_actions import CodebookActions
from workbench.tui.widgets.key_bar import KeyBar
from workbench.tui.host import host


@dataclass
class CodesLoaded(Message):
    """The code list was read (after a change, with a note saying what happened)."""

    codes: list
    note: str = ""
    focus: str | None = None


class CodebookScreen(CodebookActions, Screen):
    """Shape the shared codebook; every change goes through the codebook services and can be undone."""

    CSS_PATH = "codebook.tcss"
    BINDINGS = [
        Binding("n", "create(False)", "New code"),
        Binding("N", "create(True)", "New sub-code"),
        Binding("r", "rename", "Rename"),
        Binding("c", "recolour", "Colour"),
        Binding("e", "define", "Definition"),
        Binding("k", "shortcut", "Shortcut key", show=False),
        Binding("o", "memo", "Memo", show=False),
        Binding("m", "move", "Move"),
        Binding("M", "merge", "Merge into"),
        Binding("s", "split", "Split", show=False),
        Binding("x", "retire", "Retire"),
        Binding("delete", "delete", "Delete", show=False),
        Binding("shift+up", "reorder(-1)", "Up", show=False),
        Binding("shift+down", "reorder(1)", "Down", show=False),
        Binding("u,ctrl+z", "undo", "Undo"),
        Binding("ctrl+y", "redo", "Redo", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.codes: list = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="codebook-body"):
            yield Tree("Codebook", id="codebook-tree")
            with Vertical(id="code-details"):
                yield Static("", id="code-info")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(Tree).show_root = False

    def on_screen_resume(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="codebook")
    def load(self, note: str = "", focus: str | None = None) -> None:
        self.post_message(CodesLoaded(host(self).project.codebook.list(), note, focus))

    @on(CodesLoaded)
    def _loaded(self, message: CodesLoaded) -> None:
        tree = self.query_one(Tree)
        selected = self.current()
        keep = message.focus or (selected.guid if selected else None)
        self.codes = message.codes
        tree.clear()
        nodes: dict[str | None, Any] = {}
        parents = {code.parent_path for code in self.codes}
        cursor_node = None
        for code in self.codes:
            parent = nodes.get(code.parent_path, tree.root)
            label = f"[{code.colour}]■[/] {esc(code.name)}"
            if code.shortcut:
                label += f" [dim]{esc(f'[{code.shortcut}]')}[/dim]"
            if not code.codable:
                label = f"[b]{label}[/b]"
            if code.retired:
                label = f"[strike dim]{esc(code.name)}[/] [dim](retired)[/dim]"
            label += f"  [dim]{code.codings}[/dim]" if code.codings else ""
            if code.path in parents:
                node = parent.add(label, data=code.id, expand=True)
                nodes[code.path] = node
            else:
                node = parent.add_leaf(label, data=code.id)
            if code.guid == keep or cursor_node is None:
                cursor_node = node  # the kept code, else the first one: the details panel is never empty
        tree.root.expand_all()
        if cursor_node is not None:
            # Line numbers exist only after the tree is laid out again.
            tree.call_after_refresh(tree.move_cursor, cursor_node)
        tree.focus()
        if message.note:
            self.notify(message.note, timeout=3, markup=False)
        self._show_current()

    def current(self):
        node = self.query_one(Tree).cursor_node
        if node is None or node.data is None:
            return None
        return next((c for c in self.codes if c.id == node.data), None)

    @on(Tree.NodeHighlighted)
    def _show_current(self) -> None:
        code = self.current()
        info = self.query_one("#code-info", Static)
        if code is None:
            info.update("[dim]No code selected.[/dim]")
            return
        rules = code.rules or {}
        keywords = ", ".join(list(rules.get("keywords_nl") or []) + list(rules.get("keywords_en") or []))
        parts = [
            f"[b][{code.colour}]■[/] {esc(code.path)}[/b]",
            f"[i]{esc(code.name_en)}[/i]" if code.name_en else "",
            f"{code.codings} codings · {'codable' if code.codable else 'category only'}"
            + (f" · shortcut {code.shortcut}" if code.shortcut else "") + (" · retired" if code.retired else ""),
            "",
            f"[b]Definition[/b]\n{esc(code.definition)}" if code.definition else "[dim]No definition yet (e).[/dim]",
            f"\n[b]When to use[/b]\n{esc(code.when_to_use)}" if code.when_to_use else "",
            f"\n[b]When not to use[/b]\n{esc(code.when_not_to_use)}" if code.when_not_to_use else "",
            f"\n[b]Example[/b]\n“{esc(code.example)}”" if code.example else "",
            f"\n[b]Keywords[/b]\n{esc(keywords)}" if keywords else "",
        ]
        info.update("\n".join(part for part in parts if part is not None))
