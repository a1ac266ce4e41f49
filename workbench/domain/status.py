"""The project at a glance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class ProjectStatus:
    """Counts and identity of a project, as `workbench status` shows them."""

    name: str
    language: str
    created: dt.datetime | None
    documents: int
    codes: int
    codings: int
    suggestions: int
    memos: int
    log_entries: int
    coders: int
    schema_revision: str | None
    database: str
