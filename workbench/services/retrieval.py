"""Retrieve the fragments of codes with their context, speaker, time, memo and document attributes.

One indexed query reads the codings with their speaker and memo; the texts, sentences and turns come from
the in-memory caches (they never change after import), so each context is a slice found by bisection.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from sqlalchemy import case, exists, select
from sqlalchemy.orm import Session

from workbench.domain.code_fragments import codes_meant, join_fragments, memo_line, read_code_name
from workbench.domain.codings import CONTEXTS, Fragment
from workbench.domain.errors import InvalidInput
from workbench.domain.filters import EVERYTHING, Selection
from workbench.services.context import ServiceContext
from workbench.services.lookup import CodeTree, coder_names
from workbench.services.plain_rows import plain_rows
from workbench.services.selection import attribute_values, chunks, resolve_scope
from workbench.services.span_cache import DocumentSpans, cached_spans, document_spans
from workbench.services.texts import document_texts
from workbench.services.visibility import visible_selection
from workbench.store.schema import Coding, Document, Memo, Sentence, Turn

# The first time documents are asked for, and with fewer codings than one per this many characters of them,
# each context is looked up in the database (a few index seeks per coding) rather than every sentence of the
# documents read: a first retrieval of one code in a large project then takes a fifth of the time. Reading the
# spans costs about as much as looking up one coding per 10,000 characters; asked for again, they are read and
# kept, and later retrievals bisect them in memory.
CHARACTERS_PER_DIRECT_CODING = 12_000

codings = Coding.__table__
turns = Turn.__table__
sentences = Sentence.__table__
documents = Document.__table__
memos = Memo.__table__


def _speaker():
    """The speaker of the last turn starting at or before the coding's start."""
    return (
        select(turns.c.speaker)
        .where(turns.c.document_id == codings.c.document_id, turns.c.start <= codings.c.start)
        .order_by(turns.c.start.desc())
        .limit(1)
        .scalar_subquery()
    )


def _first_memo():
    """The text of the coding's first memo."""
    return (
        select(memos.c.text).where(memos.c.coding_id == codings.c.id).order_by(memos.c.id).limit(1).scalar_subquery()
    )


def _located(conditions):
    """Codings with their turn's speaker, their memo and their document's title and GUID, in order."""
    return (
        select(
            codings.c.id, codings.c.document_id, codings.c.code_id, codings.c.coder_id, codings.c.start,
            codings.c.end, codings.c.status, _speaker(), _first_memo(), documents.c.title, documents.c.guid,
        )
        .join(documents, documents.c.id == codings.c.document_id)
        .where(*conditions)
        .order_by(codings.c.document_id, codings.c.start, codings.c.end, codings.c.id)
    )


def _last_unit(units, column, edge):
    """`column` of the last unit (sentence or turn) of the coding's document that meets `edge`, as a
    correlated subquery."""
    return (select(column).where(units.c.document_id == codings.c.document_id, edge)
            .order_by(units.c.start.desc()).limit(1).scalar_subquery())


def _context_edges(context: str):
    """The start of the last unit starting at or before a coding's start and the end of the last one starting
    before its end; a document without sentences uses its turns for them, as the span cache does."""
    def edges(units):
        return (_last_unit(units, units.c.start, units.c.start <= codings.c.start),
                _last_unit(units, units.c.end, units.c.start < codings.c.end))

    if context == "turn":
        return edges(turns)
    has_sentences = exists().where(sentences.c.document_id == codings.c.document_id)
    return tuple(case((has_sentences, by_sentence), else_=by_turn)
                 for by_sentence, by_turn in zip(edges(sentences), edges(turns)))


def direct_places(session: Session, coding_ids: list[int], context: str) -> dict[int, tuple]:
    """Each coding's context bounds and its turn's times, `{id: (lo, hi, t_start, t_end)}`, looked up in the
    database with the rule of `_context`."""
    starting_turn = turns.c.start <= codings.c.start
    columns = [codings.c.id, codings.c.start, codings.c.end, _last_unit(turns, turns.c.t_start, starting_turn),
               _last_unit(turns, turns.c.t_end, starting_turn)]
    if context != "none":
        columns += _context_edges(context)
    places = {}
    for part in chunks(coding_ids):
        for row in plain_rows(session, select(*columns).where(codings.c.id.in_(part))):
            coding_id, start, end, t_start, t_end = row[:5]
            lo, hi = (start, end) if context == "none" else (
                start if row[5] is None else min(row[5], start), end if row[6] is None else max(row[6], end))
            places[coding_id] = (lo, hi, t_start, t_end)
    return places


