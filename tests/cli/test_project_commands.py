"""init, status and the error contract, in process and through the real entry point."""

from __future__ import annotations

import os

import pytest

from tests.cli.run import workbench, workbench_process


def test_init_then_status_json(tmp_path):
    target = tmp_path / "veldwerk"
    created = workbench("init", target)
    assert created.code == 0, created.stderr
    assert "veldwerk" in created.stdout
    status = workbench("--project", target, "--coder", "anna", "status", "--json")
    assert status.code == 0, status.stderr
    data = status.json()
    assert data["name"] == "veldwerk"
    for key in ("documents", "codes", "codings", "log_entries", "memos"):
        assert isinstance(data[key], int)
    assert data["documents"] == 0 and data["log_entries"] == 0
    assert data["schema_revision"]
    assert data["database"].startswith("sqlite:///")
    assert status.stderr == ""


def test_the_console_entry_point_keeps_the_contract(tmp_path):
    created = workbench_process("init", tmp_path / "p")
    assert created.code == 0, created.stderr
    status = workbench_process("status", "--json", cwd=tmp_path / "p")
    assert status.code == 0 and status.json()["codes"] > 0
    wrong = workbench_process("--project", tmp_path / "p", "code", "no such document", "--code", "x", "--start", "0", "--end", "1")
    assert wrong.code == 2
    assert wrong.stderr.startswith("workbench: ") and len(wrong.stderr.strip().splitlines()) == 1
    assert "Traceback" not in wrong.stderr


def test_status_runs_from_inside_the_project_folder(tmp_path):
    workbench("init", tmp_path / "p")
    status = workbench("status", cwd=tmp_path / "p")
    assert status.code == 0
    assert "Documents" in status.stdout


def test_status_on_postgres_hides_the_password(db_url, tmp_path):
    if db_url.startswith("sqlite"):
        pytest.skip("the PostgreSQL variant checks the team-server path")
    created = workbench("--db", db_url, "init", tmp_path / "team")
    assert created.code == 0, created.stderr
    status = workbench("--project", tmp_path / "team", "status", "--json")
    assert status.code == 0, status.stderr
    assert status.json()["database"].startswith("postgresql+psycopg://")
    by_url = workbench("--project", db_url, "status", "--json")
    assert by_url.code == 0, by_url.stderr
    assert by_url.json()["name"] == "team"


@pytest.mark.parametrize(
    "args, fragment",
    [
        (("--project", "{missing}", "status"), "no workbench project"),
        (("frobnicate",), "No such command"),
        (("history", "--limit", "many"), "Invalid value"),
        (("--project", "{file}", "status"), "no workbench project"),
    ],
)
def test_bad_input_is_one_sentence_and_exit_code_2(tmp_path, args, fragment):
    afile = tmp_path / "notes.txt"
    afile.write_text("x")
    args = [a.format(missing=tmp_path / "nowhere", file=afile) for a in args]
    result = workbench(*args)
    assert result.code == 2
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


def test_init_refuses_an_existing_project_and_changes_nothing(tmp_path):
    workbench("init", tmp_path / "p")
    before = (tmp_path / "p" / ".workbench" / "config.json").read_text()
    again = workbench("init", tmp_path / "p")
    assert again.code == 2
    assert "already holds a workbench project" in again.stderr
    assert (tmp_path / "p" / ".workbench" / "config.json").read_text() == before


def test_a_database_that_is_not_a_project_is_refused(tmp_path):
    db = tmp_path / "leeg.db"
    result = workbench("--db", f"sqlite:///{db}", "status")
    assert result.code == 2
    assert "not a workbench project yet" in result.stderr


def test_undo_with_nothing_to_undo(tmp_path):
    workbench("init", tmp_path / "p")
    result = workbench("--project", tmp_path / "p", "--coder", "bram", "undo")
    assert result.code == 2
    assert "nothing of bram's to undo" in result.stderr


def test_history_lists_events_as_json(tmp_path):
    workbench("init", tmp_path / "p")
    result = workbench("--project", tmp_path / "p", "history", "--json")
    assert result.code == 0
    events = result.json()
    assert events and events[-1]["kind"] == "project.create"


def test_a_corrupt_database_is_one_sentence(tmp_path):
    workbench("init", tmp_path / "p")
    db = tmp_path / "p" / ".workbench" / "project.db"
    os.chmod(db, 0o600)
    db.write_bytes(b"this is not a database at all" * 100)
    plain = workbench("--project", tmp_path / "p", "status")
    assert plain.code == 2
    assert "Cannot read the project database" in plain.stderr
    assert "Traceback" not in plain.stderr
    assert len(plain.stderr.strip().splitlines()) == 1
