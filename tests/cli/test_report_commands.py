"""`workbench log import-report`, through the CLI in this interpreter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.run import Result

ROOT = Path(__file__).resolve().parents[2]
KICK_OFF = next((ROOT / "transcripts" / "reports").glob("Verslag startbijeenkomst*"))
WORK_VISIT = ROOT / "tests" / "data" / "reports" / "verslag-werkbezoek-de-nieuwe-linde.md"


@pytest.fixture
def cli(capfd):
    from workbench.cli import app
    from workbench.cli.errors import run as run_cli

    def run(folder, *args) -> Result:
        capfd.readouterr()
        code = run_cli(app, ["--project", str(folder), "--coder", "anna", *map(str, args)])
        out = capfd.readouterr()
        return Result(code, out.out, out.err)

    return run


@pytest.fixture
def folder(tmp_path, cli):
    from workbench.project import Project

    target = tmp_path / "veldwerk"
    Project.init(target, coder="anna", seed=False).close()
    assert cli(target, "log", "init-year").code == 0
    return target


def test_the_preview_lists_everything_and_writes_nothing(folder, cli):
    before = cli(folder, "log", "list", "--json").stdout
    result = cli(folder, "log", "import-report", WORK_VISIT, "--preview")
    assert result.code == 0, result.stderr
    assert "work visit on 2024-10-23 'Werkbezoek De Nieuwe Linde, Arnhem' — a new log entry" in result.stdout
    assert "    Sanne de Groot (De Nieuwe Linde), coördinator: new, with the new organisation De Nieuwe Linde" in result.stdout
    assert "  not placed (2):" in result.stdout
    assert "    attendee: 'Iemand van de gemeente Arnhem (naam volgt)'" in result.stdout
    assert "--questions all" in result.stdout
    assert cli(folder, "log", "list", "--json").stdout == before
    assert json.loads(cli(folder, "documents", "--json").stdout) == []


def test_import_reports_and_questions_as_one_json_document(folder, cli):
    result = cli(folder, "log", "import-report", KICK_OFF, WORK_VISIT, "--questions", "all", "--json")
    assert result.code == 0 and result.stderr == ""
    first, second = json.loads(result.stdout)
    assert first["plan"]["entry_title"] == "Kick-off Samen creëren en floreren" and len(first["questions_added"]) == 4
    assert second["plan"]["reading"]["type"] == "work_visit" and len(second["planned_added"]) == 1
    entries = json.loads(cli(folder, "log", "list", "--json").stdout)
    assert [e["date"] for e in entries].count("2024-09-04") == 1
    assert {"2024-10-23", "2025-02-12"} <= {e["date"] for e in entries}


def test_unreadable_reports_say_one_sentence(folder, cli, tmp_path):
    bad = tmp_path / "verslag.pdf"
    bad.write_bytes(b"%PDF-1.4")
    result = cli(folder, "log", "import-report", bad)
    assert result.code == 2 and result.stdout == ""
    assert result.stderr.startswith("workbench: ") and "verslag.pdf is not a report the workbench can read" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    mixed = cli(folder, "log", "import-report", bad, WORK_VISIT)
    assert mixed.code == 1 and "Made log entry" in mixed.stdout and "verslag.pdf" in mixed.stderr
    wrong = cli(folder, "log", "import-report", KICK_OFF, "--questions", "eerste")
    assert wrong.code == 2 and "--questions 'eerste' is not none, all or numbers" in wrong.stderr
