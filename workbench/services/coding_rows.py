"""Read codings as domain records: document title, code path, coder, coded text and memo."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from workbench.domain.codings import Coding
from workbench.services.lookup import CodeTree, coder_names
from workbench.services.selection import chunks
from workbench.services.texts import document_texts
from workbench.store.schema import Coding as CodingRow
from workbench.store.schema import Document, Memo


def coding_memos(session: Session, coding_ids: Iterable[int]) -> dict[int, str]:
    """The memo text of each coding that has one (the first, when there are several)."""
    memos: dict[int, str] = {}
    for part in chunks(sorted(set(coding_ids))):
        query = select(Memo.coding_id, Memo.text).where(Memo.coding_id.in_(part)).order_by(Memo.id)
        for coding_id, text in session.execute(query).all():
            memos.setdefault(coding_id, text)
    return memos


def read_codings(
    session: Session, conditions: Iterable[ColumnElement[bool]], *, tree: CodeTree | None = None,
    limit: int | None = None,
) -> list[Coding]:
    """The codings matching the conditions, ordered by document and position."""
    tree = tree or CodeTree.load(session)
    query = (
        select(CodingRow, Document.title, Document.guid)
        .join(Document, Document.id == CodingRow.document_id)
        .where(*conditions)
        .order_by(CodingRow.document_id, CodingRow.start, CodingRow.end, CodingRow.id)
    )
    if limit is not None:
        query = query.limit(limit)
    rows = session.execute(query).all()
    texts = document_texts(session, {c.document_id: guid for c, _title, guid in rows})
    coders = coder_names(session)
    memos = coding_memos(session, [row[0].id for row in rows])
    return [
        Coding(
            id=c.id, guid=c.guid, document_id=c.document_id, document=title, code_id=c.code_id,
            code=tree.path(c.code_id), coder=coders.get(c.coder_id, ""), start=c.start, end=c.end,
            text=texts[c.document_id][c.start : c.end], status=c.status, origin=c.origin,
            memo=memos.get(c.id, ""), created_at=c.created_at, fingerprint=c.fingerprint,
        )
        for c, title, _guid in rows
    ]


def read_coding(session: Session, coding_id: int) -> Coding | None:
    found = read_codings(session, [CodingRow.id == coding_id])
    return found[0] if found else None
