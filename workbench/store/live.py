"""Live updates on a shared PostgreSQL server: every committed change notifies the colleagues who listen.

A unit of work that records an event sends NOTIFY on one channel with its schema's name as the payload (the
server delivers it only when the transaction commits, and never for one that rolls back); a listener holds
a connection of its own with LISTEN and calls back for each notification about its own schema. SQLite has
no such thing, so there the screens keep looking every few seconds.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from workbench.store.schema import Event

CHANNEL = "workbench_changes"
log = logging.getLogger(__name__)


@event.listens_for(Session, "after_flush")
def _notify_on_event(session: Session, _context) -> None:
    """Queue a notification when the flush wrote an event; PostgreSQL sends it at commit (once per transaction)."""
    if not any(isinstance(obj, Event) for obj in session.new):
        return
    transaction = session.get_transaction()
    if session.info.get(CHANNEL) is transaction:
        return
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return
    session.info[CHANNEL] = transaction
    connection.execute(text("SELECT pg_notify(:channel, current_schema())"), {"channel": CHANNEL})


class ChangeListener:
    """Listens on the server for changes to the project's schema and calls `on_change` (from its own thread)
    for each; `stop()` ends it."""

    def __init__(self, url: str, on_change: Callable[[], None]):
        self.url = url
        self.on_change = on_change
        self.stopped = threading.Event()
        self.ready = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True, name="workbench-live-updates")

    def start(self) -> ChangeListener:
        self.thread.start()
        return self

    def _conninfo(self) -> str:
        return make_url(self.url).set(drivername="postgresql").render_as_string(hide_password=False)

    def _run(self) -> None:
        import psycopg

        while not self.stopped.is_set():
            try:
                with psycopg.connect(self._conninfo(), autocommit=True) as conn:
                    row = conn.execute("SELECT current_schema()").fetchone()
                    schema = row[0] if row else "public"
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.ready.set()
                    while not self.stopped.is_set():
                        for note in conn.notifies(timeout=0.5):
                            if note.payload == schema:
                                self._tell()
            except psycopg.Error as exc:  # the server went away: try again in a moment
                log.info("live updates paused: %s", exc)
                self.stopped.wait(2.0)

    def _tell(self) -> None:
        try:
            self.on_change()
        except Exception:  # noqa: BLE001 - a closing screen must not end the listener with a traceback
            log.debug("live update callback failed", exc_info=True)

    def stop(self) -> None:
        self.stopped.set()
