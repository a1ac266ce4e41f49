"""A leak scan: every registered name, in any spelling the replacer knows, found in the text parts of files."""

from __future__ import annotations

from bisect import bisect_right
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
    seen: frozenset[str] = frozenset()  # the watched strings (document titles) the files hold

    @property
    def clean(self) -> bool:
        return not self.leaks


SEPARATOR = "\x00"  # neither a letter nor a space, so no name matches across two parts
CHUNK = 1_000_000


def _scan_chunk(chunk: list, replacer: Replacer, seen: set, leaks: list[Leak]) -> None:
    """Scan many parts in one regex pass over their joined text, each match mapped back to its part."""
    starts, offset = [], 0
    for part in chunk:
        starts.append(offset)
        offset += len(part.text) + 1
    joined = SEPARATOR.join(part.text for part in chunk)
    for start, end, form in replacer.matches(joined):
        index = bisect_right(starts, start) - 1
        part = chunk[index]
        local_start, local_end = start - starts[index], end - starts[index]
        spelling = part.text[local_start:local_end]
        key = (part.file, part.place, spelling.casefold())
        if key in seen:
            continue
        seen.add(key)
        left, right = max(0, local_start - CONTEXT), min(len(part.text), local_end + CONTEXT)
        context = part.text[left:right].replace(SEPARATOR, " · ")
        leaks.append(Leak(part.file, part.place, spelling, form.entity, " ".join(context.split())))


def scan_parts(parts: Iterable, replacer: Replacer) -> tuple[int, list[Leak]]:
    """The leaks in text parts (anything with `file`, `place` and `text`), each place and spelling once."""
    count = 0
    seen: set[tuple[str, str, str]] = set()
    leaks: list[Leak] = []
    chunk: list = []
    size = 0
    for part in parts:
        count += 1
        if not part.text or SEPARATOR in part.text or not any(c.isalnum() for c in part.text):
            if part.text and SEPARATOR in part.text:
                _scan_chunk([part], replacer, seen, leaks)
            continue
        chunk.append(part)
        size += len(part.text) + 1
        if size >= CHUNK:
            _scan_chunk(chunk, replacer, seen, leaks)
            chunk, size = [], 0
    if chunk:
        _scan_chunk(chunk, replacer, seen, leaks)
    return count, leaks
