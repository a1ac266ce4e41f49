"""Lemma-aware matching with spaCy's blank pipelines and the lookup lemmatizer (no model downloads)."""

from __future__ import annotations

from workbench.nlp.lemmas import find_lemma_matches, forms_of, lemmatise
from workbench.nlp.pipeline import pipeline

TEXT = (
    "Het begon met vertrouwen. We vertrouwden elkaar vanaf het begin.\n\n"
    "De Financieringen waren lastig; de financiering kwam per jaar."
)
TURNS = [(0, TEXT.index("\n\n")), (TEXT.index("De Fin"), len(TEXT))]


def _found(phrase: str, language: str = "nl", text: str = TEXT, regions=None) -> list[str]:
    regions = regions or [(0, len(text))]
    return [text[a:b] for a, b in find_lemma_matches(text, regions, lemmatise(phrase, language), language)]


def test_the_pipeline_is_blank_with_a_sentencizer_and_the_lookup_lemmatizer():
    nlp = pipeline("nl")
    assert nlp.pipe_names == ["sentencizer", "lemmatizer"]
    assert nlp.get_pipe("lemmatizer").mode == "lookup"
    assert nlp.max_length > 1_000_000
    assert [s.text for s in nlp("Het begon. Daarna niet.").sents] == ["Het begon.", "Daarna niet."]


def test_dutch_inflections_are_found_through_their_lemma():
    assert lemmatise("Financieringen", "nl") == ("financiering",)
    assert _found("financiering", regions=TURNS) == ["Financieringen", "financiering"]
    assert _found("vertrouwen", regions=TURNS) == ["vertrouwen", "vertrouwden"]
    assert _found("vertrouwden elkaar") == ["vertrouwden elkaar"]
    assert "vertrouwden" in forms_of("vertrouwen", "nl")


def test_english_lemmas_and_capitals():
    text = "The residents Trusted the founder. Fundings came late."
    assert _found("trust", "en", text) == ["Trusted"]
    assert _found("funding", "en", text) == ["Fundings"]


def test_regions_limit_the_search():
    first_turn_only = [TURNS[0]]
    assert _found("financiering", regions=first_turn_only) == []
