"""Load many codings as plain tuples in one query, for queries and matrices.

A coding is the tuple `(document_id, code_id, coder_id, start, end)`; DOC, CODE, CODER, START and END name
the positions (plain tuples, because a matrix reads a quarter of a million of them).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from typing import Any
from sqlalchemy import Column, select
from sqlalchemy.orm import Session

from workbench.services.layouts import turn_speakers
from workbench.services.plain_rows import plain_rows
from workbench.services.selection import Scope, chunks
from workbench.store.schema import Coding


DOC, CODE, CODER, START, END = range(5)
Span = tuple[int, ...]  # (document, code, coder, start, end), or the same without the coder


def load_spans(
    session: Session, scope: Scope, code_ids: Iterable[int] | None = None, *, coders: bool = True
) -> list[Span]:
    """The codings in scope (of the given codes, or of all), in no particular order.

    Without `coders` the tuples leave the coder out, `(document_id, code_id, start, end)`: a quarter less to
    read when a count does not need it.
    """
    table = Coding.__table__
    columns: tuple[Column[Any], ...] = (table.c.document_id, table.c.code_id, table.c.coder_id, table.c.start, table.c.end)
    if not coders:
        columns = (table.c.document_id, table.c.code_id, table.c.start, table.c.end)
    if scope.document_ids is not None and not scope.document_ids:
        return []
    rows: list[Span] = []
    parts = [None] if code_ids is None else list(chunks(sorted(set(code_ids))))
    for part in parts:
        query = select(*columns).where(*scope.coding_conditions())
        if part is not None:
            query = query.where(table.c.code_id.in_(part))
        rows.extend(plain_rows(session, query))
    if scope.speakers is not None:
        rows = only_speakers(session, rows, scope.speakers, start_at=START if coders else 2)
    return rows


def speaker_lookup(session: Session, document_ids: Iterable[int]):
    """A function giving the speaker of the turn at an offset of a document (None outside turns)."""
    turns = turn_speakers(session, document_ids)
    starts = {doc: [t[0] for t in spans] for doc, spans in turns.items()}

    def speaker(document_id: int, offset: int) -> str | None:
        spans = turns.get(document_id)
        if not spans:
            return None
        i = bisect_right(starts[document_id], offset) - 1
        return spans[i][2] if i >= 0 else None

    return speaker


def only_speakers(session: Session, rows: list, speakers: frozenset[str], start_at: int = START) -> list:
    """The codings that start in a turn of one of the speakers (`start_at`: where a tuple holds the start)."""
    speaker = speaker_lookup(session, {r[DOC] for r in rows})
    return [r for r in rows if speaker(r[DOC], r[start_at]) in speakers]
