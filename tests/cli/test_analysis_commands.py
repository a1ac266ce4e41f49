"""`workbench search`, `query`, `matrix` and `retrieve` through the real entry point."""

from __future__ import annotations

import pytest

from tests.cli.run import workbench
from tests.services.analysis_fixtures import build_corpus
from workbench.project import Project


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """One SQLite project with the hand-made corpus, shared by these read-only commands."""
    directory = tmp_path_factory.mktemp("analysis") / "project"
    with Project.init(directory, name="Testproject", coder="anna") as project:
        build_corpus(project)
    return directory


def run(directory, *args):
    result = workbench("--project", directory, "--coder", "anna", *args)
    assert result.code == 0, result.stderr
    return result


def test_search_plain_regex_and_lemma(folder):
    lemma = run(folder, "search", "financiering", "--lemma", "--json").json()
    assert [h["text"] for h in lemma] == ["financiering", "Financieringen", "financiering"]
    assert set(lemma[0]) >= {"document", "start", "end", "text", "before", "after", "speaker"}
    regex = run(folder, "search", r"vertrouw\w+", "--regex", "--json").json()
    assert [h["text"] for h in regex] == ["vertrouwen", "vertrouwden", "vertrouwen", "Vertrouwen", "vertrouwen", "vertrouwen"]
    kwic = run(folder, "search", "huurinkomsten", "--width", "10").stdout
    assert "[huurinkomsten]" in kwic and kwic.strip().endswith("1 hit.")


def test_query_at_a_unit(folder):
    result = run(folder, "query", "Vertrouwen AND Financiering", "--unit", "turn", "--json").json()
    assert result["unit"] == "turn" and result["documents"] == 2
    assert [h["document"] for h in result["hits"]] == ["Interview gemeente", "Interview gemeente", "Interview corporatie"]
    text = run(folder, "query", "Vertrouwen NEAR/1 Financiering").stdout
    assert text.strip().endswith("4 hits in 3 documents (unit: span; sub-codes included).")
    alone = run(folder, "query", "Vertrouwen NEAR/1 Financiering", "--only").stdout
    assert alone.strip().endswith("3 hits in 3 documents (unit: span; code alone, without sub-codes).")
    assert run(folder, "query", "=Vertrouwen NEAR/1 =Financiering", "--json").json()["hits"] == run(
        folder, "query", "Vertrouwen NEAR/1 Financiering", "--only", "--json").json()["hits"]


def test_a_malformed_query_points_at_the_position(folder):
    result = workbench("--project", folder, "query", "Vertrouwen AND (")
    assert result.code == 2
    assert result.stderr == "workbench: Expected a code name at position 17: 'Vertrouwen AND ('\n"


def test_an_unknown_code_is_named_with_the_closest_names(folder):
    result = workbench("--project", folder, "query", "Vertrouwe AND Financiering", "--json")
    assert result.code == 2 and result.stdout == ""
    assert result.stderr.startswith("workbench: The query names 'Vertrouwe' at position 1, which is not a code")
    assert "the closest names are Vertrouwen, " in result.stderr and result.stderr.count("\n") == 1


def test_matrix_frequencies_cooccurrence_and_presence(folder):
    by_org = run(folder, "matrix", "--by", "attr:organisation", "--code", "Vertrouwen", "--code", "Financiering",
                 "--only", "--measure", "codings", "--json").json()
    assert by_org["columns"] == ["corporatie", "gemeente", "provincie", "wijkonderneming"]
    assert by_org["values"] == [[2, 3, 0, 1], [1, 2, 0, 1]] and by_org["subcodes"] is False
    rolled = run(folder, "matrix", "--by", "attr:organisation", "--code", "Vertrouwen", "--json").json()
    assert rolled["measure"] == "fragments" and rolled["subcodes"] is True
    retrieved = run(folder, "retrieve", "Vertrouwen", "--json").json()
    assert sum(rolled["values"][0]) == len(retrieved)
    assert run(folder, "matrix", "--code", "Vertrouwen").stdout.strip().endswith(
        "Counted: fragments (sub-codes included).")
    co = run(folder, "matrix", "--cooccurrence", "--unit", "document", "--json").json()
    assert co["unit"] == "document"
    v, f = co["codes"].index("Vertrouwen"), co["codes"].index("Financiering")
    assert co["counts"][v][f] == 3 and co["jaccard"][v][f] == 1.0
    presence = run(folder, "matrix", "--presence", "--code", "Financiering/Huurinkomsten", "--json").json()
    assert presence["values"] == [[0, 1, 0, 0]]
    table = run(folder, "matrix", "--by", "coders", "--code", "Vertrouwen", "--only").stdout.splitlines()
    # Each coder's column counts their own fragments; the total counts a passage both coded once.
    assert table[0].split() == ["anna", "bram", "total"] and table[1].split() == ["Vertrouwen", "4", "2", "5"]


def test_retrieve_with_filters(folder):
    fragments = run(folder, "retrieve", "Vertrouwen", "--attr", "organisation=corporatie", "--json").json()
    # bram's "Vertrouwen in personen" lies inside anna's coding of its sentence: one fragment naming both.
    assert [f["text"] for f in fragments] == [
        "Vertrouwen in personen is hier belangrijk.", "Dat schaadt het vertrouwen.",
    ]
    assert fragments[0]["coders"] == ["anna", "bram"] and len(fragments[0]["coding_ids"]) == 2
    assert fragments[0]["speaker"] == "Ahmed" and fragments[0]["attributes"]["organisation"] == "corporatie"
    per_coder = run(folder, "retrieve", "Vertrouwen", "--attr", "organisation=corporatie", "--per-coder", "--json")
    assert [f["text"] for f in per_coder.json()] == [
        "Vertrouwen in personen", "Vertrouwen in personen is hier belangrijk.", "Dat schaadt het vertrouwen.",
    ]
    alone = run(folder, "retrieve", "Vertrouwen", "--only", "--attr", "organisation=corporatie", "--json").json()
    assert [f["text"] for f in alone] == ["Vertrouwen in personen", "Dat schaadt het vertrouwen."]
    text = run(folder, "retrieve", "Financiering/Huurinkomsten", "--context", "turn").stdout
    assert "Wij verhuren de ruimte" in text
    assert text.strip().endswith("1 fragment (sub-codes included) in 1 document.")
