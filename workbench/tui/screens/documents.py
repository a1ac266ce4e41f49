"""Documents: every transcript with its format, speakers, size, codings and key attributes; rename, remove, undo."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Static
from rich.text import Text

from workbench.domain.spans import shorten
from workbench.domain.wording import counted
from workbench.tui.markup import esc
from workbench.tui.screens.own_dialogs import OwnDialogs
from workbench.tui.widgets.key_bar import KeyBar
from workbench.tui.host import host

KEY_ATTRIBUTES = 3


@dataclass
class DocumentsLoaded(Message):
    """The document list was read."""

    documents: list
    select: int | None = None  # the document to put the cursor on


class DocumentsScreen(OwnDialogs, Screen):
    """A filterable, sortable table of the project's documents."""

    CSS_PATH = "documents.tcss"
    BINDINGS = [
        Binding("enter", "open", "Open"),
        Binding("i", "import", "Import"),
        Binding("e", "attributes", "Attributes"),
        Binding("r", "rename", "Rename"),
        Binding("x", "remove", "Remove"),
        Binding("R", "replace", "Replace with corrected version", show=False),
        Binding("v", "review", "Review placements", show=False),
        Binding("u", "undo", "Undo", show=False),
        Binding("m", "memo", "Memo", show=False),
        Binding("slash", "filter", "Filter", key_display="/"),
        Binding("s", "sort", "Sort"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]
    SORTS = ("title", "words", "codings", "format")

    def __init__(self) -> None:
        super().__init__()
        self.documents: list = []
        self.sort_index = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="documents"):
            yield Input(placeholder="filter by title, speaker or attribute value", id="doc-filter")
            yield DataTable(id="doc-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="doc-summary")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#doc-filter", Input).display = False
        self.query_one("#doc-table", DataTable).focus()

    def on_screen_resume(self) -> None:
        # Back from one of this screen's own dialogs the table is read again by the dialog's callback: reading it
        # here too could show the list from before the change.
        if not self.back_from_dialog():
            self.load()

    @work(thread=True, exclusive=True, group="documents")
    def load(self) -> None:
        self.post_message(DocumentsLoaded(host(self).project.documents.list()))

    @on(DocumentsLoaded)
    def _loaded(self, message: DocumentsLoaded) -> None:
        self.documents = message.documents
        self._fill(message.select)
        if not self.query_one("#doc-filter", Input).has_focus:
            self.query_one("#doc-table", DataTable).focus()

    def _attribute_names(self) -> list[str]:
        seen: dict[str, int] = {}
        for doc in self.documents:
            for name in doc.attributes:
                seen[name] = seen.get(name, 0) + 1
        return sorted(seen, key=lambda name: (-seen[name], name))[:KEY_ATTRIBUTES]

    def _fill(self, select: int | None = None) -> None:
        table = self.query_one("#doc-table", DataTable)
        keep = table.cursor_row
        select = select if select is not None else self._current_id()  # the cursor stays on its document
        table.clear(columns=True)
        attributes = self._attribute_names()[:attributes_that_fit(self.size.width or 120)]
        table.add_columns("Title", "Words", "Codings", "Format", "Lang", "Speakers", *attributes)
        # The counts stand next to the title and a long title is cut, so every column fits the screen.
        title_room, speaker_room = column_room(self.size.width or 120, len(attributes))
        needle = self.query_one("#doc-filter", Input).value.strip().lower()
        key = self.SORTS[self.sort_index]
        ordered = sorted(self.documents, key=lambda d: getattr(d, key) if key != "title" else d.title.lower(),
                         reverse=key in ("words", "codings"))
        shown = 0
        for doc in ordered:
            haystack = " ".join([doc.title, *doc.speakers, *(str(v) for v in doc.attributes.values())]).lower()
            speakers = " · ".join(doc.speakers[:3]) + (" …" if len(doc.speakers) > 3 else "")
            if needle and needle not in haystack:
                continue
            table.add_row(shorten(doc.title, title_room), Text(f"{doc.words:,}", justify="right"),
                          Text(str(doc.codings), justify="right"), doc.format, doc.language,
                          shorten(speakers, speaker_room),
                          *(shorten(str(doc.attributes.get(name, "")), 14) for name in attributes), key=str(doc.id))
            shown += 1
        if shown:
            table.move_cursor(row=min(keep, shown - 1))
        if select is not None and str(select) in table.rows:
            table.move_cursor(row=table.get_row_index(str(select)))
        words = sum(d.words for d in self.documents)
        self.query_one("#doc-summary", Static).update(
            f" {shown} of {len(self.documents)} documents · {words:,} words · sorted by {key}"
            + ("" if self.documents else " · press i to import transcripts")
        )

    def on_resize(self) -> None:
        if self.documents:
            self._fill()

    def _current_id(self) -> int | None:
        table = self.query_one("#doc-table", DataTable)
        if not table.row_count:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return int(row_key.value) if row_key.value is not None else None

    def _current(self):
        doc_id = self._current_id()
        return next((d for d in self.documents if d.id == doc_id), None)

    @on(DataTable.RowSelected, "#doc-table")
    def action_open(self) -> None:
        doc_id = self._current_id()
        if doc_id is not None:
            host(self).open_document(doc_id)

    def action_filter(self) -> None:
        box = self.query_one("#doc-filter", Input)
        box.display = True
        box.focus()

    @on(Input.Changed, "#doc-filter")
    def _filter_changed(self) -> None:
        self._fill()

    @on(Input.Submitted, "#doc-filter")
    def _filter_done(self) -> None:
        self.query_one("#doc-table", DataTable).focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#doc-filter", Input)
        box.value = ""
        box.display = False
        self._fill()

    def action_sort(self) -> None:
        self.sort_index = (self.sort_index + 1) % len(self.SORTS)
        self._fill()

    def action_import(self) -> None:
        from workbench.tui.screens.import_dialog import ImportDialog

        self.show_dialog(ImportDialog(), lambda _done: self.load())

    def action_attributes(self) -> None:
        from workbench.tui.screens.attributes_editor import AttributesEditor

        doc_id = self._current_id()
        if doc_id is None:
            return
        doc = next(d for d in self.documents if d.id == doc_id)
        self.show_dialog(AttributesEditor(doc.id, doc.title, dict(doc.attributes)), lambda _saved: self.load())

    def action_memo(self) -> None:
        """Write or edit one's memo on the document."""
        from workbench.tui.screens.target_memo import TargetMemo

        doc = self._current()
        if doc is not None:
            TargetMemo(self, doc.title, document=doc.id).start()

    def action_rename(self) -> None:
        from workbench.tui.screens.prompt import PromptScreen

        doc = self._current()
        if doc is None:
            return
        self.show_dialog(
            PromptScreen(f"New title for {esc(doc.title)}:", doc.title, required="A title cannot be empty: type one, or press Esc to keep it."),
            lambda title: title and title != doc.title and self.change(
                lambda edits: edits.rename(doc.id, title), lambda _old: f"Renamed to “{title}”", doc.id))

    def action_replace(self) -> None:
        from workbench.tui.screens.replace_dialog import ReplaceDialog

        doc = self._current()
        if doc is not None:
            self.show_dialog(ReplaceDialog(doc.id, doc.title), lambda result: self._replaced(doc.id, result))

    def _replaced(self, doc_id: int, result) -> None:
        """Say what the replacement did; open the review when codings wait for it."""
        self.load()
        if result is None:
            return
        self.notify(result.line, timeout=6, markup=False)
        if result.reviews:
            self.action_review(doc_id)

    def action_review(self, doc_id: int | None = None) -> None:
        from workbench.tui.screens.review_dialog import ReviewDialog

        self.show_dialog(ReviewDialog(doc_id if doc_id is not None else self._current_id()), lambda _changed: self.load())

    def action_remove(self) -> None:
        doc = self._current()
        if doc is not None:
            self.ask_to_remove(doc.id)

    @work(thread=True, group="document-edit")
    def ask_to_remove(self, doc_id: int) -> None:
        """Count what would go (every coder's codings, suggestions, memos, log links), then ask."""
        from workbench.domain.errors import WorkbenchError

        try:
            goes = host(self).project.document_edits.what_goes(doc_id)
        except WorkbenchError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=6, markup=False)
            return
        self.app.call_from_thread(self._confirm_remove, goes)

    def _confirm_remove(self, goes) -> None:
        from workbench.tui.screens.remove_dialog import ERASE, REMOVE, RemoveDialog

        extra = "".join(f", {counted(count, word)}"
                        for count, word in ((goes.memos, "memo"), (goes.log_links, "log link")) if count)
        explanation = (f"Its {counted(goes.codings, 'coding')}{extra} and its attribute values go with it. "
                       "u on this screen (or `workbench undo`) brings it all back.")
        self.show_dialog(
            RemoveDialog(f"Remove “{goes.title}”?", explanation),
            lambda choice: (choice == REMOVE and self.change(
                lambda edits: edits.remove(goes.id),
                lambda gone: f"Removed “{gone.title}” with {counted(gone.codings, 'coding')}; u brings it back."))
            or (choice == ERASE and self.change(lambda _edits: host(self).project.erasure.erase(goes.id), _erased)))

    def action_undo(self) -> None:
        # Through the codebook service, as `workbench undo` does, so undoing a codebook change updates its file.
        self.change(lambda _edits: host(self).project.history.undo(), lambda event: f"Undid: {event.summary}",
                    touched=lambda event: _document_of(event.target))

    @work(thread=True, group="document-edit")
    def change(self, operation, describe, select: int | None = None, touched=None) -> None:
        """Run one edit; a refusal becomes a notification, then the table is read again."""
        from workbench.domain.errors import WorkbenchError

        project = host(self).project
        try:
            result = operation(project.document_edits)
        except WorkbenchError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=6, markup=False)
            return
        self.app.call_from_thread(self.notify, describe(result), timeout=4, markup=False)
        # The cursor goes to the document the change touched (an undo: the one it brought back or changed).
        self.post_message(DocumentsLoaded(project.documents.list(), touched(result) if touched else select))


def _erased(gone) -> str:
    """What an erasure did, and the backups the user should delete too."""
    backups = f" Delete these backups too: {', '.join(gone.backups)}." if gone.backups else ""
    return f"Erased “{gone.title}” for good, from the project, its history and the database file.{backups}"


def _document_of(target: str) -> int | None:
    """The document id of an event's target (`document:12`), or None for another target."""
    kind, _, ident = target.partition(":")
    return int(ident) if kind == "document" and ident.isdigit() else None


def attributes_that_fit(width: int) -> int:
    """How many attribute columns a screen `width` wide has room for beside a readable title and speakers."""
    return max(0, (width - 9 - 8 - 7 - 5 - 2 * 6 - 2 - 28 - 14) // 17)


def column_room(width: int, attributes: int) -> tuple[int, int]:
    """How many characters the title and the speakers get on a screen `width` wide beside the other columns."""
    fixed = 9 + 8 + 7 + 5 + attributes * 15 + 2 * (6 + attributes) + 2  # words, codings, format, language, cells
    room = max(width - fixed, 24)
    speakers = max(12, min(30, room // 3))
    return max(room - speakers, 16), speakers
