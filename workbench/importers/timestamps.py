"""Timestamps as transcripts write them: `[00:12:34]`, `(00:12)`, `00:12:34`, `12:34`, f4's `#00:12:34-5#`."""

from __future__ import annotations

import re
from dataclasses import dataclass

# H:MM:SS, MM:SS, with optional milliseconds after `.` or `,`.
TIME = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"


def _range(start: str, end: str) -> str:
    """A time, or a range of two (`00:00.000 --> 00:05.000`), captured in the named groups given."""
    return rf"(?P<{start}>{TIME})(?:\s*(?:-->|–|-)\s*(?P<{end}>{TIME}))?"


_STAMP = "|".join(
    (
        rf"\[{_range('s1', 'e1')}\]",
        rf"\({_range('s2', 'e2')}\)",
        rf"\{{{_range('s3', 'e3')}\}}",
        rf"\#(?P<s4>{TIME})(?:-(?P<tenths>\d))?\#",
    )
)
_LEADING = re.compile(rf"\s*(?:{_STAMP}|{_range('s5', 'e5')}(?=\s|$))[ \t]*")
# A trailing bare time must have hours (`00:12:34`): `om 12:30` at the end of a sentence is said, not a stamp.
_TRAILING = re.compile(rf"[ \t]*(?:{_STAMP}|(?<=\s)(?P<s6>\d{{1,2}}:\d{{2}}:\d{{2}}))[ \t]*$")
_INNER = re.compile(_STAMP)
_TAIL_WINDOW = 64
# The characters a timestamp can start or end with, checked before any pattern runs.
_STAMP_STARTS = frozenset("[({#0123456789")
_STAMP_ENDS = frozenset("])}#0123456789")


@dataclass(frozen=True, slots=True)
class Stamp:
    """A time found in a line: where it starts (seconds), where it ends if a range was given, and its form."""

    start: float
    end: float | None
    bare: bool  # written without brackets (`00:12:34`, `12:34`)
    with_hours: bool


def to_seconds(value: str) -> float:
    """Convert `H:MM:SS`, `MM:SS`, `HH:MM:SS.mmm` or `HH:MM:SS,mmm` to seconds."""
    clock, _, fraction = value.replace(",", ".").partition(".")
    seconds = 0
    for part in clock.split(":"):
        seconds = seconds * 60 + int(part)
    return seconds + (float("0." + fraction) if fraction else 0.0)


def leading_stamp(line: str) -> tuple[Stamp | None, str]:
    """Split a timestamp off the start of `line`; return it (or None) and the rest of the line."""
    if not line or line.lstrip()[:1] not in _STAMP_STARTS:
        return None, line
    match = _LEADING.match(line)
    if match is None:
        return None, line
    return _stamp(match), line[match.end() :]


def trailing_stamp(line: str) -> tuple[Stamp | None, str]:
    """Split a timestamp off the end of `line`; return it (or None) and the rest of the line."""
    if not line or line.rstrip()[-1:] not in _STAMP_ENDS:
        return None, line
    match = _TRAILING.search(line, max(0, len(line) - _TAIL_WINDOW))
    if match is None:
        return None, line
    return _stamp(match), line[: match.start()]


def without_inner_stamps(text: str) -> str:
    """Remove bracketed timestamps inside a line, so quotes read clean (the spaces around them remain)."""
    if ":" not in text or not any(mark in text for mark in "[(#{"):
        return text
    return _INNER.sub("", text)


def is_stamp(text: str) -> bool:
    """Tell whether `text` is nothing but one timestamp (bare or bracketed)."""
    stamp, rest = leading_stamp(text)
    return stamp is not None and not rest.strip()


def _stamp(match: re.Match[str]) -> Stamp:
    groups = match.groupdict()
    for index in range(1, 7):
        start = groups.get(f"s{index}")
        if start is not None:
            end = groups.get(f"e{index}")
            seconds = to_seconds(start)
            if groups.get("tenths"):
                seconds += int(groups["tenths"]) / 10
            return Stamp(
                start=seconds,
                end=to_seconds(end) if end else None,
                bare=index >= 5,
                with_hours=start.count(":") == 2,
            )
    raise AssertionError("a timestamp match without a time")
