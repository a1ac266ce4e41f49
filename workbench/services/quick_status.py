"""`workbench status` for a SQLite project without importing SQLAlchemy (see store/counts.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from workbench.domain.status import ProjectStatus
from workbench.store.counts import read_sqlite


def quick_status(database: Path) -> ProjectStatus | None:
    """The status of a current SQLite project file, or None when the full store must open it."""
    found = read_sqlite(database)
    if found is None:
        return None
    created = dt.datetime.fromisoformat(found.pop("created")) if found.get("created") else None
    if created is not None and created.tzinfo is None:
        created = created.replace(tzinfo=dt.timezone.utc)
    revision = found.pop("revision")
    return ProjectStatus(
        created=created, schema_revision=revision, database=f"sqlite:///{database}", **found
    )
