"""The codebook operations that move codings: merge one code into another, split a code, delete a code."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.domain.codebook import CodeSpec
from workbench.domain.errors import Conflict, InvalidInput, NotFound
from workbench.domain.wording import counted
from workbench.services.codebook_ops import (
    create,
    ensure_free_name,
    is_within,
    label,
    place,
    renumber,
    siblings,
)
from workbench.services.codebook_rows import INHERITS_COLOUR, rules_json, rules_of
from workbench.services.codebook_sync import remove_code_rows
from workbench.store.monitoring_schema import LogEntryLink
from workbench.store.schema import Code, Coding, Memo


@dataclass(frozen=True)
class Merged:
    """Counts of what a merge did."""

    moved: int
    collapsed: int
    children: int


def applied_count(s: Session, row: Code) -> int:
    """How many applied codings use a code."""
    query = select(func.count()).select_from(Coding).where(Coding.code_id == row.id, Coding.status == "applied")
    return int(s.scalar(query) or 0)


def _union(first: tuple[str, ...], second: tuple[str, ...]) -> list[str]:
    return list(dict.fromkeys(first + second))


def _collapse(s: Session, duplicate: Coding, keeper: Coding) -> None:
    """Fold a coding into an identical one: its memos and log links follow; applied wins."""
    for memo in s.scalars(select(Memo).where(Memo.coding_id == duplicate.id)):
        memo.coding_id = keeper.id
    for link in s.scalars(select(LogEntryLink).where(LogEntryLink.coding_id == duplicate.id)):
        link.coding_id = keeper.id
    if duplicate.status == "applied" and keeper.status != "applied":
        keeper.status = "applied"
    s.flush()
    s.delete(duplicate)


def merge(s: Session, source: Code, target: Code) -> Merged:
    """Merge `source` into `target`: its codings, sub-codes, memos and rules go to `target`, then it goes."""
    if source.id == target.id:
        raise InvalidInput(f"Code {label(s, source)!r} cannot be merged into itself; choose another code.")
    if is_within(s, target, source):
        raise Conflict(f"Code {label(s, target)!r} lies inside {label(s, source)!r}; merge it the other way "
                       "round or move it out first.")
    if not target.codable and applied_count(s, source):
        raise Conflict(f"Code {label(s, target)!r} is category-only, so it cannot take the codings of "
                       f"{label(s, source)!r}; choose a codable code.")
    children = siblings(s, source.id)
    for child in children:
        ensure_free_name(s, target, child.name)
    for child in children:
        place(s, child, target, None)

    moved = collapsed = 0
    existing = {
        (c.document_id, c.coder_id, c.start, c.end): c
        for c in s.scalars(select(Coding).where(Coding.code_id == target.id))
    }
    for coding in list(s.scalars(select(Coding).where(Coding.code_id == source.id).order_by(Coding.id))):
        keeper = existing.get((coding.document_id, coding.coder_id, coding.start, coding.end))
        if keeper is not None:
            _collapse(s, coding, keeper)
            collapsed += 1
        else:
            coding.code_id = target.id
            moved += 1
    for memo in s.scalars(select(Memo).where(Memo.code_id == source.id)):
        memo.code_id = target.id
    for link in s.scalars(select(LogEntryLink).where(LogEntryLink.code_id == source.id)):
        link.code_id = target.id

    mine, theirs = rules_of(target), rules_of(source)
    if target.codable and not theirs.empty:
        merged_rules = type(mine)(
            keywords_nl=tuple(_union(mine.keywords_nl, theirs.keywords_nl)),
            keywords_en=tuple(_union(mine.keywords_en, theirs.keywords_en)),
            lemmas=tuple(_union(mine.lemmas, theirs.lemmas)),
            regexes=tuple(_union(mine.regexes, theirs.regexes)), unit=mine.unit,
        )
        value = rules_json(merged_rules, inherits_colour=bool((target.rules or {}).get(INHERITS_COLOUR)))
        if value != target.rules:
            target.rules = value
    s.flush()
    parent_id = source.parent_id
    s.delete(source)
    s.flush()
    renumber(siblings(s, parent_id))
    return Merged(moved, collapsed, len(children))


def split(s: Session, source: Code, spec: CodeSpec, coding_ids: list[int], parent: Code | None,
          beside: bool) -> tuple[Code, int]:
    """Move the chosen codings of `source` to a new code; returns the new code and how many moved."""
    if not coding_ids:
        raise InvalidInput(f"Choose at least one coding of {label(s, source)!r} to split off.")
    codings = {c.id: c for c in s.scalars(select(Coding).where(Coding.id.in_(set(coding_ids))))}
    absent = sorted(set(coding_ids) - set(codings))
    if absent:
        raise NotFound(f"There is no coding {absent[0]}; see `workbench codings --code {label(s, source)}`.")
    foreign = sorted(cid for cid, c in codings.items() if c.code_id != source.id)
    if foreign:
        raise InvalidInput(f"Coding {foreign[0]} is not coded with {label(s, source)!r}, so it cannot be "
                           "split off from it.")
    position = None
    if beside:
        parent = s.get(Code, source.parent_id) if source.parent_id else None
        position = [c.id for c in siblings(s, source.parent_id)].index(source.id) + 2
    if spec.colour is None:
        spec = replace(spec, colour=source.colour)
    new = create(s, spec, parent, position)
    for coding in codings.values():
        coding.code_id = new.id
    s.flush()
    return new, len(codings)


def delete(s: Session, row: Code) -> tuple[str, int, int]:
    """Delete a code that has no applied codings and no sub-codes; returns (path, suggestions, memos)."""
    path = label(s, row)
    count = applied_count(s, row)
    if count:
        raise Conflict(f"Code {path!r} still has {counted(count, 'coding')}; merge them into "
                       f"another code first (`workbench codebook merge \"{path}\" OTHER`) or retire it.")
    if siblings(s, row.id):
        raise Conflict(f"Code {path!r} has sub-codes; move, merge or delete them first.")
    parent_id = row.parent_id
    suggestions, memos = remove_code_rows(s, row)
    renumber(siblings(s, parent_id))
    return path, suggestions, memos
