"""Bring the project's codes in line with a codebook file, matching codes by GUID.

Codes in the file are added or updated. A code missing from the file is deleted when nothing
was coded with it; when it still has codings it is retired instead, so no coding is lost.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.codebook import Codebook, CodeSpec, iter_codes, name_key, normalise_guid
from workbench.domain.codebook_diff import diff_codebooks
from workbench.services.codebook_rows import (
    Placement,
    all_rows,
    applied_counts,
    fill_row,
    set_meta,
    spec_of,
    tree_of,
)
from workbench.store.monitoring_schema import LogEntryLink
from workbench.store.schema import Code, Coding, Memo

# Codes that disappeared but stay are listed after the file's codes among their siblings.
KEPT_ORDER_OFFSET = 100_000


@dataclass
class SyncOutcome:
    """Paths of the codes each step changed, and the GUIDs of all codes that changed."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    touched: list[str] = field(default_factory=list)


def remove_code_rows(s: Session, row: Code) -> tuple[int, int]:
    """Delete a code with its suggestions, memos and log links through the ORM (so undo restores them).

    The caller has checked that no applied coding uses it; returns (suggestions, memos) removed.
    """
    suggestions = list(s.scalars(select(Coding).where(Coding.code_id == row.id)))
    memos = list(s.scalars(select(Memo).where(Memo.code_id == row.id)))
    coding_ids = [c.id for c in suggestions]
    if coding_ids:
        memos += list(s.scalars(select(Memo).where(Memo.coding_id.in_(coding_ids))))
    links = list(s.scalars(select(LogEntryLink).where(LogEntryLink.code_id == row.id)))
    if coding_ids:
        links += list(s.scalars(select(LogEntryLink).where(LogEntryLink.coding_id.in_(coding_ids))))
    for item in links + memos + suggestions:
        s.delete(item)
    s.flush()
    s.delete(row)
    s.flush()
    return len(suggestions), len(memos)


def _free_name(name: str, suffix: str, taken: set[str]) -> str:
    candidate, number = f"{name} ({suffix})", 2
    while name_key(candidate) in taken:
        candidate = f"{name} ({suffix} {number})"
        number += 1
    return candidate


def _with_kept_fields(spec: CodeSpec, row: Code | None) -> CodeSpec:
    """For a file that cannot carry them (a .qdc), keep what the project knows about a code."""
    if row is None:
        return spec
    known = spec_of(row)
    return replace(
        spec, shortcut=known.shortcut, rules=known.rules, retired=known.retired,
        colour=spec.colour or known.colour, name_en=spec.name_en or known.name_en,
        when_to_use=spec.when_to_use or known.when_to_use,
        when_not_to_use=spec.when_not_to_use or known.when_not_to_use,
        example=spec.example or known.example,
    )


