"""Ordinary Dutch and English words, to tell a name from a word that happens to start with a capital.

The list is every word form and lemma in spaCy's lemmatizer tables (spacy-lookups-data: the lookup table, the
Dutch lemma index and its exceptions), and a word whose suffix rules lead to one of those lemmas (`nieuwe` ->
`nieuw`) counts too: a lexicon of the language, in which `linde`, `groot` and `gemeente` occur and `Ingrid`,
`Jansen` and `Nijmegen` do not. It is read once, without loading spaCy itself.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources

LANGUAGES = ("nl", "en")


def _table(language: str, name: str = "lookup") -> dict:
    try:
        data = resources.files("spacy_lookups_data") / "data" / f"{language}_lemma_{name}.json.gz"
        with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
            return json.load(text)
    except (ModuleNotFoundError, FileNotFoundError, OSError, ValueError):
        return {}


@lru_cache(maxsize=1)
def ordinary_words() -> frozenset[str]:
    """Every ordinary word form of Dutch and English, in lower case."""
    words: set[str] = set()
    for language in LANGUAGES:
        table = _table(language)
        # Capitalised entries are proper nouns (`Fatima`, `Nijmegen`): they are names, not ordinary words.
        words.update(form for form in table if form.isalpha() and form.islower())
        words.update(lemma for lemma in table.values() if isinstance(lemma, str) and lemma.isalpha() and lemma.islower())
        # English's index comes from WordNet, which lists places and people in lower case: Dutch's only.
        for name in ("index", "exc") if language == "nl" else ():
            for listed in _table(language, name).values():
                words.update(word for word in listed if word.isalpha() and word.islower())
    return frozenset(words)


@lru_cache(maxsize=1)
def _suffix_rules() -> tuple[tuple[str, str], ...]:
    """Every (ending, lemma ending) rule of the languages' rule lemmatizers."""
    rules: set[tuple[str, str]] = set()
    for language in LANGUAGES:
        for pairs in _table(language, "rules").values():
            rules.update((old, new) for old, new in pairs if old)
    return tuple(sorted(rules))


def is_ordinary_word(word: str) -> bool:
    """True when a single word is an ordinary word of Dutch or English (in any case)."""
    word = word.strip().lower()
    if " " in word or not word:
        return False
    words = ordinary_words()
    if word in words:
        return True
    return any(word.endswith(old) and len(word) > len(old) + 2 and word[: -len(old)] + new in words
               for old, new in _suffix_rules())
