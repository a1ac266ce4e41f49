"""Small pieces of the sentences the workbench says to its users."""

from __future__ import annotations


def counted(count: int, noun: str) -> str:
    """`1 coding`, `3 codings`: a count with its noun in the singular or the regular plural."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def shortened(text: str, width: int, mark: str = "…") -> str:
    """`text` in at most `width` characters, cut after a whole word with `mark` added; never inside a word.

    Empty when not even the first word fits (a label is better left out than cut into a word that is not one).
    """
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    room = width - len(mark)
    cut = text.rfind(" ", 0, room + 1)
    if cut <= 0:
        return ""
    return text[:cut].rstrip(" ,;:-–") + mark
