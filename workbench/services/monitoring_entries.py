"""Log entries: add, change, remove, list and show them, with their actors, links and memos."""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain import monitoring_values as values
from workbench.domain.errors import InvalidInput, NotFound
from workbench.domain.monitoring import EntryDraft, EntryFilter, LogEntry
from workbench.domain.monitoring_drafts import changed_entry, draft_changes, read_entry
from workbench.services import monitoring_lookup as find
from workbench.services.context import ServiceContext
from workbench.services.monitoring_views import load_entries
from workbench.store.base import utcnow
from workbench.store.schema import (
    FollowUpAction, LearningQuestion, LearningQuestionStatus, LogEntry as EntryRow, LogEntryActor,
    LogEntryLink, Memo,
)


ADD_HINT = "add them with `workbench log actor add NAME` (or import with --add-actors) and try again"
LIST_HINT = "`workbench log actor list` shows the names in the register"


def actor_ids(s: Session, names: tuple[str, ...], hint: str = ADD_HINT) -> list[int]:
    """The register ids of the named actors; every unknown name is reported in one sentence."""
    found, unknown = [], []
    for name in names:
        try:
            found.append(find.actor(s, name).id)
        except NotFound:
            unknown.append(name)
    if unknown:
        if len(unknown) == 1:
            named = f"The actor '{unknown[0]}' is"
        else:
            named = "The actors " + ", ".join(f"'{n}'" for n in unknown[:-1]) + f" and '{unknown[-1]}' are"
        raise InvalidInput(f"{named} not in the actor register; {hint}.")
    return list(dict.fromkeys(found))


def check_filter(s: Session, wanted: EntryFilter) -> None:
    """Refuse a filter that names an actor the register does not know (a typo would silently show nothing)."""
    actor_ids(s, wanted.actors, LIST_HINT)


