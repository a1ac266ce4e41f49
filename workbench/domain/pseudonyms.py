"""Pseudonymisation: replace every registered entity, its variants and possessives by its pseudonym.

A register entry names a person, organisation, place or contact detail. Besides the name itself, the
spellings `name_rules` derives from it (a person's first name, surname with its particles, `Surname, First`,
initials; an organisation without its article or generic first word) and hand-given variants are replaced.
Matching ignores case and diacritics, except for derived spellings that are ordinary words in lower case
(`Groot`, `Linde`), which match only capitalised or in capitals. Word boundaries are Unicode-aware, so
`HEEM-bewoner` is found and `Jansenstraat` is not; possessives (`Jan's`, `Jans`, `Thomas'`) follow the
pseudonym. With an age band, exact ages become bands. Replacing changes lengths, so the result carries the
edits that map old offsets to new ones.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import overload

from workbench.domain.name_rules import PERSON, clean_name, entity_spellings, fold, guess_kind

# Stands in for a first name or surname that two registered people share.
AMBIGUOUS = "[naam]"
_LETTER = r"[^\W_]"
_SIBILANT = "sxzSXZ"
_VOWELS = "aeiouyAEIOUYéèëêïöüáà"


@dataclass(frozen=True)
class RegisteredName:
    """One entry of a project's name register: an entity of a kind, its pseudonym and hand-given variants."""

    real_name: str
    pseudonym: str
    variants: tuple[str, ...] = ()
    kind: str = ""

    @property
    def entity_kind(self) -> str:
        """The kind as registered, or as the name suggests when none was given."""
        return self.kind or guess_kind(self.real_name)


@dataclass(frozen=True)
class NameForm:
    """A spelling that is replaced, the pseudonym it becomes, and why it is replaced."""

    text: str
    pseudonym: str
    kind: str  # full, variant, first name, surname, initial, short name
    exact_case: bool = False
    entity: str = PERSON


def derived_forms(real_name: str, kind: str = "", ordinary=lambda _w: False) -> list[tuple[str, str]]:
    """The (spelling, kind) pairs derived from a registered name: first name, surname, initial + surname, ..."""
    return [(s.text, s.kind) for s in entity_spellings(real_name, kind or guess_kind(real_name), ordinary)]


def name_forms(entries, ordinary=lambda _w: False) -> list[NameForm]:
    """Every spelling the register replaces; a derived spelling two entries share becomes AMBIGUOUS.

    Full names and hand-given variants win over derived first names and surnames; `ordinary` tells which
    single words are ordinary words, matched only in exact case.
    """
    strong: dict[str, NameForm] = {}
    derived: dict[str, NameForm] = {}
    for entry in entries:
        real = clean_name(entry.real_name)
        if not real:
            continue
        kind = entry.entity_kind
        strong.setdefault(fold(real), NameForm(real, entry.pseudonym, "full", entity=kind))
        for variant in entry.variants:
            variant = clean_name(variant)
            if variant:
                strong.setdefault(fold(variant), NameForm(variant, entry.pseudonym, "variant", entity=kind))
        for spelling in entity_spellings(real, kind, ordinary):
            key = fold(spelling.text)
            known = derived.get(key)
            if known is not None and known.pseudonym != entry.pseudonym:
                derived[key] = NameForm(spelling.text, AMBIGUOUS, spelling.kind, spelling.exact_case, kind)
            elif known is None:
                derived[key] = NameForm(spelling.text, entry.pseudonym, spelling.kind, spelling.exact_case, kind)
    forms = dict(derived)
    forms.update(strong)
    return sorted(forms.values(), key=lambda f: (-len(f.text), f.text))


def _letter_class(char: str, keep_case: bool) -> str:
    """A regex class for a letter and its accented forms (`e` -> `[eéèëê...]`)."""
    base = fold(char)
    if len(base) != 1 or not base.isalpha():
        return re.escape(char)
    options = _ACCENTED.get(base, base)
    if keep_case:
        options = "".join(c for c in options if c.isupper() == char.isupper()) or char
    return "[" + "".join(sorted(set(options))) + "]"


def _build_accents() -> dict[str, str]:
    table: dict[str, str] = {}
    for code in list(range(0x41, 0x5B)) + list(range(0x61, 0x7B)) + list(range(0xC0, 0x250)):
        char = chr(code)
        key = fold(char)
        if len(key) == 1 and key.isalpha():
            table[key] = table.get(key, "") + char + char.upper() + char.lower()
    return table


_ACCENTED = _build_accents()


def _pattern(text: str, keep_case: bool) -> str:
    """The regex for one spelling: accents, apostrophes, hyphens and spacing may differ; a phone number may be
    written with any spacing."""
    if sum(c.isdigit() for c in text) >= 6 and not any(c.isalpha() for c in text):
        digits = [c for c in text if c.isdigit()]
        return r"[\s().\-]?".join(digits)
    parts = []
    for char in text:
        if char.isspace():
            parts.append(r"\s+")
        elif char in "'’":
            parts.append("['’]")
        elif char in "-‐‑":
            parts.append("[-‐‑]")
        elif char.isalpha():
            parts.append(_letter_class(char, keep_case))
        else:
            parts.append(re.escape(char))
    return "".join(parts).replace(r"\s+\s+", r"\s+")


