"""Applying, resizing and removing codings, their memos, bad input, and the span helpers."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.services.analysis_fixtures import (  # noqa: F401 - fixtures
    CODINGS, build_corpus, coding_count, corpus, ensure_code, event_count,
)
from workbench.domain.codings import relocate
from workbench.domain.errors import Conflict, InvalidInput, NotFound
from workbench.domain.spans import Span
from workbench.store.schema import Code


def test_apply_returns_the_coding_with_its_path_text_and_fingerprint(project, corpus):
    start, end = corpus.phrase("gemeente", "De financiering was wel lastig.")
    coding = project.coding.get(corpus.codings["g3"])
    assert (coding.document, coding.code, coding.coder) == ("Interview gemeente", "Financiering", "anna")
    assert (coding.start, coding.end, coding.text, coding.status) == (start, end, "De financiering was wel lastig.", "applied")
    assert relocate(coding.fingerprint, corpus.texts["gemeente"]) == Span(start, end)
    assert project.history.recent(1)[0].summary.startswith("Coded '")


def test_the_same_code_span_and_coder_is_not_duplicated(project, corpus):
    key, start, end = corpus.spans["g1"]
    before_codings, before_events = coding_count(project), event_count(project)
    again = project.coding.apply("Interview gemeente", "vertrouwen", start, end)
    assert again.id == corpus.codings["g1"]
    assert (coding_count(project), event_count(project)) == (before_codings, before_events)


def test_overlapping_and_nested_codings_are_kept(project, corpus):
    key, start, end = corpus.spans["g5"]
    nested = project.coding.apply(corpus.documents[key], "Financiering", start + 10, start + 20)
    overlapping = project.coding.apply(corpus.documents[key], "Financiering", start + 15, end + 5)
    spans = [(c.start, c.end) for c in project.coding.list(document="Interview gemeente", code="Financiering")]
    assert (nested.start, nested.end) in spans and (overlapping.start, overlapping.end) in spans
    assert (start, end) in spans


def test_a_code_is_found_by_path_unique_name_or_guid(project, corpus):
    doc = corpus.documents["heem"]
    with project.ctx.read() as s:
        guid = s.scalar(select(Code.guid).where(Code.id == corpus.codes["Vertrouwen/Ruimte om te falen"]))
    by_guid = project.coding.apply(doc, "{" + guid.upper() + "}", 0, 3)
    by_name = project.coding.apply(doc, "ruimte om te falen", 0, 3)
    by_path = project.coding.apply("Werkbezoek HEEM", "Vertrouwen / Ruimte om te falen", 0, 3)
    assert by_guid.id == by_name.id == by_path.id
    assert by_guid.code == "Vertrouwen/Ruimte om te falen"


def test_applying_a_suggested_span_accepts_the_suggestion(project, corpus):
    doc = corpus.documents["heem"]
    suggested = project.coding.apply(doc, "Financiering", 0, 10, status="suggested")
    assert suggested.status == "suggested"
    accepted = project.coding.apply(doc, "Financiering", 0, 10)
    assert accepted.id == suggested.id and accepted.status == "applied"
    assert project.history.recent(1)[0].summary.startswith("Accepted")


@pytest.mark.parametrize(
    "document, code, start, end, error, fragment",
    [
        ("Interview gemeente", "Vertrouwen", 10, 10, InvalidInput, "is empty"),
        ("Interview gemeente", "Vertrouwen", 20, 10, InvalidInput, "is empty"),
        ("Interview gemeente", "Vertrouwen", -1, 10, InvalidInput, "lies outside"),
        ("Interview gemeente", "Vertrouwen", 0, 10_000, InvalidInput, "whose text has 295 characters"),
        ("Interview onbekend", "Vertrouwen", 0, 10, NotFound, "no document 'Interview onbekend'"),
        ("999", "Vertrouwen", 0, 10, NotFound, "no document '999'"),
        ("Interview gemeente", "Onbekende code", 0, 10, NotFound, "no code 'Onbekende code'"),
        ("Interview gemeente", "Leergeschiedenis", 0, 10, InvalidInput, "is a category"),
    ],
)
def test_bad_input_is_one_sentence_and_changes_nothing(project, corpus, document, code, start, end, error, fragment):
    before = (coding_count(project), event_count(project))
    with pytest.raises(error, match=fragment) as caught:
        project.coding.apply(document, code, start, end)
    assert str(caught.value).count("\n") == 0
    assert (coding_count(project), event_count(project)) == before


def test_an_unknown_coder_and_a_retired_code_are_refused(project, corpus):
    with pytest.raises(NotFound, match="no coder named 'zoe'.*anna, bram"):
        project.coding.apply("Interview gemeente", "Vertrouwen", 0, 5, coder="zoe")
    retired = ensure_code(project, "Oud thema")
    with project.ctx.change("code.retire", undoable=False) as unit:
        unit.session.get(Code, retired).retired = True
    with pytest.raises(InvalidInput, match="is retired"):
        project.coding.apply("Interview gemeente", "Oud thema", 0, 5)


def test_remove_takes_the_memo_along(project, corpus):
    coding_id = corpus.codings["c3"]
    project.coding.set_memo(coding_id, "Schade aan het vertrouwen door regels.")
    removed = project.coding.remove(coding_id)
    assert removed.memo == "Schade aan het vertrouwen door regels."
    with pytest.raises(NotFound, match=f"no coding with id {coding_id}"):
        project.coding.get(coding_id)
    assert project.memos.list(about="coding") == []
    assert project.history.recent(1)[0].summary == "Removed the coding 'Dat schaadt het vertrouwen.' (Vertrouwen)"


def test_resize_moves_the_span_and_the_fingerprint(project, corpus):
    key, start, end = corpus.spans["g6"]
    word_start, word_end = corpus.phrase(key, "vertrouwen", 7)
    resized = project.coding.resize(corpus.codings["g6"], word_start, word_end)
    assert (resized.start, resized.end, resized.text) == (word_start, word_end, "vertrouwen")
    assert relocate(resized.fingerprint, corpus.texts[key]) == Span(word_start, word_end)
    with pytest.raises(Conflict, match="already has this code"):
        project.coding.resize(corpus.codings["g6"], *corpus.spans["g1"][1:])
    with pytest.raises(InvalidInput, match="is empty"):
        project.coding.resize(corpus.codings["g6"], word_end, word_start)
    with pytest.raises(NotFound):
        project.coding.resize(987654, 0, 4)


def test_memo_on_a_coding_is_written_replaced_and_removed(project, corpus):
    coding_id = corpus.codings["g2"]
    assert project.coding.set_memo(coding_id, "Persoonlijk vertrouwen.").memo == "Persoonlijk vertrouwen."
    assert project.coding.set_memo(coding_id, "Persoonlijk vertrouwen, al jaren.").memo == "Persoonlijk vertrouwen, al jaren."
    assert len(project.memos.list(coding=coding_id)) == 1
    assert project.coding.set_memo(coding_id, "").memo == ""
    assert project.memos.list(coding=coding_id) == []
    with_memo = project.coding.apply("Interview gemeente", "Vertrouwen", 0, 3, memo="Vraag van de interviewer.")
    assert with_memo.memo == "Vraag van de interviewer."


def test_listing_filters_by_document_code_coder_and_status(project, corpus):
    assert len(project.coding.list()) == len(CODINGS)
    assert {c.document for c in project.coding.list(document="Interview corporatie")} == {"Interview corporatie"}
    assert len(project.coding.list(code="Vertrouwen")) == 6
    assert len(project.coding.list(code="Vertrouwen", subcodes=True)) == 9
    assert [c.id for c in project.coding.list(coder="bram")] == [corpus.codings["g7"], corpus.codings["c5"]]
    assert project.coding.list(status="suggested") == []
    with pytest.raises(InvalidInput, match="status 'maybe'"):
        project.coding.list(status="maybe")


def test_grow_a_span_to_words_sentences_and_turns(project, corpus):
    doc = corpus.documents["gemeente"]
    inside = corpus.phrase("gemeente", "trouwden")
    assert project.coding.grow(doc, *inside, to="word") == Span(*corpus.phrase("gemeente", "vertrouwden"))
    assert project.coding.grow(doc, *inside, to="sentence") == Span(*corpus.sentence("gemeente", 2))
    assert project.coding.grow(doc, *inside, to="turn") == Span(*corpus.turn("gemeente", 1))
    across = (corpus.sentence("gemeente", 1)[1] - 3, corpus.sentence("gemeente", 2)[0] + 3)
    assert project.coding.grow(doc, *across, to="sentence") == Span(corpus.sentence("gemeente", 1)[0], corpus.sentence("gemeente", 2)[1])
    with pytest.raises(InvalidInput, match="Cannot grow a span to 'paragraph'"):
        project.coding.grow(doc, *inside, to="paragraph")


def test_the_sentence_or_turn_at_an_offset(project, corpus):
    doc = corpus.documents["corporatie"]
    offset = corpus.phrase("corporatie", "huurinkomsten")[0]
    assert project.coding.unit_at(doc, offset, "sentence") == Span(*corpus.sentence("corporatie", 2))
    assert project.coding.unit_at(doc, offset, "turn") == Span(*corpus.turn("corporatie", 1))
    between_turns = corpus.turn("corporatie", 0)[1] + 1
    assert project.coding.unit_at(doc, between_turns, "turn") is None


def test_next_and_previous_coding_from_an_offset(project, corpus):
    doc = corpus.documents["gemeente"]
    g1, g7, g2 = (corpus.spans[k][1:] for k in ("g1", "g7", "g2"))
    first = project.coding.next_coding(doc, 0)
    assert (first.id, first.code, first.coder) == (corpus.codings["g1"], "Vertrouwen", "anna")
    assert project.coding.next_coding(doc, g1[0]).id == corpus.codings["g7"]
    assert project.coding.next_coding(doc, g7[0]).id == corpus.codings["g2"]
    assert project.coding.next_coding(doc, g2[1], coder="bram") is None
    assert project.coding.previous_coding(doc, g2[1]).id == corpus.codings["g2"]
    assert project.coding.previous_coding(doc, g1[1], coder="bram").id == corpus.codings["g7"]
    assert project.coding.previous_coding(doc, 0) is None


def test_where_left_off_is_the_own_latest_coding(project, corpus):
    from workbench.project import Project

    latest = max(project.coding.list(coder="anna"), key=lambda c: c.id)
    assert project.coding.where_left_off() == (latest.document_id, latest.start)
    heem = corpus.documents["heem"]
    start, end = corpus.sentence("heem", 1)
    with Project.open(project.directory, db=None if project.db.is_sqlite else project.url, coder="chris") as chris:
        assert chris.coding.where_left_off() == (min(corpus.documents.values()), 0)  # nothing coded yet
        chris.coding.apply(heem, "Vertrouwen", start, end)
        assert chris.coding.where_left_off() == (heem, start)
    assert project.coding.where_left_off() == (latest.document_id, latest.start)  # anna's own, not chris's
