"""Word search on the Retrieval screen: `?word` finds every form of the words in the transcripts (spaCy's
lookup lemmatizer: `?financiering` also finds "financieringen"), `?"a phrase"` the phrase as written, and
`?/pattern/` a regular expression. `g` turns the hits into suggested codings, to accept or reject in the coding
screen."""

from __future__ import annotations

from rich.text import Text
from typing import Any

from textual import work
from textual.screen import Screen
from textual.widgets import Input

from workbench.domain.spans import shorten
from workbench.tui.host import host
from workbench.tui.markup import esc

PREFIX = "?"


def parse_search(query: str) -> tuple[str, str]:
    """The pattern and search mode of a `?...` query."""
    body = query[len(PREFIX):].strip()
    for mark, mode in (('"', "plain"), ("/", "regex")):
        if len(body) >= 2 and body[0] == body[-1] == mark:
            return body[1:-1], mode
    return body, "lemma"


def hit_row(hit) -> tuple[str, str, str, str]:
    """A hit as a table row: the match in a little of its context, no code, the speaker and the document."""
    around = f"…{hit.before[-24:]}{hit.text}{hit.after[:40]}…".replace("\n", " ")
    return shorten(around, 60), "", shorten(hit.speaker or "", 16), shorten(hit.document, 24)


def hit_text(hit) -> Text:
    """A hit for the panel under the table: where it was said, then the match in its context."""
    header = Text.from_markup(f"[b]{esc(hit.document)}[/b] · {esc(hit.speaker or '-')}\n")
    match = Text(hit.text, style="bold reverse")
    return Text.assemble(header, hit.before, match, hit.after)


class WordSearch(Screen[None]):
    """The base of RetrievalScreen, which keeps the rows listed and the codes of the codebook."""

    rows: list[Any]
    codes: list[Any]
    load_codes: Any  # the screen's worker that reads the codebook again

    def search_words(self, query: str, selection) -> tuple[list, str]:
        """Run in the screen's worker: the hits as rows, and the line that describes them."""
        pattern, mode = parse_search(query)
        hits = host(self).project.search.search(pattern, mode=mode, selection=selection)
        how = {"lemma": "every form of", "plain": "the phrase", "regex": "the pattern"}[mode]
        documents = len({hit.document_id for hit in hits})
        title = f"{len(hits)} hits of {how} “{pattern}” in {documents} documents"
        return [("word", hit) for hit in hits], title + (" · g makes them suggested codings" if hits else "")

    def action_suggest(self) -> None:
        from workbench.tui.screens.code_picker import CodePickerScreen

        hits = [item for kind, item in self.rows if kind == "word"]
        if not hits:
            self.notify("Search the transcripts first: type ?word in the query box (/).", severity="warning",
                        timeout=4, markup=False)
            return
        query = self.query_one("#retrieval-query", Input).value.strip()
        pattern = parse_search(query)[0]
        def picked(pick: Any) -> None:
            if pick is not None:
                self.store_suggestions(hits, pick, pattern)

        self.app.push_screen(CodePickerScreen(self.codes, f"{len(hits)} hits of “{pattern}”"), picked)

    @work(thread=True, group="retrieval-suggest")
    def store_suggestions(self, hits: list, pick, pattern: str) -> None:
        """Store the hits, widened to their sentences, as suggestions of the picked (or a new) code."""
        from workbench.domain.errors import WorkbenchError

        project = host(self).project
        try:
            if pick.code_id is not None:
                code = next(c for c in self.codes if c.id == pick.code_id)
            else:
                code = project.codebook.create(pick.new_name)
            made = project.search.suggest(hits, code.guid, unit="sentence", pattern=pattern)
        except WorkbenchError as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=6, markup=False)
            return
        note = (f"{len(made)} suggested codings of {code.path}; in the coding screen s goes to the next, "
                f"a accepts and r rejects (u undoes them all).")
        self.app.call_from_thread(self.notify, note, timeout=6, markup=False)
        self.app.call_from_thread(self.load_codes)
