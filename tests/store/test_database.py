"""The SQLite file is private, journaled with WAL and has foreign keys on."""

from __future__ import annotations

import stat

from sqlalchemy import text


def test_sqlite_file_is_private_and_safe(sqlite_project):
    path = sqlite_project.directory / ".workbench" / "project.db"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with sqlite_project.db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_project_folder_layout(sqlite_project):
    root = sqlite_project.directory
    for folder in ("codebooks", "transcripts", "exports", ".workbench"):
        assert (root / folder).is_dir()
    assert ".workbench/" in (root / ".gitignore").read_text()
