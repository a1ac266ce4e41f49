"""Bring a project database to the current schema, backing up SQLite files before any upgrade."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from workbench.domain.errors import ProjectError
from workbench.store.counts import HEAD_REVISION
from workbench.store.database import Database

MIGRATIONS = Path(__file__).with_name("migrations")


def _config(connection):
    from alembic.config import Config  # alembic is only needed when a schema changes

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def current_revision(db: Database) -> str | None:
    """The schema revision the database is at, or None for an empty database."""
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def has_tables(db: Database) -> bool:
    with db.engine.connect() as conn:
        return bool(inspect(conn).get_table_names())


def upgrade(db: Database, revision: str = "head") -> None:
    """Run the migrations up to `revision` in one transaction."""
    from alembic import command

    with db.engine.begin() as conn:
        command.upgrade(_config(conn), revision)


def backup_sqlite(db: Database, backup_dir: Path, revision: str | None) -> Path | None:
    """Copy a SQLite database beside itself with a dated name; the online backup API copies WAL content too."""
    database = make_url(db.url).database
    if not db.is_sqlite or not database or database == ":memory:":
        return None
    backup_dir.mkdir(parents=True, exist_ok=True)
    backup_dir.chmod(0o700)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{Path(database).stem}-{stamp}-rev{revision or 'none'}.db"
    source = sqlite3.connect(database)
    try:
        copy = sqlite3.connect(target)
        with copy:
            source.backup(copy)
        copy.close()
    finally:
        source.close()
    target.chmod(0o600)
    return target


def ensure_current(db: Database, backup_dir: Path | None) -> Path | None:
    """Upgrade an older project to the current schema; returns the backup made, if any."""
    revision = current_revision(db)
    if revision == HEAD_REVISION:
        return None
    if revision is None and has_tables(db):
        raise ProjectError(f"The database at {db.url} holds tables that are not a workbench project; choose another database.")
    known = {path.name.split("_", 1)[0] for path in (MIGRATIONS / "versions").glob("[0-9]*.py")}
    if revision is not None and revision not in known:
        raise ProjectError(
            f"This project was saved by a newer workbench (schema {revision}); update workbench to open it."
        )
    if revision is None:
        create_current(db)
        return None
    backup = backup_sqlite(db, backup_dir, revision) if backup_dir else None
    upgrade(db)
    return backup


def create_current(db: Database) -> None:
    """Build a new database straight at the current schema and mark it so (a test keeps the models and the
    migrations identical); replaying every migration on each new project would only be slower."""
    from alembic import command

    from workbench.store.schema import Base

    with db.engine.begin() as conn:
        Base.metadata.create_all(conn)
        command.stamp(_config(conn), "head")
