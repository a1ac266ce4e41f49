"""Capture every row a unit of work inserts, updates or deletes, so its event can be undone and audited.

The capture hooks into the ORM flush, so services write ordinary ORM code and get their history for free.
Rows changed by Core statements or by the database's own ON DELETE CASCADE are not seen: services delete
dependent rows that matter (memos, links) through the ORM before deleting their owner.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, and_, event, inspect, select
from sqlalchemy.orm import Session

from workbench.store.schema import Base, Event

CHANGES_KEY = "workbench.changes"


def _plain(value: Any) -> Any:
    """A JSON-safe form of a column value."""
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    return value


def _row_image(obj: Any) -> dict[str, Any]:
    """Every column of a mapped object by column name."""
    mapper = inspect(obj).mapper
    return {prop.columns[0].name: _plain(getattr(obj, prop.key)) for prop in mapper.column_attrs}


def _primary_key(obj: Any) -> dict[str, Any]:
    mapper = inspect(obj).mapper
    return {col.name: getattr(obj, mapper.get_property_by_column(col).key) for col in mapper.primary_key}


def _tracked(obj: Any) -> bool:
    return isinstance(obj, Base) and not isinstance(obj, Event)


def _table_rank() -> dict[str, int]:
    return {table.name: rank for rank, table in enumerate(Base.metadata.sorted_tables)}


def _pk_order(change: dict[str, Any]) -> tuple:
    return tuple(v if isinstance(v, (int, float)) else 0 for v in change["pk"].values())


@event.listens_for(Session, "after_flush")
def _collect(session: Session, _context) -> None:
    changes = session.info.get(CHANGES_KEY)
    if changes is None:
        return
    rank = _table_rank()
    inserts, updates, deletes = [], [], []
    for obj in session.new:
        if _tracked(obj):
            inserts.append({"table": obj.__tablename__, "op": "insert", "pk": _primary_key(obj), "row": _row_image(obj)})
    for obj in session.dirty:
        if not _tracked(obj) or not session.is_modified(obj, include_collections=False):
            continue
        state = inspect(obj)
        before, after = {}, {}
        for prop in state.mapper.column_attrs:
            history = state.attrs[prop.key].history
            if history.has_changes():
                name = prop.columns[0].name
                before[name] = _plain(history.deleted[0]) if history.deleted else None
                after[name] = _plain(history.added[0]) if history.added else None
        if after:
            updates.append({"table": obj.__tablename__, "op": "update", "pk": _primary_key(obj), "before": before, "after": after})
    for obj in session.deleted:
        if _tracked(obj):
            deletes.append({"table": obj.__tablename__, "op": "delete", "pk": _primary_key(obj), "row": _row_image(obj)})
    # Parents before children on insert, children before parents on delete, so replaying never breaks a key.
    inserts.sort(key=lambda c: (rank[c["table"]], _pk_order(c)))
    deletes.sort(key=lambda c: (rank[c["table"]], _pk_order(c)), reverse=True)
    changes.extend(inserts + updates + deletes)


def start_capture(session: Session) -> list[dict[str, Any]]:
    """Begin recording the session's row changes; returns the list that fills up as it flushes."""
    changes: list[dict[str, Any]] = []
    session.info[CHANGES_KEY] = changes
    return changes


