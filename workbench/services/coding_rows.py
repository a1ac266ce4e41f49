"""Read codings as domain records: document title, code path, coder, coded text and memo."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from workbench.domain.codings import Coding
from workbench.services.lookup import CodeTree, coder_names
from workbench.services.plain_rows import plain_rows
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
            memos.setdefault(cast(int, coding_id), text)
    return memos


def read_codings(
    session: Session, conditions: Iterable[ColumnElement[bool]], *, tree: CodeTree | None = None,
    limit: int | None = None,
) -> list[Coding]:
    """The codings matching the conditions, ordered by document and position."""
    tree = tree or CodeTree.load(session)
    columns = CodingRow.__table__.c
    query = (
        select(columns.id, columns.guid, columns.document_id, columns.code_id, columns.coder_id, columns.start,
               columns.end, columns.status, columns.origin, columns.created_at, columns.fingerprint, Document.title,
               Document.guid)
        .join(Document, Document.id == columns.document_id)
        .where(*conditions)
        .order_by(columns.document_id, columns.start, columns.end, columns.id)
    )
    if limit is not None:
        query = query.limit(limit)
    # Plain tuples: a document's thousand codings are read each time the coding screen opens it.
    rows = plain_rows(session, query)
    dialect = session.get_bind().dialect
    created = columns.created_at.type.dialect_impl(dialect).result_processor(dialect, None) or (lambda v: v)
    texts = document_texts(session, {row[2]: row[12] for row in rows})
    coders = coder_names(session)
    memos = coding_memos(session, [row[0] for row in rows])
    path = tree.path
    return [
        Coding(coding_id, guid, doc_id, title, code_id, path(code_id), coders.get(coder_id, ""), start, end,
               texts[doc_id][start:end], status, origin, memos.get(coding_id, ""), created(created_at), fingerprint)
        for (coding_id, guid, doc_id, code_id, coder_id, start, end, status, origin, created_at, fingerprint, title,
             _guid) in rows
    ]


def read_coding(session: Session, coding_id: int) -> Coding | None:
    found = read_codings(session, [CodingRow.id == coding_id])
    return found[0] if found else None
