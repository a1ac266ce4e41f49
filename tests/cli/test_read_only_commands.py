"""Commands that only read leave the project database exactly as it was, even for a coder new to it."""

from __future__ import annotations

import pytest
from sqlalchemy import inspect, text

from tests.cli.run import in_process
from workbench.project import Project

READ_ONLY = [
    ("status", "--json"), ("documents", "--json"), ("codings", "--json"), ("codebook", "list", "--json"),
    ("suggestions", "list", "--json"), ("history", "--json"), ("matrix", "--json"), ("check", "--json"),
    ("log", "list", "--json"), ("memo", "list", "--json"),
]


def _snapshot(project: Project) -> dict:
    with project.db.engine.connect() as conn:
        tables = sorted(inspect(conn).get_table_names())
        return {table: conn.execute(text(f'SELECT count(*) FROM "{table}"')).scalar() for table in tables}


@pytest.mark.reliability
def test_read_only_commands_write_nothing(db_url, tmp_path, capfd):
    directory = tmp_path / "team"
    with Project.init(directory, db=None if db_url.startswith("sqlite") else db_url, coder="anna") as project:
        source = tmp_path / "kort.txt"
        source.write_text("I: Hoe begon het?\nR: Met vertrouwen.\n", encoding="utf-8")
        project.documents.import_paths([source])
        project.coding.apply(1, "Vertrouwen", 0, 10)
        before = _snapshot(project)
        for command in READ_ONLY:
            result = in_process(capfd, "--project", directory, "--coder", "nieuwkomer", *command)
            assert result.code == 0, (command, result.stderr)
            assert _snapshot(project) == before, command
