"""Small pieces of the sentences the workbench says to its users."""

from __future__ import annotations


def counted(count: int, noun: str) -> str:
    """`1 coding`, `3 codings`: a count with its noun in the singular or the regular plural."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
