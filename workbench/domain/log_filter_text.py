"""Read the filter box of the monitoring entry list: `type=interview sig=high from=2024-09-01 actor=HEEM subsidie`."""

from __future__ import annotations

import shlex

from workbench.domain.errors import InvalidInput
from workbench.domain.monitoring import EntryFilter, LogEntry
from workbench.domain.monitoring_drafts import read_filter

HINT = "use type=, sig=, actor=, from=, to= or internal=no, and plain words to search the text"


def parse_entry_filter(text: str) -> tuple[EntryFilter, tuple[str, ...]]:
    """The entry filter and the plain search words of space-separated words (quote values with spaces)."""
    try:
        words = shlex.split(text)
    except ValueError as exc:
        raise InvalidInput(f"The filter '{text}' has an unclosed quote ({exc}).") from None
    types: list[str] = []
    significances: list[str] = []
    actors: list[str] = []
    search: list[str] = []
    start: str | None = None
    end: str | None = None
    include_internal = True
    for word in words:
        key, equals, value = word.partition("=")
        if not equals:
            search.append(word.casefold())
            continue
        key = key.strip().lower()
        if key in ("type", "types"):
            types.extend(v for v in value.split(",") if v.strip())
        elif key in ("sig", "significance", "mark"):
            significances.extend(v for v in value.split(",") if v.strip())
        elif key in ("actor", "actors", "who"):
            actors.append(value)
        elif key == "from":
            start = value
        elif key == "to":
            end = value
        elif key == "internal":
            include_internal = value.strip().lower() not in ("no", "nee", "false", "0", "off")
        else:
            raise InvalidInput(f"The filter word '{word}' is not known; {HINT}.")
    wanted = read_filter(start=start, end=end, types=types, actors=actors, significances=significances,
                         include_internal=include_internal)
    return wanted, tuple(search)


def has_words(entry: LogEntry, words: tuple[str, ...]) -> bool:
    """True when every search word occurs in the entry's title, texts, location or actor names."""
    if not words:
        return True
    haystack = " ".join([
        entry.title, entry.location, entry.observation, entry.interpretation, entry.reflection,
        entry.significance_why, *(a.name for a in entry.actors),
    ]).casefold()
    return all(word in haystack for word in words)
