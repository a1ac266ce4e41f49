"""Bring a project database to the current schema, backing up SQLite files before any upgrade."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from workbench.domain.errors import ProjectError
from workbench.store.counts import HEAD_REVISION
from workbench.store.database import Database, display_url

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

    from workbench.store.locks import hold_upgrade_lock

    with db.engine.begin() as conn:
        hold_upgrade_lock(conn)  # Alembic reads the revision after it, so a second upgrade finds it done
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


class OlderSchema(ProjectError):
    """A shared database is at an older schema, and only `workbench upgrade` may change that."""


def ensure_current(db: Database, backup_dir: Path | None, *, shared_upgrade: bool = False) -> Path | str | None:
    """Upgrade an older project to the current schema; returns the backup made, if any.

    A project's own SQLite file is upgraded on opening, after a dated copy. A shared server (PostgreSQL) is
    upgraded only when `shared_upgrade` says so (the `workbench upgrade` command, after a backup): opening an
    older one raises OlderSchema and changes nothing, since one coder's new version would otherwise change
    the schema for the whole team.
    """
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
    if not db.is_sqlite:
        if not shared_upgrade:
            raise OlderSchema(
                f"The team database {display_url(db.url)} is at schema {revision}, older than this workbench's "
                f"{HEAD_REVISION}, so nothing was opened or changed; run `workbench upgrade` once for the team "
                "(it backs the database up first).")
        from workbench.store.backup import backup_postgres

        made = backup_postgres(db, backup_dir or Path.cwd(), revision)
        upgrade(db)
        return made
    copy = backup_sqlite(db, backup_dir, revision) if backup_dir else None
    upgrade(db)
    return copy


def create_current(db: Database) -> None:
    """Build a new database straight at the current schema and mark it so (a test keeps the models and the
    migrations identical); replaying every migration on each new project would only be slower."""
    from alembic import command

    from workbench.store.schema import Base

    with db.engine.begin() as conn:
        Base.metadata.create_all(conn)
        command.stamp(_config(conn), "head")
