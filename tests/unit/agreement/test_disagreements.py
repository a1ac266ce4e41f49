"""Where coders differ, judged at each unit."""

from __future__ import annotations

from workbench.domain.agreement_assess import AgreementInput
from workbench.domain.agreement_units import DocumentFrame
from workbench.domain.disagreements import find_disagreements

FRAME = DocumentFrame(1, "Interview", 100, sentences=((0, 20), (21, 40), (41, 60), (61, 100)), turns=((0, 40), (41, 100)))


def run(unit, refs, coders=("anna", "bram"), coded=None, threshold=90.0):
    coverage = {key: [(s, e) for _i, s, e in value] for key, value in refs.items()}
    coded = coded or {c: frozenset({1}) for c in coders}
    data = AgreementInput(coders=coders, frames=(FRAME,), codes=((7, "Vertrouwen"),), coverage=coverage,
                          coded_documents=coded, unit=unit, threshold=threshold)
    return find_disagreements(data, refs)


def test_character_unit_lists_each_stretch_that_differs():
    refs = {("anna", 1, 7): [(1, 0, 20), (2, 61, 80)], ("bram", 1, 7): [(3, 0, 20), (4, 65, 80), (5, 41, 50)]}
    found = run("character", refs)
    assert [(d.start, d.end, d.kind) for d in found] == [(41, 50, "missing"), (61, 80, "boundaries")]
    missing = found[0]
    assert missing.id == "1:7:41-50"
    assert [(side.coder, side.codings) for side in missing.sides] == [("anna", ()), ("bram", ((5, 41, 50),))]
    assert found[1].sides[0].codings == ((2, 61, 80),)


def test_touching_codings_of_one_coder_equal_one_long_coding():
    refs = {("anna", 1, 7): [(1, 0, 10), (2, 10, 20)], ("bram", 1, 7): [(3, 0, 20)]}
    assert run("character", refs) == []


def test_sentence_unit_ignores_other_edges_in_the_same_sentence():
    refs = {("anna", 1, 7): [(1, 2, 5), (2, 61, 70)], ("bram", 1, 7): [(3, 10, 18), (4, 80, 99), (5, 25, 30)]}
    found = run("sentence", refs)
    assert [(d.start, d.end) for d in found] == [(21, 40)]
    assert found[0].kind == "missing"


def test_turn_and_document_units():
    refs = {("anna", 1, 7): [(1, 2, 5)], ("bram", 1, 7): [(3, 25, 30), (4, 45, 50)]}
    assert [(d.start, d.end) for d in run("turn", refs)] == [(41, 100)]
    assert run("document", refs) == []
    only_anna = {("anna", 1, 7): [(1, 2, 5)]}
    assert [(d.start, d.end, d.kind) for d in run("document", only_anna)] == [(0, 100, "missing")]


def test_segment_unit_uses_the_threshold():
    refs = {("anna", 1, 7): [(1, 0, 100)], ("bram", 1, 7): [(2, 0, 95)]}
    assert run("segment", refs) == []
    assert len(run("segment", refs, threshold=96.0)) == 1


def test_a_coder_who_did_not_code_the_document_is_left_out():
    refs = {("anna", 1, 7): [(1, 0, 20)], ("bram", 1, 7): [(2, 0, 20)]}
    coded = {"anna": frozenset({1}), "bram": frozenset({1}), "cas": frozenset()}
    assert run("character", refs, coders=("anna", "bram", "cas"), coded=coded) == []
    assert run("character", refs, coders=("anna", "cas"), coded=coded) == []
