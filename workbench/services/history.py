"""Undo, redo and the activity feed, all read from the append-only events table."""

from __future__ import annotations

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from workbench.domain.errors import Conflict, NotFound
from workbench.domain.history import HistoryEvent
from workbench.services.context import ServiceContext
from workbench.store import changes as row_changes
from workbench.store.schema import Coder, Event

UNDO, REDO = "undo", "redo"


def _as_domain(event: Event, coder: str | None) -> HistoryEvent:
    payload = event.payload or {}
    return HistoryEvent(
        id=event.id, at=event.at, coder=coder, kind=event.kind, target=event.target,
        summary=payload.get("summary", ""), reverts=event.reverts_id,
    )


class HistoryService:
    """Per-coder undo and redo in stack order; each undo or redo is itself an event."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def _undone(self):
        """Events whose latest undo has not been redone."""
        undo, redo = aliased(Event), aliased(Event)
        not_redone = ~exists().where(and_(redo.kind == REDO, redo.reverts_id == undo.id))
        return exists().where(and_(undo.kind == UNDO, undo.reverts_id == Event.id, not_redone))

    def _undo_target(self, s: Session, coder_id: int) -> Event | None:
        query = (
            select(Event)
            .where(Event.coder_id == coder_id, Event.kind.not_in((UNDO, REDO)), ~self._undone())
            .order_by(Event.id.desc())
            .limit(200)
        )
        # Events that cannot be undone (imports, for example) are stepped over.
        for event in s.scalars(query):
            if (event.payload or {}).get("undoable", False):
                return event
        return None

    def _redo_target(self, s: Session, coder_id: int) -> Event | None:
        redo = aliased(Event)
        last_undo = s.scalar(
            select(Event)
            .where(
                Event.coder_id == coder_id, Event.kind == UNDO,
                ~exists().where(and_(redo.kind == REDO, redo.reverts_id == Event.id)),
            )
            .order_by(Event.id.desc())
            .limit(1)
        )
        if last_undo is None:
            return None
        newer_change = s.scalar(
            select(Event.id).where(
                Event.coder_id == coder_id, Event.id > last_undo.id, Event.kind.not_in((UNDO, REDO))
            ).limit(1)
        )
        return None if newer_change is not None else last_undo

    def undo(self) -> HistoryEvent:
        """Undo this coder's latest change that is not undone yet; says what it undid."""
        coder_id = self.ctx.coder_id()
        with self.ctx.db.transaction() as s:
            target = self._undo_target(s, coder_id)
            if target is None:
                raise NotFound(f"There is nothing of {self.ctx.coder}'s to undo.")
            why = row_changes.apply(s, row_changes.invert(target.payload.get("changes", [])))
            if why:
                raise Conflict(f"Cannot undo '{target.payload.get('summary') or target.kind}': {why}.")
            summary = target.payload.get("summary") or target.kind
            s.add(Event(coder_id=coder_id, kind=UNDO, target=target.target, reverts_id=target.id,
                        payload={"summary": summary, "undoable": False}))
        return HistoryEvent(id=target.id, at=target.at, coder=self.ctx.coder, kind=target.kind,
                            target=target.target, summary=summary, reverts=None)

    def redo(self) -> HistoryEvent:
        """Redo this coder's latest undone change, as long as nothing new was done since."""
        coder_id = self.ctx.coder_id()
        with self.ctx.db.transaction() as s:
            undo_event = self._redo_target(s, coder_id)
            if undo_event is None:
                raise NotFound(f"There is nothing of {self.ctx.coder}'s to redo.")
            original = s.get(Event, undo_event.reverts_id)
            if original is None:
                raise NotFound(f"There is nothing of {self.ctx.coder}'s to redo.")
            why = row_changes.apply(s, original.payload.get("changes", []))
            if why:
                raise Conflict(f"Cannot redo '{original.payload.get('summary') or original.kind}': {why}.")
            summary = original.payload.get("summary") or original.kind
            s.add(Event(coder_id=coder_id, kind=REDO, target=original.target, reverts_id=undo_event.id,
                        payload={"summary": summary, "undoable": False}))
        return HistoryEvent(id=original.id, at=original.at, coder=self.ctx.coder, kind=original.kind,
                            target=original.target, summary=summary, reverts=None)

    def latest_id(self, *, others: bool = False) -> int | None:
        """The id of the newest event (of the other coders' only, with `others`): it changes whenever anyone
        (any colleague) changes anything in the project."""
        with self.ctx.read() as s:
            query = select(func.max(Event.id))
            if others:
                me = s.scalar(select(Coder.id).where(Coder.name == self.ctx.coder))
                if me is not None:
                    query = query.where(or_(Event.coder_id != me, Event.coder_id.is_(None)))
            return s.scalar(query)

    def recent(self, limit: int = 20, *, target_prefix: str | None = None) -> list[HistoryEvent]:
        """The latest events, newest first, optionally only those whose target starts with a prefix."""
        with self.ctx.read() as s:
            query = select(Event, Coder.name).join(Coder, Coder.id == Event.coder_id, isouter=True)
            if target_prefix:
                query = query.where(Event.target.startswith(target_prefix))
            rows = s.execute(query.order_by(Event.id.desc()).limit(limit)).all()
            return [_as_domain(event, coder) for event, coder in rows]
