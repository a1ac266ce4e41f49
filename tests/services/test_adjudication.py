"""Reviewing disagreements side by side and deciding them for a consensus coder."""

from __future__ import annotations

import pytest

from tests.services.agreement_fixtures import (  # noqa: F401 - fixtures
    INTERVIEW,
    add_code,
    add_coding,
    add_document,
    bare_project,
    codings_of,
    span_of,
)
from workbench.domain.errors import InvalidInput, NotFound


@pytest.fixture
def review(bare_project):
    p = bare_project
    trust = add_code(p, "Vertrouwen")
    doc = add_document(p, "Interview 1", INTERVIEW)
    first = span_of(p, doc, "Het vertrouwen zit bij personen.")
    add_coding(p, doc, trust, "anna", *first)
    add_coding(p, doc, trust, "bram", first[0], first[0] + len("Het vertrouwen"))
    add_coding(p, doc, trust, "bram", *span_of(p, doc, "Het vertrouwen van de buurt is groot."))
    return p, doc, trust


def test_disagreements_show_both_coders_side_by_side(review):
    project, doc, trust = review
    found = project.agreement.disagreements(["anna", "bram"])
    assert [d.kind for d in found] == ["boundaries", "missing"]
    edges, missing = found
    assert edges.text == "Het vertrouwen zit bij personen."
    anna, bram = edges.sides
    assert anna.coder == "anna" and anna.texts == ("Het vertrouwen zit bij personen.",)
    assert bram.texts == ("Het vertrouwen",)
    assert missing.sides[0].codings == () and missing.sides[1].texts == ("Het vertrouwen van de buurt is groot.",)
    assert edges.id == f"{doc}:{trust}:{edges.start}-{edges.end}"
    assert not any(d.resolved for d in found)


def test_at_sentence_level_other_edges_in_one_sentence_agree(review):
    project, _doc, _trust = review
    found = project.agreement.disagreements(["anna", "bram"], unit="sentence")
    assert [d.kind for d in found] == ["missing"]


def test_keep_one_coders_codings(review):
    project, doc, trust = review
    edges = project.agreement.disagreements(["anna", "bram"])[0]
    result = project.agreement.adjudicate(edges.id, keep=["anna"])
    assert result.coder == "consensus" and result.decision == "anna's codings"
    (row,) = codings_of(project, "consensus")
    assert (row.start, row.end, row.status, row.origin) == (edges.start, edges.end, "applied", "adjudication")
    after = project.agreement.disagreements(["anna", "bram"])
    assert [d.resolved for d in after] == [True, False]
    assert [d.id for d in project.agreement.disagreements(["anna", "bram"], unresolved_only=True)] == [after[1].id]


def test_deciding_again_replaces_the_earlier_decision_and_undo_restores_it(review):
    project, doc, trust = review
    edges = project.agreement.disagreements(["anna", "bram"])[0]
    project.agreement.adjudicate(edges.id, keep=["anna"])
    result = project.agreement.adjudicate(edges.id, keep=["bram"])
    assert result.removed == 1
    (row,) = codings_of(project, "consensus")
    assert row.end - row.start == len("Het vertrouwen")
    event = project.history.undo()
    assert event.kind == "agreement.adjudicate"
    (row,) = codings_of(project, "consensus")
    assert (row.start, row.end) == (edges.start, edges.end)


def test_keep_both_and_a_new_span(review):
    project, doc, trust = review
    edges = project.agreement.disagreements(["anna", "bram"])[0]
    both = project.agreement.adjudicate(edges.id, keep=["both"])
    assert len(both.spans) == 2
    assert len(codings_of(project, "consensus", status="applied")) == 2
    new = span_of(project, doc, "vertrouwen zit bij personen")
    result = project.agreement.adjudicate(edges.id, span=new)
    assert result.decision == "new span" and result.removed == 2
    assert [(r.start, r.end) for r in codings_of(project, "consensus")] == [new]


def test_keeping_a_coder_who_did_not_code_there_records_that_the_code_does_not_apply(review):
    project, doc, trust = review
    missing = project.agreement.disagreements(["anna", "bram"])[1]
    result = project.agreement.adjudicate(missing.id, keep=["anna"])
    assert result.decision == "does not apply" and result.spans == ()
    (row,) = codings_of(project, "consensus")
    assert row.status == "rejected"
    assert project.agreement.disagreements(["anna", "bram"])[1].resolved
    # A rejected consensus coding does not count as coded when the consensus is compared with a coder.
    report = project.agreement.report(["anna", "consensus"], unit="document", documents=["Interview 1"])
    assert report.missing and report.missing[0].coder == "consensus"


def test_the_consensus_coder_can_be_named_in_the_settings(review):
    project, _doc, _trust = review
    project.status.update_settings(consensus_coder="team")
    edges = project.agreement.disagreements(["anna", "bram"])[0]
    assert project.agreement.adjudicate(edges.id, keep=["anna"]).coder == "team"
    assert len(codings_of(project, "team")) == 1


@pytest.mark.parametrize(
    ("ident", "kwargs", "error", "words"),
    [
        ("12-3", {"keep": ["anna"]}, InvalidInput, "not a disagreement id"),
        (None, {}, InvalidInput, "Say what to keep"),
        (None, {"keep": ["anna"], "span": (0, 3)}, InvalidInput, "Say what to keep"),
        (None, {"keep": ["consensus"]}, InvalidInput, "is the consensus coder"),
        (None, {"keep": ["zoe"]}, NotFound, "no coder named 'zoe'"),
        (None, {"span": (5, 99999)}, InvalidInput, "lies outside document"),
        ("999:1:0-5", {"keep": ["anna"]}, NotFound, "no document with id 999"),
    ],
)
def test_adjudication_mistakes(review, ident, kwargs, error, words):
    project, _doc, _trust = review
    ident = ident or project.agreement.disagreements(["anna", "bram"])[0].id
    with pytest.raises(error, match=words):
        project.agreement.adjudicate(ident, **kwargs)
    assert codings_of(project, "consensus") == []
