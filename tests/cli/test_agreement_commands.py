"""`workbench agreement`, `disagreements`, `adjudicate` and `blind-coding` through the real entry point."""

from __future__ import annotations

import pytest

from tests.cli.run import workbench
from tests.services.agreement_fixtures import INTERVIEW, add_code, add_coding, add_document, span_of
from workbench.project import Project


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A project folder with one interview coded by anna and bram (made once; tests that change it copy it)."""
    directory = tmp_path_factory.mktemp("agreement") / "project"
    with Project.init(directory, name="Agreement", coder="anna", seed=False) as p:
        trust = add_code(p, "Vertrouwen")
        money = add_code(p, "Financiering")
        doc = add_document(p, "Interview 1", INTERVIEW)
        first = span_of(p, doc, "Het vertrouwen zit bij personen.")
        add_coding(p, doc, trust, "anna", *first)
        add_coding(p, doc, trust, "bram", *first)
        add_coding(p, doc, trust, "bram", *span_of(p, doc, "Het vertrouwen van de buurt is groot."))
        add_coding(p, doc, money, "anna", *span_of(p, doc, "Maar de subsidie is steeds voor een jaar."))
        add_coding(p, doc, money, "bram", *span_of(p, doc, "Maar de subsidie is steeds voor een jaar."))
    return directory


@pytest.fixture
def changing(folder, tmp_path):
    import shutil

    copy = tmp_path / "project"
    shutil.copytree(folder, copy)
    return copy


def test_agreement_json_has_codes_and_overall(folder):
    result = workbench("--project", folder, "--coder", "anna", "agreement", "--coders", "anna,bram", "--unit", "sentence", "--json")
    assert result.code == 0, result.stderr
    data = result.json()
    assert [row["code"] for row in data["codes"]] == ["Vertrouwen", "Financiering"]
    trust = data["codes"][0]
    for key in ("percent_agreement", "cohen_kappa", "krippendorff_alpha", "units", "agreements", "disagreements", "coded_by"):
        assert key in trust
    assert trust["units"] == 8 and trust["agreements"] == 7 and trust["coded_by"] == {"anna": 1, "bram": 2}
    assert data["codes"][1]["percent_agreement"] == 100.0
    assert data["overall"]["units"] == 16 and data["overall"]["percent_agreement"] == pytest.approx(100 * 15 / 16)
    assert data["unit"] == "sentence" and data["coders"] == ["anna", "bram"]


def test_agreement_table(folder):
    result = workbench("--project", folder, "agreement", "--coders", "anna,bram", "--per-document")
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Agreement of anna, bram at the character unit on 1 document(s)."
    assert any(line.startswith("Vertrouwen") for line in lines)
    assert any(line.startswith("  Interview 1") for line in lines)
    assert lines[-1].startswith("Total")


def test_segment_table_shows_the_brennan_prediger_kappa(folder):
    result = workbench("--project", folder, "agreement", "--coders", "anna,bram", "--unit", "segment", "--threshold", "80")
    assert result.code == 0, result.stderr
    assert "κ (B&P)" in result.stdout


def test_agreement_mistakes_are_one_line_on_stderr(folder):
    result = workbench("--project", folder, "agreement", "--coders", "anna", "--json")
    assert result.code == 2 and result.stdout == ""
    assert result.stderr == "workbench: Agreement needs two or more different coders; name them like --coders anna,bram.\n"
    unknown = workbench("--project", folder, "agreement", "--coders", "anna,bram", "--codes", "Onbekend")
    assert unknown.code == 2 and "There is no code 'Onbekend'" in unknown.stderr


def test_review_and_adjudicate(changing):
    listed = workbench("--project", changing, "disagreements", "--coders", "anna,bram", "--json")
    assert listed.code == 0, listed.stderr
    (item,) = listed.json()
    assert item["kind"] == "missing" and item["text"] == "Het vertrouwen van de buurt is groot."
    assert [side["coder"] for side in item["sides"]] == ["anna", "bram"]
    text = workbench("--project", changing, "disagreements", "--coders", "anna,bram")
    assert f"{item['id']}  Interview 1  Vertrouwen  (missing)" in text.stdout
    assert "anna: (not coded)" in text.stdout
    decided = workbench("--project", changing, "--coder", "lead", "adjudicate", item["id"], "--keep", "bram", "--json")
    assert decided.code == 0, decided.stderr
    assert decided.json()["coder"] == "consensus" and len(decided.json()["spans"]) == 1
    still = workbench("--project", changing, "disagreements", "--coders", "anna,bram", "--open", "--json")
    assert still.json() == []
    undone = workbench("--project", changing, "--coder", "lead", "undo")
    assert undone.code == 0 and "Adjudicated Vertrouwen" in undone.stdout


def test_adjudicate_mistakes(changing):
    both = workbench("--project", changing, "adjudicate", "1:1:0-5", "--keep", "anna", "--span", "0-3")
    assert both.code == 2 and "Say what to keep" in both.stderr
    span = workbench("--project", changing, "adjudicate", "1:1:0-5", "--span", "three")
    assert span.code == 2 and "is not START-END" in span.stderr


def test_blind_coding_switch(changing):
    assert workbench("--project", changing, "blind-coding").stdout == "Blind coding is off.\n"
    assert workbench("--project", changing, "blind-coding", "on").stdout == "Blind coding is on.\n"
    assert workbench("--project", changing, "agreement", "--coders", "anna,bram").code == 0
    assert workbench("--project", changing, "blind-coding").stdout == "Blind coding is off.\n"
    wrong = workbench("--project", changing, "blind-coding", "maybe")
    assert wrong.code == 2 and "neither on nor off" in wrong.stderr
