"""A document replaced by a corrected version: what became of its codings, and the codings left to review."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from workbench.domain.reanchoring import Placement, ReanchorTally

# The document metadata key holding the codings a replacement could not place with confidence.
REVIEW_KEY = "placement_review"


@dataclass(frozen=True)
class PlacementReview:
    """A coding a replacement could not place with confidence, waiting for the coder to place or drop it.

    The coding stays in the project at the suggested span (`start`, `end`) until then; `old_text` is what it
    coded in the text before the replacement, with `before` and `after` the words around it there.
    """

    coding_id: int
    document_id: int
    document: str
    code: str
    coder: str
    old_text: str
    before: str
    after: str
    start: int
    end: int
    suggested_text: str
    method: str
    score: float
    reason: str


@dataclass(frozen=True)
class ReplacementResult:
    """What replacing a document's text did: its figures, what followed the codings, and what waits for review."""

    document_id: int
    title: str
    source: str
    format: str
    tally: ReanchorTally
    memos: int
    links: int
    reviews: tuple[PlacementReview, ...]
    unchanged: bool = False

    @property
    def line(self) -> str:
        """One sentence for the command line and the status bar."""
        if self.unchanged:
            return f"'{self.title}' already has the text of {self.source}; nothing changed."
        return f"Replaced the text of '{self.title}' with {self.source}: {self.tally.line}."


def review_entry(placement: Placement, old_text: str, start: int, end: int) -> dict[str, Any]:
    """The stored form of one coding to review: where it was, what it coded, and what was suggested."""
    return {
        "coding": placement.key,
        "old_start": start,
        "old_end": end,
        "old_text": old_text[start:end],
        "before": old_text[max(0, start - 80) : start],
        "after": old_text[end : end + 80],
        "method": placement.method,
        "score": placement.score,
        "reason": placement.reason,
    }


def review_entries(metadata: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """The codings to review stored on a document (none when it was never replaced)."""
    found = (metadata or {}).get(REVIEW_KEY) or []
    return [dict(entry) for entry in found if isinstance(entry, Mapping) and isinstance(entry.get("coding"), int)]
