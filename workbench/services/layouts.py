"""The sentence and turn spans of many documents at once, for queries, matrices and span helpers.

Spans come from the span cache (they are fixed at import); speakers are always read from the database.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.query_eval import DocumentLayout
from workbench.domain.spans import Units
from workbench.services.plain_rows import plain_rows
from workbench.services.selection import chunks
from workbench.services.span_cache import document_spans
from workbench.services.texts import document_guids, texts_for
from workbench.store.schema import Turn


def document_lengths(session: Session, document_ids: Iterable[int]) -> dict[int, int]:
    """The length in characters of each document's text."""
    return {doc_id: len(text) for doc_id, text in texts_for(session, document_ids).items()}


def turn_speakers(session: Session, document_ids: Iterable[int]) -> dict[int, list[tuple[int, int, str | None]]]:
    """Each document's turns as `(start, end, speaker)`, in order."""
    result: dict[int, list[tuple[int, int, str | None]]] = {}
    for part in chunks(sorted(set(document_ids))):
        query = (
            select(Turn.document_id, Turn.start, Turn.end, Turn.speaker)
            .where(Turn.document_id.in_(part))
            .order_by(Turn.document_id, Turn.start)
        )
        for doc_id, start, end, speaker in plain_rows(session, query):
            result.setdefault(doc_id, []).append((start, end, speaker))
    return result


def load_layouts(session: Session, document_ids: Iterable[int]) -> dict[int, DocumentLayout]:
    """The sentences, turns and text length of each document.

    A document without stored sentences uses its turns as sentences; one without turns is a single turn. The
    length is where the last turn ends, since the stored text holds only what was said; only documents
    without turns have their text read.
    """
    ids = sorted(set(document_ids))
    spans = document_spans(session, document_guids(session, ids))
    lengths = {doc: own.turns.ends[-1] for doc, own in spans.items() if len(own.turns)}
    missing = [doc for doc in ids if doc not in lengths]
    if missing:
        lengths.update(document_lengths(session, missing))
    layouts = {}
    for doc in ids:
        length = lengths.get(doc, 0)
        own = spans.get(doc)
        whole = Units.ordered(array("q", [0] if length else []), array("q", [length] if length else []))
        turns = own.turns if own is not None and len(own.turns) else whole
        sentences = own.sentences if own is not None and len(own.sentences) else turns
        layouts[doc] = DocumentLayout(length, sentences, turns)
    return layouts


def unit_columns(session: Session, unit: str, document_ids: Iterable[int]) -> tuple[list[tuple[int, int]], list, list]:
    """The sentences or turns of the documents, in document order, as `(document ids, starts, ends)` where
    each document contributes one array of starts and one of ends (the counts below join them)."""
    layouts = load_layouts(session, document_ids)
    docs, starts, ends = [], [], []
    for doc, layout in sorted(layouts.items()):
        units = layout.sentences if unit == "sentence" else layout.turns
        docs.append((doc, len(units)))
        starts.append(units.starts)
        ends.append(units.ends)
    return docs, starts, ends
