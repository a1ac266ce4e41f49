"""Map the text positions other programs write into offsets in our stored text.

A source file is stored normalised (NFC, `\\n` line endings, no BOM or control characters), while the
positions in a `.qde` count the raw file in one of three ways: code points (the standard, and our own
exports), code points with CRLF counted once (ATLAS.ti), or UTF-16 units with CRLF counted twice
(NVivo). Each way is turned into a raw code-point index, and that into a stored offset.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass

from workbench.domain.text import normalise_text

CODE_POINTS = "code points"
CRLF_AS_ONE = "code points, CRLF counted once"
UTF16_UNITS = "UTF-16 units"
MODELS = (CODE_POINTS, CRLF_AS_ONE, UTF16_UNITS)

_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufeff]")
_NEEDS_WORK = re.compile(r"[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufeff]")


def preferred_model(origin: str) -> str:
    """The counting a program is known to use, from the project's `origin`."""
    folded = (origin or "").casefold()
    if "nvivo" in folded:
        return UTF16_UNITS
    if "atlas" in folded:
        return CRLF_AS_ONE
    return CODE_POINTS


def _cleaned_with_map(raw: str) -> tuple[str, list[int] | None]:
    """Line breaks and invisible characters handled, with raw index -> cleaned index (None: identity)."""
    if not _NEEDS_WORK.search(raw):
        return raw, None
    out: list[str] = []
    mapping = [0] * (len(raw) + 1)
    position = 0
    i = 0
    while i < len(raw):
        char = raw[i]
        mapping[i] = position
        if char == "\r" and raw[i + 1:i + 2] == "\n":
            mapping[i + 1] = position
            out.append("\n")
            position += 1
            i += 2
            continue
        if _LINE_BREAKS.match(char):
            out.append("\n")
            position += 1
        elif not _INVISIBLE.match(char):
            out.append(char)
            position += 1
        i += 1
    mapping[len(raw)] = position
    return "".join(out), mapping


def _nfc_with_map(text: str) -> tuple[str, list[int] | None]:
    """NFC applied per run that starts with a character of combining class 0, with the index map."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    starts = [i for i, char in enumerate(text) if unicodedata.combining(char) == 0] or [0]
    if starts[0] != 0:
        starts.insert(0, 0)
    pieces, mapping = [], [0] * (len(text) + 1)
    position = 0
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        piece = unicodedata.normalize("NFC", text[start:end])
        for offset in range(end - start):
            mapping[start + offset] = position + min(offset, len(piece))
        pieces.append(piece)
        position += len(piece)
    mapping[len(text)] = position
    joined = "".join(pieces)
    if joined != unicodedata.normalize("NFC", text):
        # Rare scripts compose across runs: fall back to one run, keeping only the ends exact.
        whole = unicodedata.normalize("NFC", text)
        return whole, [0] * len(text) + [len(whole)]
    return joined, mapping


@dataclass
class PositionMap:
    """A raw source text, its stored form, and the ways to turn positions in the raw text into offsets."""

    raw: str
    text: str
    _clean_map: list[int] | None
    _nfc_map: list[int] | None

    @classmethod
    def of(cls, raw: str) -> PositionMap:
        raw = raw[1:] if raw.startswith("\ufeff") else raw
        cleaned, clean_map = _cleaned_with_map(raw)
        text, nfc_map = _nfc_with_map(cleaned)
        stored = normalise_text(raw)
        if stored != text:
            # Should not happen; stay correct by trusting the stored form and keeping only the ends.
            return cls(raw, stored, [0] * len(raw) + [len(stored)], None)
        return cls(raw, text, clean_map, nfc_map)

    def _stored(self, raw_index: int) -> int:
        index = self._clean_map[raw_index] if self._clean_map is not None else raw_index
        return self._nfc_map[index] if self._nfc_map is not None else index

    def _raw_index(self, position: int, model: str) -> int | None:
        if model == CODE_POINTS:
            return position if 0 <= position <= len(self.raw) else None
        if model == CRLF_AS_ONE:
            return self._from_crlf_as_one(position)
        return self._from_utf16(position)

    def _from_crlf_as_one(self, position: int) -> int | None:
        crlf = getattr(self, "_crlf", None)
        if crlf is None:
            # Where each CRLF's LF sits in the collapsed text; positions from there on shift by one more.
            crlf = [m.start() - n for n, m in enumerate(re.finditer("\r\n", self.raw))]
            self._crlf = crlf
        raw = position + bisect_left(crlf, position)
        return raw if 0 <= position and raw <= len(self.raw) else None

    def _from_utf16(self, position: int) -> int | None:
        wide = getattr(self, "_wide", None)
        if wide is None:
            # UTF-16 offset at which each character beyond the BMP starts.
            wide, extra = [], 0
            for index, char in enumerate(self.raw):
                if ord(char) > 0xFFFF:
                    wide.append(index + extra)
                    extra += 1
            self._wide = wide
        before = bisect_left(wide, position)
        if before < len(wide) and wide[before] == position - 1:
            return None  # in the middle of a surrogate pair
        if before and wide[before - 1] == position - 1:
            return None
        raw = position - before
        return raw if 0 <= raw <= len(self.raw) else None

    def span(self, start: int, end: int, model: str) -> tuple[int, int] | None:
        """The stored `[start, end)` for a selection counted in `model`, or None when it cannot be mapped."""
        if start < 0 or end <= start:
            return None
        raw_start, raw_end = self._raw_index(start, model), self._raw_index(end, model)
        if raw_start is None or raw_end is None:
            return None
        stored_start, stored_end = self._stored(raw_start), self._stored(raw_end)
        # Selections rarely start on whitespace; spans that became empty cannot be stored.
        return (stored_start, stored_end) if stored_start < stored_end else None


def quote_matches(text: str, span: tuple[int, int], name: str) -> bool | None:
    """Whether a selection's name (ATLAS.ti stores the quoted text there) agrees with the span; None if
    the name is not a quote."""
    quote = " ".join((name or "").replace("…", " ").split())
    if len(quote) < 8:
        return None
    found = " ".join(text[span[0]:span[1]].split())
    probe = quote[: max(8, min(len(quote), 40))]
    if found.startswith(probe) or normalise_text(found).startswith(normalise_text(probe)):
        return True
    return False
