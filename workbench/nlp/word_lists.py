"""Ordinary Dutch and English words, to tell a name from a word that happens to start with a capital.

The list is every word form and lemma in spaCy's lookup lemmatizer tables (spacy-lookups-data): a lexicon of
the language, in which `linde`, `groot` and `gemeente` occur and `Ingrid`, `Jansen` and `Nijmegen` do not.
It is read once, without loading spaCy itself.
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources

LANGUAGES = ("nl", "en")


def _table(language: str) -> dict[str, str]:
    try:
        data = resources.files("spacy_lookups_data") / "data" / f"{language}_lemma_lookup.json.gz"
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
        words.update(form.lower() for form in table if form.isalpha())
        words.update(lemma.lower() for lemma in table.values() if isinstance(lemma, str) and lemma.isalpha())
    return frozenset(words)


def is_ordinary_word(word: str) -> bool:
    """True when a single word is an ordinary word of Dutch or English (in any case)."""
    word = word.strip()
    return " " not in word and word.lower() in ordinary_words()
