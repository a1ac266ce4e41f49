"""A code's history, read from the events the codebook operations recorded."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.code_entries import CodeHistoryEntry
from workbench.domain.codebook import normalise_guid
from workbench.domain.errors import NotFound
from workbench.services import codebook_rows as rows
from workbench.store.schema import Code, Coder, Event

# Column names as the history shows them.
_FIELD = {"description": "definition", "parent_id": "parent", "sort_order": "position"}
_HIDDEN = {"id", "guid", "created_at"}
_SCAN_LIMIT = 5000


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "...'"


def _rules_only(value: Any) -> Any:
    """Rules without the colour flag kept beside them."""
    return {k: v for k, v in value.items() if k != rows.INHERITS_COLOUR} if isinstance(value, dict) else value


def _details(changes: list[dict[str, Any]], code_id: int | None, guid: str | None, names: dict[int, str]) -> list[str]:
    """Readable lines for the row changes of one code in one event."""
    lines = []
    for change in changes:
        if change.get("table") != "codes":
            continue
        row = change.get("row") or {}
        same = (code_id is not None and change.get("pk", {}).get("id") == code_id) or \
            normalise_guid(str(row.get("guid", ""))) == guid
        if not same:
            continue
        if change["op"] == "insert":
            lines.append(f"created as {row.get('name')!r}")
        elif change["op"] == "delete":
            lines.append(f"deleted ({row.get('name')!r})")
        else:
            for field, after in change.get("after", {}).items():
                if field in _HIDDEN or (field == "name" and str(after).startswith("\u2063")):
                    continue
                before = change.get("before", {}).get(field)
                if field == "name" and str(before).startswith("\u2063"):
                    continue
                if field == "rules":
                    before, after = _rules_only(before), _rules_only(after)
                    if before == after:
                        continue
                if field == "parent_id":
                    before, after = names.get(before, "(top)"), names.get(after, "(top)")
                lines.append(f"{_FIELD.get(field, field)}: {_short(before)} -> {_short(after)}")
    return lines


def code_history(s: Session, ref: str) -> list[CodeHistoryEntry]:
    """Every recorded change to the code named by `ref` (a deleted code by its GUID), newest first."""
    guid = normalise_guid(ref)
    code_id: int | None = None
    try:
        row = rows.resolve(s, ref)
        guid, code_id = normalise_guid(row.guid), row.id
    except NotFound:
        if guid is None:
            raise
    names = {code.id: code.name for code in s.scalars(select(Code))}
    query = (select(Event, Coder.name).join(Coder, Coder.id == Event.coder_id, isouter=True)
             .where(Event.kind.like("codebook.%")).order_by(Event.id.desc()).limit(_SCAN_LIMIT))
    found = [
        (event, coder) for event, coder in s.execute(query)
        if guid in [normalise_guid(str(g)) for g in (event.payload or {}).get("codes", [])]
    ]
    if not found and code_id is None:
        raise NotFound(f"There is no code {ref!r} and no recorded change to one; see `workbench codebook list`.")
    undone = _undone(s, [event.id for event, _ in found])
    return [
        CodeHistoryEntry(
            event_id=event.id, at=event.at, coder=coder, kind=event.kind,
            summary=(event.payload or {}).get("summary", ""),
            details=tuple(_details((event.payload or {}).get("changes", []), code_id, guid, names)),
            undone=event.id in undone,
        )
        for event, coder in found
    ]


def _undone(s: Session, ids: list[int]) -> set[int | None]:
    """Which of these events are undone now (undone and not redone since)."""
    if not ids:
        return set()
    undos = list(s.scalars(select(Event).where(Event.kind == "undo", Event.reverts_id.in_(ids))))
    redone = set(s.scalars(select(Event.reverts_id).where(Event.kind == "redo",
                                                          Event.reverts_id.in_([u.id for u in undos] or [0]))))
    latest: dict[int | None, Event] = {}
    for undo in undos:
        if undo.reverts_id not in latest or undo.id > latest[undo.reverts_id].id:
            latest[undo.reverts_id] = undo
    return {event_id for event_id, undo in latest.items() if undo.id not in redone}
