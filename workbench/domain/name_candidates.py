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

from workbench.domain.name_rules import ARTICLES, PARTICLES, ROLE_WORDS, STOP_WORDS, fold

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


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def capitalised_names(text: str, known: Callable[[str], bool]) -> Iterable[tuple[int, int, str]]:
    """(start, end, name) of runs of capitalised words inside sentences that hold a word `known` does not
    account for (`Lotte Hendriks`, `Woonstichting Waalwonen`), or that start with a capitalised article inside a
    sentence (`De Broederij`)."""
    words = list(_WORD.finditer(text))

    def adjacent(left: int, right: int) -> bool:
        return text[words[left].end():words[right].start()] in (" ", "\u00a0")

    def joinable(index: int) -> bool:
        word = words[index].group(0)
        return _capitalised(word) and fold(word) not in STOP_WORDS

    done = -1
    for index, match in enumerate(words):
        word = match.group(0)
        if index <= done or not _capitalised(word) or _at_sentence_start(text, match.start()):
            continue
        article = (fold(word) in ARTICLES and index + 1 < len(words) and adjacent(index, index + 1)
                   and _capitalised(words[index + 1].group(0)))
        if known(word) and not article:
            continue
        first = last = index
        while first - 1 > done and adjacent(first - 1, first) and joinable(first - 1) and not article:
            first -= 1
        probe = index + 1
        while probe < len(words) and adjacent(probe - 1, probe):
            piece = words[probe].group(0)
            if piece.casefold() in PARTICLES and probe + 1 < len(words) and adjacent(probe, probe + 1) \
                    and _capitalised(words[probe + 1].group(0)) and fold(words[probe + 1].group(0)) not in ROLE_WORDS:
                probe += 1
                continue
            if not joinable(probe):
                break
            last = probe
            probe += 1
        done = last
        if first == last and article:
            continue
        yield words[first].start(), words[last].end(), text[words[first].start():words[last].end()]


def find_candidates(sources: Iterable[tuple[str, str]], ordinary: Callable[[str], bool], codebook_words: set[str],
                    hidden: Callable[[str], list[tuple[int, int]]]) -> list[NameCandidate]:
    """Candidates over (label, text) sources, most frequent first; `hidden` gives the spans of a text that the
    register already replaces, and nothing inside them is a candidate."""

    def plain(word: str) -> bool:
        folded = fold(word)
        return (len(word) < 3 or folded in STOP_WORDS or folded in ROLE_WORDS or folded in codebook_words
                or ordinary(word.lower()))

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
            inside = [(a, b) for a, b in spans if start < b and a < end]
            if reason == NAME and inside:
                continue
            if reason != NAME and any(a <= start and end <= b for a, b in inside):
                continue  # an e-mail address or number counts as hidden only when the register hides all of it
            key = (fold(name), reason)
            spelled.setdefault(key, name)
            found.setdefault(key, []).append(Place(label, start, _context(text, start, end)))
    candidates = [NameCandidate(spelled[key], key[1], len(places), tuple(places)) for key, places in found.items()]
    return sorted(candidates, key=lambda c: (-c.count, c.text.casefold()))
