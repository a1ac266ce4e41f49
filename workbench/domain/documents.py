"""Documents as the services hand them out: a listing row, one document in full, and one file's import result."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from workbench.domain.transcripts import SentenceSpan, TurnSpan
from workbench.domain.wording import counted

IMPORTED, SKIPPED, FAILED = "imported", "skipped", "failed"


@dataclass(frozen=True)
class DocumentSummary:
    """One row of the document list."""

    id: int
    title: str
    format: str
    language: str
    words: int
    turns: int
    speakers: tuple[str, ...]
    codings: int
    attributes: Mapping[str, Any]


@dataclass(frozen=True)
class DocumentDetail:
    """One document with its text, turns and sentences (spans into the text), attributes and metadata."""

    id: int
    title: str
    format: str
    language: str
    text: str
    turns: tuple[TurnSpan, ...]
    sentences: tuple[SentenceSpan, ...]
    attributes: Mapping[str, Any]
    metadata: Mapping[str, Any]
    words: int
    original_filename: str | None
    imported_at: dt.datetime | None = None

    @property
    def speakers(self) -> tuple[str, ...]:
        """The distinct speaker labels, in order of first appearance."""
        return tuple(dict.fromkeys(t.speaker for t in self.turns if t.speaker is not None))


@dataclass(frozen=True)
class ImportResult:
    """What happened to one file: imported (with what it holds), skipped as a repeat, or failed (and why)."""

    path: str
    status: str
    message: str = ""
    document_id: int | None = None
    title: str = ""
    format: str = ""
    language: str = ""
    turns: int = 0
    speakers: tuple[str, ...] = field(default_factory=tuple)
    words: int = 0

    @property
    def line(self) -> str:
        """The line the command line prints for this file."""
        if self.status == IMPORTED:
            count = len(self.speakers)
            return (
                f"imported: {self.path} as '{self.title}' (id {self.document_id}, {self.format}, {self.language}): "
                f"{self.turns} turns, {counted(count, 'speaker')}, {self.words} words"
            )
        return f"{self.status}: {self.message}"
