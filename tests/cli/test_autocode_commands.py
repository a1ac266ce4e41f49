"""`workbench autocode` and `workbench suggestions` through the real entry point."""

from __future__ import annotations

import pytest

from tests.cli.run import workbench
from tests.services.agreement_fixtures import INTERVIEW, add_code, add_coding, add_document, span_of
from workbench.project import Project


@pytest.fixture
def folder(tmp_path):
    directory = tmp_path / "project"
    with Project.init(directory, name="Autocode", coder="anna", seed=False) as p:
        trust = add_code(p, "Vertrouwen", rules={"keywords_nl": ["vertrouwen"], "unit": "sentence"})
        add_code(p, "Financiering", rules={"lemmas": ["subsidie"], "keywords_nl": ["verdienmodel"]})
        add_code(p, "Vraag")
        doc = add_document(p, "Interview 1", INTERVIEW)
        add_coding(p, doc, trust, "bram", *span_of(p, doc, "Het vertrouwen zit bij personen."))
    return directory


def run(folder, *args):
    return workbench("--project", folder, "--coder", "anna", *args)


def test_autocode_reports_suggestions_per_code(folder):
    result = run(folder, "autocode", "--json")
    assert result.code == 0, result.stderr
    data = result.json()
    assert data["new"] == 4 and data["coder"] == "anna"
    assert [(c["code"], c["new"]) for c in data["codes"]] == [("Vertrouwen", 2), ("Financiering", 2)]
    table = run(folder, "autocode")
    assert table.code == 0
    assert "0 new suggestion(s)" in table.stdout and "Vertrouwen" in table.stdout


def test_review_accept_and_reject(folder):
    run(folder, "autocode")
    listed = run(folder, "suggestions", "list", "--json").json()
    assert len(listed) == 4 and {item["status"] for item in listed} == {"suggested"}
    trust = [item["id"] for item in listed if item["code"] == "Vertrouwen"]
    accepted = run(folder, "suggestions", "accept", str(trust[0]))
    assert accepted.code == 0 and accepted.stdout == "Accepted 1 suggestion(s).\n"
    rejected = run(folder, "suggestions", "reject", "--code", "Financiering", "--all", "--json")
    assert [item["status"] for item in rejected.json()] == ["rejected", "rejected"]
    text = run(folder, "suggestions", "list")
    assert f"{trust[1]:>6}  Interview 1  Vertrouwen  [keyword:vertrouwen]  suggested" in text.stdout
    again = run(folder, "autocode", "--json").json()
    assert again["new"] == 0
    assert [(c["code"], c["pending"], c["accepted"], c["rejected"]) for c in again["codes"]] == [
        ("Vertrouwen", 1, 1, 0), ("Financiering", 0, 0, 2),
    ]


def test_structure_rules_on_the_command_line(folder):
    result = run(folder, "autocode", "--code", "Vraag", "--speaker", "Interviewer=Vraag", "--json")
    assert result.code == 0, result.stderr
    assert result.json()["codes"] == [{"code_id": 3, "code": "Vraag", "new": 2, "pending": 2, "accepted": 0, "rejected": 0}]


def test_evaluate_against_another_coder(folder):
    result = run(folder, "autocode", "--evaluate", "--against", "bram", "--json")
    assert result.code == 0, result.stderr
    data = result.json()
    assert data["coder"] == "bram"
    trust = data["codes"][0]
    assert trust["code"] == "Vertrouwen"
    assert trust["score"] == {"suggested": 2, "correct": 1, "applied": 1, "found": 1, "precision": 0.5,
                              "recall": 1.0, "f1": pytest.approx(2 / 3)}
    assert data["overall"]["suggested"] == 4
    table = run(folder, "autocode", "--evaluate", "--against", "bram")
    assert "precision" in table.stdout and table.stdout.splitlines()[-1].startswith("Total")
    assert run(folder, "suggestions", "list", "--json").json() == []  # evaluating stores nothing


def test_mistakes(folder):
    assert "--all needs --code CODE" in run(folder, "suggestions", "accept", "--all").stderr
    assert "Give the ids" in run(folder, "suggestions", "reject").stderr
    bad = run(folder, "autocode", "--speaker", "Interviewer")
    assert bad.code == 2 and "is not SPEAKER=CODE" in bad.stderr
    missing = run(folder, "suggestions", "accept", "999")
    assert missing.code == 2 and missing.stderr.startswith("workbench: Coding 999 is not")