def _context(spans: DocumentSpans, context: str, start: int, end: int) -> tuple[int, int]:
    """From the last unit starting at or before the coding's start to the last one starting before its end;
    a coding reaching into the space between units keeps its own edge, so the context always holds it."""
    if context == "none":
        return start, end
    units = spans.sentences if context == "sentence" else spans.turns
    first = bisect_right(units.starts, start) - 1
    last = bisect_left(units.starts, end) - 1
    lo = units.starts[first] if first >= 0 else start
    hi = units.ends[last] if last >= 0 else end
    return min(lo, start), max(hi, end)


class RetrievalService:
    """Fragments of one or more codes, filtered by a Selection (see `domain.code_fragments` for what they are)."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def fragments(
        self, codes: Sequence[str], *, subcodes: bool = True, context: str = "sentence",
        selection: Selection = EVERYTHING, per_coder: bool = False,
    ) -> list[Fragment]:
        """The fragments of `codes`: their codings (with their sub-codes' unless `subcodes` is off or a name is
        written `=Name`) joined where they overlap, each naming its codes and coders; `per_coder` joins each
        coder's codings apart.

        `context` is `sentence` (the sentences the fragment touches), `turn` (the whole turns) or `none`.
        """
        found = self.codings(codes, subcodes=subcodes, context=context, selection=selection)
        with self.ctx.read() as s:
            order = [entry.path for entry in CodeTree.load(s).ordered()]
        return join_fragments(found, per_coder=per_coder, code_order=order)

    def codings(
        self, codes: Sequence[str], *, subcodes: bool = True, context: str = "sentence",
        selection: Selection = EVERYTHING,
    ) -> list[Fragment]:
        """The single codings of `codes` with their context, one Fragment each, in document order."""
        if context not in CONTEXTS:
            raise InvalidInput(f"The context '{context}' is not one of {', '.join(CONTEXTS)}.")
        if not codes:
            raise InvalidInput("No code was given; name at least one code to retrieve its fragments.")
        with self.ctx.read() as s:
            tree = CodeTree.load(s)
            code_ids: dict[int, None] = {}
            for ref in codes:
                name, with_subcodes = read_code_name(ref)
                entry = tree.resolve(name)
                code_ids.update(dict.fromkeys(codes_meant(entry.id, subcodes and with_subcodes, tree.descendants)))
            scope = resolve_scope(s, visible_selection(self.ctx, selection, s))
            if scope.document_ids is not None and not scope.document_ids:
                return []
            conditions = scope.coding_conditions() + [codings.c.code_id.in_(list(code_ids))]
            rows = s.execute(_located(conditions)).all()
            if scope.speakers is not None:
                rows = [row for row in rows if row[7] in scope.speakers]
            attributes = attribute_values(s, select(codings.c.document_id).where(*conditions))
            return self._build(s, tree, rows, context, attributes)

    def _build(self, s: Session, tree: CodeTree, rows, context: str, attributes) -> list[Fragment]:
        guids = {row[1]: row[10] for row in rows}
        texts = document_texts(s, guids)
        place = self._placer(s, rows, guids, texts, context)
        coders = coder_names(s)
        paths = {code_id: entry.path for code_id, entry in tree.entries.items()}
        no_attributes: dict = {}
        fragments: list[Fragment] = []
        append = fragments.append
        for coding_id, doc_id, code_id, coder_id, start, end, status, speaker, memo, title, _guid in rows:
            text = texts[doc_id]
            lo, hi, t_start, t_end = place(coding_id, doc_id, start, end)
            path, coder = paths[code_id], coders.get(coder_id, "")
            append(Fragment(
                coding_id, doc_id, title, path, coder, start, end, text[start:end],
                lo, hi, text[lo:hi], speaker, t_start, t_end, status, memo or "",
                attributes.get(doc_id, no_attributes), (path,), (coder,), (coding_id,),
                (memo_line(coder, memo),) if memo else (),
            ))
        return fragments

    @staticmethod
    def _placer(s: Session, rows, guids: dict[int, str], texts: dict[int, str], context: str):
        """A function giving a coding's context bounds and its turn's times, `(lo, hi, t_start, t_end)`: looked
        up in the database for a few codings in documents asked for the first time, else found in their spans."""
        spans, first_time = cached_spans(s, guids)
        unread = sum(len(texts[doc_id]) for doc_id in guids if doc_id not in spans)
        if first_time and len(rows) * CHARACTERS_PER_DIRECT_CODING < unread:
            places = direct_places(s, [row[0] for row in rows], context)
            return lambda coding_id, _doc_id, _start, _end: places[coding_id]
        spans = document_spans(s, guids)

        def from_spans(_coding_id: int, doc_id: int, start: int, end: int) -> tuple:
            own = spans[doc_id]
            lo, hi = _context(own, context, start, end)
            turn = bisect_right(own.turns.starts, start) - 1  # the turn the coding starts in, as the speaker
            if turn < 0:
                return lo, hi, None, None
            return lo, hi, own.turn_starts_at[turn], own.turn_ends_at[turn]

        return from_spans
