"""Waiting for a lock another program or colleague holds: how long, whom to tell, and what to say on giving up.

SQLite waits with its busy timeout (first a short one, so the wait can be reported, then the rest); PostgreSQL
waits with `lock_timeout`, and a watchdog asks `pg_stat_activity` whether this program's connections are
waiting on a lock, so the wait is reported after a second whichever statement waits.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from workbench.domain.errors import Busy

DEFAULT_SECONDS = 30.0
ENV = "WORKBENCH_LOCK_TIMEOUT"
NOTICE_AFTER = 1.0  # seconds of waiting before the wait is reported


def default_timeout() -> float:
    """The give-up time: WORKBENCH_LOCK_TIMEOUT seconds when set (and a number), else 30."""
    try:
        value = float(os.environ.get(ENV, ""))
    except ValueError:
        return DEFAULT_SECONDS
    return value if value > 0 else DEFAULT_SECONDS


@dataclass
class Waiting:
    """How long to wait for a lock, and who hears about a wait (the CLI's stderr, the TUI's status line)."""

    timeout: float = field(default_factory=default_timeout)
    on_wait: Callable[[str], None] | None = None
    notice_after: float = NOTICE_AFTER
    label: str = field(default_factory=lambda: f"workbench-{os.getpid()}-{uuid.uuid4().hex[:8]}")

    def tell(self, where: str) -> None:
        """Report that a unit of work waits for the lock on `where`."""
        if self.on_wait is not None:
            self.on_wait(f"Waiting for {where}, which someone else is changing (giving up after "
                         f"{self.timeout:g} s)…")


def is_lock_wait(exc: BaseException) -> bool:
    """Whether a database error means a lock was not granted in time (SQLite busy, PostgreSQL lock_timeout)."""
    orig = getattr(exc, "orig", exc)
    message = str(orig).lower()
    if "database is locked" in message or "database table is locked" in message:
        return True
    state = getattr(orig, "sqlstate", None) or getattr(getattr(orig, "diag", None), "sqlstate", None)
    return state in ("55P03", "57014") and ("lock" in message or "statement timeout" in message)


def busy(where: str, timeout: float) -> Busy:
    """The one sentence for giving up on a lock."""
    return Busy(f"{where[:1].upper()}{where[1:]} stayed locked by another program or colleague for {timeout:g} s, so nothing was "
                f"changed; try again when they are done, or wait longer with --wait SECONDS.")


class Watchdog:
    """While a unit of work runs on PostgreSQL, report once when one of this program's connections waits on a
    lock (checked from a connection of its own, every half second after the first second)."""

    def __init__(self, waiting: Waiting, check: Callable[[], bool], where: str):
        self.waiting, self.check, self.where = waiting, check, where
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True, name="workbench-lock-watch")

    def start(self) -> Watchdog:
        self.thread.start()
        return self

    def _run(self) -> None:
        if self.stopped.wait(self.waiting.notice_after):
            return
        while not self.stopped.is_set():
            try:
                waiting = self.check()
            except Exception:  # noqa: BLE001 - a failed look is no reason to disturb the work itself
                return
            if waiting:
                self.waiting.tell(self.where)
                return
            self.stopped.wait(0.5)

    def stop(self) -> None:
        self.stopped.set()
