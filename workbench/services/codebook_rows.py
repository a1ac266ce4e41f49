"""Code rows and the domain's code records, both ways; finding a code by GUID, path or name."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.domain.code_entries import CodeEntry
from workbench.domain.codebook import (
    AutocodeRules,
    Codebook,
    CodeSpec,
    FlatCode,
    build_tree,
    join_path,
    name_key,
    normalise_guid,
)
from workbench.domain.errors import Conflict, NotFound
from workbench.store.schema import Code, Coding, ProjectSettings

DEFAULT_COLOUR = "#808080"
# Set in a code's rules JSON when it has no colour of its own and shows its parent's.
INHERITS_COLOUR = "inherits_colour"
SETTINGS_KEY = "codebook"


def rules_json(rules: AutocodeRules, *, inherits_colour: bool = False) -> dict[str, Any]:
    """The JSON kept in `codes.rules`: the auto-coding rules (and the colour flag)."""
    data: dict[str, Any] = {
        "keywords_nl": list(rules.keywords_nl), "keywords_en": list(rules.keywords_en),
        "lemmas": list(rules.lemmas), "regexes": list(rules.regexes), "unit": rules.unit,
    }
    if inherits_colour:
        data[INHERITS_COLOUR] = True
    return data


def rules_of(row: Code) -> AutocodeRules:
    """The auto-coding rules stored on a code row."""
    data = row.rules or {}
    return AutocodeRules(
        keywords_nl=tuple(data.get("keywords_nl") or ()), keywords_en=tuple(data.get("keywords_en") or ()),
        lemmas=tuple(data.get("lemmas") or ()), regexes=tuple(data.get("regexes") or ()),
        unit=data.get("unit") or "sentence",
    )


def spec_of(row: Code) -> CodeSpec:
    """One code row as a CodeSpec without children (an inherited colour counts as none)."""
    inherits = bool((row.rules or {}).get(INHERITS_COLOUR))
    return CodeSpec(
        guid=row.guid, name=row.name, name_en=row.name_en or "", definition=row.description or "",
        when_to_use=row.when_to_use or "", when_not_to_use=row.when_not_to_use or "",
        example=row.example or "", colour=None if inherits else row.colour, shortcut=row.shortcut,
        codable=row.codable, retired=row.retired, rules=rules_of(row),
    )


def fill_row(row: Code, spec: CodeSpec, parent_colour: str | None) -> None:
    """Copy a spec's own fields onto a row, changing only what differs (so events stay small)."""
    colour = (spec.colour or parent_colour or DEFAULT_COLOUR).upper()
    values = {
        "name": spec.name, "name_en": spec.name_en, "description": spec.definition,
        "when_to_use": spec.when_to_use, "when_not_to_use": spec.when_not_to_use,
        "example": spec.example, "colour": colour, "shortcut": spec.shortcut,
        "codable": spec.codable, "retired": spec.retired,
        "rules": rules_json(spec.rules, inherits_colour=spec.colour is None),
    }
    for key, value in values.items():
        if getattr(row, key) != value:
            setattr(row, key, value)


def all_rows(s: Session) -> list[Code]:
    """Every code, parents' order irrelevant, in sibling order."""
    return list(s.scalars(select(Code).order_by(Code.sort_order, Code.id)))


def tree_of(rows: list[Code]) -> tuple[CodeSpec, ...]:
    """The nested tree of the given rows."""
    by_id = {row.id: row for row in rows}
    nodes = [
        FlatCode(spec_of(row), by_id[row.parent_id].guid if row.parent_id in by_id else None, row.sort_order)
        for row in rows
    ]
    return build_tree(nodes)


def meta(s: Session) -> dict[str, Any]:
    """The codebook's title, version label, authors, description and file, from the settings."""
    row = s.scalar(select(ProjectSettings).limit(1))
    return dict((row.settings or {}).get(SETTINGS_KEY) or {}) if row else {}


def set_meta(s: Session, **values: Any) -> None:
    """Change the codebook's stored title, version label, authors, description or file."""
    row = s.scalar(select(ProjectSettings).limit(1))
    if row is None:
        return
    current = dict((row.settings or {}).get(SETTINGS_KEY) or {})
    updated = {**current, **values}
    if updated != current:
        row.settings = {**(row.settings or {}), SETTINGS_KEY: updated}


def project_codebook(s: Session) -> Codebook:
    """The project's codebook as a domain record."""
    info = meta(s)
    return Codebook(
        title=info.get("title") or "Codebook", version=info.get("version") or "",
        authors=tuple(info.get("authors") or ()), description=info.get("description") or "",
        codes=tree_of(all_rows(s)),
    )


