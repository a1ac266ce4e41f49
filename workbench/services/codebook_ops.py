"""The codebook operations on code rows inside one unit of work: create, edit, move, reorder, retire.

Each function checks the codebook's rules first and raises a WorkbenchError that names the code
and says what to do, so the unit rolls back and nothing changes.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.codebook import MAX_DEPTH, AutocodeRules, CodeSpec, name_key, normalise_colour
from workbench.domain.codebook_checks import check_code, check_name
from workbench.domain.errors import Conflict, InvalidInput
from workbench.services.codebook_rows import DEFAULT_COLOUR, INHERITS_COLOUR, rules_json, spec_of
from workbench.store.schema import Code

EDITABLE = ("name_en", "definition", "when_to_use", "when_not_to_use", "example", "shortcut",
            "codable", "rules")
_COLUMN = {"definition": "description"}


def siblings(s: Session, parent_id: int | None) -> list[Code]:
    """The codes under one parent (or at the top), in their order."""
    query = select(Code).where(Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id)
    return list(s.scalars(query.order_by(Code.sort_order, Code.id)))


def renumber(codes: list[Code]) -> None:
    """Give siblings the sort orders 0, 1, 2, ... in list order (touching only those that change)."""
    for index, code in enumerate(codes):
        if code.sort_order != index:
            code.sort_order = index


def depth_of(s: Session, row: Code | None) -> int:
    """How many levels a code sits below the top (a top-level code is 1; None is 0)."""
    depth = 0
    while row is not None and depth <= MAX_DEPTH + 1:
        depth += 1
        row = s.get(Code, row.parent_id) if row.parent_id else None
    return depth


def subtree_height(s: Session, row: Code) -> int:
    """Levels in a code's subtree, the code itself included."""
    children = siblings(s, row.id)
    return 1 + max((subtree_height(s, child) for child in children), default=0)


def is_within(s: Session, row: Code, ancestor: Code) -> bool:
    """True when `row` is `ancestor` or lies somewhere below it."""
    current: Code | None = row
    for _ in range(MAX_DEPTH + 2):
        if current is None:
            return False
        if current.id == ancestor.id:
            return True
        current = s.get(Code, current.parent_id) if current.parent_id else None
    return False


def label(s: Session, row: Code) -> str:
    """A code's path, for messages."""
    names: list[str] = []
    current: Code | None = row
    while current is not None and len(names) <= MAX_DEPTH + 1:
        names.append(current.name)
        current = s.get(Code, current.parent_id) if current.parent_id else None
    return "/".join(reversed(names))


def ensure_free_name(s: Session, parent: Code | None, name: str, moving: Code | None = None) -> None:
    """Refuse a name that a sibling already has (ignoring case)."""
    for other in siblings(s, parent.id if parent else None):
        if (moving is None or other.id != moving.id) and name_key(other.name) == name_key(name):
            where = f"under {label(s, parent)!r}" if parent else "at the top of the codebook"
            raise Conflict(f"There is already a code {other.name!r} {where}; choose another name.")


def ensure_free_shortcut(s: Session, shortcut: int | None, row: Code | None = None) -> None:
    """Refuse a shortcut key another active code already has."""
    if shortcut is None:
        return
    other = s.scalar(select(Code).where(Code.shortcut == shortcut, Code.retired.is_(False)))
    if other is not None and (row is None or other.id != row.id):
        raise Conflict(f"Shortcut {shortcut} already belongs to code {label(s, other)!r}; choose another "
                       "key or take it off that code first.")


def colour_value(colour: str) -> str:
    """A colour as `#RRGGBB` (also accepting `#RGB`), or InvalidInput."""
    value = normalise_colour(colour) if isinstance(colour, str) and len(colour.strip()) in (4, 7) else None
    if value is None:
        raise InvalidInput(f"{colour!r} is not a colour; write it as #RRGGBB, for example #1F77B4.")
    return value


def place(s: Session, row: Code, parent: Code | None, position: int | None) -> None:
    """Put `row` under `parent` at a 1-based position (None: at the end) and renumber siblings."""
    others = [c for c in siblings(s, parent.id if parent else None) if c.id != row.id]
    index = len(others) if position is None else max(0, min(position - 1, len(others)))
    row.parent_id = parent.id if parent else None
    others.insert(index, row)
    renumber(others)


