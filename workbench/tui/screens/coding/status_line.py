"""The status line under the transcript: who codes, where the selection is, and who coded what is under it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual.widgets import Static

from workbench.domain.spans import shorten


@dataclass(frozen=True)
class Whereabouts:
    """What the status line tells: the coder, the document, the turn and the selection."""

    coder: str
    title: str
    turn: str  # "turn 3/41" or ""
    speaker: str
    time: str
    start: int
    end: int
    coders_here: Sequence[str] = ()  # who coded the text under the cursor


def status_text(where: Whereabouts, width: int) -> str:
    """The line for a screen `width` wide: the selection and the turn always fit; the title gets what is left."""
    selection = f"selection {where.end - where.start} chars [{where.start}, {where.end})"
    if width < 100:
        selection = f"sel {where.end - where.start} [{where.start}, {where.end})"
    place = " ".join(p for p in (where.turn, shorten(where.speaker, 18), where.time) if p)
    coded = f"coded by {', '.join(where.coders_here)}" if where.coders_here else ""
    fixed = [p for p in (place, selection, coded) if p]
    room = width - 2 - sum(len(p) + 3 for p in fixed) - len(where.coder) - 3
    title = shorten(where.title, room) if room >= 8 else ""
    return " " + " │ ".join(p for p in (where.coder, title, *fixed) if p)


class StatusLine(Static):
    """One line; it is redrawn in place on each selection move."""

    def show(self, where: Whereabouts) -> None:
        self.update(Text(status_text(where, self.size.width or 120), no_wrap=True, overflow="ellipsis"), layout=False)
