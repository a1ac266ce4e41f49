"""How many Dutch word forms a lemma search finds: spaCy's lookup table alone (before) and `word_lemmas` (now).

A form counts as found when searching for its lemma finds it, that is when the form and the lemma get the same
lemma. The forms are the inflected words of the sample transcripts (`tests/data/lemmas/dutch_forms.tsv`, with
the lemma a researcher would type). Run: `.venv/bin/python bench/lemma_coverage.py [--misses]`.
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

WORD_LIST = Path(__file__).resolve().parent.parent / "tests" / "data" / "lemmas" / "dutch_forms.tsv"


def read_forms(path: Path = WORD_LIST) -> list[tuple[str, str]]:
    """(form, lemma) pairs of the word list."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["form"], row["lemma"]) for row in csv.DictReader(handle, delimiter="\t")]


def spacy_lookup(word: str, table) -> str:
    """The lemma spaCy's lookup table gives a word, followed through the table until it settles."""
    lemma = table.get(word, word)
    lemma = (lemma[0] if isinstance(lemma, list) else lemma).lower()
    seen = {word, lemma}
    while True:
        following = table.get(lemma, lemma)
        following = (following[0] if isinstance(following, list) else following).lower()
        if following in seen:
            return lemma
        seen.add(following)
        lemma = following


def coverage(forms: list[tuple[str, str]], lemma) -> tuple[float, list[tuple[str, str, str, str]]]:
    """The share of forms whose lemma is their lemma's lemma, and the misses (form, lemma, got, wanted)."""
    misses = []
    for form, expected in forms:
        got, wanted = lemma(form), lemma(expected)
        if got != wanted:
            misses.append((form, expected, got, wanted))
    return 1 - len(misses) / len(forms), misses


def main() -> None:
    from workbench.nlp.pipeline import lemma_table
    from workbench.nlp.word_lemmas import lemma_of

    forms = read_forms()
    table = lemma_table("nl")
    before, before_misses = coverage(forms, lambda w: spacy_lookup(w, table))
    started = time.perf_counter()
    after, after_misses = coverage(forms, lambda w: lemma_of(w, "nl"))
    seconds = time.perf_counter() - started
    print(f"{len(forms)} Dutch word forms from the sample transcripts ({WORD_LIST.name})")
    print(f"before (spaCy lookup table):            {before:6.1%} found ({len(forms) - len(before_misses)})")
    print(f"now (simplemma, spaCy table, compounds): {after:6.1%} found ({len(forms) - len(after_misses)})")
    print(f"now: {seconds * 1000:.0f} ms for the list, the dictionaries loaded on first use included")
    if "--misses" in sys.argv:
        for name, misses in (("before", before_misses), ("now", after_misses)):
            print(f"\nmissed {name}:")
            for form, expected, got, wanted in misses:
                print(f"  {form:24} -> {got:20} but {expected} -> {wanted}")


if __name__ == "__main__":
    main()
