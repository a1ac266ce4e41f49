"""Fuzzy search over codes by name, English name and definition, for the code picker."""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz

from workbench.domain.code_entries import CodeEntry

MIN_SCORE = 55


def rank_codes(codes: Sequence[CodeEntry], query: str, limit: int = 40) -> list[CodeEntry]:
    """Codable, current codes that match `query` best first; all of them in tree order for an empty query."""
    usable = [code for code in codes if code.codable and not code.retired]
    query = query.strip().lower()
    if not query:
        return usable[:limit]
    scored = []
    for order, code in enumerate(usable):
        name_score = max(fuzz.WRatio(query, code.name.lower()), fuzz.WRatio(query, code.path.lower()) * 0.95)
        english = fuzz.WRatio(query, code.name_en.lower()) if code.name_en else 0
        definition = fuzz.partial_ratio(query, code.definition.lower()) * 0.8 if len(query) > 3 and code.definition else 0
        prefix_bonus = 15 if code.name.lower().startswith(query) or code.name_en.lower().startswith(query) else 0
        score = max(name_score, english, definition) + prefix_bonus
        if score >= MIN_SCORE:
            scored.append((-score, order, code))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [code for _, _, code in scored[:limit]]
