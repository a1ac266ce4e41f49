"""The side panel: the code tree and the details of the codings under the cursor; it gives way on narrow screens."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from workbench.domain.code_entries import CodeEntry
from workbench.domain.codings import Coding
from workbench.domain.spans import shorten
from workbench.tui.markup import esc
from workbench.tui.screens.coding.code_tree import CodeTreePanel

WIDE = 110  # from this width on the panel shows by itself


class CodingDetails(Static):
    """Each coding under the cursor: code, state, coder, span, quote and memo."""

    def show(self, codings: Sequence[Coding]) -> None:
        lines = []
        for coding in codings[:6]:
            state = "" if coding.status == "applied" else f" [i]({coding.status})[/i]"
            lines.append(f"[b]{esc(coding.code)}[/b]{state}\n  {esc(coding.coder)} · "
                         f"{esc(f'[{coding.start}, {coding.end})')} · #{coding.id}")
            lines.append(f"  “{esc(shorten(coding.text, 60))}”")
            if coding.memo:
                lines.append(f"  [i]memo:[/i] {esc(shorten(coding.memo, 120))}")
        # A fixed height and layout=False: a selection move repaints these lines, not the whole screen.
        self.update("\n".join(lines) or "[dim]No coding here.[/dim]", layout=False)


class SidePanel(Vertical):
    """Shown on wide terminals, or when asked for with `toggle`; it remembers being asked."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.forced = False

    def compose(self) -> ComposeResult:
        yield Static("[b]Codes in this document[/b]", classes="side-title")
        yield CodeTreePanel(id="code-tree")
        yield Static("[b]Under the cursor[/b]", classes="side-title")
        yield CodingDetails("", id="details")

    @property
    def code_tree(self) -> CodeTreePanel:
        return self.query_one(CodeTreePanel)

    @property
    def details(self) -> CodingDetails:
        return self.query_one(CodingDetails)

    def fit(self, width: int) -> None:
        """Show or hide the panel for a screen this wide."""
        self.display = width >= WIDE or self.forced

    def toggle(self, width: int) -> None:
        self.forced = not self.forced
        self.fit(width)