def _case_forms(text: str) -> list[str]:
    """The spellings of an exact-case form: as written, capitalised and in capitals."""
    capitalised = "IJ" + text[2:] if text[:2].lower() == "ij" else text[:1].upper() + text[1:]
    return list(dict.fromkeys((text, capitalised, text.upper())))


def _possessive(pseudonym: str, suffix: str) -> str:
    """The pseudonym with the possessive ending that fits it, following the ending the text used."""
    if not suffix:
        return pseudonym
    apostrophe = suffix[0] if suffix[0] in "'’" else "'"
    last = pseudonym[-1:]
    if last and last in _SIBILANT:
        return pseudonym + apostrophe
    if suffix in ("s", "S") and last.isalpha() and last not in _VOWELS:
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


# An exact age written out: the number before `jaar`, `-jarige`, `years old`.
_AGE = r"(?<![\d.,])(?P<age>\d{1,3})(?=\s*(?:jaar\b|-?jarig|years?\s+old\b|yrs?\b|jr\b))"


def age_band(age: int, width: int) -> str:
    """The band an exact age falls in: 43 with width 10 -> `40-49`."""
    low = age // width * width
    return f"{low}-{low + width - 1}"


class Replacer:
    """Replaces the register's names in any text; build once per export.

    Matching ignores case (except for forms that are ordinary words in lower case) and diacritics, keeps to
    whole words (so `HEEM-bewoner` is found and `Jansenstraat` is not) and takes possessives along. With an age
    band, exact ages in texts and in age attributes become bands.
    """

    def __init__(self, entries, ordinary=lambda _w: False, age_band: int | None = None):
        self.entries = tuple(entries)
        self.forms = name_forms(self.entries, ordinary)
        self.age_band = age_band if age_band and age_band > 1 else None
        self._lookup: dict[str, NameForm] = {}
        alternatives: list[str] = []
        for form in self.forms:
            self._lookup.setdefault(fold(form.text), form)
            self._lookup.setdefault(_digits_key(form.text), form)
            if form.exact_case:
                alternatives.append("(?-i:" + "|".join(_pattern(t, True) for t in _case_forms(form.text)) + ")")
            else:
                alternatives.append(_pattern(form.text, False))
        self.pattern: re.Pattern[str] | None = None
        choices = []
        if alternatives:
            choices.append(rf"(?<!{_LETTER})(?P<name>{'|'.join(alternatives)})(?P<pos>['’]s|['’]|s)?(?!{_LETTER})")
        if self.age_band:
            choices.append(_AGE)
        if choices:
            self.pattern = re.compile("|".join(choices), re.IGNORECASE)

    @property
    def empty(self) -> bool:
        """True when the register holds no names, so texts pass through unchanged."""
        return self.pattern is None

    def form(self, spelling: str) -> NameForm:
        """The registered form a matched spelling stands for."""
        return self._lookup.get(fold(spelling)) or self._lookup[_digits_key(spelling)]

    def _pseudonym(self, match: re.Match[str]) -> str:
        if match.groupdict().get("age") and self.age_band:
            return age_band(int(match.group("age")), self.age_band)
        name, suffix = match.group("name"), match.group("pos") or ""
        pseudonym = self.form(name).pseudonym
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

    def attribute(self, name: str | None, value):
        """An attribute value as exported: names replaced, and an exact age as its band when the register says so."""
        if self.age_band and fold(name or "") in AGE_ATTRIBUTES:
            number = value if isinstance(value, (int, float)) else None
            if isinstance(value, str) and value.strip().isdigit():
                number = int(value.strip())
            if number is not None and 0 <= number < 130:
                return age_band(int(number), self.age_band)
        return self.text(value) if isinstance(value, str) else value

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

    def matches(self, text: str | None) -> list[tuple[int, int, NameForm]]:
        """Where registered names occur in a text: (start, end, form) for each, ages left out."""
        if not text or self.pattern is None:
            return []
        return [(m.start("name"), m.end("name"), self.form(m.group("name")))
                for m in self.pattern.finditer(text) if m.groupdict().get("name")]

    def found(self, text: str) -> list[str]:
        """The registered spellings that occur in the text (what a check for leaks looks for)."""
        return [text[start:end] for start, end, _form in self.matches(text)]


AGE_ATTRIBUTES = frozenset({"leeftijd", "age", "leeftijd (jaren)", "age (years)"})


def _digits_key(text: str) -> str:
    """A phone number's digits, the key two spellings of it share."""
    digits = "".join(c for c in text if c.isdigit())
    return "#" + digits if len(digits) >= 6 and not any(c.isalpha() for c in text) else "\0" + text


NO_NAMES = Replacer(())
