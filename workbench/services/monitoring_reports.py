"""Meeting reports into the monitoring log: a preview that writes nothing, then one undoable step per report.

The report's text is imported as a codable document like any transcript (an import, which undo steps over);
the entry, the attendees in the actor register, the planned entries, the chosen learning questions and the link
to the document are one unit of work. A report whose meeting already has an entry (same day and type, such as
the kick-off `log init-year` sets up) fills that entry in rather than adding a second one.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Iterable
from pathlib import Path

from rapidfuzz import fuzz
from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.errors import ImportFailed, InvalidInput
from workbench.domain.report_import import (
    AttendeePlan,
    PlannedPlan,
    QuestionPlan,
    ReportImported,
    ReportPlan,
)
from workbench.importers.meeting_report import read_report_file
from workbench.services.context import ServiceContext
from workbench.store.base import utcnow
from workbench.store.schema import (
    Actor,
    Document,
    LearningQuestion,
    LearningQuestionStatus,
    LogEntryActor,
    LogEntryLink,
)
from workbench.store.schema import (
    LogEntry as EntryRow,
)


def _key(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(ch for ch in decomposed if ch.isalnum() or ch.isspace()).split())


class _Register:
    """The actor register as matching needs it: people by name and pseudonym, organisations also by likeness."""

    def __init__(self, s: Session):
        rows = list(s.scalars(select(Actor)))
        self.people: dict[str, int] = {}
        for row in rows:
            if row.pseudonym:
                self.people.setdefault(_key(row.pseudonym), row.id)
        for row in rows:
            self.people[_key(row.name)] = row.id
        self.organisations = {row.id: row.name for row in rows if row.kind == "organisation"}

    def person(self, name: str) -> int | None:
        return self.people.get(_key(name))

    def organisation(self, name: str | None) -> int | None:
        """The organisation of that name; 'Waalwonen' finds 'Woonstichting Waalwonen', 'gemeente' not 'GGD'."""
        if not name:
            return None
        wanted = _key(name)
        best, score = None, 0.0
        for org_id, org_name in self.organisations.items():
            if _key(org_name) == wanted:
                return org_id
            likeness = fuzz.token_set_ratio(wanted, _key(org_name))
            if likeness > score and likeness >= 90 and len(wanted) >= 4:
                best, score = org_id, likeness
        return best


class ReportImportService:
    """Preview and import meeting reports (.md, .txt, .docx, .odt) into the monitoring log."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def preview(self, path: str | Path) -> ReportPlan:
        """What importing the report would do; nothing is written. Raises ImportFailed for an unreadable file."""
        path = Path(path)
        reading = read_report_file(path)
        with self.ctx.read() as s:
            return _plan(s, path, reading)

    def import_report(self, path: str | Path, *, questions: Iterable[int] | str = ()) -> ReportImported:
        """Import one report; `questions` picks the report's questions to raise ("all", or their numbers)."""
        path = Path(path)
        plan = self.preview(path)
        reading = plan.reading
        if reading.date is None:
            raise ImportFailed(f"{path} names no date for its meeting; nothing was imported: put the date in the title "
                               "or on a 'Datum:' line (for example 04-09-'24 or 4 september 2024).")
        chosen = _chosen(plan, questions)
        from workbench.services.documents import DocumentService

        imported = DocumentService(self.ctx).import_paths([path])[0]
        if imported.document_id is None:
            raise ImportFailed(imported.message or f"{path} could not be imported as a document.")
        title = reading.title or path.stem
        with self.ctx.change("log.import_report", target=f"file:{path.name}") as unit:
            s = unit.session
            register = _Register(s)
            added_actors: list[str] = []
            actor_ids: list[int] = []
            for person in plan.attendees:
                organisation_id = register.organisation(person.organisation)
                if person.organisation and organisation_id is None:
                    org = Actor(name=person.organisation, kind="organisation")
                    s.add(org)
                    s.flush()
                    register.organisations[org.id] = org.name
                    register.people[_key(org.name)] = org.id
                    organisation_id = org.id
                    added_actors.append(org.name)
                actor_id = register.person(person.name)
                if actor_id is None:
                    new_actor = Actor(name=person.name, kind="person", role=person.role, organisation_id=organisation_id)
                    s.add(new_actor)
                    s.flush()
                    register.people[_key(new_actor.name)] = new_actor.id
                    actor_id = new_actor.id
                    added_actors.append(new_actor.name)
                actor_ids.append(actor_id)
            entry = s.get(EntryRow, plan.entry_id) if plan.entry_id else None
            if entry is None:
                entry = EntryRow(guid=str(uuid.uuid4()), date=reading.date, type=reading.type, title=title,
                                 author_id=unit.coder_id, location="", observation="")
                s.add(entry)
            entry.location = _fuller(entry.location, reading.location)
            entry.time = entry.time or reading.time
            if reading.observation and reading.observation not in entry.observation:
                # The report's notes are added to what the entry says; nothing there is overwritten.
                entry.observation = "\n\n".join(filter(None, (entry.observation, reading.observation)))
            entry.updated_at = utcnow()
            s.flush()
            present = set(s.scalars(select(LogEntryActor.actor_id).where(LogEntryActor.entry_id == entry.id)))
            for actor_id in dict.fromkeys(actor_ids):
                if actor_id not in present:
                    s.add(LogEntryActor(entry_id=entry.id, actor_id=actor_id))
            linked = s.scalar(select(LogEntryLink.id).where(LogEntryLink.entry_id == entry.id,
                                                            LogEntryLink.document_id == imported.document_id))
            if linked is None:
                s.add(LogEntryLink(entry_id=entry.id, document_id=imported.document_id))
            planned: list[int] = []
            for item in plan.planned:
                if item.existing_id:
                    continue
                row = EntryRow(guid=str(uuid.uuid4()), date=item.announced.date, type=item.announced.type,
                               title=item.announced.title, author_id=unit.coder_id,
                               observation=f"Aangekondigd in '{title}' ({reading.date.isoformat()}).")
                s.add(row)
                s.flush()
                planned.append(row.id)
            raised: list[int] = []
            for question in chosen:
                question_row = LearningQuestion(text=question.text, raised_on=reading.date, raised_entry_id=entry.id)
                s.add(question_row)
                s.flush()
                s.add(LearningQuestionStatus(question_id=question_row.id, status="open", date=reading.date, entry_id=entry.id))
                raised.append(question_row.id)
            unit.describe(target=f"entry:{entry.id}",
                          summary=f"Imported the report {path.name} into '{entry.title}' ({len(plan.attendees)} attendees, "
                                  f"{len(planned)} planned entries, {len(raised)} questions)")
            entry_id = entry.id
        return ReportImported(plan, entry_id, imported.document_id, tuple(added_actors), tuple(planned), tuple(raised))


