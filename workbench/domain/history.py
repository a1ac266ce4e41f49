"""What the history of changes looks like to the front ends."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class HistoryEvent:
    """One recorded change: who did what to which target, and when."""

    id: int
    at: dt.datetime
    coder: str | None
    kind: str
    target: str
    summary: str
    reverts: int | None
