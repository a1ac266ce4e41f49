"""Lemma-aware matching: a search for `kip` also finds `kippen` and `kippetje`, `lopen` finds `liep` and `gelopen`.

spaCy's blank pipeline cuts the text into words; each word's lemma comes from `word_lemmas` (simplemma's
dictionaries, spaCy's lookup table, Dutch compounds), worked out once per word form. To avoid tokenising a
whole corpus, each region's words are first read with a cheap regular expression and only regions holding a
word with the wanted first lemma are tokenised; the tokens' lemmas then decide each match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from workbench.nlp.pipeline import language_of, pipeline, process_regions
from workbench.nlp.word_lemmas import lemma_of, word_lemmas

_WORD = re.compile(r"\w+(?:[-']\w+)*")


def token_lemma(token, language: str) -> str:
    """A token's lemma in lower case."""
    return lemma_of(token.text, language)


def lemmatise(phrase: str, language: str | None) -> tuple[str, ...]:
    """The lemmas of the words of a phrase, leaving out spaces and punctuation."""
    code = language_of(language)
    doc = pipeline(language).make_doc(phrase)
    return tuple(lemma_of(t.text, code) for t in doc if not (t.is_space or t.is_punct))


def _holds(text: str, region: tuple[int, int], lemma: str, lemmas) -> bool:
    """Whether a region holds a word whose lemma is `lemma` (words read by a regular expression)."""
    for match in _WORD.finditer(text, region[0], region[1]):
        word = match.group()
        if lemmas.lemma(word) == lemma or ("-" in word and any(lemmas.lemma(p) == lemma for p in word.split("-"))):
            return True  # the parts of a hyphenated word too, in case the tokenizer splits it
    return False


def find_lemma_matches(
    text: str, regions: Iterable[tuple[int, int]], lemmas: tuple[str, ...], language: str | None
) -> list[tuple[int, int]]:
    """`(start, end)` of every run of words in the regions whose lemmas are `lemmas`, in order."""
    if not lemmas:
        return []
    code = language_of(language)
    cache = word_lemmas(code)
    wanted = [r for r in regions if r[1] > r[0] and _holds(text, r, lemmas[0], cache)]
    matches = []
    size = len(lemmas)
    for offset, doc in process_regions(text, wanted, language, tokens_only=True):
        words = [t for t in doc if not (t.is_space or t.is_punct)]
        found = [cache.lemma(t.text) for t in words]
        for i in range(len(words) - size + 1):
            if tuple(found[i : i + size]) == lemmas:
                first, last = words[i], words[i + size - 1]
                matches.append((offset + first.idx, offset + last.idx + len(last.text)))
    return matches
