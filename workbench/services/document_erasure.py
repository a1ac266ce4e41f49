"""Erase a document for good, as a participant who withdraws consent may ask: its text, turns, sentences,
codings, memos, attribute values and log links leave the tables *and* the event history, and the database file
keeps no copy (SQLite: secure_delete, a VACUUM and a truncated write-ahead log; PostgreSQL: VACUUM FULL of the
tables that held it).

Unlike `document remove`, erasing cannot be undone: the history keeps only that a document was erased. Backups
made before schema upgrades are copies of the whole database, so they are listed for the user to delete too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import delete, or_, select, text
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from workbench.services.context import ServiceContext
from workbench.services.lookup import resolve_document
from workbench.store.monitoring_schema import LogEntryLink
from workbench.store.schema import (
    AttributeValue,
    CaseDocument,
    Coding,
    Document,
    Event,
    Memo,
    Sentence,
    Turn,
)

ERASED = "an erased document"
# Tables whose rows can belong to a document, and the tables compacted after an erasure on PostgreSQL.
OWNED = ("documents", "turns", "sentences", "codings", "memos", "attribute_values", "case_documents",
         "log_entry_links")


@dataclass(frozen=True)
class ErasedDocument:
    """What an erasure took away, and the backups that still hold a copy."""

    id: int
    title: str
    codings: int
    memos: int
    attribute_values: int
    events_removed: int
    events_cleaned: int
    compacted: bool
    backups: tuple[str, ...]


def _owned_ids(s: Session, doc_id: int, events: list[Event]) -> dict[str, set[Any]]:
    """Ids of every row that belongs (or ever belonged) to the document, per table."""
    owned: dict[str, set[Any]] = {table: set() for table in OWNED}
    owned["documents"].add(doc_id)
    for table, model in (("turns", Turn), ("sentences", Sentence), ("codings", Coding),
                         ("attribute_values", AttributeValue)):
        owned[table].update(s.scalars(select(model.id).where(model.document_id == doc_id)))
    for event in events:
        for change in (event.payload or {}).get("changes", []):
            row = change.get("row") or {}
            if row.get("document_id") == doc_id and change.get("table") in owned:
                owned[change["table"]].add(_key(change.get("pk", {})))
    codings = owned["codings"]
    owned["memos"].update(s.scalars(select(Memo.id).where(or_(Memo.document_id == doc_id,
                                                                Memo.coding_id.in_(codings)))))
    owned["log_entry_links"].update(s.scalars(select(LogEntryLink.id).where(
        or_(LogEntryLink.document_id == doc_id, LogEntryLink.coding_id.in_(codings)))))
    for event in events:
        for change in (event.payload or {}).get("changes", []):
            row = change.get("row") or {}
            if change.get("table") in ("memos", "log_entry_links") and row.get("coding_id") in codings:
                owned[change["table"]].add(_key(change.get("pk", {})))
    return owned


def _key(pk: dict[str, Any]) -> Any:
    return pk.get("id", tuple(sorted(pk.items())))


def _belongs(change: dict[str, Any], doc_id: int, owned: dict[str, set[Any]]) -> bool:
    table = change.get("table")
    if table not in owned:
        return False
    row = change.get("row") or {}
    if row.get("document_id") == doc_id:
        return True
    if table == "case_documents":
        return (change.get("pk") or {}).get("document_id") == doc_id
    return _key(change.get("pk") or {}) in owned[table] or row.get("coding_id") in owned["codings"]


def _clean_history(s: Session, doc_id: int, title: str, target: str) -> tuple[int, int]:
    """Drop the document's rows from every event; events left with nothing about anything else go entirely."""
    events = list(s.scalars(select(Event).order_by(Event.id)))
    owned = _owned_ids(s, doc_id, events)
    removed = cleaned = 0
    doomed: set[int] = set()
    for event in events:
        payload = dict(event.payload or {})
        changes = payload.get("changes", [])
        kept = [c for c in changes if not _belongs(c, doc_id, owned)]
        summary = payload.get("summary", "")
        # Summaries quote titles ('X' or “X”): only quoted mentions are the document, not any matching letters.
        quoted = [f"{left}{title}{right}" for left, right in (("'", "'"), ("“", "”"), ('"', '"'))]
        mentions = bool(title) and any(q in summary for q in quoted)
        if event.target == target or (changes and not kept):
            doomed.add(event.id)
            continue
        if len(kept) != len(changes) or mentions:
            payload["changes"] = kept
            for quote in quoted:
                summary = summary.replace(quote, ERASED)
            payload["summary"] = summary
            payload["undoable"] = False
            event.payload = payload
            cleaned += 1
    # Undo and redo events of a removed event go with it.
    for event in events:
        if event.reverts_id in doomed:
            doomed.add(event.id)
    if doomed:
        s.execute(Event.__table__.update().where(Event.reverts_id.in_(doomed)).values(reverts_id=None))
        removed = cast(CursorResult[Any], s.execute(delete(Event).where(Event.id.in_(doomed)))).rowcount or 0
    return removed, cleaned


