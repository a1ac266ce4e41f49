"""Undo, redo and the activity feed, all read from the append-only events table: the one place that undoes."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from workbench.domain.errors import Conflict, NotFound
from workbench.domain.history import HistoryEvent
from workbench.domain.history_refusals import Obstacle, refusal_sentence
from workbench.services.context import ServiceContext
from workbench.store import changes as row_changes
from workbench.store.locks import hold_history_lock
from workbench.store.schema import Coder, Event

OWNER_COLUMNS = ("author_id", "coder_id", "imported_by")  # columns that name who made a row
SCAN_EVENTS = 5000  # how far back a refusal looks for the event that made or changed the row in the way

UNDO, REDO = "undo", "redo"
# How many events are read at a time while looking back for the latest one that can be undone.
_BATCH = 200
Replayed = Callable[[HistoryEvent], object]


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
        self._after_replay: list[tuple[str, Replayed]] = []

    def on_replay(self, kind_prefix: str, callback: Replayed) -> None:
        """Call `callback` after an undo or redo of an event whose kind starts with `kind_prefix`.

        Whatever keeps something outside the database in step with it (the codebook file) registers here, so
        every way to undo or redo keeps it current.
        """
        self._after_replay.append((kind_prefix, callback))

    def _replayed(self, event: HistoryEvent) -> HistoryEvent:
        for prefix, callback in self._after_replay:
            if event.kind.startswith(prefix):
                callback(event)
        return event

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
            .execution_options(yield_per=_BATCH)
        )
        # Events that cannot be undone (imports, for example) are stepped over, however far back that goes.
        for event in s.scalars(query):
            if (event.payload or {}).get("undoable", False):
                return event
        return None

    def _nothing_to_undo(self, s: Session, coder_id: int) -> NotFound:
        """Why there is nothing to undo: no change at all, or every change undone or not undoable."""
        made = s.scalar(select(func.count()).where(Event.coder_id == coder_id, Event.kind.not_in((UNDO, REDO))))
        if not made:
            return NotFound(f"There is nothing of {self.ctx.coder}'s to undo: they have not changed anything yet.")
        return NotFound(f"There is nothing of {self.ctx.coder}'s to undo: all {made} of their changes are undone "
                        "already or cannot be undone (imports, for example).")

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

    def _refused(self, s: Session, verb: str, event: Event, refusal: row_changes.Refusal) -> Conflict:
        """The one-sentence refusal naming the row in the way and who made or changed it."""
        by = self._maker(s, refusal, event.id)
        obstacle = Obstacle(refusal.table, refusal.kind, by, self.ctx.coder, refusal.on.get("table"))
        return Conflict(refusal_sentence(verb, event.payload.get("summary") or event.kind, obstacle))

    def _maker(self, s: Session, refusal: row_changes.Refusal, since: int) -> str | None:
        """Who last made or changed the row in the way: the newest later event that touched it, else the row's
        own author column."""
        events = s.execute(
            select(Event.payload, Coder.name).join(Coder, Coder.id == Event.coder_id, isouter=True)
            .where(Event.id > since, Event.kind.not_in((UNDO, REDO)))
            .order_by(Event.id.desc()).limit(SCAN_EVENTS)
        )
        for payload, name in events:
            for change in (payload or {}).get("changes", []):
                if change.get("table") == refusal.table and change.get("pk") == refusal.pk:
                    return name
        row = refusal.row or {}
        owner = next((row[c] for c in OWNER_COLUMNS if row.get(c) is not None), None)
        return None if owner is None else s.scalar(select(Coder.name).where(Coder.id == owner))

    def undo(self) -> HistoryEvent:
        """Undo this coder's latest change that is not undone yet; says what it undid.

        Undo of one coder is serialised (across processes too), so two undos at once take two different
        changes; a change a colleague's later work depends on is refused and nothing changes.
        """
        coder_id = self.ctx.coder_id()
        with self.ctx.db.transaction() as s:
            hold_history_lock(s, coder_id)
            target = self._undo_target(s, coder_id)
            if target is None:
                raise self._nothing_to_undo(s, coder_id)
            why = row_changes.apply(s, row_changes.invert(target.payload.get("changes", [])))
            if why:
                raise self._refused(s, "undo", target, why)
            summary = target.payload.get("summary") or target.kind
            s.add(Event(coder_id=coder_id, kind=UNDO, target=target.target, reverts_id=target.id,
                        payload={"summary": summary, "undoable": False}))
        return self._replayed(HistoryEvent(id=target.id, at=target.at, coder=self.ctx.coder, kind=target.kind,
                                           target=target.target, summary=summary, reverts=None))

    def redo(self) -> HistoryEvent:
        """Redo this coder's latest undone change, as long as nothing new was done since."""
        coder_id = self.ctx.coder_id()
        with self.ctx.db.transaction() as s:
            hold_history_lock(s, coder_id)
            undo_event = self._redo_target(s, coder_id)
            if undo_event is None:
                raise NotFound(f"There is nothing of {self.ctx.coder}'s to redo.")
            original = s.get(Event, undo_event.reverts_id)
            if original is None:
                raise NotFound(f"There is nothing of {self.ctx.coder}'s to redo.")
            why = row_changes.apply(s, original.payload.get("changes", []))
            if why:
                raise self._refused(s, "redo", undo_event, why)
            summary = original.payload.get("summary") or original.kind
            s.add(Event(coder_id=coder_id, kind=REDO, target=original.target, reverts_id=undo_event.id,
                        payload={"summary": summary, "undoable": False}))
        return self._replayed(HistoryEvent(id=original.id, at=original.at, coder=self.ctx.coder, kind=original.kind,
                                           target=original.target, summary=summary, reverts=None))

    def watch(self, on_change):
        """Call `on_change` (from a thread of its own) whenever anyone commits a change, on a shared PostgreSQL
        server; returns the listener (stop it with `stop()`), or None where only looking again works (SQLite)."""
        if self.ctx.db.engine.dialect.name != "postgresql":
            return None
        from workbench.store.live import ChangeListener

        return ChangeListener(self.ctx.db.url, on_change).start()

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