def record_inserts(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Record rows that a Core INSERT added, each with every column (its primary key included).

    The capture sees only what the ORM flushes; a bulk writer that inserts many rows with one statement records
    them here so that the unit of work's event can undo them like any other insert. Outside a unit of work
    nothing is recorded.
    """
    changes = session.info.get(CHANGES_KEY)
    if changes is None:
        return
    keys = [column.name for column in table.primary_key.columns]
    recorded = [{"table": table.name, "op": "insert", "pk": {key: row[key] for key in keys},
                 "row": {name: _plain(value) for name, value in row.items()}} for row in rows]
    changes.extend(sorted(recorded, key=_pk_order))


def stop_capture(session: Session) -> None:
    session.info.pop(CHANGES_KEY, None)


def _table(name: str) -> Table:
    return Base.metadata.tables[name]


def _typed(table: Table, values: dict[str, Any]) -> dict[str, Any]:
    """Turn the JSON-safe values of a row image back into the column types."""
    typed = {}
    for name, value in values.items():
        if isinstance(value, str):
            try:
                python_type = table.c[name].type.python_type
            except NotImplementedError:
                python_type = str
            if python_type in (dt.datetime, dt.date, dt.time):
                value = python_type.fromisoformat(value)
        typed[name] = value
    return typed


def _where(table: Table, pk: dict[str, Any]):
    return and_(*(table.c[name] == value for name, value in pk.items()))


def _current(session: Session, table: Table, pk: dict[str, Any]) -> dict[str, Any] | None:
    row = session.execute(table.select().where(_where(table, pk))).mappings().first()
    return None if row is None else {k: _plain(v) for k, v in row.items()}


def _matches(current: dict[str, Any] | None, expected: dict[str, Any]) -> bool:
    """Whether the row still holds the values the change left, ignoring timestamps' formatting."""
    if current is None:
        return False
    return all(_same(current.get(k), v) for k, v in expected.items())


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, str) and isinstance(b, str) and a[:4].isdigit() and b[:4].isdigit():
        try:
            left, right = dt.datetime.fromisoformat(a), dt.datetime.fromisoformat(b)
        except ValueError:
            return a == b
        # SQLite hands back naive UTC times for values written timezone-aware.
        if (left.tzinfo is None) != (right.tzinfo is None):
            left, right = left.replace(tzinfo=None), right.replace(tzinfo=None)
        return left == right
    return a == b


