"""What the agreement screen's workers report back: a comparison computed or withheld, a decision saved."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message


@dataclass
class AgreementComputed(Message):
    """The agreement report and the disagreements of the chosen coders were computed."""

    generation: int
    report: Any
    disagreements: list[Any]
    colours: dict[int, str]
    focus: str | None


@dataclass
class AgreementWithheld(Message):
    """Agreement was not run: fewer than two coders (`coders`), blind coding is on and running it was not asked
    for (`blind`), or the comparison was refused (the reason, one sentence)."""

    generation: int
    coders: tuple[str, ...]
    reason: str


@dataclass
class ConsensusChanged(Message):
    """A disagreement was decided for the consensus coder, or the latest change was undone."""

    note: str
    focus: str | None
