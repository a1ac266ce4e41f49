"""The monitoring log through the real entry point: log, questions, actions and export timeline."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.cli.run import Result, workbench

DATA = Path(__file__).resolve().parents[1] / "data" / "monitoring"


@pytest.fixture
def cli(capfd):
    """Run the CLI in this interpreter (fast): exit code, stdout and stderr as the real entry point gives them."""
    from workbench.cli import app
    from workbench.cli.errors import run as run_cli

    def run(folder, *args, env: dict | None = None) -> Result:
        capfd.readouterr()
        with pytest.MonkeyPatch.context() as patch:
            for key, value in (env or {}).items():
                patch.setenv(key, value)
            code = run_cli(app, ["--project", str(folder), "--coder", "anna", *map(str, args)])
        out = capfd.readouterr()
        return Result(code, out.out, out.err)

    return run


@pytest.fixture
def folder(tmp_path, cli):
    """A project with the year set up and two actors, made with the CLI's own commands."""
    from workbench.project import Project

    target = tmp_path / "veldwerk"
    Project.init(target, coder="anna", seed=False).close()
    for args in (("log", "init-year"),
                 ("log", "actor", "add", "Gemeente Nijmegen", "--kind", "organisatie", "--pseudonym", "Gemeente"),
                 ("log", "actor", "add", "Marieke Jansen", "--organisation", "Gemeente Nijmegen", "--role", "wijkmanager",
                  "--pseudonym", "Ambtenaar A")):
        result = cli(target, *args)
        assert result.code == 0, result.stderr
    return target


def test_the_real_entry_point_keeps_the_contract(folder):
    added = workbench("--project", folder, "log", "add", "--date", "2024-10-24", "--type", "werkbezoek",
                      "--title", "Bezoek", "--json")
    assert added.code == 0, added.stderr
    assert added.json()["type"] == "work_visit" and added.stderr == ""
    bad = workbench("--project", folder, "log", "add", "--date", "2024-10-24", "--type", "feest", "--title", "x")
    assert bad.code == 2 and bad.stdout == ""
    assert bad.stderr.startswith("workbench: The entry type 'feest' is not known") and len(bad.stderr.splitlines()) == 1


def test_add_list_and_show(folder, cli):
    added = cli(folder, "log", "add", "--date", "24-10-2024", "--type", "phone/e-mail", "--title", "Subsidie één jaar",
                "--actor", "Marieke Jansen", "--observation", "Mail van de gemeente.", "--significance", "dieptepunt",
                "--why", "Onzekerheid", "--location", "Nijmegen", "--time", "9:30", "--memo", "Bespreken", "--json")
    assert added.code == 0, added.stderr
    entry = added.json()
    assert (entry["type"], entry["significance"], entry["time"]) == ("phone_email", "low_point", "09:30:00")
    listed = cli(folder, "log", "list", "--json")
    assert listed.code == 0 and listed.stderr == ""
    items = listed.json()
    assert [i["date"] for i in items] == ["2024-09-04", "2024-10-24", "2025-01-15", "2025-06-04"]
    assert {"id", "date", "type", "title", "actors", "significance", "questions", "actions"} <= set(items[1])
    assert [a["name"] for a in items[1]["actors"]] == ["Marieke Jansen"]
    only = cli(folder, "log", "list", "--type", "telefoon", "--actor", "Ambtenaar A", "--json").json()
    assert [i["title"] for i in only] == ["Subsidie één jaar"]
    text = cli(folder, "log", "list", "--from", "2024-10-01", "--to", "2024-12-31")
    assert text.stdout.splitlines() == [f"#{entry['id']:<4} 2024-10-24  phone/e-mail  Subsidie één jaar  [- low point]  — Marieke Jansen"]
    shown = cli(folder, "log", "show", str(entry["id"]))
    assert "Present:         Marieke Jansen (wijkmanager, Gemeente Nijmegen)" in shown.stdout
    assert "Memo by anna:" in shown.stdout


@pytest.mark.parametrize("args, fragment", [
    (("--date", "2024-02-30", "--type", "meeting", "--title", "x"), "The date '2024-02-30' is not a day of the calendar: February 2024 has 29 days"),
    (("--date", "2024-10-02", "--end", "2024-10-01", "--type", "meeting", "--title", "x"), "is before the date 2024-10-02"),
    (("--type", "feest", "--title", "x"), "The entry type 'feest' is not known"),
    (("--type", "meeting", "--title", "x", "--actor", "Piet"), "The actor 'Piet' is not in the actor register"),
])
def test_bad_input_is_one_sentence_and_nothing_is_added(folder, cli, args, fragment):
    result = cli(folder, "log", "add", *args)
    assert result.code == 2
    assert result.stderr.startswith("workbench: ") and fragment in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert len(cli(folder, "log", "list", "--json").json()) == 3


