"""Lemma-aware matching: spaCy's blank pipelines cut words, simplemma's dictionaries give lemmas (no downloads)."""

from __future__ import annotations

from workbench.nlp.lemmas import find_lemma_matches, lemmatise
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


FAMILIES = {
    "kip": "De kip en de kippen. Een kippetje, twee kippetjes.",
    "huis": "Het huis, de huizen en een huisje.",
    "gemeente": "De gemeente; twee gemeenten en veel gemeentes.",
    "lopen": "Zij lopen, hij loopt, hij liep, zij liepen, ze zijn gelopen.",
    "financieren": "Wie gaat het financieren? Het werd gefinancierd door het fonds.",
    "wijkonderneming": "Een wijkonderneming helpt; Wijkondernemingen helpen.",
}
EXPECTED = {
    "kip": ["kip", "kippen", "kippetje", "kippetjes"],
    "huis": ["huis", "huizen", "huisje"],
    "gemeente": ["gemeente", "gemeenten", "gemeentes"],
    "lopen": ["lopen", "loopt", "liep", "liepen", "gelopen"],
    "financieren": ["financieren", "gefinancierd"],
    "wijkonderneming": ["wijkonderneming", "Wijkondernemingen"],
}


def test_every_form_of_a_dutch_word_plurals_diminutives_verb_forms_and_compounds():
    for word, text in FAMILIES.items():
        assert _found(word, text=text) == EXPECTED[word], word


def test_any_form_finds_the_others():
    text = FAMILIES["lopen"]
    assert _found("liep", text=text) == EXPECTED["lopen"]
    assert _found("kippetjes", text=FAMILIES["kip"]) == EXPECTED["kip"]
    assert lemmatise("Wijkondernemingen", "nl") == lemmatise("wijkonderneming", "nl")


def test_hyphenated_words_are_inflected_in_their_last_part():
    text = "Twee buurt-initiatieven en een buurt-initiatief."
    assert _found("buurt-initiatief", text=text) == ["buurt-initiatieven", "buurt-initiatief"]


def test_english_lemmas_and_capitals():
    text = "The residents Trusted the founder. Fundings came late. The houses ran out; nobody was running."
    assert _found("trust", "en", text) == ["Trusted"]
    assert _found("funding", "en", text) == ["Fundings"]
    assert _found("house", "en", text) == ["houses"]
    assert _found("run", "en", text) == ["ran", "running"]


def test_regions_limit_the_search():
    first_turn_only = [TURNS[0]]
    assert _found("financiering", regions=first_turn_only) == []
