"""Pseudonymisation: replace every registered name, its variants and possessives by its pseudonym.

A register entry names one person or organisation. Besides the full name, a person's first name,
surname (with Dutch particles: `de Vries`, `De Vries`, `van den Berg`), initial plus surname and any
hand-given variants are replaced, each also in capitalised and upper-case form, with possessives
(`Jan's`, `Jans`, `Thomas'`). Word boundaries are Unicode-aware, so `Jansen` and `Januari` stay.
Replacing changes lengths, so the result carries the edits that map old offsets to new ones.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import overload

# Dutch (and a few other) surname particles, kept lower case inside a name.
PARTICLES = frozenset(
    "van de der den het 't ten ter te in op aan bij uit von zu la le du da das dos del della di el al "
    "d' l' 's".split()
)
# Words that show a name belongs to an organisation or place, whose parts must not be replaced alone.
INSTITUTION_WORDS = frozenset(
    "gemeente provincie stichting vereniging woningcorporatie corporatie woonstichting wijkonderneming "
    "buurtonderneming buurt wijk ggd zorg welzijn coöperatie bv nv b.v. n.v. universiteit hogeschool "
    "school college raad ministerie waterschap afdeling team municipality foundation association "
    "council university department company ltd inc".split()
)
# Stands in for a first name or surname that two registered people share.
AMBIGUOUS = "[naam]"
_LETTER = r"[^\W_]"
_SIBILANT = "sxzSXZ"
_VOWELS = "aeiouyAEIOUYéèëêïöüáà"


@dataclass(frozen=True)
class RegisteredName:
    """One entry of a project's name register."""

    real_name: str
    pseudonym: str
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class NameForm:
    """A spelling that is replaced, the pseudonym it becomes, and why it is replaced."""

    text: str
    pseudonym: str
    kind: str  # full, variant, first name, surname, initial


def clean_name(text: str) -> str:
    """A name with its whitespace collapsed."""
    return " ".join(text.split())


def _looks_personal(words: list[str]) -> bool:
    if not 2 <= len(words) <= 6:
        return False
    if any(w.casefold() in INSTITUTION_WORDS for w in words):
        return False
    return all(w.casefold() in PARTICLES or w[:1].isupper() for w in words)


def _capitalised(text: str) -> str:
    if text[:2].lower() == "ij":
        return "IJ" + text[2:]
    return text[:1].upper() + text[1:]


def derived_forms(real_name: str) -> list[tuple[str, str]]:
    """The (spelling, kind) pairs derived from a person's name: first name, surname, initial + surname."""
    words = clean_name(real_name).split(" ")
    if not _looks_personal(words):
        return []
    first = words[0]
    rest = words[1:]
    # The surname starts at the first particle after the first name, or is the last word.
    start = next((i for i, w in enumerate(rest) if w.casefold() in PARTICLES), len(rest) - 1)
    surname_words = rest[start:]
    if not surname_words or all(w.casefold() in PARTICLES for w in surname_words):
        return []
    surname = " ".join(surname_words)
    forms = [(surname, "surname")]
    if len(first.rstrip(".")) > 1:
        # An initial alone (`J.`) is too loose to replace everywhere.
        forms.append((first, "first name"))
    if first[:1].isalpha():
        forms.append((f"{first[0]}. {surname}", "initial"))
    return forms


def name_forms(entries: list[RegisteredName] | tuple[RegisteredName, ...]) -> list[NameForm]:
    """Every spelling the register replaces; a derived spelling two entries share becomes AMBIGUOUS.

    Full names and hand-given variants win over derived first names and surnames.
    """
    strong: dict[str, NameForm] = {}
    derived: dict[str, NameForm] = {}
    for entry in entries:
        real = clean_name(entry.real_name)
        if not real:
            continue
        strong.setdefault(real, NameForm(real, entry.pseudonym, "full"))
        for variant in entry.variants:
            variant = clean_name(variant)
            if variant:
                strong.setdefault(variant, NameForm(variant, entry.pseudonym, "variant"))
        for text, kind in derived_forms(real):
            known = derived.get(text)
            if known is not None and known.pseudonym != entry.pseudonym:
                derived[text] = NameForm(text, AMBIGUOUS, kind)
            elif known is None:
                derived[text] = NameForm(text, entry.pseudonym, kind)
    forms = dict(derived)
    forms.update(strong)
    return sorted(forms.values(), key=lambda f: (-len(f.text), f.text))


