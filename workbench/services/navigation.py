"""Span helpers for the coding screen: grow a selection, find the unit at a cursor, step between codings."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.codings import NearbyCoding
from workbench.domain.errors import InvalidInput
from workbench.domain.spans import UNITS, Span, check_span, grow_to_words
from workbench.services.layouts import load_layouts
from workbench.services.lookup import CodeTree, coder_names, resolve_coder, resolve_document
from workbench.services.texts import texts_for
from workbench.store.schema import Coding as CodingRow


def _units(session: Session, doc_id: int, unit: str):
    if unit not in ("sentence", "turn"):
        raise InvalidInput(f"The unit '{unit}' is not one of sentence, turn.")
    layout = load_layouts(session, [doc_id])[doc_id]
    return layout.sentences if unit == "sentence" else layout.turns


def grow(session: Session, document: str | int, start: int, end: int, to: str) -> Span:
    """`[start, end)` widened to whole words, or to the sentences or turns it touches."""
    if to not in UNITS:
        raise InvalidInput(f"Cannot grow a span to '{to}'; choose one of {', '.join(UNITS)}.")
    doc_id, title = resolve_document(session, document)
    text = texts_for(session, [doc_id])[doc_id]
    check_span(start, end, len(text), title)
    if to == "word":
        return grow_to_words(text, start, end)
    cover = _units(session, doc_id, to).cover(start, end)
    return Span(min(start, cover.start), max(end, cover.end)) if cover else Span(start, end)


def unit_at(session: Session, document: str | int, offset: int, unit: str) -> Span | None:
    """The sentence or turn that contains `offset`, or None when the offset falls between two."""
    doc_id, _title = resolve_document(session, document)
    units = _units(session, doc_id, unit)
    index = units.index_at(offset)
    return units.span(index) if index is not None else None


def neighbour(
    session: Session, document: str | int, offset: int, *, forward: bool, coder: str | None = None,
    visible: list | None = None,
) -> NearbyCoding | None:
    """The nearest applied or suggested coding starting after (or before) `offset`, among the `visible` ones."""
    doc_id, _title = resolve_document(session, document)
    query = select(CodingRow.id, CodingRow.code_id, CodingRow.coder_id, CodingRow.start, CodingRow.end).where(
        CodingRow.document_id == doc_id, CodingRow.status != "rejected", *(visible or [])
    )
    if coder is not None:
        query = query.where(CodingRow.coder_id == resolve_coder(session, coder))
    if forward:
        query = query.where(CodingRow.start > offset).order_by(CodingRow.start, CodingRow.end, CodingRow.id)
    else:
        query = query.where(CodingRow.start < offset).order_by(
            CodingRow.start.desc(), CodingRow.end.desc(), CodingRow.id.desc()
        )
    row = session.execute(query.limit(1)).first()
    if row is None:
        return None
    path = CodeTree.load(session).path(row.code_id)
    return NearbyCoding(row.id, path, coder_names(session).get(row.coder_id, ""), row.start, row.end)
