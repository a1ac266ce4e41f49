"""The codebook use cases: list, load, export, diff, history, and every operation on codes.

Each operation is one unit of work with one event (undoable through the project's history), and
afterwards the project's codebook file is brought up to date, keeping its comments.
"""

from __future__ import annotations

import builtins
import uuid
from pathlib import Path
from typing import Any, Callable, TypeVar

from sqlalchemy.orm import Session

from workbench.domain.code_entries import (
    CodeEntry,
    CodeHistoryEntry,
    DeletedCode,
    LoadReport,
    MergeResult,
    SplitResult,
)
from workbench.domain.codebook import AutocodeRules, Codebook, CodeSpec, content_hash
from workbench.domain.codings import Coding
from workbench.domain.codebook_diff import CodebookDiff, diff_codebooks
from workbench.domain.errors import InvalidInput
from workbench.services import codebook_merge, codebook_ops
from workbench.services import codebook_rows as rows
from workbench.services.codebook_events import code_history
from workbench.services.codebook_file import CodebookFile
from workbench.services.codebook_loading import load_file
from workbench.services.codebook_reading import read_codebook_file
from workbench.services.context import ServiceContext, Unit
from workbench.services.visibility import coding_conditions

T = TypeVar("T")
FORMATS = ("yaml", "qdc")


