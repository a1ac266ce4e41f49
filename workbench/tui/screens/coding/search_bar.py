"""The document search bar: finds every occurrence of what was typed in the open document, and steps through them."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.message import Message
from textual.widgets import Input


def find_all(text: str, needle: str) -> list[tuple[int, int]]:
    """Every (overlapping) occurrence of `needle` in `text`, case-insensitive, as code-point spans."""
    # casefold can change a string's length (ß → ss); lower() keeps the offsets of plain text.
    haystack, needle = text.lower(), needle.strip().lower()
    hits: list[tuple[int, int]] = []
    if not needle or len(haystack) != len(text):
        return hits
    start = haystack.find(needle)
    while start != -1:
        hits.append((start, start + len(needle)))
        start = haystack.find(needle, start + 1)
    return hits


class DocumentSearchBar(Input):
    """A search box under the transcript; it keeps the hits of the last search and says when they change."""

    @dataclass
    class HitsFound(Message):
        """A search ran (or was cleared): these are the hits, and what was looked for."""

        bar: DocumentSearchBar
        hits: list[tuple[int, int]]
        needle: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="search this document (Enter; n / N for the next / previous hit)", id=id)
        self.text = ""
        self.hits: list[tuple[int, int]] = []

    def on_mount(self) -> None:
        self.display = False

    def search_in(self, text: str) -> None:
        """The document to search from now on; earlier hits belong to another text and are dropped."""
        if text != self.text:
            self.text = text
            if self.hits:
                self.clear_hits()

    def open(self) -> None:
        self.display = True
        self.focus()

    def clear_hits(self) -> None:
        """Hide the bar and forget the hits."""
        self.display = False
        self.hits = []
        self.post_message(self.HitsFound(self, [], ""))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.hits = find_all(self.text, event.value)
        self.post_message(self.HitsFound(self, list(self.hits), event.value.strip()))

    def next_hit(self, offset: int, step: int) -> tuple[int, int] | None:
        """The hit after (or before, with a negative step) `offset`, wrapping around; None without hits."""
        if not self.hits:
            return None
        if step > 0:
            return next((h for h in self.hits if h[0] > offset), self.hits[0])
        return next((h for h in reversed(self.hits) if h[0] < offset), self.hits[-1])
