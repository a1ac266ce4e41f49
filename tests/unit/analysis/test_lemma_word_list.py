"""The Dutch word list of the sample transcripts: a search for the lemma finds (nearly) every form."""

from __future__ import annotations

import csv
from pathlib import Path

from workbench.nlp.word_lemmas import lemma_of

WORD_LIST = Path(__file__).resolve().parents[2] / "data" / "lemmas" / "dutch_forms.tsv"


def _forms() -> list[dict[str, str]]:
    with WORD_LIST.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_the_word_list_holds_at_least_300_forms_of_the_sample_transcripts():
    forms = _forms()
    assert len(forms) >= 300
    assert len({row["form"] for row in forms}) == len(forms)
    assert sum(row["form"] != row["lemma"] for row in forms) >= 300


def test_the_lemma_of_a_form_is_the_lemma_of_its_headword_for_nearly_every_form():
    forms = _forms()
    missed = [row["form"] for row in forms if lemma_of(row["form"], "nl") != lemma_of(row["lemma"], "nl")]
    assert len(missed) <= len(forms) // 100, missed


def test_lemmas_do_not_depend_on_capitals_and_unknown_words_stay_themselves():
    assert lemma_of("Huizen", "nl") == lemma_of("huis", "nl") == "huis"
    assert lemma_of("Yusuf", "nl") == "yusuf"
    assert lemma_of("NDW21", "nl") == "ndw21"
