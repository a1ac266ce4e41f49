"""Back up a shared PostgreSQL project before its schema is upgraded: pg_dump when it is installed and fits the
server, else a copy of every table of the project's schema into a new schema beside it."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from workbench.store.database import Database

PG_DUMP_SECONDS = 3600  # a dump of a large team project may take a while, but never for ever


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S")


def _current_schema(db: Database) -> str:
    with db.engine.connect() as conn:
        return str(conn.execute(text("SELECT current_schema()")).scalar_one())


def _pg_dump(db: Database, schema: str, target: Path) -> bool:
    """Dump the project's schema to `target` with pg_dump; False when pg_dump is missing or fails (too old for
    the server, say)."""
    program = shutil.which("pg_dump")
    if program is None:
        return False
    url = make_url(db.url)
    env = {**os.environ}
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    libpq = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run([program, f"--dbname={libpq}", f"--schema={schema}", "--no-owner",
                               "--format=custom", f"--file={target}"],
                              env=env, capture_output=True, timeout=PG_DUMP_SECONDS)
    except (OSError, subprocess.SubprocessError):
        return False
    if done.returncode != 0 or not target.exists() or target.stat().st_size == 0:
        target.unlink(missing_ok=True)
        return False
    target.chmod(0o600)
    return True


def _copy_tables(db: Database, schema: str, revision: str | None) -> str:
    """Copy every table of `schema` into a new schema beside it; returns the new schema's name."""
    copy = f"{schema}_backup_{_stamp().replace('-', '_')}_rev{revision or 'none'}"[:63]
    with db.engine.begin() as conn:
        tables = inspect(conn).get_table_names(schema=schema)
        conn.execute(text(f'CREATE SCHEMA "{copy}"'))
        for table in tables:
            conn.execute(text(f'CREATE TABLE "{copy}"."{table}" AS TABLE "{schema}"."{table}"'))
    return copy


def backup_postgres(db: Database, backup_dir: Path | None, revision: str | None) -> str:
    """Back up the project's schema; returns what the backup is and where, for the message that names it."""
    schema = _current_schema(db)
    if backup_dir is not None:
        target = backup_dir / f"{schema}-{_stamp()}-rev{revision or 'none'}.dump"
        if _pg_dump(db, schema, target):
            return f"a pg_dump of schema {schema} in {target} (restore with pg_restore)"
    copy = _copy_tables(db, schema, revision)
    return f"a copy of every table of schema {schema} in schema {copy} on the same server"