def applied_counts(s: Session, visible: Sequence = ()) -> dict[int, int]:
    """How many applied codings each code has (of the `visible` ones: under blind coding, one's own)."""
    query = select(Coding.code_id, func.count()).where(Coding.status == "applied", *visible).group_by(Coding.code_id)
    return {code_id: count for code_id, count in s.execute(query)}


@dataclass(frozen=True)
class Placement:
    """Where each row sits: its path and depth."""

    paths: dict[int, tuple[str, ...]]

    @classmethod
    def of(cls, rows: list[Code]) -> Placement:
        by_id = {row.id: row for row in rows}
        paths: dict[int, tuple[str, ...]] = {}

        def path(row: Code) -> tuple[str, ...]:
            chain: list[Code] = []
            current: Code | None = row
            while current is not None and current.id not in paths and len(chain) < 64:
                chain.append(current)
                current = by_id.get(current.parent_id) if current.parent_id else None
            prefix = paths.get(current.id, ()) if current is not None else ()
            for item in reversed(chain):
                prefix = prefix + (item.name,)
                paths[item.id] = prefix
            return paths[row.id]

        for row in rows:
            path(row)
        return cls(paths)

    def text(self, row: Code) -> str:
        return join_path(self.paths[row.id])


def entries(s: Session, visible: Sequence = ()) -> list[CodeEntry]:
    """Every code in tree order (depth first), with its applied-coding count (of the `visible` codings)."""
    rows = all_rows(s)
    by_id = {row.id: row for row in rows}
    placement = Placement.of(rows)
    counts = applied_counts(s, visible)
    children: dict[int | None, list[Code]] = {}
    for row in rows:
        children.setdefault(row.parent_id if row.parent_id in by_id else None, []).append(row)
    result: list[CodeEntry] = []
    stack = [(row, 0) for row in reversed(children.get(None, []))]
    while stack:
        row, position = stack.pop()
        result.append(entry_of(row, placement, counts, by_id, position))
        kids = children.get(row.id, [])
        stack.extend((kid, index) for index, kid in reversed(list(enumerate(kids))))
    return result


def entry_of(row: Code, placement: Placement, counts: dict[int, int], by_id: dict[int, Code],
             position: int = 0) -> CodeEntry:
    """One row as a CodeEntry."""
    parent = by_id.get(row.parent_id) if row.parent_id else None
    path = placement.paths[row.id]
    data = dict(row.rules or {})
    data.pop(INHERITS_COLOUR, None)
    return CodeEntry(
        id=row.id, guid=row.guid, path=join_path(path), name=row.name, name_en=row.name_en or "",
        parent=parent.guid if parent else None, parent_path=join_path(path[:-1]) or None,
        depth=len(path) - 1, position=position, colour=row.colour, shortcut=row.shortcut,
        codable=row.codable, retired=row.retired, codings=counts.get(row.id, 0),
        definition=row.description or "", when_to_use=row.when_to_use or "",
        when_not_to_use=row.when_not_to_use or "", example=row.example or "", rules=data,
    )


def entry(s: Session, row: Code) -> CodeEntry:
    """A fresh CodeEntry for one row after a change."""
    s.flush()
    rows = all_rows(s)
    by_id = {r.id: r for r in rows}
    siblings = [r.id for r in rows if r.parent_id == row.parent_id]
    position = siblings.index(row.id) if row.id in siblings else 0
    return entry_of(row, Placement.of(rows), applied_counts(s), by_id, position)


def resolve(s: Session, ref: str) -> Code:
    """The code named by a GUID, a path (`Financiering/Subsidie`) or a unique name, ignoring case."""
    ref = (ref or "").strip()
    guid = normalise_guid(ref)
    if guid is not None:
        row = s.scalar(select(Code).where(func.lower(Code.guid) == guid))
        if row is not None:
            return row
    rows = all_rows(s)
    placement = Placement.of(rows)
    wanted = name_key(ref.strip("/"))
    by_path = [row for row in rows if name_key(placement.text(row)) == wanted]
    if len(by_path) == 1:
        return by_path[0]
    by_name = [row for row in rows if name_key(row.name) == wanted]
    if len(by_name) == 1:
        return by_name[0]
    if len(by_name) > 1:
        paths = ", ".join(sorted(placement.text(row) for row in by_name))
        raise Conflict(f"More than one code is called {ref!r} ({paths}); give its path or GUID.")
    close = difflib.get_close_matches(ref, [placement.text(r) for r in rows] + [r.name for r in rows], n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise NotFound(f"There is no code {ref!r}{hint}; see `workbench codebook list`.")
