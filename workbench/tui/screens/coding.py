"""Coding: read a transcript sentence by sentence, select a fragment, and code it with one key."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.tui.markup import esc
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Input, Static, Tree

from workbench.domain.selection import Selection
from workbench.domain.spans import Span, shorten
from workbench.tui.screens.coding_actions import CodingActions
from workbench.tui.screens.coding_document import DocumentActions
from workbench.tui.widgets.transcript_layout import CodingView, TurnView, timestamp
from workbench.tui.widgets.transcript_view import TranscriptView
from workbench.tui.widgets.key_bar import KeyBar


@dataclass
class DocumentLoaded(Message):
    """A document, its codings and the codebook were read."""

    document: object
    codings: list
    codes: list
    at: int | None
    keep: tuple[int, int] | None = None  # the selection to restore after a reload


@dataclass
class CodingsLoaded(Message):
    """The document's codings were read again after a change."""

    codings: list
    codes: list
    note: str = ""


class CodingScreen(CodingActions, DocumentActions, Screen):
    """The heart of the workbench: the transcript, the coding stripes, the code tree and the details."""

    CSS_PATH = "coding.tcss"
    live = None  # the listener of colleagues' changes on a shared server, when there is one
    BINDINGS = [
        Binding("down,j", "sentence(1)", "Next sentence", show=False),
        Binding("up,k", "sentence(-1)", "Previous sentence", show=False),
        Binding("shift+down", "extend(1)", "Extend down", show=False),
        Binding("shift+up", "extend(-1)", "Extend up", show=False),
        Binding("shift+right", "end_word(1)", "End +word", show=False),
        Binding("shift+left", "end_word(-1)", "End −word", show=False),
        Binding("ctrl+shift+right,alt+right", "start_word(1)", "Start +word", show=False),
        Binding("ctrl+shift+left,alt+left", "start_word(-1)", "Start −word", show=False),
        Binding("t", "turn", "Turn"),
        *(Binding(str(n), f"shortcut({n})", f"Code {n}", show=False) for n in range(1, 10)),
        Binding("c,enter", "pick", "Code…"),
        Binding("v", "in_vivo", "In vivo"),
        Binding("x", "remove", "Remove"),
        Binding("m", "memo", "Memo"),
        Binding("u,ctrl+z", "undo", "Undo"),
        Binding("ctrl+y", "redo", "Redo", show=False),
        Binding("right_square_bracket", "jump(1)", "Next coding", key_display="]"),
        Binding("left_square_bracket", "jump(-1)", "Previous coding", key_display="[", show=False),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("n", "hit(1)", "Next hit", show=False),
        Binding("N", "hit(-1)", "Previous hit", show=False),
        Binding("a", "accept", "Accept suggestion", show=False),
        Binding("r", "reject", "Reject suggestion", show=False),
        Binding("s", "next_suggestion", "Next suggestion", show=False),
        Binding("escape", "clear_search", "Clear search", show=False),
        Binding("p", "toggle_side", "Panel", show=False),
        Binding("S", "rename_speaker", "Rename speaker", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.document = None
        self.selection: Selection | None = None
        self.codings: list = []
        self.codes: list = []
        self.hits: list[tuple[int, int]] = []
        self.side_forced = False
        self.asked = False  # a document was asked for (or looked up): a later mount must not ask again
        self._tree_signature: tuple = ()
        self._tree_nodes: dict = {}
        self._tree_labels: dict = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="coding-body"):
            yield TranscriptView(id="transcript")
            with Vertical(id="side"):
                yield Static("[b]Codes in this document[/b]", classes="side-title")
                yield Tree("Codebook", id="code-tree")
                yield Static("[b]Under the cursor[/b]", classes="side-title")
                yield Static("", id="details")
        yield Input(placeholder="search this document (Enter; n / N for the next / previous hit)", id="search")
        yield Static("", id="status-line")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#search", Input).display = False
        tree = self.query_one("#code-tree", Tree)
        tree.show_root = False
        self.load_pending()
        self.set_interval(self.WATCH_SECONDS, self.watch_colleagues)
        # On a shared server colleagues' changes arrive as they commit; looking every few seconds stays the fallback.
        self.live = self.app.project.history.watch(lambda: self.app.call_from_thread(self.watch_colleagues))

    def on_unmount(self) -> None:
        if self.live is not None:
            self.live.stop()

    def on_resize(self, event) -> None:
        # The side panel gives way on narrow terminals so the transcript keeps a readable width.
        self.query_one("#side").display = event.size.width >= 110 or self.side_forced

    def action_toggle_side(self) -> None:
        self.side_forced = not self.side_forced
        side = self.query_one("#side")
        side.display = self.side_forced or self.size.width >= 110

    @property
    def view(self) -> TranscriptView:
        return self.query_one("#transcript", TranscriptView)

    def load_pending(self) -> None:
        """Open the document the app asked for; with none asked for, where this coder left off (once)."""
        pending = self.app.pending_document
        if pending is not None:
            self.app.pending_document = None
            self.asked = True
            self.load_document(*pending)
        elif self.document is None and not self.asked:
            self.asked = True
            self.open_where_left_off()

    @work(thread=True, exclusive=True, group="coding-load")
    def open_where_left_off(self) -> None:
        """With nothing asked for, the document of one's latest coding (or the first document) opens."""
        found = self.app.project.coding.where_left_off()
        if found is None:
            self.app.call_from_thread(self.query_one("#status-line", Static).update,
                                      "No documents yet: import transcripts on the Documents screen (F2, then i).")
        else:
            self.app.call_from_thread(self.load_document, *found)

    @work(thread=True, exclusive=True, group="coding-load")
    def load_document(self, document, at: int | None, keep: tuple[int, int] | None = None) -> None:
        from workbench.domain.errors import WorkbenchError

        project = self.app.project
        # Read first: a change made while the document is read shows up next time.
        seen, seen_others = project.history.latest_id(), project.history.latest_id(others=True)
        try:
            shown = project.documents.show(document)
        except WorkbenchError as exc:  # removed since it was asked for
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=5, markup=False)
            return
        codings = project.coding.list(document=shown.id)
        codes = project.codebook.list(include_retired=False)
        self.seen_event, self.seen_others = seen, seen_others
        self.post_message(DocumentLoaded(shown, codings, codes, at, keep))

    @on(DocumentLoaded)
    def _document_loaded(self, message: DocumentLoaded) -> None:
        doc = message.document
        self.document = doc
        turns = [TurnView(t.start, t.end, t.speaker, t.t_start) for t in doc.turns]
        sentences = [(s.start, s.end) if hasattr(s, "start") else tuple(s) for s in doc.sentences]
        self.selection = Selection(doc.text, sentences, [(t.start, t.end) for t in turns])
        self.view.set_document(doc.text, turns)
        self._show_codings(message.codings, message.codes)
        if message.keep is not None:
            self._select(Span(*message.keep))
        elif message.at is not None:
            self._select(self.selection.sentence_at(message.at))
        else:
            self._select(self.selection.first())
        self.view.focus()
        self.sub_title = doc.title
        self.call_after_refresh(self.app.keep_from_collector)

    def _show_codings(self, codings: list, codes: list) -> None:
        self.codings = codings
        self.codes = codes
        colours = {code.id: code.colour for code in codes}
        names = {code.id: code.name for code in codes}
        self.view.set_codings([
            CodingView(c.id, c.start, c.end, names.get(c.code_id, c.code.rsplit("/", 1)[-1]),
                       colours.get(c.code_id, "#808080"), suggested=c.status == "suggested", coder=c.coder)
            for c in codings if c.status != "rejected"
        ])
        self._fill_tree()
        self._show_details()

    @on(CodingsLoaded)
    def _codings_loaded(self, message: CodingsLoaded) -> None:
        self._show_codings(message.codings, message.codes)
        if message.note:
            self.notify(message.note, timeout=3, markup=False)

    def _fill_tree(self) -> None:
        """Build the code tree when the codebook changed; otherwise only refresh its counts."""
        tree = self.query_one("#code-tree", Tree)
        signature = tuple((c.id, c.path, c.colour, c.shortcut) for c in self.codes)
        if signature != self._tree_signature:
            self._tree_signature = signature
            tree.clear()
            self._tree_nodes, self._tree_labels = {}, {}
            branches = {}
            parents = {code.parent_path for code in self.codes}
            for code in self.codes:
                parent = branches.get(code.parent_path, tree.root)
                if code.path in parents:
                    node = branches[code.path] = parent.add("", data=code.id, expand=True)
                else:
                    node = parent.add_leaf("", data=code.id)
                self._tree_nodes[code.id] = node
            tree.root.expand()
        counts: dict[int, int] = {}
        for coding in self.codings:
            if coding.status == "applied":
                counts[coding.code_id] = counts.get(coding.code_id, 0) + 1
        for code in self.codes:
            key = esc(f"[{code.shortcut}] ") if code.shortcut else ""
            count = f" [b]{counts[code.id]}[/b]" if counts.get(code.id) else ""
            label = f"[{code.colour}]■[/] {key}{esc(code.name)}{count}"
            if self._tree_labels.get(code.id) != label:
                self._tree_labels[code.id] = label
                self._tree_nodes[code.id].set_label(label)

    # -- selection ------------------------------------------------------------------------------------

    @property
    def span(self) -> Span:
        start, end = self.view.selection
        return Span(start, end)

    def _select(self, span: Span) -> None:
        self.view.select(span.start, span.end)

    @on(TranscriptView.SelectionChanged)
    def _selection_changed(self, _message: TranscriptView.SelectionChanged) -> None:
        self._show_details()

    def turn_under_cursor(self) -> tuple[int, object] | None:
        """The index and turn of the selection (the nearest turn between two), or None without turns."""
        if self.document is None or not self.document.turns or self.selection is None:
            return None
        start, end = self.view.selection
        index = self.selection.turns.nearest(start, max(end, start + 1))[0]
        return index, self.document.turns[index]

    def codings_under_cursor(self) -> list:
        start, end = self.view.selection
        point_end = max(end, start + 1)
        return [c for c in self.codings if c.status != "rejected" and c.start < point_end and start < c.end]

    def _show_details(self) -> None:
        if self.document is None:
            return
        start, end = self.view.selection
        lines = []
        for coding in self.codings_under_cursor()[:6]:
            state = "" if coding.status == "applied" else f" [i]({coding.status})[/i]"
            lines.append(f"[b]{esc(coding.code)}[/b]{state}\n  {esc(coding.coder)} · {esc(f'[{coding.start}, {coding.end})')} · #{coding.id}")
            lines.append(f"  “{esc(shorten(coding.text, 60))}”")
            if coding.memo:
                lines.append(f"  [i]memo:[/i] {esc(shorten(coding.memo, 120))}")
        # Fixed heights and layout=False: a selection move repaints two lines, not the whole screen.
        self.query_one("#details", Static).update("\n".join(lines) or "[dim]No coding here.[/dim]", layout=False)
        turn_index, turn = self.turn_under_cursor() or (0, None)
        where = f"turn {turn_index + 1}/{len(self.document.turns)}" if turn else ""
        when = timestamp(turn.t_start) if turn and turn.t_start is not None else ""
        speaker = turn.speaker if turn and turn.speaker else ""
        self.query_one("#status-line", Static).update(layout=False, content=
            f" {esc(self.app.project.coder)} │ {esc(self.document.title)} │ {where} {esc(speaker)} {when} │ "
            f"selection {end - start} characters {esc(f'[{start}, {end})')}"
        )
