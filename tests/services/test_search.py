"""Text search: plain, regular expression and lemma-aware (Dutch and English), as keyword-in-context hits."""

from __future__ import annotations

import pytest

from tests.services.analysis_fixtures import corpus  # noqa: F401 - fixture
from workbench.domain.errors import InvalidInput
from workbench.domain.filters import Selection


def _found(hits):
    return [(h.document, h.text) for h in hits]


def test_plain_search_is_case_insensitive_with_context(project, corpus):
    hits = project.search.search("vertrouwen")
    assert _found(hits) == [
        ("Interview gemeente", "vertrouwen"), ("Interview gemeente", "vertrouwen"),
        ("Interview corporatie", "Vertrouwen"), ("Interview corporatie", "vertrouwen"),
        ("Werkbezoek HEEM", "vertrouwen"),
    ]
    first = hits[0]
    assert (first.start, first.end) == corpus.phrase("gemeente", "vertrouwen")
    assert first.before.endswith("Het begon met ") and first.after.startswith(". We vertrouwden")
    assert first.speaker == "Marieke"
    assert "\n" not in first.before + first.after
    assert len(project.search.search("Vertrouwen", case_sensitive=True)) == 1


def test_lemma_search_finds_inflected_dutch_forms(project, corpus):
    financing = project.search.search("financiering", mode="lemma")
    assert _found(financing) == [
        ("Interview gemeente", "financiering"), ("Interview gemeente", "Financieringen"), ("Werkbezoek HEEM", "financiering"),
    ]
    trust = [h.text for h in project.search.search("vertrouwen", mode="lemma")]
    assert trust == ["vertrouwen", "vertrouwden", "vertrouwen", "Vertrouwen", "vertrouwen", "vertrouwen"]
    assert [h.text for h in project.search.search("subsidie", mode="lemma")] == ["Subsidies", "subsidie"]
    assert [h.text for h in project.search.search("vertrouwden elkaar", mode="lemma")] == ["vertrouwden elkaar"]


def test_lemma_search_uses_each_documents_language(project, corpus):
    assert _found(project.search.search("trust", mode="lemma")) == [("Field notes province", "trusted")]


def test_regular_expressions(project, corpus):
    assert [h.text for h in project.search.search(r"\bfinancier\w*", mode="regex")] == [
        "financiering", "Financieringen", "financiering",
    ]
    with pytest.raises(InvalidInput, match=r"regular expression '\(subsid' is not valid"):
        project.search.search("(subsid", mode="regex")


def test_filters_and_limit(project, corpus):
    only_heem = project.search.search("vertrouwen", selection=Selection(documents=("Werkbezoek HEEM",)))
    assert _found(only_heem) == [("Werkbezoek HEEM", "vertrouwen")]
    only_ahmed = project.search.search("vertrouwen", selection=Selection(speakers=("Ahmed",)))
    assert [h.document for h in only_ahmed] == ["Interview corporatie", "Interview corporatie"]
    by_attribute = project.search.search("de", selection=Selection(attributes=(("organisation", "provincie"),)))
    assert {h.document for h in by_attribute} == {"Field notes province"}
    assert len(project.search.search("e", limit=4)) == 4
    with pytest.raises(InvalidInput, match="search mode 'fuzzy'"):
        project.search.search("x", mode="fuzzy")


def test_hits_become_suggested_codings(project, corpus):
    hits = project.search.search("vertrouwden", mode="plain")
    (word,) = project.search.suggest(hits, "Vertrouwen", pattern="vertrouwden")
    assert (word.text, word.status, word.origin) == ("vertrouwden", "suggested", "search")
    hits = project.search.search("huurinkomsten")
    (sentence,) = project.search.suggest(hits, "Financiering/Huurinkomsten", unit="turn")
    assert (sentence.start, sentence.end) == corpus.turn("corporatie", 1)
    assert project.search.suggest(hits, "Financiering/Huurinkomsten", unit="turn") == []
    with pytest.raises(InvalidInput, match="is a category"):
        project.search.suggest(hits, "Leergeschiedenis")