def _compact(ctx: ServiceContext) -> bool:
    """Leave no copy of deleted rows in the database file (or the server's table files)."""
    engine = ctx.db.engine
    if ctx.db.is_sqlite:
        # The raw connection is in autocommit mode (see store.database), as VACUUM needs.
        raw = engine.raw_connection()
        try:
            cursor = raw.cursor()
            cursor.execute("PRAGMA secure_delete = ON")
            cursor.execute("VACUUM")
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cursor.close()
        finally:
            raw.close()
        return True
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            for table in (*OWNED, "events"):
                connection.execute(text(f'VACUUM FULL "{table}"'))
        return True
    return False


def backups_of(ctx: ServiceContext) -> tuple[str, ...]:
    """The copies of the database made before upgrades (they hold everything, erased documents too)."""
    if ctx.project_dir is None:
        return ()
    folder = Path(ctx.project_dir) / ".workbench" / "backups"
    if not folder.is_dir():
        return ()
    return tuple(str(path) for path in sorted(folder.iterdir()) if path.is_file())


class ErasureService:
    """Erase a document and every trace of it; cannot be undone."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def erase(self, document: str | int) -> ErasedDocument:
        """Erase a document from the tables, the history and the database file; returns what went and the
        backups that still hold a copy."""
        coder_id = self.ctx.coder_id()
        with self.ctx.db.transaction() as s:
            if self.ctx.db.is_sqlite:
                s.execute(text("PRAGMA secure_delete = ON"))
            doc_id, title = resolve_document(s, document)
            coding_ids = select(Coding.id).where(Coding.document_id == doc_id)
            memos = cast(CursorResult[Any], s.execute(delete(Memo).where(or_(Memo.document_id == doc_id, Memo.coding_id.in_(coding_ids))))).rowcount
            s.execute(delete(LogEntryLink).where(or_(LogEntryLink.document_id == doc_id,
                                                     LogEntryLink.coding_id.in_(coding_ids))))
            codings = cast(CursorResult[Any], s.execute(delete(Coding).where(Coding.document_id == doc_id))).rowcount
            values = cast(CursorResult[Any], s.execute(delete(AttributeValue).where(AttributeValue.document_id == doc_id))).rowcount
            for model in (CaseDocument, Sentence, Turn):
                s.execute(delete(model).where(model.document_id == doc_id))
            s.execute(delete(Document).where(Document.id == doc_id))
            removed, cleaned = _clean_history(s, doc_id, title, f"document:{doc_id}")
            s.add(Event(coder_id=coder_id, kind="document.erase", target="documents",
                        payload={"summary": f"Erased document {doc_id} for good", "undoable": False, "changes": []}))
        compacted = _compact(self.ctx)
        return ErasedDocument(doc_id, title, codings or 0, memos or 0, values or 0, removed, cleaned, compacted,
                              backups_of(self.ctx))
