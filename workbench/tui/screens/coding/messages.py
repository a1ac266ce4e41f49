"""What the coding screen's workers report back to it: a document read, or its codings read again."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual.message import Message

from workbench.domain.code_entries import CodeEntry
from workbench.domain.codings import Coding
from workbench.domain.documents import DocumentDetail


@dataclass
class DocumentLoaded(Message):
    """A document, its codings and the codebook were read."""

    document: DocumentDetail
    codings: Sequence[Coding]
    codes: Sequence[CodeEntry]
    at: int | None
    keep: tuple[int, int] | None = None  # the selection to restore after a reload


@dataclass
class CodingsLoaded(Message):
    """The document's codings were read again after a change."""

    codings: Sequence[Coding]
    codes: Sequence[CodeEntry]
    note: str = ""
