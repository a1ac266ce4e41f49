"""Fuzzy search over codes by name, English name and definition, for the code picker."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from rapidfuzz import fuzz

from workbench.domain.code_entries import CodeEntry

MIN_SCORE = 55
STRONG = 90  # a match this good (or a name that starts with what was typed) is what Enter takes


def _plain(text: str) -> str:
    """Lower case without accents, so `financiele` finds `Financiële`."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def score_code(code: CodeEntry, query: str) -> float:
    """How well `query` (already plain) matches the code, 0–115."""
    name, path, english = _plain(code.name), _plain(code.path), _plain(code.name_en or "")
    name_score = max(fuzz.WRatio(query, name), fuzz.WRatio(query, path) * 0.95)
    english_score = fuzz.WRatio(query, english) if english else 0
    definition = fuzz.partial_ratio(query, _plain(code.definition)) * 0.8 if len(query) > 3 and code.definition else 0
    prefix_bonus = 15 if name.startswith(query) or (english and english.startswith(query)) else 0
    return max(name_score, english_score, definition) + prefix_bonus


def rank_codes(codes: Sequence[CodeEntry], query: str, limit: int = 40) -> list[CodeEntry]:
    """Codable, current codes that match `query` best first; all of them in tree order for an empty query."""
    usable = [code for code in codes if code.codable and not code.retired]
    plain = _plain(query.strip())
    if not plain:
        return usable[:limit]
    scored = []
    for order, code in enumerate(usable):
        score = score_code(code, plain)
        if score >= MIN_SCORE:
            scored.append((-score, order, code))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [code for _, _, code in scored[:limit]]


def is_strong_match(code: CodeEntry, query: str) -> bool:
    """Whether what was typed plainly names this code: its name or English name (or a path) starts with it,
    or matches it closely; a new name that only resembles a code is not a strong match."""
    plain = _plain(query.strip())
    if not plain:
        return True
    names = [_plain(code.name), _plain(code.path), _plain(code.name_en or "")]
    if any(name and (name.startswith(plain) or name.split("/")[-1].startswith(plain)) for name in names):
        return True
    return max(fuzz.ratio(plain, name) for name in names if name) >= STRONG


def has_name(codes: Sequence[CodeEntry], query: str) -> bool:
    """Whether a code already has exactly this name (ignoring case and accents)."""
    plain = _plain(query.strip())
    return any(_plain(code.name) == plain for code in codes)
