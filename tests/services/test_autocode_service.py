"""Auto-coding: stored suggestions, accepting and rejecting them across runs, structure rules, evaluation."""

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
from workbench.domain.autocode import StructureRule
from workbench.domain.errors import InvalidInput, NotFound
from workbench.project import Project

TRUST = {"keywords_nl": ["vertrouwen"], "regexes": ["^wantrouw"], "unit": "sentence"}
MONEY = {"keywords_nl": ["verdienmodel"], "lemmas": ["subsidie", "financiering"], "unit": "sentence"}


@pytest.fixture
def corpus(bare_project):
    p = bare_project
    ids = {
        "trust": add_code(p, "Vertrouwen", rules=TRUST),
        "money": add_code(p, "Financiering", rules=MONEY),
        "question": add_code(p, "Vraag"),
        "doc": add_document(p, "Interview 1", INTERVIEW),
    }
    return p, ids


def sentences(suggestions):
    return sorted((s.code, s.text) for s in suggestions)


def test_a_run_stores_suggestions_for_the_current_coder(corpus):
    project, ids = corpus
    report = project.autocode.run()
    assert report.coder == "anna" and report.documents == 1 and report.new == 5
    assert [(c.code, c.new, c.pending) for c in report.codes] == [("Vertrouwen", 2, 2), ("Financiering", 3, 3)]
    assert sentences(project.autocode.suggestions()) == [
        ("Financiering", "En de financiering op langere termijn?"),
        ("Financiering", "Huurinkomsten zijn ons enige verdienmodel."),
        ("Financiering", "Maar de subsidie is steeds voor een jaar."),
        ("Vertrouwen", "Het vertrouwen van de buurt is groot."),
        ("Vertrouwen", "Het vertrouwen zit bij personen."),
    ]
    rows = codings_of(project, "anna")
    assert {r.status for r in rows} == {"suggested"}
    assert {r.origin for r in rows} == {"autocode:keyword:vertrouwen", "autocode:lemma:subsidie",
                                        "autocode:lemma:financiering", "autocode:keyword:verdienmodel"}
    assert all(r.fingerprint for r in rows)


def test_suggestions_are_never_stored_twice(corpus):
    project, _ids = corpus
    project.autocode.run()
    again = project.autocode.run()
    assert again.new == 0 and again.skipped == 5
    assert len(codings_of(project, "anna")) == 5


def test_rejected_suggestions_do_not_come_back_and_accepted_ones_become_codings(corpus):
    project, ids = corpus
    project.autocode.run()
    waiting = project.autocode.suggestions(code="Vertrouwen")
    rejected = project.autocode.reject([waiting[0].id])
    assert rejected[0].status == "rejected"
    accepted = project.autocode.accept([waiting[1].id])
    assert accepted[0].status == "applied" and accepted[0].rule == "keyword:vertrouwen"
    report = project.autocode.run()
    assert report.new == 0
    trust = report.codes[0]
    assert (trust.pending, trust.accepted, trust.rejected) == (0, 1, 1)
    assert [s.id for s in project.autocode.suggestions(status="rejected")] == [waiting[0].id]


def test_an_applied_coding_overlapping_a_hit_stops_that_suggestion(corpus):
    project, ids = corpus
    add_coding(project, ids["doc"], ids["trust"], "anna", *span_of(project, ids["doc"], "vertrouwen zit"))
    report = project.autocode.run(codes=["Vertrouwen"])
    assert report.new == 1
    assert [c.code for c in report.codes] == ["Vertrouwen"]


def test_accept_and_reject_all_of_one_code(corpus):
    project, _ids = corpus
    project.autocode.run()
    assert len(project.autocode.accept_code("Financiering")) == 3
    assert len(project.autocode.reject_code("Vertrouwen")) == 2
    assert project.autocode.suggestions() == []
    assert {(r.code_id, r.status) for r in codings_of(project, "anna")} == {(1, "rejected"), (2, "applied")}
    assert project.autocode.accept_code("Financiering") == []


def test_undo_takes_back_a_run_and_a_decision(corpus):
    project, _ids = corpus
    project.autocode.run()
    first = project.autocode.suggestions()[0]
    project.autocode.reject([first.id])
    assert project.history.undo().kind == "autocode.reject"
    assert len(project.autocode.suggestions()) == 5
    assert project.history.undo().kind == "autocode.run"
    assert codings_of(project, "anna") == []
    assert project.history.redo().kind == "autocode.run"
    assert len(project.autocode.suggestions()) == 5


def test_only_the_own_waiting_suggestions_can_be_decided(corpus):
    project, _ids = corpus
    project.autocode.run()
    first = project.autocode.suggestions()[0]
    other = Project.open(project.directory, db=None if project.url.startswith("sqlite") else project.url, coder="bram")
    with other:
        assert other.autocode.suggestions() == []
        with pytest.raises(NotFound, match=f"Coding {first.id} is not a suggested or rejected suggestion of yours"):
            other.autocode.accept([first.id])
    project.autocode.accept([first.id])
    with pytest.raises(NotFound, match="not a suggested suggestion of yours"):
        project.autocode.reject([first.id])
    with pytest.raises(NotFound):
        project.autocode.accept([99999])


