"""Store many suggestions at once and keep the run undoable.

An auto-coding run can add tens of thousands of codings. Added one ORM object at a time that takes minutes,
so the rows go in with one multi-row INSERT, recorded for the unit of work's undo with the store's
`record_inserts`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from workbench.store.changes import record_inserts
from workbench.store.schema import Coding

_TABLE: Table = Coding.__table__
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
    record_inserts(session, _TABLE, [{**row, "id": coding_id} for coding_id, row in zip(ordered, rows)])
    return ordered