def _fuller(kept: str, given: str) -> str:
    """What the entry already says, unless the report says it more fully ('Nijmegen' -> 'Paviljoen HEEM, Nijmegen')."""
    if not kept or (given and _key(kept) in _key(given)):
        return given or kept
    return kept


def _chosen(plan: ReportPlan, questions: Iterable[int] | str) -> list[QuestionPlan]:
    offered = [q for q in plan.questions if q.existing_id is None]
    if questions == "all":
        return offered
    if isinstance(questions, str):
        raise InvalidInput(f"'{questions}' is not a choice of questions; give all, or their numbers.")
    wanted = list(dict.fromkeys(questions))
    numbers = {q.number for q in plan.questions}
    unknown = [n for n in wanted if n not in numbers]
    if unknown:
        raise InvalidInput(f"The report has no question {unknown[0]}; its questions are numbered 1 to {len(plan.questions)}.")
    return [q for q in offered if q.number in wanted]


def _plan(s: Session, path: Path, reading) -> ReportPlan:
    register = _Register(s)
    attendees: list[AttendeePlan] = []
    coming: set[str] = set()
    for a in reading.attendees:
        organisation_id = register.organisation(a.organisation)
        first = bool(a.organisation) and organisation_id is None and _key(a.organisation) not in coming
        if first:
            coming.add(_key(a.organisation))
        attendees.append(AttendeePlan(a.name, a.organisation, a.role, register.person(a.name), organisation_id, first))
    entries = s.execute(select(EntryRow.id, EntryRow.date, EntryRow.type, EntryRow.title)).all()
    entry_id, entry_title = None, ""
    if reading.date is not None:
        same_day = [e for e in entries if e.date == reading.date and e.type == reading.type]
        if same_day:
            best = max(same_day, key=lambda e: fuzz.token_set_ratio(_key(e.title), _key(reading.title)))
            entry_id, entry_title = best.id, best.title
    planned = tuple(
        PlannedPlan(item, next((e.id for e in entries if e.date == item.date and e.type == item.type), None))
        for item in reading.announced
    )
    known = [(q.id, _key(q.text)) for q in s.execute(select(LearningQuestion.id, LearningQuestion.text))]
    questions = tuple(
        QuestionPlan(number, text, next((qid for qid, k in known if fuzz.ratio(k, _key(text)) >= 90), None))
        for number, text in enumerate(reading.questions, start=1)
    )
    from workbench.domain.text import normalise_text, text_sha256

    document_id = None
    try:
        from workbench.importers.registry import read_transcript

        sha = text_sha256(normalise_text(read_transcript(path).text))
        document_id = s.scalar(select(Document.id).where(Document.text_sha256 == sha))
    except ImportFailed:
        document_id = None
    return ReportPlan(str(path), reading, entry_id, entry_title, tuple(attendees), planned, questions, document_id)
