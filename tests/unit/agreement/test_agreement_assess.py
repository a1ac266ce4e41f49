"""Agreement reports on hand-made codings at every unit."""

from __future__ import annotations

import krippendorff
import pytest

from workbench.domain.agreement_assess import AgreementInput, assess
from workbench.domain.agreement_units import DocumentFrame

SENTENCES = tuple((i * 10, i * 10 + 9) for i in range(10))
DOC1 = DocumentFrame(1, "Interview 1", 1000, sentences=SENTENCES, turns=((0, 49), (50, 99), (100, 1000)))
DOC2 = DocumentFrame(2, "Interview 2", 500, sentences=((0, 250), (251, 500)), turns=((0, 500),))
CODES = ((10, "Vertrouwen"), (20, "Financiering"))


def data(unit, coverage, coders=("anna", "bram"), frames=(DOC1, DOC2), coded=None, codes=CODES, **extra):
    coded = coded or {coder: frozenset(f.document_id for f in frames) for coder in coders}
    return AgreementInput(coders=tuple(coders), frames=tuple(frames), codes=codes, coverage=coverage,
                          coded_documents=coded, unit=unit, **extra)


def test_character_unit_reproduces_nvivo_per_document_and_weights_the_total_by_size():
    coverage = {
        ("anna", 1, 10): [(0, 150)], ("bram", 1, 10): [(0, 50), (150, 200)],
        ("anna", 2, 10): [(0, 100)], ("bram", 2, 10): [(0, 100)],
    }
    report = assess(data("character", coverage, codes=CODES[:1]))
    row = report.codes[0]
    first, second = row.documents
    assert first.percent_agreement == pytest.approx(85.0)
    assert first.cohen_kappa == pytest.approx(0.3182, abs=5e-5)
    assert first.coded_by == {"anna": 150, "bram": 100}
    assert (first.units, first.agreements, first.disagreements) == (1000, 850, 150)
    assert second.percent_agreement == 100.0 and second.cohen_kappa == pytest.approx(1.0)
    assert row.percent_agreement == pytest.approx((85 * 1000 + 100 * 500) / 1500)
    assert row.cohen_kappa == pytest.approx((0.318181818 * 1000 + 500) / 1500)
    assert row.units == 1500 and row.agreements == 1350
    assert report.overall.percent_agreement == pytest.approx(row.percent_agreement)
    assert report.overall.codes == 1
    # α pools the characters of both documents: 150 coded by both, 100 by anna only, 50 by bram only, 1,200 by neither.
    pooled = [[1] * 150 + [1] * 100 + [0] * 50 + [0] * 1200, [1] * 150 + [0] * 100 + [1] * 50 + [0] * 1200]
    assert row.krippendorff_alpha == pytest.approx(krippendorff.alpha(reliability_data=pooled, level_of_measurement="nominal"))


def test_character_unit_counts_a_code_neither_coder_used_as_complete_agreement_like_nvivo():
    report = assess(data("character", {}, frames=(DOC2,), codes=CODES[:1]))
    row = report.codes[0]
    assert row.documents[0].percent_agreement == 100.0
    assert row.documents[0].cohen_kappa == 1.0
    assert row.krippendorff_alpha is None


def test_sentence_presence_matches_the_binary_reference_example():
    a = [i for i, c in enumerate("1100000000") if c == "1"]
    b = [i for i, c in enumerate("0110010100") if c == "1"]
    coverage = {
        ("anna", 1, 10): [(SENTENCES[i][0] + 2, SENTENCES[i][0] + 4) for i in a],
        ("bram", 1, 10): [(SENTENCES[i][0] + 1, SENTENCES[i][1]) for i in b],
    }
    report = assess(data("sentence", coverage, frames=(DOC1,), codes=CODES[:1]))
    row = report.codes[0]
    assert row.units == 10 and row.agreements == 6
    assert row.percent_agreement == pytest.approx(60.0)
    assert row.cohen_kappa == pytest.approx(0.0909, abs=5e-5)
    assert row.krippendorff_alpha == pytest.approx(0.0952, abs=5e-5)
    assert row.coded_by == {"anna": 2, "bram": 4}


