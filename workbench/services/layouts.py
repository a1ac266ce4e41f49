"""Load the sentence and turn spans of many documents at once, for queries, matrices and span helpers."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby
from operator import itemgetter

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.query_eval import DocumentLayout
from workbench.domain.spans import Units
from workbench.services.plain_rows import plain_rows
from workbench.services.selection import chunks
from workbench.services.texts import texts_for
from workbench.store.schema import Sentence, Turn


def document_lengths(session: Session, document_ids: Iterable[int]) -> dict[int, int]:
    """The length in characters of each document's text."""
    return {doc_id: len(text) for doc_id, text in texts_for(session, document_ids).items()}


def unit_rows(session: Session, unit: str, document_ids: Iterable[int]) -> list[tuple[int, int, int]]:
    """`(document_id, start, end)` of every sentence or turn of the documents, in document order.

    The same fallbacks as `load_layouts`: a document without sentences gives its turns, one without turns
    its whole text.
    """
    ids = sorted(set(document_ids))
    rows: list[tuple[int, int, int]] = []
    for part in chunks(ids):
        model = Sentence if unit == "sentence" else Turn
        query = select(model.document_id, model.start, model.end).where(model.document_id.in_(part))
        rows.extend(plain_rows(session, query.order_by(model.document_id, model.start)))
    missing = set(ids) - {row[0] for row in rows}
    if missing and unit == "sentence":
        rows.extend(unit_rows(session, "turn", missing))
        missing -= {row[0] for row in rows}
    if missing:
        rows.extend((doc, 0, length) for doc, length in document_lengths(session, missing).items() if length)
    rows.sort()
    return rows


def _units(session: Session, model, document_ids: Iterable[int]) -> dict[int, Units]:
    """The sentence or turn spans of each document, read as plain rows in document order."""
    result: dict[int, Units] = {}
    for part in chunks(sorted(set(document_ids))):
        query = (
            select(model.document_id, model.start, model.end)
            .where(model.document_id.in_(part))
            .order_by(model.document_id, model.start)
        )
        for doc_id, group in groupby(plain_rows(session, query), key=itemgetter(0)):
            rows = list(group)
            result[doc_id] = Units.ordered([row[1] for row in rows], [row[2] for row in rows])
    return result


def turn_speakers(session: Session, document_ids: Iterable[int]) -> dict[int, list[tuple[int, int, str | None]]]:
    """Each document's turns as `(start, end, speaker)`, in order."""
    result: dict[int, list[tuple[int, int, str | None]]] = {}
    for part in chunks(sorted(set(document_ids))):
        query = (
            select(Turn.document_id, Turn.start, Turn.end, Turn.speaker)
            .where(Turn.document_id.in_(part))
            .order_by(Turn.document_id, Turn.start)
        )
        for doc_id, start, end, speaker in session.execute(query).all():
            result.setdefault(doc_id, []).append((start, end, speaker))
    return result


def load_layouts(
    session: Session, document_ids: Iterable[int], *, sentences: bool = True, turns: bool = True
) -> dict[int, DocumentLayout]:
    """The sentences and/or turns of the documents, with the length of their text.

    A document without stored sentences uses its turns as sentences; one without turns is a single turn. The
    length is where the last turn (or sentence) ends, since the stored text holds only what was said; only
    documents without either have their text read.
    """
    ids = sorted(set(document_ids))
    sentence_units = _units(session, Sentence, ids) if sentences else {}
    wanted_turns = ids if turns else [d for d in ids if d not in sentence_units]
    turn_units = _units(session, Turn, wanted_turns) if wanted_turns else {}
    lengths = {d: u.ends[-1] for d, u in sentence_units.items()}
    lengths.update({d: u.ends[-1] for d, u in turn_units.items()})
    missing = [d for d in ids if d not in lengths]
    if missing:
        lengths.update(document_lengths(session, missing))
    layouts = {}
    for doc_id in ids:
        length = lengths.get(doc_id, 0)
        whole = Units.ordered([0], [length]) if length else Units.ordered([], [])
        own_turns = turn_units.get(doc_id) or whole
        own_sentences = sentence_units.get(doc_id) or own_turns
        layouts[doc_id] = DocumentLayout(length, own_sentences, own_turns)
    return layouts
