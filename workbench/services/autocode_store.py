"""Store many suggestions at once and keep the run undoable.

An auto-coding run can add tens of thousands of codings. Added one ORM object at a time that takes minutes,
so the rows go in with one multi-row INSERT; the unit of work's change capture cannot see such a statement,
so each row's image is added to it here, in the capture's own record format (`workbench.store.changes`), and
undo removes the rows like any other insert.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from workbench.store.changes import CHANGES_KEY
from workbench.store.schema import Coding

_TABLE = Coding.__table__
_COLUMNS = frozenset(column.name for column in _TABLE.columns)


def insert_codings(session: Session, rows: Sequence[dict[str, Any]]) -> list[int]:
    """Insert coding rows (every column but `id` given) and record them for undo; returns their ids in order."""
    if not rows:
        return []
    missing = _COLUMNS - {"id"} - set(rows[0])
    if missing:
        raise ValueError(f"coding rows lack {sorted(missing)}")
    result = session.execute(insert(_TABLE).returning(_TABLE.c.id, _TABLE.c.guid), list(rows))
    ids = {guid: coding_id for coding_id, guid in result}
    ordered = [ids[row["guid"]] for row in rows]
    changes = session.info.get(CHANGES_KEY)
    if changes is not None:
        # The capture's insert record: the table, the primary key and the whole row with dates as ISO text.
        for coding_id, row in sorted(zip(ordered, rows), key=lambda pair: pair[0]):
            image = {**row, "id": coding_id, "created_at": _iso(row["created_at"])}
            changes.append({"table": _TABLE.name, "op": "insert", "pk": {"id": coding_id}, "row": image})
    return ordered


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (dt.datetime, dt.date)) else value
