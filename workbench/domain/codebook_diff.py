"""What changed between two versions of a codebook, matched code by code through their GUIDs."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from workbench.domain.codebook import (
    Codebook,
    PlacedCode,
    content_hash,
    iter_codes,
    join_path,
    normalise_guid,
)

# The kinds of change, in the order a report lists them for one code.
KINDS = ("added", "removed", "renamed", "moved", "reordered", "redefined", "recoloured",
         "retired", "changed")
_NAME_FIELDS = ("name", "name_en")
_DEFINITION_FIELDS = ("definition", "when_to_use", "when_not_to_use", "example")
_OTHER_FIELDS = ("shortcut", "codable", "rules")


@dataclass(frozen=True)
class FieldChange:
    """One field's value before and after."""

    field: str
    old: object
    new: object


@dataclass(frozen=True)
class CodeChange:
    """One kind of change to one code; `path` is where it is now (or was, if removed)."""

    kind: str
    guid: str
    path: str
    old_path: str | None = None
    details: tuple[FieldChange, ...] = ()


@dataclass(frozen=True)
class CodebookDiff:
    """All changes from an old to a new codebook, with both content hashes."""

    old_hash: str
    new_hash: str
    changes: tuple[CodeChange, ...]

    @property
    def empty(self) -> bool:
        """True when the two trees are the same."""
        return not self.changes

    def of_kind(self, kind: str) -> tuple[CodeChange, ...]:
        """The changes of one kind (`added`, `renamed`, ...)."""
        return tuple(c for c in self.changes if c.kind == kind)


def _index(codebook: Codebook) -> dict[str, PlacedCode]:
    return {normalise_guid(p.spec.guid) or p.spec.guid: p for p in iter_codes(codebook.codes)}


def _field_value(placed: PlacedCode, field: str) -> object:
    value = getattr(placed.spec, field)
    if field == "rules":
        return {
            "keywords_nl": list(value.keywords_nl), "keywords_en": list(value.keywords_en),
            "lemmas": list(value.lemmas), "regexes": list(value.regexes), "unit": value.unit,
        }
    return value


def _field_changes(old: PlacedCode, new: PlacedCode, fields: tuple[str, ...]) -> tuple[FieldChange, ...]:
    changes = []
    for field in fields:
        before, after = _field_value(old, field), _field_value(new, field)
        if field == "colour":
            before = before.upper() if isinstance(before, str) else before
            after = after.upper() if isinstance(after, str) else after
        if before != after:
            changes.append(FieldChange(field, before, after))
    return tuple(changes)


def _parent_key(placed: PlacedCode) -> str | None:
    return normalise_guid(placed.parent_guid) if placed.parent_guid else None


def _reordered(old: dict[str, PlacedCode], new: dict[str, PlacedCode]) -> set[str]:
    """GUIDs whose order among the siblings they kept has changed."""
    kept = [g for g in new if g in old and _parent_key(old[g]) == _parent_key(new[g])]
    result: set[str] = set()
    parents = {_parent_key(new[g]) for g in kept}
    for parent in parents:
        group = [g for g in kept if _parent_key(new[g]) == parent]
        before = sorted(group, key=lambda g: old[g].position)
        after = sorted(group, key=lambda g: new[g].position)
        matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
        stayed = {g for block in matcher.get_matching_blocks() for g in after[block.b:block.b + block.size]}
        result.update(g for g in after if g not in stayed)
    return result


def diff_codebooks(old: Codebook, new: Codebook) -> CodebookDiff:
    """List added, removed, renamed, moved, reordered, redefined, recoloured, retired and
    otherwise changed codes between two codebooks."""
    old_index, new_index = _index(old), _index(new)
    reordered = _reordered(old_index, new_index)
    changes: list[CodeChange] = []
    for guid, placed in new_index.items():
        path = placed.path_text
        before = old_index.get(guid)
        if before is None:
            changes.append(CodeChange("added", guid, path))
            continue
        old_path = before.path_text if before.path_text != path else None
        renamed = _field_changes(before, placed, _NAME_FIELDS)
        if renamed:
            changes.append(CodeChange("renamed", guid, path, before.path_text, renamed))
        if _parent_key(before) != _parent_key(placed):
            moved = FieldChange("parent", join_path(before.path[:-1]) or None,
                                join_path(placed.path[:-1]) or None)
            changes.append(CodeChange("moved", guid, path, before.path_text, (moved,)))
        if guid in reordered:
            position = FieldChange("position", before.position, placed.position)
            changes.append(CodeChange("reordered", guid, path, old_path, (position,)))
        for kind, fields in (("redefined", _DEFINITION_FIELDS), ("recoloured", ("colour",)),
                             ("retired", ("retired",)), ("changed", _OTHER_FIELDS)):
            details = _field_changes(before, placed, fields)
            if details:
                changes.append(CodeChange(kind, guid, path, old_path, details))
    for guid, placed in old_index.items():
        if guid not in new_index:
            changes.append(CodeChange("removed", guid, placed.path_text))
    return CodebookDiff(content_hash(old), content_hash(new), tuple(changes))