def sync_codes(s: Session, incoming: Codebook, *, keep_missing: bool = False,
               partial_fields: bool = False) -> SyncOutcome:
    """Make the code rows match `incoming`; returns what changed (paths as they are afterwards).

    With `partial_fields` (a REFI-QDA file), fields the file cannot hold keep their values.
    """
    outcome = SyncOutcome()
    rows = all_rows(s)
    by_guid = {normalise_guid(row.guid) or row.guid: row for row in rows}
    before = {row.id: (spec_of(row), row.parent_id, row.sort_order) for row in rows}
    tree_before = Codebook("before", codes=tree_of(rows))
    old_paths = Placement.of(rows)
    placed = list(iter_codes(incoming.codes))
    wanted = {normalise_guid(p.spec.guid) or p.spec.guid for p in placed}
    missing = [row for row in rows if (normalise_guid(row.guid) or row.guid) not in wanted]
    counts = applied_counts(s)
    keep = _kept(missing, counts, keep_missing)

    # Codes that change name or parent, and missing ones, step aside first, so that no unique
    # (parent, name) constraint trips while the tree is rebuilt.
    guid_by_id = {row.id: normalise_guid(row.guid) or row.guid for row in rows}
    final = {normalise_guid(p.spec.guid) or p.spec.guid:
             (p.spec.name, normalise_guid(p.parent_guid) if p.parent_guid else None) for p in placed}
    row: Code | None  # a project code; below, the one of a placed spec when the project has it already
    for row in rows:
        target = final.get(guid_by_id[row.id])
        current = (row.name, guid_by_id.get(row.parent_id) if row.parent_id else None)
        if target != current:
            row.name = f"\u2063{uuid.uuid4().hex}"
    s.flush()

    final_names: dict[str | None, set[str]] = {}
    ids: dict[str, int] = {}
    colours: dict[str, str] = {}
    for item in placed:
        guid = normalise_guid(item.spec.guid) or item.spec.guid
        parent_guid = normalise_guid(item.parent_guid) if item.parent_guid else None
        row = by_guid.get(guid)
        spec = replace(item.spec, children=())
        if partial_fields:
            spec = _with_kept_fields(spec, row)
        if row is None:
            row = Code(guid=guid, name=item.spec.name)
            s.add(row)
            outcome.added.append(item.path_text)
        fill_row(row, spec, colours.get(parent_guid) if parent_guid else None)
        row.parent_id = ids[parent_guid] if parent_guid else None
        row.sort_order = item.position
        s.flush()
        ids[guid], colours[guid] = row.id, row.colour
        final_names.setdefault(parent_guid, set()).add(name_key(row.name))

    guid_of = dict(guid_by_id)
    guid_of.update({v: k for k, v in ids.items()})
    kept_rows = [row for row in missing if row.id in keep]
    for row in sorted(kept_rows, key=lambda r: len(old_paths.paths[r.id])):
        name = before[row.id][0].name
        taken = final_names.setdefault(guid_of.get(row.parent_id) if row.parent_id else None, set())
        row.name = _free_name(name, "retired" if not keep_missing else "kept", taken) \
            if name_key(name) in taken else name
        taken.add(name_key(row.name))
        row.sort_order = KEPT_ORDER_OFFSET + before[row.id][2] % KEPT_ORDER_OFFSET
        if not keep_missing and not row.retired:
            row.retired = True
            row.shortcut = None
            outcome.retired.append(old_paths.text(row))
        elif keep_missing:
            outcome.kept.append(old_paths.text(row))
        if row.shortcut is not None and any(
                p.spec.shortcut == row.shortcut and not p.spec.retired for p in placed):
            row.shortcut = None
    s.flush()

    doomed = [row for row in missing if row.id not in keep]
    for row in sorted(doomed, key=lambda r: -len(old_paths.paths[r.id])):
        outcome.deleted.append(old_paths.text(row))
        remove_code_rows(s, row)
    # Changed codes as the diff sees them, so siblings shifted by an insertion do not count.
    kept_guids = {guid_of[row.id] for row in kept_rows}
    changes = diff_codebooks(tree_before, Codebook("after", codes=tree_of(all_rows(s)))).changes
    outcome.updated = list(dict.fromkeys(
        c.path for c in changes if c.kind not in ("added", "removed") and c.guid not in kept_guids))
    outcome.touched = sorted({c.guid for c in changes} | kept_guids)
    set_meta(s, title=incoming.title, version=incoming.version, authors=list(incoming.authors),
             description=incoming.description)
    return outcome


def _kept(missing: list[Code], counts: dict[int, int], keep_missing: bool) -> set[int]:
    """Ids of missing codes that must stay: those with codings and the missing codes above them."""
    if keep_missing:
        return {row.id for row in missing}
    by_id = {row.id: row for row in missing}
    keep: set[int] = set()
    for row in missing:
        if counts.get(row.id):
            current: Code | None = row
            while current is not None and current.id not in keep:
                keep.add(current.id)
                current = by_id.get(current.parent_id) if current.parent_id else None
    return keep
