"""Put user text (names, quotes, memos) safely inside Textual markup."""

from __future__ import annotations


def esc(text: object) -> str:
    """The text with every `[` escaped, so no part of it is read as a markup tag."""
    return str(text).replace("[", r"\[")
