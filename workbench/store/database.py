"""Engines and sessions: SQLite files with safe pragmas by default, any SQLAlchemy URL otherwise."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from workbench.domain.errors import ProjectError
from workbench.store.waiting import Waiting, Watchdog, busy, is_lock_wait


def sqlite_url(path: Path) -> str:
    """The SQLAlchemy URL of a SQLite database file."""
    return f"sqlite:///{path}"


def display_url(url: str) -> str:
    """The URL with any password hidden, for status lines and messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _prepare_sqlite_file(url: str) -> None:
    """Create the SQLite file with mode 0600 so only its owner can read the transcripts in it."""
    database = make_url(url).database
    if not database or database == ":memory:":
        return
    path = Path(database)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    else:
        os.chmod(path, 0o600)


def _sqlite_pragmas(waiting: Waiting):
    def pragmas(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={int(waiting.timeout * 1000)}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    return pragmas


def _sqlite_begin(waiting: Waiting, where: str):
    def begin(conn) -> None:
        # Writers take the lock at BEGIN so two writers queue on the busy timeout instead of failing mid-way;
        # the first second's wait is separate so that a longer one can be reported before it goes on.
        if not conn.get_execution_options().get("write"):
            conn.exec_driver_sql("BEGIN")
            return
        total = int(waiting.timeout * 1000)
        first = min(total, int(waiting.notice_after * 1000))
        conn.exec_driver_sql(f"PRAGMA busy_timeout={first}")
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        except DBAPIError as exc:
            if first >= total or not is_lock_wait(exc):
                raise
            waiting.tell(where)
            conn.exec_driver_sql(f"PRAGMA busy_timeout={total - first}")
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        finally:
            conn.exec_driver_sql(f"PRAGMA busy_timeout={total}")

    return begin


def _postgres_lock_timeout(waiting: Waiting):
    def on_connect(dbapi_connection, _record) -> None:
        # lock_timeout covers row, table and advisory locks; a long legitimate statement is never cut short.
        autocommit = dbapi_connection.autocommit
        dbapi_connection.autocommit = True
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET lock_timeout = {int(waiting.timeout * 1000)}")
        dbapi_connection.autocommit = autocommit

    return on_connect


def database_errors() -> tuple[type[Exception], ...]:
    """The exceptions that mean the database itself cannot be reached or read."""
    from sqlalchemy.exc import DatabaseError, InterfaceError, OperationalError

    return (DatabaseError, InterfaceError, OperationalError)


def make_engine(url: str, waiting: Waiting | None = None) -> Engine:
    """An engine for `url`; SQLite gets WAL, foreign keys, a busy timeout and a private file; PostgreSQL a
    lock_timeout; both give up waiting for a lock after `waiting.timeout` seconds."""
    waiting = waiting or Waiting()
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ProjectError(f"'{url}' is not a database URL; give a path or a URL such as postgresql+psycopg://user@host/db.") from None
    where = f"the project database {display_url(url)}"
    if parsed.get_backend_name() == "sqlite":
        _prepare_sqlite_file(url)
        engine = create_engine(url, connect_args={"timeout": waiting.timeout, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas(waiting))

        @event.listens_for(engine, "connect")
        def _no_autobegin(dbapi_connection, _record):
            # Let SQLAlchemy's "begin" event issue BEGIN IMMEDIATE instead of pysqlite's implicit BEGIN.
            dbapi_connection.isolation_level = None

        event.listen(engine, "begin", _sqlite_begin(waiting, where))
        return engine
    connect_args = {"application_name": waiting.label} if parsed.get_backend_name() == "postgresql" else {}
    try:
        engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    except (ArgumentError, ImportError) as exc:
        raise ProjectError(f"Cannot use database URL '{display_url(url)}': {exc}.") from None
    if engine.dialect.name == "postgresql":
        event.listen(engine, "connect", _postgres_lock_timeout(waiting))
    return engine


class Database:
    """An engine with its session factory; `transaction()` is one unit of work."""

    def __init__(self, url: str, waiting: Waiting | None = None):
        self.url = url
        self.waiting = waiting or Waiting()
        self.engine = make_engine(url, self.waiting)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.writers = sessionmaker(self.engine.execution_options(write=True), expire_on_commit=False)
        self._watch_engine: Engine | None = None

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def where(self) -> str:
        """How messages name this database."""
        return f"the project database {display_url(self.url)}"

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[Session]:
        """A session that commits when the block ends and rolls back if it raises; a lock not granted within
        the waiting time becomes one sentence (Busy) and nothing is changed."""
        factory = self.writers if write else self.sessions
        watchdog = self._watchdog()
        try:
            with factory() as session:
                with session.begin():
                    yield session
        except DBAPIError as exc:
            if is_lock_wait(exc):
                raise busy(self.where, self.waiting.timeout) from None
            raise
        finally:
            if watchdog is not None:
                watchdog.stop()

    def _watchdog(self) -> Watchdog | None:
        if self.waiting.on_wait is None or self.engine.dialect.name != "postgresql":
            return None
        return Watchdog(self.waiting, self._waits_on_lock, self.where).start()

    def _waits_on_lock(self) -> bool:
        """Whether a connection of this program waits on a lock right now, asked from a connection of its own."""
        if self._watch_engine is None:
            self._watch_engine = create_engine(self.url, poolclass=NullPool)
        with self._watch_engine.connect() as conn:
            return conn.execute(
                text("SELECT 1 FROM pg_stat_activity WHERE application_name = :label AND wait_event_type = 'Lock' "
                     "LIMIT 1"), {"label": self.waiting.label},
            ).first() is not None

    def dispose(self) -> None:
        self.engine.dispose()
        if self._watch_engine is not None:
            self._watch_engine.dispose()
