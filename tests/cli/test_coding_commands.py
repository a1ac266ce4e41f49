"""`workbench code`, `uncode`, `codings`, `memo`, `attribute`, `undo` and `redo` through the real entry point."""

from __future__ import annotations

import pytest

from tests.cli.run import workbench
from tests.services.analysis_fixtures import build_corpus
from workbench.project import Project


@pytest.fixture
def folder(tmp_path):
    """A SQLite project with the hand-made corpus and its codings."""
    directory = tmp_path / "project"
    with Project.init(directory, name="Testproject", coder="anna") as project:
        corpus = build_corpus(project)
    return directory, corpus


def run(directory, *args):
    return workbench("--project", directory, "--coder", "anna", *args)


def test_code_prints_the_coding_and_codings_lists_it(folder):
    directory, corpus = folder
    start, end = corpus.sentence("heem", 0)
    made = run(directory, "code", "Werkbezoek HEEM", "--code", "Vertrouwen/Vertrouwen in personen",
               "--start", start, "--end", end, "--memo", "Dragers van de plek.", "--json")
    assert made.code == 0, made.stderr
    coding = made.json()
    assert coding["id"] and coding["code"] == "Vertrouwen/Vertrouwen in personen"
    assert (coding["document"], coding["coder"], coding["start"], coding["end"]) == ("Werkbezoek HEEM", "anna", start, end)
    assert (coding["text"], coding["status"], coding["memo"]) == ("De bewoners dragen de plek.", "applied", "Dragers van de plek.")
    listed = run(directory, "codings", "--doc", "Werkbezoek HEEM", "--code", "Vertrouwen", "--subcodes", "--json")
    assert listed.code == 0, listed.stderr
    rows = listed.json()
    assert coding["id"] in [r["id"] for r in rows]
    for key in ("id", "document", "code", "coder", "start", "end", "text", "status", "memo"):
        assert key in rows[0]
    by_coder = run(directory, "codings", "--coder", "bram", "--json").json()
    assert [r["text"] for r in by_coder] == ["vertrouwen", "Vertrouwen in personen"]
    text = run(directory, "codings", "--doc", "Werkbezoek HEEM")
    assert "De bewoners dragen de plek." in text.stdout and text.stdout.strip().endswith("codings.")


def test_uncode_then_undo_and_redo_say_what_they_did(folder):
    directory, corpus = folder
    coding_id = corpus.codings["c3"]
    removed = run(directory, "uncode", coding_id)
    assert removed.code == 0, removed.stderr
    assert removed.stdout.startswith(f"Removed #{coding_id}")
    undone = run(directory, "undo")
    assert undone.stdout.strip() == "Undid: Removed the coding 'Dat schaadt het vertrouwen.' (Vertrouwen)"
    assert coding_id in [r["id"] for r in run(directory, "codings", "--json").json()]
    redone = run(directory, "redo")
    assert redone.stdout.strip() == "Redid: Removed the coding 'Dat schaadt het vertrouwen.' (Vertrouwen)"
    assert coding_id not in [r["id"] for r in run(directory, "codings", "--json").json()]


@pytest.mark.parametrize(
    "args, fragment",
    [
        (("code", "Interview gemeente", "--code", "Vertrouwen", "--start", "10", "--end", "10"), "is empty"),
        (("code", "Interview 99", "--code", "Vertrouwen", "--start", "0", "--end", "5"), "no document 'Interview 99'"),
        (("code", "Interview gemeente", "--code", "Leergeschiedenis", "--start", "0", "--end", "5"), "is a category"),
        (("codings", "--coder", "zoe"), "no coder named 'zoe'"),
        (("uncode", "4242"), "no coding with id 4242"),
    ],
)
def test_bad_input_is_one_line_on_stderr_with_exit_code_2(folder, args, fragment):
    directory, _corpus = folder
    result = run(directory, *args)
    assert result.code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("workbench: ") and fragment in result.stderr
    assert result.stderr.count("\n") == 1


def test_memo_and_attribute_commands(folder):
    directory, corpus = folder
    added = run(directory, "memo", "add", "Vertrouwen groeit langzaam.", "--code", "Vertrouwen", "--json")
    assert added.code == 0, added.stderr
    memo = added.json()
    assert (memo["target_kind"], memo["target_label"]) == ("code", "Vertrouwen")
    edited = run(directory, "memo", "edit", memo["id"], "--text", "Vertrouwen groeit.", "--json").json()
    assert edited["text"] == "Vertrouwen groeit."
    listed = run(directory, "memo", "list", "--about", "code", "--json").json()
    assert [m["id"] for m in listed] == [memo["id"]]
    assert run(directory, "memo", "delete", memo["id"]).code == 0
    assert run(directory, "memo", "list", "--json").json() == []
    attribute = run(directory, "attribute", "set", "Interview gemeente", "role=wethouder", "--json")
    assert attribute.code == 0, attribute.stderr
    assert attribute.json()["value"] == "wethouder"
    shown = run(directory, "attribute", "list", "Interview gemeente").stdout
    assert "role=wethouder" in shown and "organisation=gemeente" in shown
    assert run(directory, "undo").stdout.strip() == "Undid: Set role=wethouder on 'Interview gemeente'"
