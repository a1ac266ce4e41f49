"""The agreement service on hand-made codings: every unit, missing coders, choices and user mistakes."""

from __future__ import annotations

import pytest

from tests.services.agreement_fixtures import (  # noqa: F401 - fixtures
    INTERVIEW,
    add_code,
    add_coding,
    add_document,
    bare_project,
    sentences_of,
    span_of,
)
from workbench.domain.errors import InvalidInput, NotFound


@pytest.fixture
def coded(bare_project):
    """Two interviews coded by anna and bram with two codes, and one more interview coded by anna only."""
    p = bare_project
    trust = add_code(p, "Vertrouwen")
    money = add_code(p, "Financiering")
    one = add_document(p, "Interview 1", INTERVIEW)
    two = add_document(p, "Interview 2", INTERVIEW)
    three = add_document(p, "Interview 3", INTERVIEW)
    # Interview 1: the same first trust sentence; bram also codes the last one; both code the subsidy with other edges.
    first = span_of(p, one, "Het vertrouwen zit bij personen.")
    last = span_of(p, one, "Het vertrouwen van de buurt is groot.")
    add_coding(p, one, trust, "anna", *first)
    add_coding(p, one, trust, "bram", *first)
    add_coding(p, one, trust, "bram", *last)
    add_coding(p, one, money, "anna", *span_of(p, one, "Maar de subsidie is steeds voor een jaar."))
    add_coding(p, one, money, "bram", *span_of(p, one, "de subsidie is steeds voor een jaar"))
    # Interview 2: only anna codes trust, both code money identically.
    add_coding(p, two, trust, "anna", *span_of(p, two, "Ik bel gewoon Marieke, die kent ons."))
    money_two = span_of(p, two, "Huurinkomsten zijn ons enige verdienmodel.")
    add_coding(p, two, money, "anna", *money_two)
    add_coding(p, two, money, "bram", *money_two)
    add_coding(p, three, money, "anna", *span_of(p, three, "Huurinkomsten"))
    return p, {"trust": trust, "money": money, "docs": (one, two, three)}


def test_default_documents_are_those_both_coders_coded(coded):
    project, ids = coded
    report = project.agreement.report(["anna", "bram"], unit="sentence")
    assert report.documents == ("Interview 1", "Interview 2")
    assert [row.code for row in report.codes] == ["Vertrouwen", "Financiering"]
    assert report.coders == ("anna", "bram")


def test_sentence_unit_counts_and_coefficients(coded):
    project, ids = coded
    report = project.agreement.report("anna,bram", unit="sentence")
    trust, money = report.codes
    per_doc = len(sentences_of(project, ids["docs"][0]))
    assert trust.units == 2 * per_doc
    assert trust.coded_by == {"anna": 2, "bram": 2}
    assert trust.agreements == 2 * per_doc - 2  # bram's last sentence in 1, anna's Marieke sentence in 2
    assert money.disagreements == 0 and money.percent_agreement == 100.0
    assert money.cohen_kappa == pytest.approx(1.0) and money.krippendorff_alpha == pytest.approx(1.0)
    assert report.overall.units == 4 * per_doc
    assert report.overall.agreements == 4 * per_doc - 2


def test_character_unit_has_rows_per_document(coded):
    project, ids = coded
    report = project.agreement.report(["anna", "bram"])
    money = report.codes[1]
    assert [d.document for d in money.documents] == ["Interview 1", "Interview 2"]
    first, second = money.documents
    assert first.disagreements == len("Maar ") + len(".")
    assert second.percent_agreement == 100.0 and second.cohen_kappa == pytest.approx(1.0)
    assert report.overall.percent_agreement is not None


def test_segment_unit_uses_the_threshold(coded):
    project, _ids = coded
    lenient = project.agreement.report(["anna", "bram"], unit="segment", threshold=80)
    strict = project.agreement.report(["anna", "bram"], unit="segment", threshold=90)
    # The subsidy segments overlap by 35 of 41 characters (85 %).
    assert lenient.codes[1].agreements == 4 and strict.codes[1].agreements == 2
    assert strict.overall.brennan_prediger is not None
    assert strict.threshold == 90


def test_document_unit_and_chosen_documents_and_codes(coded):
    project, ids = coded
    report = project.agreement.report(["anna", "bram"], unit="document", documents=["Interview 2"], codes=["Vertrouwen"])
    assert report.documents == ("Interview 2",)
    (row,) = report.codes
    assert (row.units, row.agreements, row.coded_by) == (1, 0, {"anna": 1, "bram": 0})


def test_a_coder_who_did_not_code_a_chosen_document_counts_as_missing(coded):
    project, ids = coded
    report = project.agreement.report(["anna", "bram"], unit="turn", documents=["Interview 1", "Interview 3"])
    assert [(m.coder, m.document) for m in report.missing] == [("bram", "Interview 3")]
    assert report.codes[0].units == 4  # the four turns of interview 1; interview 3 has only anna's values


def test_three_coders(coded):
    project, ids = coded
    one = ids["docs"][0]
    add_coding(project, one, ids["trust"], "cas", *span_of(project, one, "Het vertrouwen zit bij personen."))
    report = project.agreement.report(["anna", "bram", "cas"], unit="sentence", documents=["Interview 1"])
    assert report.coders == ("anna", "bram", "cas")
    assert report.codes[0].coded_by == {"anna": 1, "bram": 2, "cas": 1}
    assert report.codes[0].krippendorff_alpha is not None


@pytest.mark.parametrize(
    ("kwargs", "error", "words"),
    [
        ({"coders": ["anna"]}, InvalidInput, "two or more different coders"),
        ({"coders": ["anna", "anna"]}, InvalidInput, "two or more different coders"),
        ({"coders": ["anna", "zoe"]}, NotFound, "no coder named 'zoe'"),
        ({"coders": ["anna", "bram"], "unit": "word"}, InvalidInput, "not one of character"),
        ({"coders": ["anna", "bram"], "threshold": 0}, InvalidInput, "not a percentage"),
        ({"coders": ["anna", "bram"], "codes": ["Onbekend"]}, NotFound, "no code 'Onbekend'"),
        ({"coders": ["anna", "bram"], "documents": ["Nergens"]}, NotFound, "no document 'Nergens'"),
    ],
)
def test_mistakes_are_one_clear_sentence(coded, kwargs, error, words):
    project, _ids = coded
    kwargs = dict(kwargs)
    coders = kwargs.pop("coders")
    with pytest.raises(error, match=words):
        project.agreement.report(coders, **kwargs)


def test_coders_without_a_common_document(bare_project):
    code = add_code(bare_project, "Plek")
    one = add_document(bare_project, "A", INTERVIEW)
    two = add_document(bare_project, "B", INTERVIEW)
    add_coding(bare_project, one, code, "anna", 0, 5)
    add_coding(bare_project, two, code, "bram", 0, 5)
    with pytest.raises(InvalidInput, match="not coded any document in common"):
        bare_project.agreement.report(["anna", "bram"])


def test_suggestions_and_rejected_codings_do_not_count(coded):
    project, ids = coded
    one = ids["docs"][0]
    span = span_of(project, one, "Daar moeten we vanaf.")
    add_coding(project, one, ids["money"], "anna", *span, status="suggested", origin="autocode:keyword:x")
    add_coding(project, one, ids["money"], "bram", *span, status="rejected", origin="autocode:keyword:x")
    before = project.agreement.report(["anna", "bram"], unit="sentence", codes=["Financiering"])
    assert before.codes[0].coded_by == {"anna": 2, "bram": 2}
