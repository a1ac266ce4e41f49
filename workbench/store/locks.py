"""Locks that serialise one coder's undo and redo across processes and machines.

On PostgreSQL a transaction-scoped advisory lock keyed by the coder; on SQLite a writing transaction already
holds the database's write lock from its BEGIN IMMEDIATE, which serialises every writer, so nothing more is
needed there.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

# The first key of every advisory lock the workbench takes, so its locks never meet another program's.
LOCK_SPACE = 0x57424E43  # "WBNC"
HISTORY = 1  # the history (undo/redo) lock of a coder: (LOCK_SPACE + HISTORY, coder id)
UPGRADE = 2  # the schema upgrade of a shared database: (LOCK_SPACE + UPGRADE, 0)


def hold_history_lock(session: Session, coder_id: int) -> None:
    """Wait for (and hold until the transaction ends) the right to undo or redo as this coder."""
    if session.get_bind().dialect.name != "postgresql":
        return
    session.execute(text("SELECT pg_advisory_xact_lock(:space, :coder)"),
                    {"space": LOCK_SPACE + HISTORY, "coder": coder_id})


def hold_upgrade_lock(connection) -> None:
    """On PostgreSQL, wait for (and hold until the transaction ends) the right to upgrade the schema, so two
    colleagues running `workbench upgrade` at once upgrade it once."""
    if connection.dialect.name != "postgresql":
        return
    connection.execute(text("SELECT pg_advisory_xact_lock(:space, 0)"), {"space": LOCK_SPACE + UPGRADE})
