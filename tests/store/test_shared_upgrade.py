"""A shared PostgreSQL database is upgraded only by `workbench upgrade`, after a backup the message names."""

from __future__ import annotations

import re
import shutil

import pytest
from sqlalchemy import create_engine, inspect, text

from tests.cli.run import in_process
from workbench.project import Project
from workbench.store import migrate
from workbench.store.counts import HEAD_REVISION
from workbench.store.database import Database

pytestmark = [pytest.mark.postgres, pytest.mark.reliability]


@pytest.fixture
def older(db_url, tmp_path):
    """A team project on PostgreSQL with a document and a code, taken back to the first schema revision."""
    if db_url.startswith("sqlite"):
        pytest.skip("a project's own SQLite file is upgraded on opening, after a dated copy")
    directory = tmp_path / "team"
    with Project.init(directory, db=db_url, coder="anna") as project:
        source = tmp_path / "kort.txt"
        source.write_text("I: Hoe begon het?\nR: Met vertrouwen.\n", encoding="utf-8")
        project.documents.import_paths([source])
    db = Database(db_url)
    from alembic import command

    with db.engine.begin() as conn:
        command.downgrade(migrate._config(conn), "0001")
    assert migrate.current_revision(db) == "0001"
    yield directory, db
    with db.engine.begin() as conn:
        schema = conn.execute(text("SELECT current_schema()")).scalar()
        for (copy,) in conn.execute(text("SELECT nspname FROM pg_namespace WHERE nspname LIKE :p"),
                                    {"p": f"{schema}_backup_%"}):
            conn.execute(text(f'DROP SCHEMA "{copy}" CASCADE'))
    db.dispose()


def _snapshot(db: Database) -> dict:
    with db.engine.connect() as conn:
        tables = sorted(inspect(conn).get_table_names())
        return {table: conn.execute(text(f'SELECT count(*) FROM "{table}"')).scalar() for table in tables}


@pytest.mark.parametrize("command", [("status", "--json"), ("documents", "--json"), ("codings",), ("history",)])
def test_opening_an_older_team_database_says_so_and_changes_nothing(older, capfd, command):
    directory, db = older
    before = _snapshot(db)
    result = in_process(capfd, "--project", directory, "--coder", "bram", *command)
    assert result.code == 2
    assert result.stdout == ""
    line = result.stderr.strip()
    assert "\n" not in line and "at schema 0001" in line and "`workbench upgrade`" in line
    assert migrate.current_revision(db) == "0001"
    assert _snapshot(db) == before


def test_upgrade_backs_up_with_pg_dump_and_names_the_file(older, capfd):
    directory, db = older
    result = in_process(capfd, "--project", directory, "upgrade")
    assert result.code == 0, result.stderr
    assert migrate.current_revision(db) == HEAD_REVISION
    named = re.search(r"in (\S+\.dump)", result.stdout)
    if shutil.which("pg_dump") is None:  # without pg_dump the copy in the database is named
        assert "in schema" in result.stdout, result.stdout
    else:
        assert named is not None, result.stdout
        dump = named.group(1)
        assert dump.startswith(str(directory / ".workbench" / "backups"))
        with open(dump, "rb") as handle:
            assert handle.read(5) == b"PGDMP"
    status = in_process(capfd, "--project", directory, "status", "--json")
    assert status.code == 0 and status.json()["documents"] == 1
    again = in_process(capfd, "--project", directory, "upgrade")
    assert again.code == 0 and "already" in again.stdout


def test_without_pg_dump_the_tables_are_copied_to_a_schema_the_message_names(older, capfd, monkeypatch):
    directory, db = older
    monkeypatch.setattr("shutil.which", lambda _name: None)
    before = _snapshot(db)
    result = in_process(capfd, "--project", directory, "upgrade", "--json")
    assert result.code == 0, result.stderr
    backup = result.json()["backup"]
    copy = re.search(r"in schema (\S+) on the same server", backup).group(1)
    engine = create_engine(db.url)
    with engine.connect() as conn:
        copied = {t: conn.execute(text(f'SELECT count(*) FROM "{copy}"."{t}"')).scalar()
                  for t in inspect(conn).get_table_names(schema=copy)}
    engine.dispose()
    assert copied == before
    assert migrate.current_revision(db) == HEAD_REVISION
