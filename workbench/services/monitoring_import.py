"""Importing a researcher's spreadsheet log: a preview row by row, then all good rows in one undoable step."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.errors import ImportFailed
from workbench.domain.monitoring_drafts import entry_problems
from workbench.domain.monitoring_sheet import RowCheck, SheetImport, SheetPreview
from workbench.importers.log_sheet import read_log_sheet
from workbench.services.context import ServiceContext
from workbench.store.base import utcnow
from workbench.store.schema import Actor, LogEntry as EntryRow, LogEntryActor


def _register(s: Session) -> dict[str, int]:
    """Actor ids by folded name and by folded pseudonym (names win)."""
    index: dict[str, int] = {}
    for row in s.scalars(select(Actor)):
        if row.pseudonym:
            index.setdefault(row.pseudonym.casefold(), row.id)
    for row in s.scalars(select(Actor)):
        index[row.name.casefold()] = row.id
    return index


class LogSheetService:
    """Preview and import of .xlsx and .csv logs kept before the workbench."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def _check(self, s: Session, path: Path, mapping, sheet, add_actors: bool) -> SheetPreview:
        log = read_log_sheet(path, mapping=mapping, sheet=sheet)
        known = _register(s)
        seen = {(day, title.casefold()) for day, title in s.execute(select(EntryRow.date, EntryRow.title))}
        checks, new_actors = list[RowCheck](), dict[str, str]()
        for row in log.rows:
            values = dict(row.values)
            if not str(values.get("type") or "").strip():
                values["type"] = "other"
            draft, found = entry_problems(values)
            problems = list(found)
            if draft is not None:
                unknown = [n for n in draft.actors if n.casefold() not in known]
                if unknown and add_actors:
                    for name in unknown:
                        new_actors.setdefault(name.casefold(), name)
                elif unknown:
                    quoted = ", ".join(f"'{n}'" for n in unknown)
                    problems.append(f"The actor{'s' if len(unknown) > 1 else ''} {quoted} "
                                    f"{'are' if len(unknown) > 1 else 'is'} not in the actor register; add "
                                    f"{'them' if len(unknown) > 1 else 'it'} with `workbench log actor add` or import with --add-actors.")
            if problems or draft is None:
                checks.append(RowCheck(row.number, None, tuple(problems)))
                continue
            key = (draft.date, draft.title.casefold())
            checks.append(RowCheck(row.number, draft, (), key in seen))
            seen.add(key)
        return SheetPreview(log, tuple(checks), tuple(new_actors.values()))

    def preview(self, path: str | Path, *, mapping: dict[str, str] | None = None, sheet: str | None = None,
                add_actors: bool = False) -> SheetPreview:
        """What importing the sheet would do, row by row; nothing is written."""
        with self.ctx.read() as s:
            return self._check(s, Path(path), mapping, sheet, add_actors)

    def import_sheet(self, path: str | Path, *, mapping: dict[str, str] | None = None, sheet: str | None = None,
                     add_actors: bool = False, skip_bad: bool = False) -> SheetImport:
        """Import every good row; with bad rows nothing is written unless skip_bad says to leave them out."""
        path = Path(path)
        preview = self.preview(path, mapping=mapping, sheet=sheet, add_actors=add_actors)
        bad = preview.bad
        if bad and not skip_bad:
            first = preview.problem_lines()[0]
            raise ImportFailed(f"{path.name} has {len(bad)} row{'s' if len(bad) > 1 else ''} with problems "
                               f"({first}{'; ...' if len(preview.problem_lines()) > 1 else ''}); nothing was imported: "
                               "fix the rows, or import the others with --skip-bad.")
        authors = {d.author for d in (r.draft for r in preview.good) if d is not None and d.author}
        author_ids: dict[str | None, int] = {name: self.ctx.coder_id(name) for name in sorted(authors)}
        with self.ctx.change("log.import", summary=f"Imported {len(preview.good)} log entries from {path.name}") as unit:
            s = unit.session
            for name in preview.new_actors:
                s.add(Actor(name=name, kind="person"))
            s.flush()
            # The register is read again: a colleague may have added one of these actors a moment ago.
            known = _register(s)
            added = []
            for check in preview.good:
                draft = check.draft
                assert draft is not None  # a good row always has its draft
                row = EntryRow(
                    guid=str(uuid.uuid4()), date=draft.date, end_date=draft.end_date, time=draft.time, type=draft.type,
                    title=draft.title, location=draft.location, observation=draft.observation,
                    interpretation=draft.interpretation, reflection=draft.reflection, significance=draft.significance,
                    significance_why=draft.significance_why, confidentiality=draft.confidentiality,
                    author_id=author_ids.get(draft.author, unit.coder_id), updated_at=utcnow(),
                )
                s.add(row)
                s.flush()
                for actor_id in dict.fromkeys(known[name.casefold()] for name in draft.actors):
                    s.add(LogEntryActor(entry_id=row.id, actor_id=actor_id))
                added.append(row.id)
            unit.describe(target=f"file:{path.name}")
        return SheetImport(str(path), tuple(added), tuple(r.number for r in preview.duplicates),
                           tuple(r.number for r in bad), preview.new_actors)