def invert(changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The changes that undo `changes`, in the order they must be applied."""
    inverse = []
    for change in reversed(changes):
        op = change["op"]
        if op == "insert":
            inverse.append({**change, "op": "delete"})
        elif op == "delete":
            inverse.append({**change, "op": "insert"})
        else:
            inverse.append({**change, "before": change["after"], "after": change["before"]})
    return inverse


@dataclass(frozen=True)
class Refusal:
    """Why a row change cannot apply: the row in the way (`table`, `pk`) and what is wrong with it.

    `kind` is "exists" (an insert finds the row there again), "changed" (an update or delete finds other
    values) or "depends" (a delete finds a row of another table still pointing at it, `on` naming the row
    it points at); `row` is the image of the row in the way, when there is one.
    """

    table: str
    pk: dict[str, Any]
    kind: str
    row: dict[str, Any] | None = None
    on: dict[str, Any] = field(default_factory=dict)

    def __str__(self) -> str:
        if self.kind == "exists":
            return f"a {self.table} row with id {self.pk} exists again"
        if self.kind == "depends":
            return f"the {self.table} row {self.pk} still points at the {self.on.get('table')} row {self.on.get('pk')}"
        return f"the {self.table} row {self.pk} was changed or removed since"


def apply(session: Session, changes: list[dict[str, Any]]) -> Refusal | None:
    """Apply row changes with Core statements; returns why they cannot apply, or None when they did.

    Each change is checked against the row as it is now, so a colleague's later edit is never overwritten, and
    no row is deleted while a row it does not list still points at it (a colleague's memo on a coding, say),
    so the database's ON DELETE CASCADE or SET NULL never takes work the changes did not make.
    Runs of the same operation on one table go as one batch (a large auto-coding run is tens of thousands of
    inserts); the rest go one by one.
    """
    for run in _runs(changes):
        table = _table(run[0]["table"])
        if (len(run) > 1 and list(run[0]["pk"]) == ["id"] and run[0]["op"] in ("insert", "delete")
                and not _refers_to_itself(table)):
            reason = _apply_batch(session, table, run)
        else:
            reason = next(filter(None, (_apply_one(session, table, change) for change in run)), None)
        if reason:
            return reason
    return None


def _referrers(name: str) -> list[tuple[Table, Any, Any]]:
    """Every (table, referring column, referred column) of a tracked table whose foreign key points at `name`."""
    found = []
    for table in Base.metadata.sorted_tables:
        if table.name == Event.__tablename__:
            continue
        for key in table.foreign_keys:
            if key.column.table.name == name:
                found.append((table, key.parent, key.column))
    return found


def _in_the_way(session: Session, table: Table, rows: list[dict[str, Any]]) -> Refusal | None:
    """The first row of another table that still points at one of `rows` (which are about to be deleted)."""
    for child, column, referred in _referrers(table.name):
        values = [row[referred.name] for row in rows if row.get(referred.name) is not None]
        for start in range(0, len(values), BATCH):
            chunk = values[start:start + BATCH]
            query = select(child).where(column.in_(chunk)).limit(1)
            if child is table:  # a row of the same table (a code's child code) that is itself going is no obstacle
                query = query.where(child.c[referred.name].not_in(chunk)) if referred.name in child.c else query
            found = session.execute(query).mappings().first()
            if found is not None:
                image = {k: _plain(v) for k, v in found.items()}
                parent = next(row for row in rows if row.get(referred.name) == found[column.name])
                pk = {col.name: image[col.name] for col in child.primary_key.columns}
                return Refusal(child.name, pk, "depends", image,
                               {"table": table.name, "pk": {c.name: parent.get(c.name) for c in table.primary_key.columns}})
    return None


def _refers_to_itself(table: Table) -> bool:
    """Whether rows of the table point at other rows of it (a code's parent): those go one by one, in order,
    since a restricting key is checked row by row within one statement."""
    return any(fk.column.table is table for fk in table.foreign_keys)


def _runs(changes: list[dict[str, Any]]):
    """The changes cut into runs of the same operation on the same table, in order."""
    run: list[dict[str, Any]] = []
    for change in changes:
        if run and (change["table"], change["op"]) != (run[0]["table"], run[0]["op"]):
            yield run
            run = []
        run.append(change)
    if run:
        yield run


def _refusal(change: dict[str, Any], current: dict[str, Any] | None) -> Refusal | None:
    """Why a change cannot apply to the row as it is now (`current`, None when it is gone), or None."""
    name, pk, op = change["table"], change["pk"], change["op"]
    if op == "insert":
        return None if current is None else Refusal(name, pk, "exists", current)
    expected = change["row"] if op == "delete" else change["before"]
    return None if _matches(current, expected) else Refusal(name, pk, "changed", current)


def _apply_one(session: Session, table: Table, change: dict[str, Any]) -> Refusal | None:
    pk = change["pk"]
    current = _current(session, table, pk)
    reason = _refusal(change, current)
    if reason:
        return reason
    op = change["op"]
    if op == "delete" and current is not None and (reason := _in_the_way(session, table, [current])):
        return reason
    if op == "insert":
        session.execute(table.insert().values(**_typed(table, change["row"])))
    elif op == "delete":
        session.execute(table.delete().where(_where(table, pk)))
    else:
        session.execute(table.update().where(_where(table, pk)).values(**_typed(table, change["after"])))
    return None


BATCH = 500  # ids per IN (...) list, well under every database's limit on parameters


def _apply_batch(session: Session, table: Table, run: list[dict[str, Any]]) -> Refusal | None:
    """Inserts or deletes of many rows of one table by id: checked in chunks, then written in one statement
    per chunk."""
    op = run[0]["op"]
    for start in range(0, len(run), BATCH):
        chunk = run[start:start + BATCH]
        ids = [change["pk"]["id"] for change in chunk]
        current = {row["id"]: {k: _plain(v) for k, v in row.items()}
                   for row in session.execute(table.select().where(table.c.id.in_(ids))).mappings()}
        reason = next(filter(None, (_refusal(change, current.get(change["pk"]["id"])) for change in chunk)), None)
        if reason:
            return reason
        if op == "delete" and (reason := _in_the_way(session, table, list(current.values()))):
            return reason
        if op == "insert":
            session.execute(table.insert(), [_typed(table, change["row"]) for change in chunk])
        else:
            session.execute(table.delete().where(table.c.id.in_(ids)))
    return None
