"""Memos: notes on the project, a document, a code or a coding."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

TARGET_KINDS = ("project", "document", "code", "coding", "log_entry")


@dataclass(frozen=True)
class Memo:
    """A memo and what it is about; `target_kind` is project, document, code, coding or log_entry."""

    id: int
    guid: str
    title: str
    text: str
    author: str | None
    target_kind: str
    target_id: int | None
    target_label: str
    created_at: dt.datetime
    updated_at: dt.datetime