class EntryService:
    """The entries of the monitoring log."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    # -- reading ---------------------------------------------------------------------------------------

    def get(self, entry_id: object) -> LogEntry:
        """One entry with its actors, links, memos, questions and actions."""
        with self.ctx.read() as s:
            row = find.entry(s, entry_id)
            return load_entries(s, select(EntryRow).where(EntryRow.id == row.id))[0]

    def list(self, wanted: EntryFilter | None = None) -> list[LogEntry]:
        """The entries a filter admits, in date order."""
        wanted = wanted or EntryFilter()
        query = select(EntryRow)
        if wanted.end:
            query = query.where(EntryRow.date <= wanted.end)
        with self.ctx.read() as s:
            check_filter(s, wanted)
            return [e for e in load_entries(s, query) if wanted.admits(e)]

    # -- writing ---------------------------------------------------------------------------------------

    def _author(self, draft: EntryDraft) -> int | None:
        """The author's coder id, registered before the unit of work starts (it has its own transaction)."""
        return self.ctx.coder_id(draft.author) if draft.author else None

    def _write(self, unit, row: EntryRow, draft: EntryDraft, author_id: int | None) -> None:
        s = unit.session
        ids = actor_ids(s, draft.actors)
        for field in ("date", "end_date", "time", "type", "title", "location", "observation", "interpretation",
                      "reflection", "significance", "significance_why", "confidentiality"):
            setattr(row, field, getattr(draft, field))
        row.author_id = author_id or row.author_id or unit.coder_id
        row.updated_at = utcnow()
        if row.id is None:
            s.add(row)
            s.flush()
        current = {link.actor_id: link for link in s.scalars(select(LogEntryActor).where(LogEntryActor.entry_id == row.id))}
        for actor_id, link in current.items():
            if actor_id not in ids:
                s.delete(link)
        for actor_id in ids:
            if actor_id not in current:
                s.add(LogEntryActor(entry_id=row.id, actor_id=actor_id))

    def add(self, entry: Mapping[str, Any] | EntryDraft, *, documents: tuple = (), codes: tuple = (),
            codings: tuple = (), memo: str = "") -> LogEntry:
        """Add an entry from raw values (or a draft), with optional links and a first memo."""
        draft = entry if isinstance(entry, EntryDraft) else read_entry(entry)
        author_id = self._author(draft)
        with self.ctx.change("log.add", summary=f"Logged {values.label(draft.type)} '{draft.title}'") as unit:
            row = EntryRow(guid=str(uuid.uuid4()))
            self._write(unit, row, draft, author_id)
            self._link(unit.session, row, documents, codes, codings)
            if memo.strip():
                unit.session.add(Memo(guid=str(uuid.uuid4()), text=memo.strip(), author_id=unit.coder_id, log_entry_id=row.id))
            unit.describe(target=f"log_entry:{row.id}")
            entry_id = row.id
        return self.get(entry_id)

    def update(self, entry_id: object, changes: Mapping[str, Any]) -> LogEntry:
        """Change some fields of an entry; the result is checked as a whole (an end still after the start)."""
        current = self.get(entry_id)
        draft = changed_entry(current, changes)
        before = changed_entry(current, {})
        changed = draft_changes(before, draft)
        if not changed:
            return current
        author_id = self._author(draft)
        with self.ctx.change("log.update", target=f"log_entry:{current.id}",
                             summary=f"Changed {', '.join(values.label(c) for c in changed)} of '{draft.title}'") as unit:
            self._write(unit, find.entry(unit.session, current.id), draft, author_id)
        return self.get(current.id)

    def delete(self, entry_id: object) -> None:
        """Remove an entry with its links and memos; questions and actions stay, no longer tied to it."""
        with self.ctx.change("log.delete") as unit:
            s = unit.session
            row = find.entry(s, entry_id)
            for model in (LogEntryActor, LogEntryLink):
                for dependent in s.scalars(select(model).where(model.entry_id == row.id)):
                    s.delete(dependent)
            for memo in s.scalars(select(Memo).where(Memo.log_entry_id == row.id)):
                s.delete(memo)
            for question in s.scalars(select(LearningQuestion).where(LearningQuestion.raised_entry_id == row.id)):
                question.raised_entry_id = None
            for change in s.scalars(select(LearningQuestionStatus).where(LearningQuestionStatus.entry_id == row.id)):
                change.entry_id = None
            for action in s.scalars(select(FollowUpAction).where(FollowUpAction.entry_id == row.id)):
                action.entry_id = None
            unit.describe(target=f"log_entry:{row.id}", summary=f"Removed log entry '{row.title}' ({row.date.isoformat()})")
            s.flush()
            s.delete(row)

    # -- links and memos -------------------------------------------------------------------------------

    def _link(self, s: Session, row: EntryRow, documents: tuple, codes: tuple, codings: tuple) -> builtins.list[str]:
        existing = {(l.document_id, l.code_id, l.coding_id) for l in s.scalars(select(LogEntryLink).where(LogEntryLink.entry_id == row.id))}
        added = []
        targets: builtins.list[tuple[tuple[int | None, int | None, int | None], str]] = [((find.document(s, ref).id, None, None), "document") for ref in documents]
        targets += [((None, find.code(s, ref).id, None), "code") for ref in codes]
        targets += [((None, None, find.coding(s, ref).id), "coding") for ref in codings]
        for key, kind in targets:
            if key in existing:
                continue
            existing.add(key)
            s.add(LogEntryLink(entry_id=row.id, document_id=key[0], code_id=key[1], coding_id=key[2]))
            added.append(kind)
        return added

    def link(self, entry_id: object, *, documents: tuple = (), codes: tuple = (), codings: tuple = ()) -> LogEntry:
        """Link an entry to documents (an interview's transcript), codes or codings."""
        if not (documents or codes or codings):
            raise InvalidInput("Name a document, code or coding to link the entry to.")
        with self.ctx.change("log.link") as unit:
            row = find.entry(unit.session, entry_id)
            added = self._link(unit.session, row, tuple(documents), tuple(codes), tuple(codings))
            unit.describe(target=f"log_entry:{row.id}", summary=f"Linked '{row.title}' to {len(added)} item(s)")
            entry_key = row.id
        return self.get(entry_key)

    def unlink(self, entry_id: object, link_id: int) -> LogEntry:
        """Remove one link of an entry (by the link's id, as `log show` lists it)."""
        with self.ctx.change("log.unlink") as unit:
            row = find.entry(unit.session, entry_id)
            link = unit.session.get(LogEntryLink, int(link_id))
            if link is None or link.entry_id != row.id:
                raise NotFound(f"Log entry {row.id} has no link {link_id}; `workbench log show {row.id}` lists its links.")
            unit.describe(target=f"log_entry:{row.id}", summary=f"Removed a link of '{row.title}'")
            unit.session.delete(link)
            entry_key = row.id
        return self.get(entry_key)

    def add_memo(self, entry_id: object, text: str, title: str = "") -> LogEntry:
        """Write a memo on an entry."""
        if not text.strip():
            raise InvalidInput("The memo is empty; write what you want to remember about the entry.")
        with self.ctx.change("log.memo") as unit:
            row = find.entry(unit.session, entry_id)
            unit.session.add(Memo(guid=str(uuid.uuid4()), title=title.strip(), text=text.strip(),
                                  author_id=unit.coder_id, log_entry_id=row.id))
            unit.describe(target=f"log_entry:{row.id}", summary=f"Wrote a memo on '{row.title}'")
            entry_key = row.id
        return self.get(entry_key)
