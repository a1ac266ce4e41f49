"""One meaning for the fragments of a code: sub-codes by default, `=CODE` alone, overlapping codings joined."""

from __future__ import annotations

from tests.services.analysis_fixtures import corpus  # noqa: F401 - fixture
from workbench.domain.filters import Selection


def _spans(items):
    return [(item.document_id, item.start, item.end) for item in items]


def test_overlapping_codings_of_two_coders_are_one_fragment_naming_both(project, corpus):
    alone = project.retrieval.fragments(["=Vertrouwen"])
    assert len(project.retrieval.codings(["Vertrouwen"], subcodes=False)) == 6
    assert len(alone) == 5
    first = alone[0]
    assert first.coders == ("anna", "bram") and first.coder == "anna, bram"
    assert sorted(first.coding_ids) == sorted([corpus.codings["g1"], corpus.codings["g7"]])
    assert (first.start, first.end) == corpus.sentence("gemeente", 1)
    assert first.text == corpus.texts["gemeente"][slice(*corpus.sentence("gemeente", 1))]
    per_coder = project.retrieval.fragments(["Vertrouwen"], subcodes=False, per_coder=True)
    assert [(f.document, f.coders) for f in per_coder][:2] == [("Interview gemeente", ("anna",)),
                                                               ("Interview gemeente", ("bram",))]
    assert len(per_coder) == 6


def test_a_code_name_means_the_code_with_its_sub_codes_everywhere(project, corpus):
    with_subcodes = project.retrieval.fragments(["Vertrouwen"])
    assert _spans(with_subcodes) == _spans(project.queries.run("Vertrouwen").hits)
    assert _spans(project.retrieval.fragments(["Vertrouwen"], subcodes=False)) == _spans(
        project.queries.run("=Vertrouwen").hits) == _spans(project.queries.run("Vertrouwen", subcodes=False).hits)
    matrix = project.matrices.frequencies(by="documents", codes=["Vertrouwen"])
    assert matrix.subcodes and matrix.measure == "fragments"
    assert sum(matrix.values[0]) == matrix.row_totals[0] == len(with_subcodes)
    assert len({f.document_id for f in with_subcodes}) == 3
    assert [(f.codes, f.coders) for f in with_subcodes if f.document == "Interview corporatie"] == [
        (("Vertrouwen", "Vertrouwen/Vertrouwen in personen"), ("anna", "bram")), (("Vertrouwen",), ("anna",))]
    assert [f.codes for f in with_subcodes if f.document == "Werkbezoek HEEM"] == [
        ("Vertrouwen/Ruimte om te falen",), ("Vertrouwen",)]


def test_operators_keep_the_sub_codes_on_both_sides(project, corpus):
    either = project.queries.run("Vertrouwen OR Financiering/Huurinkomsten")
    vertrouwen = project.queries.run("Vertrouwen")
    huur = project.queries.run("Financiering/Huurinkomsten")
    assert len(either.hits) >= len(vertrouwen.hits)
    covered = {(h.document_id, h.start, h.end) for h in either.hits}
    for hit in [*vertrouwen.hits, *huur.hits]:
        assert any(d == hit.document_id and s <= hit.start and hit.end <= e for d, s, e in covered)
    inside = project.queries.run("Financiering INSIDE Vertrouwen", unit="span")
    alone = project.queries.run("Financiering INSIDE =Vertrouwen", unit="span")
    assert len(inside.hits) >= len(alone.hits)
    assert project.queries.run("Vertrouwen/Vertrouwen in personen AND Vertrouwen").hits


def test_one_coder_a_set_and_the_consensus_coder_choose_the_codings(project, corpus):
    bram = project.retrieval.fragments(["Vertrouwen"], selection=Selection(coders=("bram",)))
    assert {f.coder for f in bram} == {"bram"}
    both = project.retrieval.fragments(["Vertrouwen"], selection=Selection(coders=("anna", "bram")))
    assert _spans(both) == _spans(project.retrieval.fragments(["Vertrouwen"]))
