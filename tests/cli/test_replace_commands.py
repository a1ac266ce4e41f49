"""`workbench import FILE --replace DOC` and `workbench review`, through the CLI in this interpreter."""

from __future__ import annotations

import json

import pytest

from tests.cli.run import Result

ORIGINAL = ("Interviewer: Hoe begon het?\n\nRespondent: In een tijdelijke woning. De gemeente gaf een jaar subsidie.\n\n"
            "Interviewer: En nu?\n\nRespondent: Nu dragen de bewoners de plek.\n")
CORRECTED = ("Interviewer: Hoe begon het eigenlijk?\n\nRespondent: In een tijdelijke woning. De gemeente gaf een jaar "
             "subsidie.\n\nRespondent: Nu dragen de bewoners de plek samen.\n")


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
    """A project with one coded interview: the subsidy sentence and the question 'En nu?'."""
    from workbench.project import Project

    target = tmp_path / "veldwerk"
    Project.init(target, coder="anna").close()
    (tmp_path / "interview.txt").write_text(ORIGINAL, encoding="utf-8")
    assert cli(target, "import", tmp_path / "interview.txt").code == 0
    text = json.loads(cli(target, "show", "1", "--json").stdout)["text"]
    for words in ("De gemeente gaf een jaar subsidie.", "En nu?"):
        start = text.index(words)
        result = cli(target, "code", "1", "--code", "Financiering", "--start", start, "--end", start + len(words))
        assert result.code == 0, result.stderr
    (tmp_path / "interview-v2.txt").write_text(CORRECTED, encoding="utf-8")
    return target


def test_replace_prints_the_figures_and_the_review_list_settles_the_rest(folder, cli):
    corrected = folder.parent / "interview-v2.txt"
    result = cli(folder, "import", corrected, "--replace", "interview")
    assert result.code == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "Replaced the text of 'interview' with interview-v2.txt: 1 kept exactly, 0 moved, 1 to review, 0 lost.")
    assert "workbench review list --doc 1" in result.stdout
    listed = cli(folder, "review", "list", "--json")
    (review,) = json.loads(listed.stdout)
    assert review["old_text"] == "En nu?" and review["code"] == "Financiering" and listed.stderr == ""
    assert "'En nu?'" in cli(folder, "review", "list").stdout
    placed = cli(folder, "review", "place", review["coding_id"], "--start", 0, "--end", 3)
    assert placed.code == 0 and placed.stdout.strip() == f"Placed coding {review['coding_id']} (Financiering) on [0, 3)."
    assert cli(folder, "review", "list").stdout.strip() == "No codings wait for review."
    assert cli(folder, "undo").code == 0
    dropped = cli(folder, "review", "drop", review["coding_id"])
    assert dropped.code == 0 and "Dropped coding" in dropped.stdout
    codings = json.loads(cli(folder, "codings", "--json").stdout)
    assert [c["text"] for c in codings] == ["De gemeente gaf een jaar subsidie."]


def test_replace_as_json_is_one_document(folder, cli):
    result = cli(folder, "import", folder.parent / "interview-v2.txt", "--replace", "1", "--json")
    assert result.code == 0 and result.stderr == ""
    figures = json.loads(result.stdout)
    assert (figures["kept"], figures["moved"], figures["review"], figures["lost"]) == (1, 0, 1, 0)
    assert figures["reviews"][0]["old_text"] == "En nu?"


@pytest.mark.parametrize("args, message", [
    (("--replace", "7"), "There is no document '7'"),
    (("--replace", "1", "--attr", "a=b"), "--replace takes exactly one file"),
])
def test_bad_replacements_say_one_sentence_and_change_nothing(folder, cli, args, message):
    before = cli(folder, "show", "1", "--json").stdout
    result = cli(folder, "import", folder.parent / "interview-v2.txt", *args)
    assert result.code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"workbench: {message}") and len(result.stderr.splitlines()) == 1
    assert cli(folder, "show", "1", "--json").stdout == before
    missing = cli(folder, "import", folder.parent / "nothing.docx", "--replace", "1")
    assert missing.code == 2 and "nothing.docx does not exist" in missing.stderr
    wrong = cli(folder, "review", "place", "1")
    assert wrong.code == 2 and "is not waiting for review" in wrong.stderr
