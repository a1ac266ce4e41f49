"""Likely names in a text that a name register lacks: capitalised words inside a sentence that are no ordinary
word and no word of the codebook, e-mail addresses and phone numbers.

A capitalised word right after a sentence end, a line break or a colon is left out: there every word is
capitalised. Adjacent capitalised words, with particles between them (`Lotte Hendriks`, `Joost van Dijk`),
make one candidate.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from workbench.domain.name_rules import PARTICLES, ROLE_WORDS, STOP_WORDS, fold

NAME, SPEAKER, EMAIL, PHONE = "capitalised word", "speaker label", "e-mail address", "phone number"
CONTEXT = 35
_WORD = re.compile(r"(?<![^\W_])[^\W\d_][^\W_]*(?:[-'’][^\W_]+)*")
_EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_PHONE = re.compile(r"(?<![\w+])(?:\+31|0031|0)[\s\-.]?(?:\(0\)\s?)?(?:\d[\s\-.]?){8}\d(?!\d)")
_SENTENCE_END = set(".!?:;…\n")
_OPENERS = set(" \t\"'“”‘’([{-–—*•>")


@dataclass(frozen=True)
class Place:
    """Where a candidate occurs: the document (or log entry), the offset and a little context."""

    document: str
    start: int
    context: str


@dataclass(frozen=True)
class NameCandidate:
    """A likely name the register lacks, why it is likely, and where it occurs."""

    text: str
    reason: str
    count: int
    places: tuple[Place, ...]


def _at_sentence_start(text: str, start: int) -> bool:
    index = start - 1
    while index >= 0 and text[index] in _OPENERS and text[index] != "\n":
        index -= 1
    return index < 0 or text[index] in _SENTENCE_END


def _context(text: str, start: int, end: int) -> str:
    return " ".join(text[max(0, start - CONTEXT):min(len(text), end + CONTEXT)].split())


def capitalised_names(text: str, known: Callable[[str], bool]) -> Iterable[tuple[int, int, str]]:
    """(start, end, name) of runs of capitalised words inside sentences that `known` does not account for."""
    words = list(_WORD.finditer(text))
    index = 0
    while index < len(words):
        match = words[index]
        word = match.group(0)
        if not word[0].isupper() or _at_sentence_start(text, match.start()) or known(word):
            index += 1
            continue
        start, end, last = match.start(), match.end(), index
        probe = index + 1
        while probe < len(words):
            following = words[probe]
            gap = text[end:following.start()]
            if gap not in (" ", "\u00a0"):
                break
            piece = following.group(0)
            if piece.casefold() in PARTICLES:
                probe += 1
                continue
            if piece[0].isupper() and not known(piece):
                end, last = following.end(), probe
                probe += 1
                continue
            break
        yield start, end, text[start:end]
        index = last + 1


def find_candidates(sources: Iterable[tuple[str, str]], ordinary: Callable[[str], bool], codebook_words: set[str],
                    hidden: Callable[[str], list[tuple[int, int]]]) -> list[NameCandidate]:
    """Candidates over (label, text) sources, most frequent first; `hidden` gives the spans of a text that the
    register already replaces, and nothing inside them is a candidate."""

    def plain(word: str) -> bool:
        folded = fold(word)
        return (len(word) < 3 or folded in STOP_WORDS or folded in ROLE_WORDS or folded in codebook_words
                or ordinary(word))

    def known(word: str) -> bool:
        parts = [part for part in re.split(r"[-'’]", word) if part]
        return plain(word) or all(plain(part) for part in parts)

    found: dict[tuple[str, str], list[Place]] = {}
    spelled: dict[tuple[str, str], str] = {}
    for label, text in sources:
        if not text:
            continue
        spans = hidden(text)
        hits = [(s, e, n, NAME) for s, e, n in capitalised_names(text, known)]
        hits += [(m.start(), m.end(), m.group(0), EMAIL) for m in _EMAIL.finditer(text)]
        hits += [(m.start(), m.end(), m.group(0).strip(), PHONE) for m in _PHONE.finditer(text)]
        for start, end, name, reason in hits:
            if any(start < span_end and span_start < end for span_start, span_end in spans):
                continue
            key = (fold(name), reason)
            spelled.setdefault(key, name)
            found.setdefault(key, []).append(Place(label, start, _context(text, start, end)))
    candidates = [NameCandidate(spelled[key], key[1], len(places), tuple(places)) for key, places in found.items()]
    return sorted(candidates, key=lambda c: (-c.count, c.text.casefold()))
