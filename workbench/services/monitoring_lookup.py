"""Finding the records a monitoring command names: entries, actors, questions, actions, documents, codes."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.domain.errors import InvalidInput, NotFound
from workbench.store.schema import (
    Actor, Code, Coding, Document, FollowUpAction, LearningQuestion, LogEntry,
)


def _number(ref: object, prefix: str = "") -> int | None:
    """The number in '12', '#12' or (with a prefix letter) 'Q12'."""
    text = str(ref).strip().lstrip("#")
    if prefix and text[:1].casefold() == prefix.casefold():
        text = text[1:]
    return int(text) if text.isdigit() else None


def entry(s: Session, ref: object) -> LogEntry:
    """A log entry by id (or '#id')."""
    number = _number(ref)
    row = s.get(LogEntry, number) if number is not None else None
    if row is None:
        raise NotFound(f"There is no log entry {ref}; `workbench log list` shows the entries and their ids.")
    return row


def optional_entry(s: Session, ref: object) -> LogEntry | None:
    return None if ref is None or str(ref).strip() == "" else entry(s, ref)


def actor(s: Session, ref: object) -> Actor:
    """An actor by id, name or pseudonym (ignoring case)."""
    text = str(ref).strip()
    number = _number(text)
    if number is not None and (row := s.get(Actor, number)) is not None:
        return row
    folded = text.casefold()
    row = s.scalar(select(Actor).where(func.lower(Actor.name) == folded))
    if row is None:
        rows = s.scalars(select(Actor).where(func.lower(Actor.pseudonym) == folded)).all()
        row = rows[0] if len(rows) == 1 else None
    if row is None:
        # Python's casefold differs from SQL lower() for letters such as 'ß'; compare in Python as a last resort.
        row = next((a for a in s.scalars(select(Actor)) if a.name.casefold() == folded), None)
    if row is None:
        raise NotFound(f"The actor '{text}' is not in the actor register; add it with "
                       f"`workbench log actor add \"{text}\"` or check the spelling with `workbench log actor list`.")
    return row


def question(s: Session, ref: object) -> LearningQuestion:
    number = _number(ref, "Q")
    row = s.get(LearningQuestion, number) if number is not None else None
    if row is None:
        raise NotFound(f"There is no learning question {ref}; `workbench questions list` shows them.")
    return row


def action(s: Session, ref: object) -> FollowUpAction:
    number = _number(ref, "A")
    row = s.get(FollowUpAction, number) if number is not None else None
    if row is None:
        raise NotFound(f"There is no follow-up action {ref}; `workbench actions list` shows them.")
    return row


def document(s: Session, ref: object) -> Document:
    """A document by id or exact title."""
    text = str(ref).strip()
    number = _number(text)
    if number is not None and (row := s.get(Document, number)) is not None:
        return row
    rows = s.scalars(select(Document).where(Document.title == text)).all()
    if len(rows) == 1:
        return rows[0]
    if len(rows) > 1:
        raise InvalidInput(f"Several documents are titled '{text}'; name the document by its id.")
    raise NotFound(f"There is no document '{text}'; `workbench documents` lists the documents and their ids.")


def code_paths(s: Session) -> dict[int, str]:
    """Every code's path from the root ('Financiering/Subsidie'), by id."""
    rows = {cid: (parent, name) for cid, parent, name in s.execute(select(Code.id, Code.parent_id, Code.name))}
    paths: dict[int, str] = {}

    def path(cid: int, depth: int = 0) -> str:
        if cid in paths:
            return paths[cid]
        parent, name = rows[cid]
        text = name if parent is None or depth > 64 else f"{path(parent, depth + 1)}/{name}"
        paths[cid] = text
        return text

    for cid in rows:
        path(cid)
    return paths


def code(s: Session, ref: object) -> Code:
    """A code by id, path ('Financiering/Subsidie'), unique name or GUID."""
    text = str(ref).strip()
    number = _number(text)
    if number is not None and (row := s.get(Code, number)) is not None:
        return row
    row = s.scalar(select(Code).where(func.lower(Code.guid) == text.strip("{}").casefold()))
    if row is not None:
        return row
    paths = code_paths(s)
    by_path = [cid for cid, p in paths.items() if p.casefold() == text.casefold()]
    by_name = [cid for cid, p in paths.items() if p.rsplit("/", 1)[-1].casefold() == text.casefold()]
    found = by_path or by_name
    if len(found) == 1:
        return s.get_one(Code, found[0])
    if len(found) > 1:
        raise InvalidInput(f"Several codes are named '{text}' ({', '.join(paths[c] for c in found[:3])}); give the full path.")
    raise NotFound(f"There is no code '{text}'; `workbench codebook list` shows the codes.")


def coding(s: Session, ref: object) -> Coding:
    number = _number(ref)
    row = s.get(Coding, number) if number is not None else None
    if row is None:
        raise NotFound(f"There is no coding {ref}; `workbench codings` lists codings and their ids.")
    return row
