"""Auto-coding: rule hits, suggestions as the front ends see them, run reports and the rules' evaluation.

Pure parts live here too: widening a hit to its sentence or turn, structure rules (every turn of a speaker,
every paragraph under a heading), and the overlap matching that scores suggestions against applied codings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workbench.domain.errors import InvalidInput
from workbench.domain.spans import Span, Units

ORIGIN_PREFIX = "autocode:"
ORIGIN_LENGTH = 100  # the width of the codings.origin column
STRUCTURE_KINDS = ("speaker", "heading")
# A heading stands alone on its paragraph: short, one line, not ending like a sentence.
HEADING_MAX_CHARACTERS = 80
_SENTENCE_END = re.compile(r"[.!?…;]\s*$")


@dataclass(frozen=True)
class Hit:
    """A rule found something: the suggested span (widened to the rule's unit) and the words that matched."""

    code_id: int
    start: int
    end: int
    rule: str
    match_start: int
    match_end: int

    @property
    def origin(self) -> str:
        """The coding origin that records which rule suggested it, e.g. `autocode:keyword:korte lijntjes`."""
        return (ORIGIN_PREFIX + self.rule)[:ORIGIN_LENGTH]


@dataclass(frozen=True)
class StructureRule:
    """Code every turn of a speaker, or every paragraph under a heading, with `code` (a path, name or GUID)."""

    kind: str
    value: str
    code: str

    @property
    def rule(self) -> str:
        return f"{self.kind}:{self.value}"


def parse_structure_rule(kind: str, text: str) -> StructureRule:
    """Read `VALUE=CODE` (e.g. `Respondent=Rollen en taken`) as a structure rule of the given kind."""
    if kind not in STRUCTURE_KINDS:
        raise InvalidInput(f"The structure rule kind '{kind}' is not one of {', '.join(STRUCTURE_KINDS)}.")
    value, sep, code = text.partition("=")
    if not sep or not value.strip() or not code.strip():
        raise InvalidInput(f"The {kind} rule '{text}' is not {kind.upper()}=CODE; write it like Respondent=Rollen en taken.")
    return StructureRule(kind, value.strip(), code.strip())


def structure_rules_from_settings(entries: object) -> list[StructureRule]:
    """The structure rules kept in the project setting `autocode_structure` (a list of `{code, speaker|heading}`)."""
    rules = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or not entry.get("code"):
            continue
        for kind in STRUCTURE_KINDS:
            if entry.get(kind):
                rules.append(StructureRule(kind, str(entry[kind]), str(entry["code"])))
    return rules


def widen(start: int, end: int, unit: str, sentences: Units, turns: Units) -> Span:
    """The span a hit suggests: the sentences or the turn it lies in, or just the match (`match`)."""
    if unit == "match":
        return Span(start, end)
    order = (turns,) if unit == "turn" else (sentences, turns)
    for units in order:
        covered = units.cover(start, end) if len(units) else None
        if covered is not None:
            return Span(min(covered.start, start), max(covered.end, end))
    return Span(start, end)


def _heading_key(text: str) -> str:
    return " ".join(text.strip().rstrip(":").split()).casefold()


def looks_like_heading(text: str) -> bool:
    """A paragraph that can be a heading: one short line that does not end like a sentence."""
    stripped = text.strip()
    return bool(stripped) and "\n" not in stripped and len(stripped) <= HEADING_MAX_CHARACTERS and not _SENTENCE_END.search(stripped)


def structure_hits(
    text: str, turns: Sequence[tuple[int, int, str | None]], rules: Iterable[tuple[int, StructureRule]]
) -> list[Hit]:
    """Hits of structure rules: whole turns of a speaker, and the turns under a matching heading.

    Speakers compare without regard to case. A heading rule matches a turn without speaker whose text is the
    heading (case and a trailing colon ignored); the turns after it are coded up to the next paragraph that
    looks like a heading.
    """
    hits: list[Hit] = []
    for code_id, rule in rules:
        if rule.kind == "speaker":
            wanted = rule.value.casefold()
            hits.extend(
                Hit(code_id, start, end, rule.rule, start, end)
                for start, end, speaker in turns if speaker is not None and speaker.casefold() == wanted
            )
            continue
        wanted = _heading_key(rule.value)
        inside = False
        for start, end, speaker in turns:
            said = text[start:end]
            if speaker is None and _heading_key(said) == wanted:
                inside = True
                continue
            if inside and speaker is None and looks_like_heading(said):
                inside = False
            if inside:
                hits.append(Hit(code_id, start, end, rule.rule, start, end))
    return hits


def first_per_span(hits: Iterable[Hit]) -> list[Hit]:
    """One hit per code and span (the first rule that found it), ordered by position."""
    seen: dict[tuple[int, int, int], Hit] = {}
    for hit in hits:
        seen.setdefault((hit.code_id, hit.start, hit.end), hit)
    return sorted(seen.values(), key=lambda h: (h.start, h.end, h.code_id))


@dataclass(frozen=True)
class Suggestion:
    """A stored suggestion (or an accepted or rejected one) with its text and the rule that made it."""

    id: int
    document_id: int
    document: str
    code_id: int
    code: str
    coder: str
    start: int
    end: int
    text: str
    rule: str
    status: str


@dataclass(frozen=True)
class CodeSuggestions:
    """What auto-coding holds for one code: new in this run, waiting, accepted and rejected."""

    code_id: int
    code: str
    new: int
    pending: int
    accepted: int
    rejected: int


@dataclass(frozen=True)
class AutocodeReport:
    """The result of one auto-coding run."""

    coder: str
    documents: int
    new: int
    skipped: int
    codes: tuple[CodeSuggestions, ...]


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 of suggestions against applied codings (None when undefined)."""

    suggested: int
    correct: int
    applied: int
    found: int
    precision: float | None
    recall: float | None
    f1: float | None


def score(suggested: int, correct: int, applied: int, found: int) -> Score:
    """Precision = correct / suggested, recall = found / applied, F1 their harmonic mean."""
    precision = correct / suggested if suggested else None
    recall = found / applied if applied else None
    f1 = None
    if precision is not None and recall is not None:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(suggested, correct, applied, found, precision, recall, f1)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether two spans share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def match_counts(suggested: Sequence[tuple[int, int]], applied: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """How many suggestions overlap an applied coding, and how many applied codings overlap a suggestion."""
    correct = sum(1 for s in suggested if any(overlaps(s, a) for a in applied))
    found = sum(1 for a in applied if any(overlaps(a, s) for s in suggested))
    return correct, found


@dataclass(frozen=True)
class CodeScore:
    """One code's row of the evaluation."""

    code_id: int
    code: str
    score: Score


@dataclass(frozen=True)
class Evaluation:
    """How well the rules predict a coder's applied codings on the documents that coder coded."""

    coder: str
    documents: int
    codes: tuple[CodeScore, ...]
    overall: Score
