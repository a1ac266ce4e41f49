"""The per-code agreement table: the totals first (kept in view), then one row per code; Enter picks a code."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on
from textual.message import Message
from textual.widgets import DataTable

from workbench.tui.screens.agreement.tables import code_cells, code_columns

TOTAL_ROW = "total"


class CodeAgreementTable(DataTable[Any]):
    """Figures per code for the chosen coders and unit; it keeps the report it shows."""

    @dataclass
    class CodePicked(Message):
        """A code's row was chosen (None: the totals row, meaning every code)."""

        code_id: int | None

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", cursor_foreground_priority="renderable")
        self.report: Any = None

    def show_report(self, report: Any, width: int) -> None:
        """Fill the table for a screen `width` wide (per-coder columns from 110 on), keeping the cursor's row."""
        self.report = report
        keep = self.cursor_row
        self.fixed_rows = 0
        self.clear(columns=True)
        per_coder = width >= 110
        code_width = max(17, min(36, width - 70 - (12 * len(report.coders) if per_coder else 0)))
        self.add_columns(*code_columns(report.unit, report.coders, per_coder))
        # The totals come first and stay put while the codes scroll beneath them.
        self.add_row(*code_cells(report.overall, report.unit, report.coders, per_coder, code_width, total=True),
                     key=TOTAL_ROW)
        for row in report.codes:
            self.add_row(*code_cells(row, report.unit, report.coders, per_coder, code_width), key=str(row.code_id))
        self.fixed_rows = 1
        self.display = True
        if self.row_count:
            self.move_cursor(row=min(keep, self.row_count - 1))

    def withhold(self) -> None:
        """Nothing to show: no report."""
        self.report = None
        self.fixed_rows = 0  # a fixed row without rows breaks the table
        self.clear(columns=True)
        self.display = False

    @on(DataTable.RowSelected)
    def _picked(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = event.row_key.value
        self.post_message(self.CodePicked(None if key in (TOTAL_ROW, None) else int(key)))
