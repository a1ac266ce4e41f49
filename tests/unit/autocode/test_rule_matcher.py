"""The rule matcher on small Dutch and English texts."""

from __future__ import annotations

import pytest

from workbench.domain.codebook import AutocodeRules
from workbench.domain.errors import InvalidInput
from workbench.nlp.matcher import match_rules

TEXT = (
    "Subsidies krijgen we maar voor een jaar. Het vertrouwen is groot, korte lijntjes!\n\n"
    "Wantrouwig waren ze niet. De Korte Lijntjes werken."
)
TURNS = [(0, 81), (83, len(TEXT))]
SENTENCES = [(0, 40), (41, 81), (83, 108), (109, len(TEXT))]


def texts(hits):
    return [(TEXT[h.start:h.end], h.rule) for h in hits]


def test_keywords_match_whole_phrases_without_regard_to_case_and_widen_to_the_sentence():
    rules = ((1, AutocodeRules(keywords_nl=("korte lijntjes",))),)
    hits = match_rules(TEXT, TURNS, SENTENCES, rules, "nl")
    assert texts(hits) == [
        ("Het vertrouwen is groot, korte lijntjes!", "keyword:korte lijntjes"),
        ("De Korte Lijntjes werken.", "keyword:korte lijntjes"),
    ]
    assert TEXT[hits[0].match_start:hits[0].match_end] == "korte lijntjes"


def test_lemmas_find_inflected_and_capitalised_forms():
    rules = ((1, AutocodeRules(lemmas=("subsidie",))),)
    (hit,) = match_rules(TEXT, TURNS, SENTENCES, rules, "nl")
    assert TEXT[hit.match_start:hit.match_end] == "Subsidies"
    assert hit.rule == "lemma:subsidie"


def test_regexes_test_each_word_in_lower_case_and_the_unit_can_be_the_match_or_the_turn():
    match = ((2, AutocodeRules(regexes=("^(wan|ver)trouw",), unit="match")),)
    assert texts(match_rules(TEXT, TURNS, SENTENCES, match, "nl")) == [
        ("vertrouwen", "regex:^(wan|ver)trouw"), ("Wantrouwig", "regex:^(wan|ver)trouw"),
    ]
    turn = ((2, AutocodeRules(regexes=("^wantrouw",), unit="turn")),)
    assert texts(match_rules(TEXT, TURNS, SENTENCES, turn, "nl")) == [(TEXT[83:], "regex:^wantrouw")]


def test_one_suggestion_per_code_and_span_keeps_the_first_rule():
    rules = ((1, AutocodeRules(keywords_nl=("vertrouwen",), regexes=("^vertrouw",))),
             (2, AutocodeRules(keywords_nl=("lijntjes",))))
    hits = match_rules(TEXT, TURNS, SENTENCES, rules, "nl")
    assert [(h.code_id, h.rule) for h in hits] == [(1, "keyword:vertrouwen"), (2, "keyword:lijntjes"), (2, "keyword:lijntjes")]


def test_english_documents_use_the_english_keywords_and_lemmas():
    text = "We trusted the partners. Short lines help."
    rules = ((1, AutocodeRules(keywords_nl=("korte lijnen",), keywords_en=("short lines",), lemmas=("trust",))),)
    hits = match_rules(text, [(0, len(text))], [(0, 24), (25, len(text))], rules, "en")
    assert [(text[h.start:h.end], h.rule) for h in hits] == [
        ("We trusted the partners.", "lemma:trust"), ("Short lines help.", "keyword:short lines"),
    ]


def test_a_document_without_turns_or_sentences_is_one_region():
    text = "Over subsidie gesproken"
    (hit,) = match_rules(text, [], [], ((1, AutocodeRules(keywords_nl=("subsidie",))),), "nl")
    assert (hit.start, hit.end) == (5, 13)


def test_rules_without_anything_to_find_find_nothing():
    assert match_rules(TEXT, TURNS, SENTENCES, ((1, AutocodeRules(keywords_en=("trust",))),), "nl") == []


def test_an_invalid_regular_expression_is_named():
    with pytest.raises(InvalidInput, match=r"'\^\(wan' is not a valid regular expression"):
        match_rules(TEXT, TURNS, SENTENCES, ((1, AutocodeRules(regexes=("^(wan",))),), "nl")
