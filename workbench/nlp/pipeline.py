"""spaCy pipelines without model downloads: a blank language, the sentencizer and the lookup lemmatizer.

spaCy is imported on first use only, so commands that do not need it start fast. Texts are processed one
speaker turn at a time, which keeps sentences inside turns and memory small for long transcripts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import Lemmatizer
    from spacy.tokens import Doc

DEFAULT_LANGUAGE = "nl"
# A whole transcript may arrive as one turn (a subtitle file without speakers); spaCy's default limit is 1M.
MAX_LENGTH = 50_000_000


@lru_cache(maxsize=None)
def pipeline(language: str | None) -> Language:
    """The cached pipeline for a language code (`nl`, `en`, ...); unknown codes get the Dutch pipeline."""
    import spacy
    from spacy.util import get_lang_class

    code = (language or DEFAULT_LANGUAGE).lower()
    try:
        get_lang_class(code)
    except ImportError:
        code = DEFAULT_LANGUAGE
    nlp = spacy.blank(code)
    nlp.max_length = MAX_LENGTH
    nlp.add_pipe("sentencizer")
    try:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    except (ValueError, KeyError, OSError):
        # No lookup table for this language in spacy-lookups-data: lemmas fall back to lower-case words.
        nlp.remove_pipe("lemmatizer")
        nlp.initialize()
    return nlp


def lemma_table(language: str | None):
    """The lookup lemmatizer's table (form -> lemma) of a language's pipeline, or None."""
    nlp = pipeline(language)
    if "lemmatizer" not in nlp.pipe_names:
        return None
    return cast("Lemmatizer", nlp.get_pipe("lemmatizer")).lookups.get_table("lemma_lookup", None)


def language_of(language: str | None) -> str:
    """The language code the pipeline really uses for `language`."""
    return pipeline(language).lang or DEFAULT_LANGUAGE


def process_regions(
    text: str, regions: Iterable[tuple[int, int]], language: str | None, *, tokens_only: bool = False
) -> Iterator[tuple[int, Doc]]:
    """Run the pipeline (or only its tokenizer) over each `[start, end)` region of `text` (usually turns);
    yields `(start, doc)`."""
    nlp = pipeline(language)
    spans = [(start, end) for start, end in regions if end > start]
    pieces = (text[start:end] for start, end in spans)
    docs = nlp.tokenizer.pipe(pieces) if tokens_only else nlp.pipe(pieces)  # type: ignore[union-attr]
    for (start, _end), doc in zip(spans, docs, strict=True):
        yield start, doc
