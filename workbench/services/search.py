"""Search the transcripts' text: plain phrases, regular expressions, or lemmas (Dutch and English)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from workbench.domain.codings import Coding
from workbench.domain.errors import InvalidInput
from workbench.domain.filters import EVERYTHING, Selection
from workbench.domain.search import DEFAULT_WIDTH, MODES, SearchHit, compile_pattern, context, find_matches
from workbench.services.coding_sets import speaker_lookup
from workbench.services.context import ServiceContext
from workbench.services.layouts import load_layouts, turn_speakers
from workbench.services.selection import chunks, resolve_scope
from workbench.services.texts import texts_for
from workbench.store.schema import Document

GROW_UNITS = ("match", "sentence", "turn")


class SearchService:
    """Keyword-in-context search, and turning hits into suggested codings."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def search(
        self, pattern: str, *, mode: str = "plain", case_sensitive: bool = False, selection: Selection = EVERYTHING,
        width: int = DEFAULT_WIDTH, limit: int | None = None,
    ) -> list[SearchHit]:
        """Every match of `pattern` in the selected documents, in document order.

        `plain` finds the phrase (any spacing), `regex` a regular expression, `lemma` every inflected form of
        the words (spaCy's lookup lemmatizer for the document's language: `financiering` finds `financieringen`).
        """
        if mode not in MODES:
            raise InvalidInput(f"The search mode '{mode}' is not one of {', '.join(MODES)}.")
        compiled = None
        if mode != "lemma":
            compiled = compile_pattern(pattern, mode, case_sensitive)
        elif not pattern.strip():
            raise InvalidInput("The search pattern is empty; give a word or phrase to look for.")
        hits: list[SearchHit] = []
        with self.ctx.read() as s:
            scope = resolve_scope(s, selection)
            query = select(Document.id).order_by(Document.id)
            if scope.document_ids is not None:
                query = query.where(Document.id.in_(sorted(scope.document_ids)))
            doc_ids = list(s.scalars(query))
            for part in chunks(doc_ids, 50):
                rows = s.execute(
                    select(Document.id, Document.title, Document.language).where(Document.id.in_(part)).order_by(Document.id)
                ).all()
                texts = texts_for(s, part)
                found = {}
                turns = turn_speakers(s, part) if compiled is None else {}
                for doc_id, title, language in rows:
                    text = texts[doc_id]
                    if compiled is not None:
                        matches = find_matches(compiled, text)
                    else:
                        regions = [(start, end) for start, end, _ in turns.get(doc_id, [])] or [(0, len(text))]
                        matches = _lemma_matches(text, regions, pattern, language)
                    if matches:
                        found[doc_id] = (title, text, matches)
                speaker = speaker_lookup(s, found)
                for doc_id, (title, text, matches) in found.items():
                    for start, end in matches:
                        who = speaker(doc_id, start)
                        if scope.speakers is not None and who not in scope.speakers:
                            continue
                        before, after = context(text, start, end, width)
                        hits.append(SearchHit(doc_id, title, start, end, text[start:end], before, after, who))
                        if limit is not None and len(hits) >= limit:
                            return hits
        return hits

    def suggest(self, hits: Sequence[SearchHit], code: str, *, unit: str = "match", pattern: str = "") -> list[Coding]:
        """Store search hits as suggested codings of `code`, widened to their sentence or turn when asked."""
        if unit not in GROW_UNITS:
            raise InvalidInput(f"Suggestions cover the match, its sentence or its turn, not '{unit}'.")
        spans = [(h.document_id, h.start, h.end) for h in hits]
        if unit != "match" and spans:
            with self.ctx.read() as s:
                layouts = load_layouts(s, {doc for doc, _, _ in spans})
            grown = []
            for doc, start, end in spans:
                layout = layouts[doc]
                cover = (layout.sentences if unit == "sentence" else layout.turns).cover(start, end)
                grown.append((doc, min(start, cover.start), max(end, cover.end)) if cover else (doc, start, end))
            spans = grown
        why = f"from the search '{pattern}'" if pattern else "from a search"
        from workbench.services.coding import CodingService

        return CodingService(self.ctx).suggest(spans, code, origin="search", why=why)


def _lemma_matches(text: str, regions: list[tuple[int, int]], pattern: str, language: str) -> list[tuple[int, int]]:
    """Matches of the pattern's lemmas; spaCy is loaded here, on the first lemma search."""
    from workbench.nlp.lemmas import find_lemma_matches, lemmatise

    return find_lemma_matches(text, regions, lemmatise(pattern, language), language)
