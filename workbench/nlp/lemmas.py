"""Lemma-aware matching: a search for `financiering` also finds `financieringen`, `vertrouwen` finds `vertrouwden`.

Lemmas come from spaCy's lookup lemmatizer (spacy-lookups-data). To avoid running the pipeline over a whole
corpus, the table is read once in reverse (lemma -> every form) and only regions that contain one of those
forms are tokenised; the pipeline's own lemmas then decide each match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from workbench.nlp.pipeline import language_of, lemma_table, pipeline, process_regions


def _settle(lemma: str, table) -> str:
    """Follow the table from a lemma until it stops changing (`fundings` -> `funding` -> `fund`)."""
    seen = {lemma}
    while table is not None:
        following = table.get(lemma, lemma)
        following = (following[0] if isinstance(following, list) else following).lower()
        if following in seen:
            break
        seen.add(following)
        lemma = following
    return lemma


def token_lemma(token, table) -> str:
    """A token's lemma in lower case, settled through the table; a capitalised word missing from a
    case-sensitive table is looked up in lower case."""
    lemma = token.lemma_ or token.text
    if table is not None and lemma == token.text and token.text != token.lower_:
        lemma = table.get(token.lower_, token.lower_)
    return _settle(lemma.lower(), table)


def lemmatise(phrase: str, language: str | None) -> tuple[str, ...]:
    """The lemmas of the words of a phrase, leaving out spaces and punctuation."""
    table = lemma_table(language)
    doc = pipeline(language)(phrase)
    return tuple(token_lemma(t, table) for t in doc if not (t.is_space or t.is_punct))


@lru_cache(maxsize=8)
def _reverse_table(language: str) -> dict[str, frozenset[str]]:
    """Every lower-case form per lemma, read from the lookup data the lemmatizer uses."""
    try:
        import spacy_lookups_data
        import srsly

        data = srsly.read_gzip_json(spacy_lookups_data.get_file(f"{language}_lemma_lookup.json.gz"))
    except (ImportError, OSError, ValueError):
        return {}
    forms: dict[str, set[str]] = {}
    for form, lemma in data.items():
        if isinstance(lemma, list):
            for each in lemma:
                forms.setdefault(each.lower(), set()).add(form.lower())
        else:
            forms.setdefault(lemma.lower(), set()).add(form.lower())
    return {lemma: frozenset(values) for lemma, values in forms.items()}


def forms_of(lemma: str, language: str | None) -> frozenset[str]:
    """The lower-case word forms that settle on `lemma`, the lemma itself included."""
    reverse = _reverse_table(language_of(language))
    forms = {lemma.lower()}
    frontier = [lemma.lower()]
    while frontier:
        found = [form for word in frontier for form in reverse.get(word, ()) if form not in forms]
        forms.update(found)
        frontier = found
    return frozenset(forms)


def find_lemma_matches(
    text: str, regions: Iterable[tuple[int, int]], lemmas: tuple[str, ...], language: str | None
) -> list[tuple[int, int]]:
    """`(start, end)` of every run of words in the regions whose lemmas are `lemmas`, in order."""
    if not lemmas:
        return []
    forms = sorted(forms_of(lemmas[0], language), key=len, reverse=True)
    candidate = re.compile("|".join(re.escape(f) for f in forms), re.IGNORECASE)
    wanted = [r for r in regions if candidate.search(text, r[0], r[1])]
    table = lemma_table(language)
    matches = []
    for offset, doc in process_regions(text, wanted, language):
        words = [t for t in doc if not (t.is_space or t.is_punct)]
        found = [token_lemma(t, table) for t in words]
        size = len(lemmas)
        for i in range(len(words) - size + 1):
            if tuple(found[i : i + size]) == lemmas:
                first, last = words[i], words[i + size - 1]
                matches.append((offset + first.idx, offset + last.idx + len(last.text)))
    return matches
