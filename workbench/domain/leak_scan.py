"""A leak scan: every registered name, in any spelling the replacer knows, found in the text parts of files."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from workbench.domain.pseudonyms import Replacer

CONTEXT = 30


@dataclass(frozen=True)
class Leak:
    """A registered name found in a file: where, as which spelling, of which kind of entity, in what context."""

    file: str
    place: str
    spelling: str
    kind: str
    context: str


@dataclass(frozen=True)
class ScanResult:
    """What a scan read and what it found."""

    files: tuple[str, ...]
    parts: int
    leaks: tuple[Leak, ...]

    @property
    def clean(self) -> bool:
        return not self.leaks


def scan_parts(parts: Iterable, replacer: Replacer) -> tuple[int, list[Leak]]:
    """The leaks in text parts (anything with `file`, `place` and `text`), each place and spelling once."""
    count = 0
    seen: set[tuple[str, str, str]] = set()
    leaks: list[Leak] = []
    for part in parts:
        count += 1
        for start, end, form in replacer.matches(part.text):
            spelling = part.text[start:end]
            key = (part.file, part.place, spelling.casefold())
            if key in seen:
                continue
            seen.add(key)
            left, right = max(0, start - CONTEXT), min(len(part.text), end + CONTEXT)
            leaks.append(Leak(part.file, part.place, spelling, form.entity, " ".join(part.text[left:right].split())))
    return count, leaks
