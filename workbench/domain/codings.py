"""Codings as the front ends see them, retrieved fragments, and the context fingerprint that re-anchors a coding."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from workbench.domain.spans import Span

STATUSES = ("applied", "suggested", "rejected")
CONTEXTS = ("none", "sentence", "turn")
FINGERPRINT_VERSION = "1"
_EDGE = 12  # characters kept from each end of the coded text and from each side of it


@dataclass(frozen=True)
class Coding:
    """A code applied (or suggested) to `[start, end)` of a document by a coder, with its memo."""

    id: int
    guid: str
    document_id: int
    document: str
    code_id: int
    code: str
    coder: str
    start: int
    end: int
    text: str
    status: str
    origin: str
    memo: str
    created_at: dt.datetime | None
    fingerprint: str


@dataclass(frozen=True)
class Fragment:
    """A retrieved coding with where it was said, by whom, its context and the document's attributes."""

    coding_id: int
    document_id: int
    document: str
    code: str
    coder: str
    start: int
    end: int
    text: str
    context_start: int
    context_end: int
    context: str
    speaker: str | None
    t_start: float | None
    t_end: float | None
    status: str
    memo: str
    attributes: dict[str, Any] = field(default_factory=dict)
    # A fragment joined from several codings (`domain.code_fragments`) names them all; empty for one coding.
    codes: tuple[str, ...] = ()
    coders: tuple[str, ...] = ()
    coding_ids: tuple[int, ...] = ()
    memos: tuple[str, ...] = ()


@dataclass(frozen=True)
class NearbyCoding:
    """A coding next to an offset, for stepping through a document's codings."""

    id: int
    code: str
    coder: str
    start: int
    end: int


def fingerprint(text: str, start: int, end: int) -> str:
    """A short string that lets a coding be found again in a corrected version of its document.

    Format (version 1): `1:<sha1>:<length>:<json>` where `<sha1>` is the first 12 hex digits of the SHA-1 of
    the coded text's UTF-8 bytes, `<length>` its length in code points, and `<json>` a JSON list of four
    strings: up to 12 characters before the span, the first and last up to 12 characters of the coded text,
    and up to 12 characters after the span.
    """
    coded = text[start:end]
    digest = hashlib.sha1(coded.encode("utf-8")).hexdigest()[:12]
    parts = [text[max(0, start - _EDGE) : start], coded[:_EDGE], coded[-_EDGE:], text[end : end + _EDGE]]
    return f"{FINGERPRINT_VERSION}:{digest}:{len(coded)}:{json.dumps(parts, ensure_ascii=False)}"


def _parse(value: str) -> tuple[str, int, list[str]] | None:
    try:
        version, digest, length, parts = value.split(":", 3)
        decoded = json.loads(parts)
    except ValueError:
        return None
    if version != FINGERPRINT_VERSION or not isinstance(decoded, list) or len(decoded) != 4:
        return None
    return digest, int(length), decoded


def relocate(value: str, text: str, hint: int = 0) -> Span | None:
    """Where the coding a fingerprint describes lies in `text`, or None when it cannot be found.

    The exact coded text (same hash) wins; among several, the one whose surroundings match best and then the
    one nearest `hint`. Failing that, a stretch from the coded text's first to its last characters of about the
    old length is accepted when that pair is unique.
    """
    parsed = _parse(value)
    if parsed is None:
        return None
    digest, length, (before, head, tail, after) = parsed
    if not head:
        return None
    candidates: list[tuple[int, int, int]] = []
    position = text.find(head)
    while position != -1:
        coded = text[position : position + length]
        if hashlib.sha1(coded.encode("utf-8")).hexdigest()[:12] == digest:
            score = (text[max(0, position - len(before)) : position] == before) + (
                text[position + length : position + length + len(after)] == after
            )
            candidates.append((-score, abs(position - hint), position))
        position = text.find(head, position + 1)
    if candidates:
        start = min(candidates)[2]
        return Span(start, start + length)
    loose = []
    position = text.find(head)
    while position != -1:
        end = text.find(tail, position)
        if end != -1 and abs(end + len(tail) - position - length) <= max(20, length // 5):
            loose.append(Span(position, end + len(tail)))
        position = text.find(head, position + 1)
    return loose[0] if len(loose) == 1 else None