class CodebookService:
    """The project's shared codebook."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    # -- reading -------------------------------------------------------------------------------------

    def list(self, *, include_retired: bool = True) -> list[CodeEntry]:
        """Every code in tree order with its number of applied codings."""
        with self.ctx.read() as s:
            found = rows.entries(s, coding_conditions(self.ctx, s))
        return [e for e in found if include_retired or not e.retired]

    def get(self, ref: str) -> CodeEntry:
        """One code, named by GUID, path or unique name."""
        with self.ctx.read() as s:
            return rows.entry(s, rows.resolve(s, ref))

    def codebook(self) -> Codebook:
        """The project's codebook as one record (title, version label, authors, tree)."""
        with self.ctx.read() as s:
            return rows.project_codebook(s)

    def version(self) -> str:
        """The content hash of the project's code tree."""
        return content_hash(self.codebook())

    def file(self) -> Path | None:
        """The project's codebook file, if the project has a folder and a file."""
        with self.ctx.read() as s:
            return self._file(s).path

    def _file(self, s: Session) -> CodebookFile:
        return CodebookFile(self.ctx.project_dir, rows.meta(s).get("file"))

    def history(self, ref: str) -> builtins.list[CodeHistoryEntry]:
        """Every recorded change to one code, newest first."""
        with self.ctx.read() as s:
            return code_history(s, ref)

    def diff(self, old: str | Path, new: str | Path) -> CodebookDiff:
        """Changes between two codebooks: each a YAML or REFI-QDA file, or `project` for this project."""
        return diff_codebooks(self._side(old), self._side(new))

    def _side(self, which: str | Path) -> Codebook:
        if str(which).strip().lower() == "project":
            return self.codebook()
        return read_codebook_file(Path(which)).codebook

    # -- files in and out ----------------------------------------------------------------------------

    def load(self, path: str | Path, *, keep_missing: bool = False, undoable: bool = True) -> LoadReport:
        """Upsert the codes of a YAML or REFI-QDA file by GUID; missing codes with codings are retired.

        With `keep_missing`, codes missing from the file are left as they are.
        """
        return load_file(self.ctx, Path(path), keep_missing=keep_missing, undoable=undoable)

    def export(self, fmt: str, out: str | Path, *, include_retired: bool = False) -> Path:
        """Write the codebook as YAML (all codes) or as a REFI-QDA .qdc (retired ones left out)."""
        from workbench.exporters.codebook_yaml import write_codebook_yaml
        from workbench.exporters.qdc import write_qdc

        out = Path(out)
        fmt = fmt.lower().lstrip(".")
        if fmt not in FORMATS:
            raise InvalidInput(f"{fmt!r} is not a codebook format; choose yaml or qdc.")
        tree = self.codebook()
        if fmt == "qdc":
            write_qdc(tree, out, include_retired)
        elif (own := self.file()) is not None and own.resolve() == out.resolve():
            self.write_back()
        else:
            write_codebook_yaml(tree, out)
        return out

    def write_back(self) -> bool:
        """Bring the project's codebook file up to date with the project; True when it changed."""
        with self.ctx.read() as s:
            file = self._file(s)
            tree = rows.project_codebook(s)
        return file.write(tree)

    # -- operations ----------------------------------------------------------------------------------

    def _operate(self, kind: str, work: Callable[[Session, Unit], T]) -> T:
        """Run one operation as a unit of work, then write the file back."""
        with self.ctx.read() as s:
            file = self._file(s)
            file.ensure_not_hand_edited(rows.project_codebook(s))
        with self.ctx.change(f"codebook.{kind}", target="codebook") as unit:
            result = work(unit.session, unit)
        file.write(self.codebook())
        return result

    @staticmethod
    def _done(unit: Unit, row: Any, summary: str, **extra: Any) -> None:
        unit.describe(target=f"code:{row.guid}", summary=summary, codes=[row.guid], **extra)

    def _parent(self, s: Session, ref: str | None):
        return rows.resolve(s, ref) if ref else None

    def create(self, name: str, *, parent: str | None = None, name_en: str = "", colour: str | None = None,
               shortcut: int | None = None, codable: bool = True, definition: str = "",
               when_to_use: str = "", when_not_to_use: str = "", example: str = "",
               rules: AutocodeRules | None = None, position: int | None = None) -> CodeEntry:
        """Add a new code under `parent` (a code reference) or at the top."""
        spec = CodeSpec(guid=str(uuid.uuid4()), name=name.strip(), name_en=name_en.strip(),
                        definition=definition, when_to_use=when_to_use, when_not_to_use=when_not_to_use,
                        example=example, colour=codebook_ops.colour_value(colour) if colour else None,
                        shortcut=shortcut, codable=codable, rules=rules or AutocodeRules())

        def work(s: Session, unit: Unit) -> CodeEntry:
            row = codebook_ops.create(s, spec, self._parent(s, parent), position)
            made = rows.entry(s, row)
            self._done(unit, row, f"Created code {made.path!r}")
            return made

        return self._operate("create", work)

    def create_and_apply(self, name: str, document: str | int, start: int, end: int, *, parent: str | None = None,
                         colour: str | None = None, definition: str = "", in_vivo: bool = False,
                         ) -> tuple[CodeEntry, Coding]:
        """Add a new code and code `[start, end)` of a document with it, as one undoable change.

        In-vivo codes go under the top-level "In vivo" category, which is made when missing.
        """
        from workbench.services import coding_new_code

        spec = CodeSpec(guid=str(uuid.uuid4()), name=name.strip(), definition=definition.strip(),
                        colour=codebook_ops.colour_value(colour) if colour else None)

        def work(s: Session, unit: Unit) -> tuple[CodeEntry, Coding]:
            under = coding_new_code.in_vivo_parent(s) if in_vivo and parent is None else self._parent(s, parent)
            return coding_new_code.create_and_apply(s, unit, spec, under, document, start, end)

        return self._operate("create_applied", work)

    def rename(self, ref: str, name: str, *, name_en: str | None = None) -> CodeEntry:
        """Give a code a new name (and, optionally, a new English name)."""

        def work(s: Session, unit: Unit) -> CodeEntry:
            row = rows.resolve(s, ref)
            old = codebook_ops.label(s, row)
            codebook_ops.rename(s, row, name.strip(), name_en.strip() if name_en is not None else None)
            self._done(unit, row, f"Renamed code {old!r} to {row.name!r}")
            return rows.entry(s, row)

        return self._operate("rename", work)

    def recolour(self, ref: str, colour: str) -> CodeEntry:
        """Give a code a new colour (`#RRGGBB`)."""

        def work(s: Session, unit: Unit) -> CodeEntry:
            row = rows.resolve(s, ref)
            codebook_ops.recolour(s, row, colour)
            self._done(unit, row, f"Recoloured code {codebook_ops.label(s, row)!r} to {row.colour}")
            return rows.entry(s, row)

        return self._operate("recolour", work)

    def edit(self, ref: str, **changes: Any) -> CodeEntry:
        """Change a code's English name, definition, usage notes, example, shortcut, codability or rules."""

        def work(s: Session, unit: Unit) -> CodeEntry:
            row = rows.resolve(s, ref)
            codebook_ops.edit(s, row, changes)
            fields = ", ".join(sorted(changes)) or "nothing"
            self._done(unit, row, f"Edited {fields} of code {codebook_ops.label(s, row)!r}")
            return rows.entry(s, row)

        return self._operate("edit", work)

    def reorder(self, ref: str, position: int) -> CodeEntry:
        """Move a code to a 1-based position among its siblings."""

        def work(s: Session, unit: Unit) -> CodeEntry:
            row = rows.resolve(s, ref)
            codebook_ops.reorder(s, row, position)
            made = rows.entry(s, row)
            self._done(unit, row, f"Moved code {made.path!r} to position {made.position + 1}")
            return made

        return self._operate("reorder", work)

    def move(self, ref: str, parent: str | None, *, position: int | None = None) -> CodeEntry:
        """Put a code (with its sub-codes) under another code, or at the top when `parent` is None."""

        def work(s: Session, unit: Unit) -> CodeEntry:
            row = rows.resolve(s, ref)
            old = codebook_ops.label(s, row)
            codebook_ops.move(s, row, self._parent(s, parent), position)
            made = rows.entry(s, row)
            self._done(unit, row, f"Moved code {old!r} to {made.path!r}")
            return made

        return self._operate("move", work)

    def merge(self, source: str, target: str) -> MergeResult:
        """Merge code `source` into `target`: codings move (exact duplicates collapse), then `source` goes."""

        def work(s: Session, unit: Unit) -> MergeResult:
            row, into = rows.resolve(s, source), rows.resolve(s, target)
            old, guid = codebook_ops.label(s, row), row.guid
            done = codebook_merge.merge(s, row, into)
            made = rows.entry(s, into)
            unit.describe(target=f"code:{into.guid}", codes=[guid, into.guid], moved=done.moved,
                          collapsed=done.collapsed,
                          summary=f"Merged code {old!r} into {made.path!r} ({done.moved} codings moved, "
                                  f"{done.collapsed} duplicates collapsed)")
            return MergeResult(old, made, done.moved, done.collapsed, done.children)

        return self._operate("merge", work)

    def split(self, ref: str, name: str, coding_ids: builtins.list[int], *, parent: str | None = None,
              name_en: str = "", definition: str = "") -> SplitResult:
        """Move chosen codings of a code to a new code (beside it, or under `parent`)."""
        spec = CodeSpec(guid=str(uuid.uuid4()), name=name.strip(),
                        name_en=name_en.strip(), definition=definition)

        def work(s: Session, unit: Unit) -> SplitResult:
            row = rows.resolve(s, ref)
            new, moved = codebook_merge.split(s, row, spec, list(coding_ids), self._parent(s, parent),
                                              beside=parent is None)
            source, made = rows.entry(s, row), rows.entry(s, new)
            unit.describe(target=f"code:{row.guid}", codes=[row.guid, new.guid], moved=moved,
                          summary=f"Split {moved} codings of {source.path!r} into new code {made.path!r}")
            return SplitResult(source, made, moved)

        return self._operate("split", work)

    def delete(self, ref: str) -> DeletedCode:
        """Delete a code; refused while it has codings or sub-codes."""

        def work(s: Session, unit: Unit) -> DeletedCode:
            row = rows.resolve(s, ref)
            guid = row.guid
            path, suggestions, memos = codebook_merge.delete(s, row)
            unit.describe(target=f"code:{guid}", codes=[guid], summary=f"Deleted code {path!r}")
            return DeletedCode(guid, path, suggestions, memos)

        return self._operate("delete", work)

    def retire(self, ref: str, *, retired: bool = True) -> CodeEntry:
        """Retire a code (kept with its codings, no longer offered for coding), or bring it back."""

        def work(s: Session, unit: Unit) -> CodeEntry:
            row = rows.resolve(s, ref)
            codebook_ops.retire(s, row, retired)
            verb = "Retired" if retired else "Restored"
            self._done(unit, row, f"{verb} code {codebook_ops.label(s, row)!r}")
            return rows.entry(s, row)

        return self._operate("retire" if retired else "restore", work)
