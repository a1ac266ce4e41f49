"""Change what was imported: a document's title, its speakers' names, or the whole document.

The text itself never changes (the offsets rule). Every edit is one undoable step: removing a document takes
its turns, sentences, codings, memos, attribute values and log links with it, and `undo` brings them all back.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from workbench.domain.errors import InvalidInput, NotFound
from workbench.domain.wording import counted
from workbench.services.context import ServiceContext
from workbench.services.lookup import resolve_document
from workbench.store.monitoring_schema import LogEntryLink
from workbench.store.schema import AttributeValue, CaseDocument, Coding, Document, Memo, Sentence, Turn


@dataclass(frozen=True)
class RemovedDocument:
    """What went with a removed document."""

    id: int
    title: str
    codings: int
    memos: int
    log_links: int


@dataclass(frozen=True)
class RenamedSpeaker:
    """A speaker label changed in some documents: `turns` per document title."""

    old: str
    new: str
    turns: dict[str, int]


class DocumentEditService:
    """Rename a document or its speakers, or remove it; each is one undoable step."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def rename(self, document: str | int, title: str) -> str:
        """Give a document a new title (unique in the project); returns the old one."""
        title = " ".join(title.split())
        if not title:
            raise InvalidInput("The new title is empty; give the document a title of at least one character.")
        if len(title) > 500:
            raise InvalidInput(f"The new title has {len(title)} characters; keep it to 500.")
        with self.ctx.change("document.rename") as unit:
            s = unit.session
            doc_id, old = resolve_document(s, document)
            taken = s.scalar(select(Document.id).where(Document.title == title, Document.id != doc_id))
            if taken is not None:
                raise InvalidInput(f"Document {taken} is already titled '{title}'; choose another title.")
            s.get_one(Document, doc_id).title = title
            unit.describe(target=f"document:{doc_id}", summary=f"Renamed the document '{old}' to '{title}'")
        return old

    def rename_speaker(self, old: str, new: str, documents: list[str | int] | None = None) -> RenamedSpeaker:
        """Rename a speaker in the given documents (all when none are given), e.g. `SPEAKER_01` to `Marieke`."""
        new = " ".join(new.split())
        if not new:
            raise InvalidInput("The new speaker name is empty; give a name or a role such as 'Interviewer'.")
        with self.ctx.change("document.speaker") as unit:
            s = unit.session
            ids = [resolve_document(s, ref)[0] for ref in documents or []]
            query = select(Turn).where(Turn.speaker == old)
            if ids:
                query = query.where(Turn.document_id.in_(ids))
            turns = list(s.scalars(query))
            if not turns:
                where = "in those documents" if ids else "in the project"
                raise NotFound(f"No turn {where} has the speaker '{old}'; `workbench show DOC` shows the speakers.")
            titles = dict(s.execute(select(Document.id, Document.title)
                                    .where(Document.id.in_({t.document_id for t in turns}))).all())
            per_document: Counter[str] = Counter()
            for turn in turns:
                turn.speaker = new
                per_document[titles[turn.document_id]] += 1
            unit.describe(target=f"document:{ids[0]}" if len(ids) == 1 else "documents",
                          summary=f"Renamed the speaker '{old}' to '{new}' in {counted(len(turns), 'turn')}")
        return RenamedSpeaker(old, new, dict(per_document))

    def what_goes(self, document: str | int) -> RemovedDocument:
        """What removing a document would take with it (every coder's codings and suggestions), nothing changed."""
        with self.ctx.read() as s:
            doc_id, title = resolve_document(s, document)
            codings, memos, links = (s.execute(select(func.count()).select_from(table).where(owned)).scalar_one()
                                     for table, owned in _belonging(doc_id))
        return RemovedDocument(doc_id, title, codings, memos, links)

    def remove(self, document: str | int) -> RemovedDocument:
        """Remove a document with everything that belongs to it."""
        with self.ctx.change("document.remove") as unit:
            s = unit.session
            doc_id, title = resolve_document(s, document)
            removed = _remove(s, doc_id)
            unit.describe(target=f"document:{doc_id}",
                          summary=f"Removed the document '{title}' with {counted(removed[0], 'coding')}")
        codings, memos, links = removed
        return RemovedDocument(doc_id, title, codings, memos, links)


def _belonging(doc_id: int):
    """The document's codings, and the memos and log links on it or on its codings: (table, condition) each."""
    coding_ids = select(Coding.id).where(Coding.document_id == doc_id)
    return ((Coding, Coding.document_id == doc_id),
            (Memo, or_(Memo.document_id == doc_id, Memo.coding_id.in_(coding_ids))),
            (LogEntryLink, or_(LogEntryLink.document_id == doc_id, LogEntryLink.coding_id.in_(coding_ids))))


def _remove(s: Session, doc_id: int) -> tuple[int, int, int]:
    """Delete the document's rows through the ORM, dependants first, so the event holds every one of them."""
    codings, memos, links = (list(s.scalars(select(table).where(owned))) for table, owned in _belonging(doc_id))
    stages = [
        memos + links,
        codings,
        [*s.scalars(select(AttributeValue).where(AttributeValue.document_id == doc_id)),
         *s.scalars(select(CaseDocument).where(CaseDocument.document_id == doc_id)),
         *s.scalars(select(Sentence).where(Sentence.document_id == doc_id)),
         *s.scalars(select(Turn).where(Turn.document_id == doc_id))],
    ]
    for stage in stages:
        for row in stage:
            s.delete(row)
        s.flush()
    s.delete(s.get(Document, doc_id))
    s.flush()
    return len(codings), len(memos), len(links)
