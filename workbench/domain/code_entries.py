"""What the codebook services hand to the front ends: listed codes and the outcome of each operation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class CodeEntry:
    """One code of the project's tree as a listing shows it, with how often it is applied."""

    id: int
    guid: str
    path: str
    name: str
    name_en: str
    parent: str | None
    parent_path: str | None
    depth: int
    position: int
    colour: str
    shortcut: int | None
    codable: bool
    retired: bool
    codings: int
    definition: str = ""
    when_to_use: str = ""
    when_not_to_use: str = ""
    example: str = ""
    rules: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class LoadReport:
    """What loading a codebook file changed in the project."""

    source: str
    title: str
    version: str
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    retired: tuple[str, ...] = ()
    deleted: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    file: str | None = None

    @property
    def changed(self) -> bool:
        """True when the project's codebook is different after the load."""
        return bool(self.added or self.updated or self.retired or self.deleted)


@dataclass(frozen=True)
class MergeResult:
    """A merge of one code into another: how many codings moved and how many collapsed."""

    source: str
    target: CodeEntry
    moved: int
    collapsed: int
    children_moved: int = 0


@dataclass(frozen=True)
class SplitResult:
    """A split: the new code and how many codings went to it."""

    source: CodeEntry
    new: CodeEntry
    moved: int


@dataclass(frozen=True)
class DeletedCode:
    """A deleted code and what went with it (suggestions and memos)."""

    guid: str
    path: str
    suggestions: int = 0
    memos: int = 0


@dataclass(frozen=True)
class CodeHistoryEntry:
    """One recorded change to a code, newest first, with the fields it changed."""

    event_id: int
    at: dt.datetime
    coder: str | None
    kind: str
    summary: str
    details: tuple[str, ...] = ()
    undone: bool = False