def test_stepping_through_suggestions(corpus):
    project, ids = corpus
    project.autocode.run()
    doc = ids["doc"]
    first = project.autocode.next_suggestion(doc, -1)
    assert first.text == "Het vertrouwen zit bij personen."
    second = project.autocode.next_suggestion(doc, first.start)
    assert second.text == "Maar de subsidie is steeds voor een jaar."
    assert project.autocode.next_suggestion(doc, second.start, backwards=True) == first
    assert project.autocode.suggestion_at(doc, second.start + 3) == second
    assert project.autocode.suggestion_at(doc, 0) is None


def test_structure_rules_from_the_settings_and_given_for_one_run(corpus):
    project, ids = corpus
    report = project.autocode.run(codes=["Vraag"], structure=[StructureRule("speaker", "interviewer", "Vraag")])
    assert report.codes[0].new == 2
    assert {s.rule for s in project.autocode.suggestions(code="Vraag")} == {"speaker:interviewer"}
    project.status.update_settings(autocode_structure=[{"code": "Vraag", "speaker": "Respondent"}])
    assert project.autocode.run(codes=["Vraag"]).new == 2


def test_mistakes(corpus):
    project, _ids = corpus
    with pytest.raises(InvalidInput, match="None of the chosen codes has auto-coding rules"):
        project.autocode.run(codes=["Vraag"])
    with pytest.raises(NotFound, match="no code 'Geld'"):
        project.autocode.run(codes=["Geld"])
    with pytest.raises(NotFound, match="no document 'Nergens'"):
        project.autocode.run(documents=["Nergens"])
    with pytest.raises(InvalidInput, match="status 'open'"):
        project.autocode.suggestions(status="open")
    with pytest.raises(InvalidInput, match="anna has not applied any code yet"):
        project.autocode.evaluate()


def test_evaluation_on_a_hand_coded_interview(corpus):
    project, ids = corpus
    doc = ids["doc"]
    for phrase in ("Het vertrouwen zit bij personen", "Ik bel gewoon Marieke, die kent ons."):
        add_coding(project, doc, ids["trust"], "anna", *span_of(project, doc, phrase))
    for phrase in ("de subsidie is steeds voor een jaar", "Huurinkomsten", "Daar moeten we vanaf."):
        add_coding(project, doc, ids["money"], "anna", *span_of(project, doc, phrase))
    result = project.autocode.evaluate()
    assert result.coder == "anna" and result.documents == 1
    trust, money = result.codes
    assert (trust.score.suggested, trust.score.correct, trust.score.applied, trust.score.found) == (2, 1, 2, 1)
    assert trust.score.precision == pytest.approx(0.5) and trust.score.f1 == pytest.approx(0.5)
    assert (money.score.suggested, money.score.correct, money.score.applied, money.score.found) == (3, 2, 3, 2)
    assert money.score.recall == pytest.approx(2 / 3)
    assert result.overall.precision == pytest.approx(0.6) and result.overall.recall == pytest.approx(0.6)
    assert result.overall.f1 == pytest.approx(0.6)
    assert codings_of(project, "anna", status="suggested") == []  # evaluating stores nothing
    with pytest.raises(NotFound):
        project.autocode.evaluate(coder="zoe")


def test_suggestions_from_search_are_reviewed_the_same_way(corpus):
    project, ids = corpus
    doc = ids["doc"]
    found = add_coding(project, doc, ids["question"], "anna", *span_of(project, doc, "Huurinkomsten"),
                       status="suggested", origin="search")
    manual = add_coding(project, doc, ids["question"], "anna", *span_of(project, doc, "verdienmodel"))
    (waiting,) = project.autocode.suggestions(code="Vraag")
    assert (waiting.id, waiting.rule) == (found, "search")
    assert project.autocode.accept_code("Vraag")[0].status == "applied"
    assert [s.id for s in project.autocode.suggestions(code="Vraag", status="applied")] == [found]
    with pytest.raises(NotFound, match=f"Coding {manual} is not a suggested suggestion"):
        project.autocode.reject([manual])


def test_under_blind_coding_the_rules_are_evaluated_only_against_the_own_codings(corpus):
    project, ids = corpus
    add_coding(project, ids["doc"], ids["trust"], "bram", *span_of(project, ids["doc"], "Het vertrouwen"))
    project.status.update_settings(blind_coding=True)
    with pytest.raises(InvalidInput, match="Blind coding is on.*leave out the coder bram"):
        project.autocode.evaluate(coder="bram")
    project.status.update_settings(blind_coding=False)
    assert project.autocode.evaluate(coder="bram").overall.found == 1
