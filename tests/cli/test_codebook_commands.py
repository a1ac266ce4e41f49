"""`workbench codebook ...` through the real entry point."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.run import workbench
from tests.conftest import shared_path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data" / "codebook"
LIST_KEYS = {"guid", "path", "name", "name_en", "parent", "colour", "shortcut", "codable", "retired", "codings"}


@pytest.fixture
def project_dir(tmp_path) -> Path:
    made = workbench("init", tmp_path / "p")
    assert made.code == 0, made.stderr
    return tmp_path / "p"


def run(project_dir: Path, *args):
    return workbench("--project", project_dir, "--coder", "anna", "codebook", *args)


def test_list_json_gives_the_tree_with_the_agreed_keys(project_dir):
    listed = run(project_dir, "list", "--json")
    assert listed.code == 0 and listed.stderr == ""
    codes = listed.json()
    assert len(codes) == 48 and LIST_KEYS <= set(codes[0])
    by_path = {c["path"]: c for c in codes}
    child = by_path["Vertrouwen/Ruimte om te falen"]
    assert child["parent"] == by_path["Vertrouwen"]["guid"] and child["shortcut"] == 2
    assert child["name_en"] == "Room to fail" and child["codings"] == 0 and child["colour"].startswith("#")
    assert by_path["Leergeschiedenis"]["codable"] is False
    human = run(project_dir, "list")
    assert human.stdout.startswith("Samen creëren en floreren  (version ")
    assert "    Ruimte om te falen / Room to fail  #08519C  0  [key 2]" in human.stdout


def test_operations_chain_and_undo(project_dir):
    created = run(project_dir, "create", "Zaalverhuur", "--parent", "Huurinkomsten", "--en", "Hall rental",
                  "--keyword-nl", "zaalverhuur", "--json")
    assert created.code == 0, created.stderr
    guid = created.json()["guid"]
    steps = [
        ("rename", guid, "Verhuur van zalen", "--en", "Renting halls"),
        ("recolour", guid, "#123456"),
        ("move", guid, "--under", "Financiering", "--position", "1"),
        ("reorder", guid, "2"),
        ("edit", guid, "--definition", "Zalen verhuren aan clubs.", "--shortcut", "5"),
        ("retire", guid),
        ("retire", guid, "--restore"),
    ]
    for step in steps:
        result = run(project_dir, *step)
        assert result.code in (0, 2), result.stderr
        if step[0] == "edit":
            assert result.code == 2 and "Shortcut 5 already belongs to code 'Financiering/Preventiebudgetten'" in result.stderr
        else:
            assert result.code == 0 and result.stderr == ""
    shown = {c["guid"]: c for c in run(project_dir, "list", "--json").json()}[guid]
    assert (shown["path"], shown["colour"], shown["retired"]) == ("Financiering/Verhuur van zalen", "#123456", False)
    text = (project_dir / "codebooks" / "samen-creeren-en-floreren.yaml").read_text(encoding="utf-8")
    assert (f"      - guid: {guid}\n        name: Verhuur van zalen\n        name_en: Renting halls\n"
            f'        colour: "#123456"\n') in text
    history = run(project_dir, "history", guid, "--json").json()
    assert [h["kind"] for h in history][:3] == ["codebook.restore", "codebook.retire", "codebook.reorder"]
    undo = workbench("--project", project_dir, "--coder", "anna", "undo")
    assert undo.code == 0 and "Restored code" in undo.stdout
    deleted = run(project_dir, "delete", guid)
    assert deleted.code == 0 and deleted.stdout.startswith("Deleted Financiering/Verhuur van zalen")


def test_merge_split_and_delete_messages(project_dir):
    refused = run(project_dir, "delete", "Vertrouwen")
    assert refused.code == 2 and refused.stdout == ""
    assert refused.stderr == "workbench: Code 'Vertrouwen' has sub-codes; move, merge or delete them first.\n"
    merged = run(project_dir, "merge", "Kijkgroen", "Gebruiksgroen", "--json")
    assert merged.code == 0 and merged.json()["target"]["path"] == "Openbaar groen/Gebruiksgroen"
    split = run(project_dir, "split", "Gebruiksgroen", "--into", "Moestuin", "--coding", "999")
    assert split.code == 2 and "no coding 999" in split.stderr
    missing = run(project_dir, "rename", "Kijkgroen", "X")
    assert missing.code == 2 and "There is no code 'Kijkgroen'" in missing.stderr


def test_export_qdc_and_load_into_another_project_gives_the_same_tree(project_dir, tmp_path):
    out = tmp_path / "codebook.qdc"
    exported = run(project_dir, "export", "--format", "qdc", "--out", out)
    assert exported.code == 0, exported.stderr
    import xmlschema

    schema = xmlschema.XMLSchema(str(shared_path("refi-qda", "Codebook.xsd")))
    assert list(schema.iter_errors(out.read_text(encoding="utf-8"))) == []
    other = tmp_path / "other"
    assert workbench("init", other).code == 0
    loaded = run(other, "load", out, "--json")
    assert loaded.code == 0, loaded.stderr
    assert loaded.json()["added"] == [] and loaded.json()["updated"] == []
    diff = run(other, "diff", "project", project_dir / "codebooks" / "samen-creeren-en-floreren.yaml", "--json")
    assert diff.json()["changes"] == []
    assert [c["path"] for c in run(other, "list", "--json").json()] == \
        [c["path"] for c in run(project_dir, "list", "--json").json()]


def test_load_sample_and_diff_human(project_dir):
    sample = shared_path("refi-qda", "samples", "atlasti-23.4-win_codebook.qdc")
    loaded = run(project_dir, "load", sample, "--keep-missing")
    assert loaded.code == 0, loaded.stderr
    assert loaded.stdout.startswith(f"Loaded {sample}: 1 added, 0 changed, 0 retired, 0 deleted")
    assert "note: Code sets (groups) not loaded" in loaded.stdout
    diff = run(project_dir, "diff", REPO / "codebooks" / "samen-creeren-en-floreren.yaml", "project")
    assert diff.code == 0
    assert "  added      code1" in diff.stdout


@pytest.mark.parametrize("name, words", [
    ("entity-bomb.qdc", "refused for safety"),
    ("xxe.qdc", "refused for safety"),
    ("broken.qdc", "is not well-formed XML at line 5"),
    ("alias-bomb.yaml", "line 3: the alias *a is not allowed"),
    ("tabs.yaml", "line 4: a tab character"),
    ("duplicate-keys.yaml", "line 6: the key 'name' appears twice"),
])
def test_hostile_files_are_one_sentence_and_change_nothing(project_dir, name, words):
    before = run(project_dir, "list", "--json").stdout
    result = run(project_dir, "load", DATA / name)
    assert result.code == 2 and result.stdout == ""
    assert result.stderr.startswith("workbench: ") and words in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert run(project_dir, "list", "--json").stdout == before


def test_bad_format_and_move_without_target(project_dir, tmp_path):
    wrong = run(project_dir, "export", "--format", "csv", "--out", tmp_path / "x.csv")
    assert wrong.code == 2 and "'csv' is not a codebook format" in wrong.stderr
    nowhere = run(project_dir, "move", "Kijkgroen")
    assert nowhere.code == 2 and "--under PARENT or --top" in nowhere.stderr
