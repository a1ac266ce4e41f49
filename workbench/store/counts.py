"""What `status` counts, as plain SQL that both SQLAlchemy and the standard sqlite3 module can run.

The status line of a terminal or script calls `workbench status` often; reading a SQLite project with the
standard library alone keeps that call well under half a second, because SQLAlchemy is not imported at all.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

# The newest schema revision in migrations/versions; a test keeps the two in step.
HEAD_REVISION = "0003"

COUNTS = {
    "documents": "SELECT count(*) FROM documents",
    "codes": "SELECT count(*) FROM codes WHERE NOT retired",
    "codings": "SELECT count(*) FROM codings WHERE status = 'applied'",
    "suggestions": "SELECT count(*) FROM codings WHERE status = 'suggested'",
    "memos": "SELECT count(*) FROM memos",
    "log_entries": "SELECT count(*) FROM log_entries",
    "coders": "SELECT count(*) FROM coders",
}
SETTINGS = "SELECT name, default_language, created_at FROM project_settings ORDER BY id LIMIT 1"
REVISION = "SELECT version_num FROM alembic_version"


def read_sqlite(path: Path) -> dict | None:
    """Counts, settings and revision of a current SQLite project file, or None when the full store is needed."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    except sqlite3.Error:
        return None
    try:
        revision = connection.execute(REVISION).fetchone()
        settings = connection.execute(SETTINGS).fetchone()
        if not revision or revision[0] != HEAD_REVISION or not settings:
            return None
        counts = {key: connection.execute(sql).fetchone()[0] for key, sql in COUNTS.items()}
    except sqlite3.Error:
        return None  # an older or damaged file: the full store says what is wrong
    finally:
        connection.close()
    name, language, created = settings
    return {"name": name, "language": language, "created": created, "revision": revision[0], **counts}
