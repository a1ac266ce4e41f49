"""The layout of a codebook YAML file: the keys allowed at each level, in their written order,
and the line on which each key of a parsed file sits."""

from __future__ import annotations

import difflib
from typing import Any, Callable

from workbench.domain.codebook import CODE_KEYS, RULE_KEYS, TOP_KEYS

__all__ = ["CODE_KEYS", "RULE_KEYS", "TOP_KEYS", "LineMap", "unknown_key_message"]
# Codebook problem fields that live inside the rules block of a code.
_RULE_FIELDS = set(RULE_KEYS) | {"rules"}


def unknown_key_message(key: object, allowed: tuple[str, ...], what: str) -> str:
    """Explain an unknown key, suggesting the nearest allowed one."""
    close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"{what} has an unknown key {str(key)!r}{hint}; allowed keys are {', '.join(allowed)}"


class LineMap:
    """Remembers the line of each code and of each of its keys, by the code's index path."""

    def __init__(self) -> None:
        self._code_lines: dict[tuple[int, ...], int] = {}
        self._key_lines: dict[tuple[tuple[int, ...], str], int] = {}

    def record(self, where: tuple[int, ...], node: Any, key_line: Callable[[Any, str], int]) -> None:
        """Note where the mapping for the code at `where` (or the top, for `()`) and its keys are."""
        self._code_lines[where] = int(node.lc.line) + 1
        for key in node:
            self._key_lines[(where, str(key))] = key_line(node, key)

    def record_rules(self, where: tuple[int, ...], node: Any,
                     key_line: Callable[[Any, str], int]) -> None:
        """Note where the keys of a code's rules block are."""
        for key in node:
            self._key_lines[(where, f"rules.{key}")] = key_line(node, key)

    def line_of(self, where: tuple[int, ...], field: str | None) -> int:
        """The best line for a problem with `field` of the code at `where`."""
        if field in _RULE_FIELDS and field != "rules":
            line = self._key_lines.get((where, f"rules.{field}"))
            if line is not None:
                return line
            field = "rules"
        if field is not None and (where, field) in self._key_lines:
            return self._key_lines[(where, field)]
        return self._code_lines.get(where, 1)
