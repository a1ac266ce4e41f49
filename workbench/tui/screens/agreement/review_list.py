"""The review list: where the coders differ, one row each, with the highlighted one side by side beneath.

It keeps the disagreements, which of them are shown (one code, open ones only) and what the cursor is on;
Enter posts `Opened` so the screen can show the place in the coding screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from workbench.tui.markup import esc
from workbench.tui.screens.agreement.tables import detail, review_cells, review_columns


class ReviewList(Vertical):
    """The disagreements of the report, filtered by code and state."""

    @dataclass
    class Opened(Message):
        """Enter on a disagreement."""

        item: Any

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.disagreements: list[Any] = []
        self.shown: list[Any] = []
        self.coders: tuple[str, ...] = ()
        self.colours: dict[int, str] = {}
        self.code_filter: int | None = None
        self.open_only = False
        self.has_report = False

    def compose(self) -> ComposeResult:
        yield Static("", id="review-title")
        yield DataTable(id="review", cursor_type="row", zebra_stripes=True)
        yield Static("", id="review-detail")

    @property
    def table(self) -> DataTable[Any]:
        return self.query_one("#review", DataTable)

    def show(self, disagreements: list[Any], coders: tuple[str, ...], colours: dict[int, str], has_report: bool,
             focus: str | None) -> None:
        """Take a new set of disagreements (a code filter whose code is gone is dropped)."""
        self.disagreements, self.coders, self.colours, self.has_report = disagreements, coders, colours, has_report
        if self.code_filter is not None and all(d.code_id != self.code_filter for d in disagreements):
            self.code_filter = None
        self.fill(focus)

    def fill(self, focus: str | None) -> None:
        """List the disagreements that pass the filters, with the cursor on `focus` (or the first)."""
        table = self.table
        table.clear(columns=True)
        self.shown = [d for d in self.disagreements
                      if (self.code_filter is None or d.code_id == self.code_filter)
                      and not (self.open_only and d.resolved)]
        width = self.screen.size.width
        show_document = len({d.document_id for d in self.disagreements}) > 1 and width >= 100
        fixed = (22 if show_document else 0) + 18 + 11 + 6  # document, code, state, padding and scrollbar
        side_width = max(14, (width - fixed) // max(len(self.coders), 1) - 2)
        if self.coders:
            table.add_columns(*review_columns(self.coders, show_document))
        for item in self.shown:
            table.add_row(*review_cells(item, self.coders, show_document, 16, side_width), key=item.id)
        self._title()
        if self.shown:
            ids = [d.id for d in self.shown]
            table.move_cursor(row=ids.index(focus) if focus in ids else 0)
        self._show_detail()

    def filter_code(self, code_id: int | None) -> None:
        self.code_filter = code_id
        self.fill(self.current_id())

    def toggle_open_only(self) -> None:
        self.open_only = not self.open_only
        self.fill(self.current_id())

    def _title(self) -> None:
        open_count = sum(1 for d in self.disagreements if not d.resolved)
        scope = ""
        if self.code_filter is not None:
            name = next((d.code for d in self.disagreements if d.code_id == self.code_filter), "")
            scope = f" · code [b]{esc(name)}[/b] [dim](Esc: all codes)[/dim]"
        hidden = " · decided ones hidden [dim](o)[/dim]" if self.open_only else ""
        text = (f"[b]Disagreements[/b] {open_count} of {len(self.disagreements)} open, {len(self.shown)} shown{scope}"
                f"{hidden}  [dim]Enter opens in coding[/dim]")
        self.query_one("#review-title", Static).update(text if self.has_report else "")

    @on(DataTable.RowHighlighted, "#review")
    def _show_detail(self) -> None:
        panel = self.query_one("#review-detail", Static)
        item = self.current()
        if item is None:
            agree = self.has_report and not self.disagreements
            panel.update("The coders agree everywhere on these documents and codes." if agree else "")
            return
        panel.update(detail(item, self.coders, self.colours.get(item.code_id, "#808080")))

    @on(DataTable.RowSelected, "#review")
    def _open(self, event: DataTable.RowSelected) -> None:
        event.stop()
        item = self.current()
        if item is not None:
            self.post_message(self.Opened(item))

    def current(self) -> Any:
        """The highlighted disagreement, or None."""
        table = self.table
        if not table.row_count or not 0 <= table.cursor_row < len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def current_id(self) -> str | None:
        item = self.current()
        return item.id if item else None

    def after(self, item: Any) -> str | None:
        """The id to highlight once `item` is decided: the next open disagreement in the list, else itself."""
        index = self.shown.index(item)
        later = [d for d in self.shown[index + 1:] + self.shown[:index] if not d.resolved]
        return later[0].id if later else item.id
