"""The context every service works in: the database, the coder, the project folder, and units of work."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from workbench.store import live  # noqa: F401 - committed changes notify colleagues listening on PostgreSQL
from workbench.store.changes import start_capture, stop_capture
from workbench.store.database import Database
from workbench.store.schema import Coder, Event, ProjectSettings


@dataclass
class Unit:
    """One unit of work: its session, who does it, and the event it will record."""

    session: Session
    coder_id: int
    kind: str
    target: str = ""
    summary: str = ""
    undoable: bool = True
    extra: dict[str, Any] = field(default_factory=dict)

    def describe(self, *, target: str | None = None, summary: str | None = None, **extra: Any) -> None:
        """Set what the event will say once the work is known (ids are only there after a flush)."""
        if target is not None:
            self.target = target
        if summary is not None:
            self.summary = summary
        self.extra.update(extra)


class ServiceContext:
    """Shared by the services of one opened project."""

    def __init__(self, db: Database, coder: str, project_dir: Path | None):
        self.db = db
        self.coder = coder
        self.project_dir = project_dir
        self._coder_ids: dict[str, int] = {}

    def coder_id(self, name: str | None = None) -> int:
        """The id of a coder, creating the coder on first use."""
        name = name or self.coder
        if name in self._coder_ids:
            return self._coder_ids[name]
        for _attempt in range(2):
            try:
                with self.db.transaction() as s:
                    found = s.scalar(select(Coder.id).where(Coder.name == name))
                    if found is None:
                        coder = Coder(name=name, guid=str(uuid.uuid4()))
                        s.add(coder)
                        s.flush()
                        found = coder.id
                self._coder_ids[name] = found
                return found
            except IntegrityError:
                continue  # a colleague created the same coder at the same moment; read theirs
        raise RuntimeError(f"could not register coder {name!r}")

    def known_coder_id(self, session: Session, name: str | None = None) -> int | None:
        """The id of a coder who has worked in the project, None for one who has not; never writes, so a
        listing by a new coder leaves the project as it was."""
        name = name or self.coder
        if name not in self._coder_ids:
            found = session.scalar(select(Coder.id).where(Coder.name == name))
            if found is None:
                return None
            self._coder_ids[name] = found
        return self._coder_ids[name]

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work."""
        with self.db.transaction(write=False) as session:
            yield session

    @contextmanager
    def change(self, kind: str, *, target: str = "", summary: str = "", undoable: bool = True) -> Iterator[Unit]:
        """A unit of work that commits with one event recording every row it changed."""
        coder_id = self.coder_id()
        with self.db.transaction() as session:
            changes = start_capture(session)
            unit = Unit(session, coder_id, kind, target, summary, undoable)
            try:
                yield unit
                session.flush()
            finally:
                stop_capture(session)
            if changes or unit.extra:
                payload = {"summary": unit.summary, "undoable": unit.undoable, "changes": changes, **unit.extra}
                session.add(Event(coder_id=coder_id, kind=kind, target=unit.target, payload=payload))

    def settings(self) -> dict[str, Any]:
        """The project's free-form settings (speaker patterns, blind coding, ...)."""
        with self.read() as s:
            row = s.scalar(select(ProjectSettings).limit(1))
            return dict(row.settings) if row else {}
