"""Run a Core SELECT through the database driver's cursor and get plain tuples, for result sets of many rows.

SQLAlchemy's Row objects cost about a microsecond each; for the quarter of a million codings a matrix reads,
building them takes longer than the query itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session


def plain_rows(session: Session, statement: Select) -> Sequence[tuple[Any, ...]]:
    """All rows of `statement` as tuples, read with the session's connection (and its transaction)."""
    connection = session.connection()
    compiled = statement.compile(dialect=connection.dialect, compile_kwargs={"render_postcompile": True})
    if compiled.positional and compiled.positiontup is not None:
        parameters: Any = tuple(compiled.params[name] for name in compiled.positiontup)
    else:
        parameters = compiled.params
    cursor = connection.connection.cursor()
    try:
        cursor.execute(str(compiled), parameters)
        return cursor.fetchall()
    finally:
        cursor.close()