def test_turn_and_document_presence():
    coverage = {("anna", 1, 10): [(0, 10)], ("bram", 1, 10): [(60, 70)], ("bram", 2, 10): [(5, 6)]}
    turns = assess(data("turn", coverage, codes=CODES[:1])).codes[0]
    # Turns: doc 1 has three (anna codes the first, bram the second), doc 2 one (bram only).
    assert (turns.units, turns.agreements, turns.disagreements) == (4, 1, 3)
    documents = assess(data("document", coverage, codes=CODES[:1])).codes[0]
    assert (documents.units, documents.agreements) == (2, 1)
    assert documents.percent_agreement == 50.0


def test_presence_overall_pools_all_codes():
    coverage = {("anna", 1, 10): [(0, 5)], ("bram", 1, 10): [(0, 5)], ("anna", 1, 20): [(12, 14)]}
    report = assess(data("sentence", coverage, frames=(DOC1,)))
    assert report.overall.units == 20 and report.overall.agreements == 19
    assert report.codes[0].cohen_kappa == pytest.approx(1.0)
    assert report.codes[1].cohen_kappa == pytest.approx(0.0)


def test_segment_unit_counts_from_both_sides_with_brennan_prediger_chance():
    coverage = {
        ("anna", 1, 10): [(0, 100), (200, 300)], ("bram", 1, 10): [(0, 95), (400, 500), (600, 700)],
        ("anna", 1, 20): [(800, 900)], ("bram", 1, 20): [(800, 900)],
    }
    report = assess(data("segment", coverage, frames=(DOC1,)))
    trust, money = report.codes
    assert (trust.agreements, trust.disagreements) == (2, 3)
    assert trust.coded_by == {"anna": 2, "bram": 3}
    assert (money.agreements, money.disagreements) == (2, 0)
    assert report.overall.percent_agreement == pytest.approx(400 / 7)
    assert report.overall.brennan_prediger == pytest.approx((4 / 7 - 0.5) / 0.5)
    assert report.threshold == 90
    strict = assess(data("segment", coverage, frames=(DOC1,), threshold=96.0))
    assert strict.codes[0].agreements == 0


def test_segment_unit_own_basis_and_pairs_counted_once():
    coverage = {("anna", 1, 10): [(0, 90)], ("bram", 1, 10): [(0, 100)]}
    union = assess(data("segment", coverage, frames=(DOC1,), codes=CODES[:1])).codes[0]
    assert union.agreements == 2
    own = assess(data("segment", coverage, frames=(DOC1,), codes=CODES[:1], overlap_basis="own", threshold=95.0)).codes[0]
    assert (own.agreements, own.disagreements) == (1, 1)
    once = assess(data("segment", coverage, frames=(DOC1,), codes=CODES[:1], both_sides=False)).codes[0]
    assert (once.agreements, once.disagreements) == (1, 0)


def test_three_coders_with_a_missing_document():
    coverage = {
        ("anna", 1, 10): [(0, 10)], ("bram", 1, 10): [(0, 10)], ("cas", 1, 10): [(0, 10)],
        ("anna", 2, 10): [(0, 10)], ("bram", 2, 10): [(300, 310)],
    }
    coded = {"anna": frozenset({1, 2}), "bram": frozenset({1, 2}), "cas": frozenset({1})}
    report = assess(data("sentence", coverage, coders=("anna", "bram", "cas"), coded=coded, codes=CODES[:1]))
    row = report.codes[0]
    assert row.units == 12 and row.agreements == 10
    assert [(m.coder, m.document) for m in report.missing] == [("cas", "Interview 2")]
    assert row.krippendorff_alpha is not None
    assert 0 < row.krippendorff_alpha < 1