def _spellings(text: str) -> set[str]:
    """The ways a form is written: as registered, capitalised, in capitals, with either apostrophe, and, for
    names of more than one word, in lower case (a single lower-case word is too often an ordinary word:
    `bakker`, `roos`)."""
    found = {text, _capitalised(text), text.upper()}
    if " " in text:
        found.add(text.lower())
    for apostrophe, other in (("'", "’"), ("’", "'")):
        found |= {spelling.replace(apostrophe, other) for spelling in found if apostrophe in spelling}
    return found


def _possessive(pseudonym: str, suffix: str) -> str:
    """The pseudonym with the possessive ending that fits it, following the ending the text used."""
    if not suffix:
        return pseudonym
    apostrophe = suffix[0] if suffix[0] in "'’" else "'"
    last = pseudonym[-1:]
    if last and last in _SIBILANT:
        return pseudonym + apostrophe
    if suffix == "s" and last.isalpha() and last not in _VOWELS:
        return pseudonym + "s"
    return pseudonym + apostrophe + "s"


@dataclass(frozen=True)
class Rewritten:
    """A text after replacement, with the edits `(old_start, old_end, new_start, new_end)` in order."""

    text: str
    edits: tuple[tuple[int, int, int, int], ...] = ()
    _old_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def offset(self, position: int, *, end: bool = False) -> int:
        """Where an old offset lies in the new text; inside a replaced name it snaps to the name's edge.

        A start snaps to the start of the replacement, an end (`end=True`) to its end, so a span that
        cut a name in two now holds the whole pseudonym.
        """
        if not self.edits:
            return position
        index = bisect_right(self._old_starts, position) - 1
        if index < 0:
            return position
        old_start, old_end, new_start, new_end = self.edits[index]
        if position == old_start:
            return new_start
        if position < old_end:
            return new_end if end else new_start
        return position - old_end + new_end


_EMPTY_EDITS: tuple[tuple[int, int, int, int], ...] = ()


class Replacer:
    """Replaces the register's names in any text; build once per export."""

    def __init__(self, entries: list[RegisteredName] | tuple[RegisteredName, ...]):
        self.forms = name_forms(entries)
        self._lookup: dict[str, str] = {}
        spellings: set[str] = set()
        for form in self.forms:
            for spelling in _spellings(form.text):
                key = clean_name(spelling)
                self._lookup.setdefault(key, form.pseudonym)
                spellings.add(spelling)
        self.pattern: re.Pattern[str] | None = None
        if spellings:
            ordered = sorted(spellings, key=lambda s: (-len(s), s))
            alternatives = "|".join(r"\s+".join(map(re.escape, s.split(" "))) for s in ordered)
            self.pattern = re.compile(
                rf"(?<!{_LETTER})(?P<name>{alternatives})(?P<pos>['’]s|['’]|s)?(?!{_LETTER})"
            )

    @property
    def empty(self) -> bool:
        """True when the register holds no names, so texts pass through unchanged."""
        return self.pattern is None

    def _pseudonym(self, match: re.Match[str]) -> str:
        name, suffix = match.group("name"), match.group("pos") or ""
        pseudonym = self._lookup[clean_name(name)]
        if suffix in ("'", "’") and name[-1] not in _SIBILANT:
            return pseudonym + suffix  # a closing quote after the name, not a possessive
        return _possessive(pseudonym, suffix)

    @overload
    def text(self, text: str) -> str: ...
    @overload
    def text(self, text: None) -> None: ...
    @overload
    def text(self, text: str | None) -> str | None: ...

    def text(self, text: str | None) -> str | None:
        """The text with every registered name replaced (None and empty stay as they are)."""
        if not text or self.pattern is None:
            return text
        return self.pattern.sub(self._pseudonym, text)

    def rewrite(self, text: str) -> Rewritten:
        """The replaced text with the edits that map offsets into it."""
        if not text or self.pattern is None:
            return Rewritten(text)
        parts: list[str] = []
        edits: list[tuple[int, int, int, int]] = []
        last = 0
        new_length = 0
        for match in self.pattern.finditer(text):
            parts.append(text[last:match.start()])
            new_length += match.start() - last
            replacement = self._pseudonym(match)
            edits.append((match.start(), match.end(), new_length, new_length + len(replacement)))
            parts.append(replacement)
            new_length += len(replacement)
            last = match.end()
        if not edits:
            return Rewritten(text)
        parts.append(text[last:])
        return Rewritten("".join(parts), tuple(edits), tuple(e[0] for e in edits))

    def found(self, text: str) -> list[str]:
        """The registered spellings that occur in the text (what a check for leaks looks for)."""
        if not text or self.pattern is None:
            return []
        return [match.group(0) for match in self.pattern.finditer(text)]


NO_NAMES = Replacer(())
