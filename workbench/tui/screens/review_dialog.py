"""The codings a replaced document could not place with confidence: place each where suggested, or drop it."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label, Static

from workbench.domain.spans import shorten
from workbench.tui.markup import esc
from workbench.tui.host import host


@dataclass
class ReviewsLoaded(Message):
    """The review list was read (with what the last step did, if anything)."""

    reviews: list
    note: str = ""


class ReviewDialog(ModalScreen[bool]):
    """Each coding waiting for review in one document (or all): Enter places it as suggested, d drops it."""

    CSS_PATH = "review_dialog.tcss"
    BINDINGS = [
        Binding("enter", "place", "Place as suggested"),
        Binding("d", "drop", "Drop"),
        Binding("escape", "close", "Close"),
    ]

    def __init__(self, document_id: int | None = None) -> None:
        super().__init__()
        self.document_id = document_id
        self.reviews: list = []
        self.changed = False

    def compose(self) -> ComposeResult:
        with Vertical(id="review"):
            yield Label("[b]Codings to review after a replacement[/b]  "
                        "[dim]Enter places one where suggested · d drops it · u on Documents undoes · Esc closes[/dim]")
            yield DataTable(id="review-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="review-detail")
            yield Label("", id="review-note")

    def on_mount(self) -> None:
        table = self.query_one("#review-table", DataTable)
        table.add_columns("Code", "Coder", "It coded", "Suggested now", "Why")
        table.focus()
        self.load()

    @work(thread=True, exclusive=True, group="review")
    def load(self, note: str = "") -> None:
        self.post_message(ReviewsLoaded(host(self).project.replacement.reviews(self.document_id), note))

    @on(ReviewsLoaded)
    def _loaded(self, message: ReviewsLoaded) -> None:
        self.reviews = message.reviews
        table = self.query_one("#review-table", DataTable)
        row = table.cursor_row
        table.clear()
        for review in self.reviews:
            table.add_row(review.code, review.coder, shorten(review.old_text, 40), shorten(review.suggested_text, 40),
                          review.reason, key=str(review.coding_id))
        if self.reviews:
            table.move_cursor(row=min(row, len(self.reviews) - 1))
        note = message.note or ("" if self.reviews else "Nothing waits for review.")
        self.query_one("#review-note", Label).update(esc(note))
        self._show_detail()

    @on(DataTable.RowHighlighted, "#review-table")
    def _show_detail(self) -> None:
        review = self._current()
        detail = self.query_one("#review-detail", Static)
        if review is None:
            detail.update("")
            return
        detail.update(
            f"[dim]before:[/dim] …{esc(review.before[-60:])}[b]{esc(review.old_text)}[/b]{esc(review.after[:60])}…\n"
            f"[dim]now at [{review.start}, {review.end}):[/dim] {esc(review.suggested_text)}")

    def _current(self):
        table = self.query_one("#review-table", DataTable)
        if not self.reviews or not table.row_count:
            return None
        return self.reviews[min(table.cursor_row, len(self.reviews) - 1)]

    @on(DataTable.RowSelected, "#review-table")
    def action_place(self) -> None:
        review = self._current()
        if review is not None:
            self.settle(review.coding_id, place=True)

    def action_drop(self) -> None:
        review = self._current()
        if review is not None:
            self.settle(review.coding_id, place=False)

    @work(thread=True, group="review-change")
    def settle(self, coding_id: int, *, place: bool) -> None:
        from workbench.domain.errors import WorkbenchError

        service = host(self).project.replacement
        try:
            review = service.place(coding_id) if place else service.drop(coding_id)
        except WorkbenchError as exc:
            self.load(str(exc))
            return
        self.changed = True
        verb = "Placed" if place else "Dropped"
        self.load(f"{verb} the coding '{shorten(review.old_text, 40)}' ({review.code}).")

    def action_close(self) -> None:
        self.dismiss(self.changed)
