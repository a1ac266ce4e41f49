"""The code tree beside the transcript: the codebook with each code's colour, shortcut and count in this document."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from workbench.domain.code_entries import CodeEntry
from workbench.domain.codings import Coding
from workbench.tui.markup import esc


class CodeTreePanel(Tree[int]):
    """The codebook as a tree; it is built again only when the codebook changed, otherwise only counts change."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("Codebook", id=id)
        self.show_root = False
        self._code_signature: tuple[tuple[object, ...], ...] = ()
        self._code_nodes: dict[int, TreeNode[int]] = {}
        self._code_labels: dict[int, str] = {}

    def show(self, codes: Sequence[CodeEntry], codings: Sequence[Coding]) -> None:
        """Show the codes with how often each is applied in the document."""
        signature = tuple((c.id, c.path, c.colour, c.shortcut) for c in codes)
        if signature != self._code_signature:
            self._code_signature = signature
            self._build_tree(codes)
        counts: dict[int, int] = {}
        for coding in codings:
            if coding.status == "applied":
                counts[coding.code_id] = counts.get(coding.code_id, 0) + 1
        for code in codes:
            key = esc(f"[{code.shortcut}] ") if code.shortcut else ""
            count = f" [b]{counts[code.id]}[/b]" if counts.get(code.id) else ""
            label = f"[{code.colour}]■[/] {key}{esc(code.name)}{count}"
            if self._code_labels.get(code.id) != label:
                self._code_labels[code.id] = label
                self._code_nodes[code.id].set_label(label)

    def _build_tree(self, codes: Sequence[CodeEntry]) -> None:
        self.clear()
        self._code_nodes, self._code_labels = {}, {}
        branches: dict[str | None, TreeNode[int]] = {}
        parents = {code.parent_path for code in codes}
        for code in codes:
            parent = branches.get(code.parent_path, self.root)
            if code.path in parents:
                node = branches[code.path] = parent.add("", data=code.id, expand=True)
            else:
                node = parent.add_leaf("", data=code.id)
            self._code_nodes[code.id] = node
        self.root.expand()
