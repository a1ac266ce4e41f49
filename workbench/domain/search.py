"""Text search as keyword-in-context hits: plain and regular-expression matching on a document's text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.domain.errors import InvalidInput

MODES = ("plain", "regex", "lemma")
DEFAULT_WIDTH = 40


@dataclass(frozen=True)
class SearchHit:
    """One match with the text on either side of it."""

    document_id: int
    document: str
    start: int
    end: int
    text: str
    before: str
    after: str
    speaker: str | None


def compile_pattern(pattern: str, mode: str, case_sensitive: bool = False) -> re.Pattern[str]:
    """A compiled pattern for plain (literal) or regex search; InvalidInput for an empty or malformed one."""
    if not pattern or not pattern.strip():
        raise InvalidInput("The search pattern is empty; give a word or phrase to look for.")
    flags = 0 if case_sensitive else re.IGNORECASE
    if mode == "plain":
        # Any run of whitespace in the phrase matches any run in the text (line breaks inside turns).
        words = [re.escape(word) for word in pattern.split()]
        return re.compile(r"\s+".join(words), flags)
    try:
        compiled = re.compile(pattern, flags)
    except re.error as exc:
        where = f" at position {exc.pos + 1}" if exc.pos is not None else ""
        raise InvalidInput(f"The regular expression '{pattern}' is not valid{where}: {exc.msg}.") from None
    if compiled.match("") is not None and compiled.fullmatch("") is not None:
        raise InvalidInput(
            f"The regular expression '{pattern}' also matches empty text; make it match at least one character."
        )
    return compiled


def find_matches(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Every non-empty match of the pattern in the text as `(start, end)`."""
    return [(m.start(), m.end()) for m in pattern.finditer(text) if m.end() > m.start()]


def context(text: str, start: int, end: int, width: int = DEFAULT_WIDTH) -> tuple[str, str]:
    """Up to `width` characters on each side of a match, on one line."""
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    return before.replace("\n", " "), after.replace("\n", " ")
