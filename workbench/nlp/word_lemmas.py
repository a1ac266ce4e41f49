"""The lemma of one word form: simplemma's dictionaries first, spaCy's lookup table next, then compounds.

spaCy's Dutch lookup table misses common plurals and past tenses (`kippen`, `huizen`, `gemeenten`, `liep`);
simplemma's dictionaries hold them (and 50-odd other languages), offline and without a model. Three rules
make one lemma per word, so that a search for any form finds every other form:

- a lemma is followed until it stops changing (`liep` -> `lopen` -> `loop`, `kippetjes` -> `kippetje` -> `kip`),
  so forms whose dictionary entries point at different headwords of one family meet;
- a word neither dictionary knows is read as a compound of known words (`wijkondernemingen` -> `wijk` +
  `ondernemingen` -> `wijkonderneming`), as Dutch writes compounds as one word, or as the inflected form of a
  known adjective (`ruimtelijke` -> `ruimtelijk`);
- a word no rule explains is its own lemma, in lower case.
"""

from __future__ import annotations

from functools import lru_cache

# The shortest head and modifier a compound is split into; the modifier must be a known word as well.
_SHORTEST_HEAD = 4
_SHORTEST_MODIFIER = 3
# How often a lemma is looked up again before it is taken as it is.
_SETTLE_STEPS = 4


@lru_cache(maxsize=None)
def _simplemma_language(language: str) -> str | None:
    """The language code simplemma knows for `language`, or None when it has no dictionary for it."""
    from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

    return language if language in SUPPORTED_LANGUAGES else None


@lru_cache(maxsize=None)
def _spacy_table(language: str):
    """spaCy's lookup table (form -> lemma) for the language, or None."""
    from workbench.nlp.pipeline import lemma_table

    return lemma_table(language)


class WordLemmas:
    """Lemmas of single words in one language, each worked out once."""

    def __init__(self, language: str):
        self.language = language
        self.simplemma = _simplemma_language(language)
        self._cache: dict[str, str] = {}

    def _known(self, word: str) -> bool:
        if self.simplemma is not None:
            import simplemma

            if simplemma.is_known(word, lang=self.simplemma):
                return True
        table = _spacy_table(self.language)
        return table is not None and word in table

    def _lookup(self, word: str) -> str | None:
        """The dictionary lemma of a lower-case word, or None when no dictionary knows it.

        simplemma writes separable verbs with an underscore (`aan_bieden`); the lemma is the word (`aanbieden`).
        """
        if self.simplemma is not None:
            import simplemma

            if simplemma.is_known(word, lang=self.simplemma):
                return simplemma.lemmatize(word, lang=self.simplemma).lower().replace("_", "")
        table = _spacy_table(self.language)
        if table is not None and word in table:
            found = table.get(word, word)
            return (found[0] if isinstance(found, list) else found).lower()
        return None

    def _settled(self, word: str) -> str | None:
        """Follow the dictionaries from a word until the lemma stops changing; None when the word is unknown.

        Two entries can point at each other (`zit` -> `zitten` -> `zit`); the longest word of such a circle is
        the lemma, so every form that leads into it gets the same one.
        """
        path = [word]
        lemma = self._lookup(word)
        if lemma is None:
            return None
        while lemma not in path and len(path) <= _SETTLE_STEPS:
            path.append(lemma)
            following = self._lookup(lemma)
            if following is None:
                return lemma
            lemma = following
        if lemma in path:
            circle = path[path.index(lemma):]
            return min(circle, key=lambda w: (-len(w), w))
        return lemma

    def _modifier(self, part: str) -> bool:
        """Whether `part` can be the first word of a compound: a known word, perhaps with a linking `s` or `e(n)`."""
        if self._known(part):
            return True
        for linking in ("s", "e", "en"):
            if part.endswith(linking) and len(part) - len(linking) >= _SHORTEST_MODIFIER and \
                    self._known(part[: -len(linking)]):
                return True
        return False

    def _compound(self, word: str) -> str | None:
        """`modifier + lemma of head` for the longest known head after a known modifier, or None.

        The head of a Dutch compound is mostly a noun, so a head that reads as an infinitive and as a plural
        (`bezoeken`) is taken as the plural of the noun when the noun is a word (`huisartsbezoeken`).
        """
        for cut in range(_SHORTEST_MODIFIER, len(word) - _SHORTEST_HEAD + 1):
            head = word[cut:]
            if not (head.isalpha() and self._known(head) and self._modifier(word[:cut])):
                continue
            lemma = self._settled(head)
            if lemma == head and head.endswith("en") and self._known(head[:-2]):
                lemma = self._settled(head[:-2]) or lemma
            return word[:cut] + lemma if lemma else None
        return None

    def _unknown(self, word: str) -> str | None:
        """The lemma of a word no dictionary holds: a compound, or an inflected adjective (`-e`) of a known one."""
        inflected = word.endswith("e") and len(word) > _SHORTEST_HEAD
        if inflected and self._known(word[:-1]):
            return self._settled(word[:-1])
        return self._compound(word) or (self._compound(word[:-1]) if inflected else None)

    def lemma(self, form: str) -> str:
        """The lemma of a word form, in lower case."""
        found = self._cache.get(form)
        if found is not None:
            return found
        word = form.lower()
        lemma = self._settled(word)
        if lemma is None and "-" in word:
            # `buurt-initiatieven`: the part after the last hyphen carries the inflection.
            modifier, _, head = word.rpartition("-")
            lemma = f"{modifier}-{self.lemma(head)}" if head else None
        if lemma is None and word.isalpha():
            lemma = self._unknown(word)
        lemma = lemma or word
        self._cache[form] = lemma
        return lemma


@lru_cache(maxsize=16)
def word_lemmas(language: str) -> WordLemmas:
    """The shared lemma cache of a language code (`nl`, `en`, ...)."""
    return WordLemmas(language)


def lemma_of(form: str, language: str) -> str:
    """The lemma of one word form in a language, in lower case (the word itself when nothing explains it)."""
    return word_lemmas(language).lemma(form)
