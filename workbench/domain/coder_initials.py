"""Short, distinct initials for coders, for the margin of a document that more than one coder coded."""

from __future__ import annotations

import re
from collections.abc import Iterable


def _candidates(name: str) -> list[str]:
    """Ever longer abbreviations of one name: `anna de vries` → AV, ADV, ANV…; `bram` → BR, BRA, BRAM."""
    words = [w for w in re.split(r"[\s._\-@]+", name.strip()) if w] or [name or "?"]
    if len(words) > 1:
        first = [words[0][0] + words[-1][0], "".join(w[0] for w in words)]
    else:
        first = []
    letters = re.sub(r"\W", "", "".join(words)) or name or "?"
    return [c.upper() for c in first + [letters[:n] for n in range(2, len(letters) + 1)]]


def coder_initials(names: Iterable[str]) -> dict[str, str]:
    """For each coder name, the shortest abbreviation (two letters or more) that no other coder's shares."""
    names = list(dict.fromkeys(names))
    options = {name: _candidates(name) for name in names}
    chosen: dict[str, str] = {}
    for name in names:
        others = {c for other in names if other != name for c in options[other][:1]}
        pick = next((c for c in options[name] if c not in others and c not in chosen.values()), None)
        chosen[name] = pick or name
    return chosen
