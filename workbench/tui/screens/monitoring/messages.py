"""What the monitoring screen's change workers report back: an entry read in full, refused, or a change saved."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message

from workbench.domain.monitoring import LogEntry


@dataclass
class EntryFetched(Message):
    """One entry was read in full, to show, edit or write a memo on."""

    entry: LogEntry
    purpose: str


@dataclass
class EntryRefused(Message):
    """The log refused an entry draft; the form opens again with what was typed."""

    entry_id: int | None
    values: dict[str, Any]


@dataclass
class MonitoringChanged(Message):
    """A change to the log was saved."""

    note: str
    entry_id: int | None = None