def test_add_and_edit_in_the_editor(folder, cli, tmp_path):
    script = tmp_path / "editor.py"
    script.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "lines = [l for l in p.read_text().splitlines() if not l.startswith(('title:', 'type:'))]\n"
        "lines.insert(0, 'type: werkbezoek')\n"
        "lines.insert(0, 'title: Werkbezoek Het Klooster')\n"
        "text = '\\n'.join(lines).replace('== Reflection ==', '== Reflection ==\\nEen tweede verdienmodel.')\n"
        "p.write_text(text + '\\n')\n", encoding="utf-8")
    env = {"EDITOR": f"{sys.executable} {script}", "VISUAL": ""}
    added = cli(folder, "log", "add", "--edit", "--date", "2024-11-14", "--actor", "Marieke Jansen", env=env)
    assert added.code == 0, added.stderr
    entry = cli(folder, "log", "list", "--type", "work visit", "--json").json()[0]
    assert (entry["title"], entry["date"], entry["reflection"]) == ("Werkbezoek Het Klooster", "2024-11-14", "Een tweede verdienmodel.")
    assert [a["name"] for a in entry["actors"]] == ["Marieke Jansen"]
    changed = cli(folder, "log", "edit", str(entry["id"]), "--significance", "leermoment", "--why", "Geldstromen", "--json")
    assert changed.json()["significance"] == "learning_moment" and changed.json()["reflection"] == "Een tweede verdienmodel."
    bad = cli(folder, "log", "edit", str(entry["id"]), "--end", "2024-11-01")
    assert bad.code == 2 and "is before the date 2024-11-14" in bad.stderr


def test_import_shows_each_bad_row_and_writes_nothing_unless_asked(folder, cli):
    preview = cli(folder, "log", "import", DATA / "logboek_fouten.csv", "--preview")
    assert preview.code == 0
    assert "row 7    ok" in preview.stdout and "logboek_fouten.csv row 2: The date '2024-09-31' is not a day of the calendar" in preview.stderr
    refused = cli(folder, "log", "import", DATA / "logboek_fouten.csv")
    assert refused.code == 1
    problems = [line for line in refused.stderr.splitlines() if " row " in line]
    assert [line.split(" row ")[1].split(":")[0] for line in problems] == ["2", "3", "4", "5", "6"]
    assert "nothing was imported" in refused.stderr
    assert len(cli(folder, "log", "list", "--json").json()) == 3
    done = cli(folder, "log", "import", DATA / "logboek_fouten.csv", "--skip-bad")
    assert done.code == 0 and done.stdout.startswith("Imported 1 entries from logboek_fouten.csv; 5 bad rows left out")
    missing = cli(folder, "log", "import", DATA / "zonder_datum.csv")
    assert missing.code == 2 and "has no date column" in missing.stderr
    mapped = cli(folder, "log", "import", DATA / "zonder_datum.csv", "--map", "Wanneer=date", "--json")
    assert mapped.code == 0 and len(mapped.json()["added"]) == 1


def test_questions_and_actions(folder, cli):
    entry = cli(folder, "log", "list", "--json").json()[0]
    raised = cli(folder, "questions", "add", "Hoe meerjarig financieren?", "--by", "HEEM", "--entry", str(entry["id"]), "--json")
    assert raised.code == 0, raised.stderr
    question = raised.json()
    assert question["raised_on"] == "2024-09-04" and question["status"] == "open"
    moved = cli(folder, "questions", "status", f"Q{question['id']}", "voorlopig antwoord", "--on", "2025-01-15",
                "--note", "Verkenning")
    assert moved.code == 0 and "provisional since 2025-01-15" in moved.stdout
    back = cli(folder, "questions", "status", str(question["id"]), "open", "--on", "2024-12-01")
    assert back.code == 2 and "latest change" in back.stderr
    shown = cli(folder, "questions", "show", str(question["id"]))
    assert "2025-01-15  provisional  – Verkenning" in shown.stdout
    listed = cli(folder, "questions", "list", "--json").json()
    assert [len(q["history"]) for q in listed] == [2]
    action = cli(folder, "actions", "add", "Notitie sturen", "--owner", "Marieke Jansen", "--due", "2024-11-15",
                 "--entry", str(entry["id"]), "--json").json()
    overdue = cli(folder, "actions", "list", "--overdue", "--json").json()
    assert [a["id"] for a in overdue] == [action["id"]] and overdue[0]["overdue"] is True
    assert "OVERDUE" in cli(folder, "actions", "list").stdout
    assert cli(folder, "actions", "status", f"A{action['id']}", "klaar").code == 0
    assert cli(folder, "actions", "list", "--overdue", "--json").json() == []
    entry_now = cli(folder, "log", "show", str(entry["id"]), "--json").json()
    assert [q["status"] for q in entry_now["questions"]] == ["open"] and entry_now["actions"][0]["status"] == "done"


def test_export_timeline_in_every_format(folder, cli):
    for fmt in ("xlsx", "docx", "csv", "json", "ics"):
        result = cli(folder, "export", "timeline", "--format", fmt, "--json")
        assert result.code == 0, result.stderr
        written = Path(result.json()["path"])
        assert written.suffix == f".{fmt}" and written.parent == folder / "exports" and written.is_file()
        assert Path(f"{written}.manifest.json").is_file()
    own = cli(folder, "export", "timeline", "--out", folder / "partners.docx", "--pseudonymise", "--from", "2024-09-01")
    assert own.code == 0 and own.stdout.startswith(f"Wrote {folder / 'partners.docx'}") and "pseudonymised" in own.stdout
    neither = cli(folder, "export", "timeline")
    assert neither.code == 2 and "--format xlsx|docx|csv|json|ics" in neither.stderr