def create(s: Session, spec: CodeSpec, parent: Code | None, position: int | None) -> Code:
    """Add a new code under `parent` (or at the top)."""
    check_code(spec)
    if parent is not None and depth_of(s, parent) >= MAX_DEPTH:
        raise InvalidInput(f"Code {label(s, parent)!r} is already {MAX_DEPTH} levels deep; a sub-code "
                           "cannot go below it.")
    ensure_free_name(s, parent, spec.name)
    ensure_free_shortcut(s, spec.shortcut)
    if spec.shortcut is not None and not spec.codable:
        raise InvalidInput("A category-only code cannot have a shortcut key.")
    row = Code(guid=spec.guid, name=spec.name, name_en=spec.name_en,
               description=spec.definition, when_to_use=spec.when_to_use,
               when_not_to_use=spec.when_not_to_use, example=spec.example,
               colour=(spec.colour or (parent.colour if parent else DEFAULT_COLOUR)).upper(),
               shortcut=spec.shortcut, codable=spec.codable, retired=False,
               rules=rules_json(spec.rules, inherits_colour=spec.colour is None))
    with s.no_autoflush:
        s.add(row)
        place(s, row, parent, position)
    s.flush()
    return row


def rename(s: Session, row: Code, name: str, name_en: str | None) -> None:
    """Give a code a new name (and English name)."""
    reason = check_name(name)
    if reason:
        raise InvalidInput(f"Code {row.name!r} cannot be renamed: {reason}.")
    ensure_free_name(s, s.get(Code, row.parent_id) if row.parent_id else None, name, moving=row)
    if row.name != name:
        row.name = name
    if name_en is not None:
        reason = check_name(name_en, "English name") if name_en else None
        if reason:
            raise InvalidInput(f"Code {row.name!r} cannot be renamed: {reason}.")
        if row.name_en != name_en:
            row.name_en = name_en


def recolour(s: Session, row: Code, colour: str) -> None:
    """Give a code its own colour; sub-codes that show their parent's colour follow it."""
    value = colour_value(colour)
    old = row.colour
    row.colour = value
    if (row.rules or {}).get(INHERITS_COLOUR):
        row.rules = {k: v for k, v in row.rules.items() if k != INHERITS_COLOUR}
    pending = siblings(s, row.id)
    while pending:
        child = pending.pop()
        if (child.rules or {}).get(INHERITS_COLOUR) and child.colour == old:
            child.colour = value
            pending.extend(siblings(s, child.id))


def edit(s: Session, row: Code, changes: dict[str, Any]) -> None:
    """Change a code's English name, definition fields, shortcut, codability or rules."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise InvalidInput(f"{', '.join(sorted(unknown))} cannot be edited this way; use rename, recolour "
                           "or move.")
    spec = spec_of(row)
    values = {field: changes.get(field, getattr(spec, field)) for field in EDITABLE}
    if isinstance(values["rules"], dict):
        values["rules"] = AutocodeRules(**values["rules"])
    new = CodeSpec(guid=spec.guid, name=spec.name, colour=spec.colour, retired=spec.retired, **values)
    check_code(new)
    if new.shortcut is not None and not new.codable:
        raise InvalidInput(f"Code {row.name!r} is category-only, so it cannot have a shortcut key.")
    if not new.codable and not new.rules.empty:
        raise InvalidInput(f"Code {row.name!r} is category-only, so it cannot have auto-coding rules.")
    ensure_free_shortcut(s, new.shortcut, row)
    for field in EDITABLE:
        value = getattr(new, field)
        if field == "rules":
            value = rules_json(value, inherits_colour=bool((row.rules or {}).get(INHERITS_COLOUR)))
        column = _COLUMN.get(field, field)
        if getattr(row, column) != value:
            setattr(row, column, value)


def move(s: Session, row: Code, parent: Code | None, position: int | None) -> None:
    """Put a code (with its sub-codes) under another parent."""
    if parent is not None and is_within(s, parent, row):
        raise Conflict(f"Code {label(s, row)!r} cannot move under {label(s, parent)!r}, which is itself "
                       "or one of its own sub-codes.")
    if depth_of(s, parent) + subtree_height(s, row) > MAX_DEPTH:
        raise InvalidInput(f"Moving {label(s, row)!r} there would nest codes more than {MAX_DEPTH} "
                           "levels deep.")
    ensure_free_name(s, parent, row.name, moving=row)
    old_parent = row.parent_id
    place(s, row, parent, position)
    if old_parent != row.parent_id:
        renumber(siblings(s, old_parent))


def reorder(s: Session, row: Code, position: int) -> None:
    """Move a code to a 1-based position among its siblings."""
    if position < 1:
        raise InvalidInput(f"Position {position} is not valid; positions start at 1.")
    place(s, row, s.get(Code, row.parent_id) if row.parent_id else None, position)


def retire(s: Session, row: Code, retired: bool) -> None:
    """Retire a code (it keeps its codings but is no longer offered), or bring it back."""
    if row.retired == retired:
        state = "already retired" if retired else "not retired"
        raise Conflict(f"Code {label(s, row)!r} is {state}.")
    row.retired = retired
    if retired and row.shortcut is not None:
        row.shortcut = None
