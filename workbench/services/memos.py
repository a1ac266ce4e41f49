"""Memos on the project, a document, a code or a coding: write, edit, delete and list them."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.errors import InvalidInput, NotFound
from workbench.domain.memos import Memo
from workbench.domain.spans import shorten
from workbench.services.context import ServiceContext
from workbench.services.lookup import CodeTree, coder_names, resolve_document
from workbench.services.texts import texts_for
from workbench.store.base import utcnow
from workbench.store.schema import Coding as CodingRow
from workbench.store.schema import Document
from workbench.store.schema import Memo as MemoRow


def _target(row: MemoRow) -> tuple[str, int | None]:
    for kind, value in (("document", row.document_id), ("code", row.code_id), ("coding", row.coding_id),
                        ("log_entry", row.log_entry_id)):
        if value is not None:
            return kind, value
    return "project", None


def _labels(session: Session, rows: list[MemoRow]) -> dict[int, str]:
    """A readable name for each memo's target: the document title, code path or coded text."""
    tree = CodeTree.load(session)
    doc_ids = {r.document_id for r in rows if r.document_id is not None}
    coding_ids = {r.coding_id for r in rows if r.coding_id is not None}
    titles: dict[int | None, str] = {}
    if doc_ids:
        titles = dict(session.execute(select(Document.id, Document.title).where(Document.id.in_(doc_ids))).all())
    codings: dict[int | None, str] = {}
    if coding_ids:
        query = select(CodingRow.id, CodingRow.code_id, CodingRow.document_id, CodingRow.start, CodingRow.end).where(
            CodingRow.id.in_(coding_ids)
        )
        found = session.execute(query).all()
        texts = texts_for(session, {row[2] for row in found})
        codings = {cid: f"'{shorten(texts[doc][a:b])}' ({tree.path(code)})" for cid, code, doc, a, b in found}
    labels = {}
    for row in rows:
        kind, value = _target(row)
        if kind == "document":
            labels[row.id] = titles.get(value, "")
        elif kind == "code":
            labels[row.id] = tree.path(value) if value in tree.entries else ""
        elif kind == "coding":
            labels[row.id] = codings.get(value, "")
        elif kind == "log_entry":
            labels[row.id] = f"log entry {value}"
        else:
            labels[row.id] = "project"
    return labels


def _as_domain(rows: list[MemoRow], labels: dict[int, str], authors: dict[int | None, str]) -> list[Memo]:
    result = []
    for row in rows:
        kind, value = _target(row)
        result.append(Memo(
            id=row.id, guid=row.guid, title=row.title, text=row.text, author=authors.get(row.author_id),
            target_kind=kind, target_id=value, target_label=labels.get(row.id, ""),
            created_at=row.created_at, updated_at=row.updated_at,
        ))
    return result


class MemoService:
    """Memos, each change one undoable event."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def add(self, text: str, *, title: str = "", document: str | int | None = None, code: str | None = None,
            coding: int | None = None) -> Memo:
        """Write a memo on the project (no target), a document, a code or a coding."""
        if not text.strip() and not title.strip():
            raise InvalidInput("The memo is empty; give it a text or a title.")
        if sum(x is not None for x in (document, code, coding)) > 1:
            raise InvalidInput("A memo belongs to one thing: give a document, a code or a coding, not several.")
        with self.ctx.change("memo.add") as unit:
            s = unit.session
            memo = MemoRow(guid=str(uuid.uuid4()), title=title.strip(), text=text, author_id=unit.coder_id)
            if document is not None:
                memo.document_id = resolve_document(s, document)[0]
            elif code is not None:
                memo.code_id = CodeTree.load(s).resolve(code).id
            elif coding is not None:
                if s.get(CodingRow, coding) is None:
                    raise NotFound(f"There is no coding with id {coding}; `workbench codings` lists them.")
                memo.coding_id = coding
            s.add(memo)
            s.flush()
            label = _labels(s, [memo])[memo.id]
            unit.describe(target=f"memo:{memo.id}", summary=f"Wrote a memo on {_about(memo, label)}")
            memo_id = memo.id
        return self.get(memo_id)

    def edit(self, memo_id: int, *, text: str | None = None, title: str | None = None) -> Memo:
        """Change a memo's text and/or title."""
        with self.ctx.change("memo.edit", target=f"memo:{memo_id}") as unit:
            memo = self._row(unit.session, memo_id)
            if text is not None:
                memo.text = text
            if title is not None:
                memo.title = title.strip()
            if unit.session.is_modified(memo):
                memo.updated_at = utcnow()
            label = _labels(unit.session, [memo])[memo.id]
            unit.describe(summary=f"Edited the memo on {_about(memo, label)}")
        return self.get(memo_id)

    def delete(self, memo_id: int) -> Memo:
        """Delete a memo; returns it as it was."""
        before = self.get(memo_id)
        with self.ctx.change("memo.delete", target=f"memo:{memo_id}") as unit:
            memo = self._row(unit.session, memo_id)
            unit.session.delete(memo)
            unit.describe(summary=f"Deleted the memo on {_about(memo, before.target_label)}")
        return before

    def get(self, memo_id: int) -> Memo:
        with self.ctx.read() as s:
            row = self._row(s, memo_id)
            return _as_domain([row], _labels(s, [row]), coder_names(s))[0]

    def list(self, *, about: str | None = None, document: str | int | None = None, code: str | None = None,
             coding: int | None = None) -> list[Memo]:
        """Memos, oldest first; `about` limits them to project, document, code or coding memos."""
        with self.ctx.read() as s:
            query = select(MemoRow).order_by(MemoRow.id)
            if document is not None:
                query = query.where(MemoRow.document_id == resolve_document(s, document)[0])
            if code is not None:
                query = query.where(MemoRow.code_id == CodeTree.load(s).resolve(code).id)
            if coding is not None:
                query = query.where(MemoRow.coding_id == coding)
            if about is not None:
                column = {"document": MemoRow.document_id, "code": MemoRow.code_id, "coding": MemoRow.coding_id,
                          "log_entry": MemoRow.log_entry_id}.get(about)
                if about == "project":
                    query = query.where(MemoRow.document_id.is_(None), MemoRow.code_id.is_(None),
                                        MemoRow.coding_id.is_(None), MemoRow.log_entry_id.is_(None))
                elif column is None:
                    raise InvalidInput(f"Memos are about project, document, code or coding, not '{about}'.")
                else:
                    query = query.where(column.is_not(None))
            rows = list(s.scalars(query))
            return _as_domain(rows, _labels(s, rows), coder_names(s))

    @staticmethod
    def _row(session: Session, memo_id: int) -> MemoRow:
        row = session.get(MemoRow, memo_id)
        if row is None:
            raise NotFound(f"There is no memo with id {memo_id}; `workbench memo list` shows them.")
        return row


def _about(memo: MemoRow, label: str) -> str:
    kind, _ = _target(memo)
    if kind == "project":
        return "the project"
    if kind == "coding":
        return f"the coding {label}"
    return f"{kind.replace('_', ' ')} '{label}'" if label else kind
