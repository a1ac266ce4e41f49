"""Migrations build exactly the models' schema, and upgrading an old project keeps every row."""

from __future__ import annotations

import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from workbench.project import Project
from workbench.store import migrate
from workbench.store.database import Database
from workbench.store.schema import Base


def test_head_revision_constant_matches_the_scripts():
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == migrate.HEAD_REVISION


def test_migrations_match_the_models(db_url):
    db = Database(db_url)
    migrate.ensure_current(db, None)
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    db.dispose()


def _fill_first_revision(db: Database) -> None:
    """Rows written the way the first schema revision stores them."""
    statements = [
        "INSERT INTO project_settings (id, name, default_language, created_at, settings) VALUES (1, 'Oud project', 'nl', '2024-09-04 10:00:00', '{}')",
        "INSERT INTO coders (id, name, guid, created_at) VALUES (1, 'anna', 'c1', '2024-09-04 10:00:00')",
        "INSERT INTO documents (id, guid, title, format, language, text, text_sha256, imported_at, word_count, metadata)"
        " VALUES (1, 'd1', 'Interview wijkmanager', 'txt', 'nl', 'Vertrouwen groeit langzaam.', 'sha', '2024-09-05 10:00:00', 3, '{}')",
        "INSERT INTO turns (id, document_id, start, \"end\", speaker) VALUES (1, 1, 0, 27, 'R')",
        "INSERT INTO codes (id, guid, name, name_en, description, when_to_use, when_not_to_use, example, colour, codable, sort_order, retired, rules, created_at)"
        " VALUES (1, 'k1', 'Vertrouwen', 'Trust', '', '', '', '', '#2E7D32', true, 0, false, '{}', '2024-09-04 10:00:00')",
        "INSERT INTO codings (id, guid, document_id, code_id, coder_id, start, \"end\", status, origin, created_at, fingerprint)"
        " VALUES (1, 'g1', 1, 1, 1, 0, 10, 'applied', 'manual', '2024-09-05 11:00:00', '')",
    ]
    with db.engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))


def test_upgrading_from_the_first_revision_keeps_every_row(db_url, tmp_path):
    db = Database(db_url)
    migrate.upgrade(db, "0001")
    assert migrate.current_revision(db) == "0001"
    _fill_first_revision(db)
    backup = migrate.ensure_current(db, tmp_path / "backups", shared_upgrade=True)
    assert migrate.current_revision(db) == migrate.HEAD_REVISION
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT title FROM documents")).scalar() == "Interview wijkmanager"
        assert conn.execute(text("SELECT name FROM codes")).scalar() == "Vertrouwen"
        assert conn.execute(text("SELECT count(*) FROM codings")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM turns")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM pseudonyms")).scalar() == 0
    if db.is_sqlite:
        assert backup is not None and backup.exists()
        copy = sqlite3.connect(backup)
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert copy.execute("SELECT title FROM documents").fetchone() == ("Interview wijkmanager",)
        copy.close()
    else:
        assert "pg_dump" in backup or "copy of every table" in backup
    db.dispose()


def test_opening_an_old_project_upgrades_it_after_a_backup(tmp_path):
    project = Project.init(tmp_path / "p", seed=False)
    project.close()
    db = Database(f"sqlite:///{tmp_path / 'p' / '.workbench' / 'project.db'}")
    with db.engine.begin() as conn:  # make it look like a project saved at the first revision
        conn.execute(text("DROP TABLE pseudonyms"))
        conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    db.dispose()
    reopened = Project.open(tmp_path / "p")
    assert migrate.current_revision(reopened.db) == migrate.HEAD_REVISION
    backups = list((tmp_path / "p" / ".workbench" / "backups").glob("*.db"))
    assert len(backups) == 1 and "rev0001" in backups[0].name
    reopened.close()
