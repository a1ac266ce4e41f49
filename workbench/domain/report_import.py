"""What importing a meeting report will do (the preview) and did: entry, actors, planned dates, questions."""

from __future__ import annotations

from dataclasses import dataclass

from workbench.domain.meeting_reports import AnnouncedDate, ReportReading
from workbench.domain.monitoring_values import label


@dataclass(frozen=True)
class AttendeePlan:
    """One attendee and how the register takes them: an actor already there or a new one."""

    name: str
    organisation: str | None
    role: str
    actor_id: int | None
    organisation_id: int | None
    new_organisation: bool = False  # the first attendee of an organisation the register does not hold yet

    @property
    def line(self) -> str:
        where = f" ({self.organisation})" if self.organisation else ""
        role = f", {self.role}" if self.role else ""
        status = "in the register" if self.actor_id else "new"
        if self.new_organisation:
            status += f", with the new organisation {self.organisation}"
        return f"{self.name}{where}{role}: {status}"


@dataclass(frozen=True)
class PlannedPlan:
    """An announced date and whether the log already has an entry for it."""

    announced: AnnouncedDate
    existing_id: int | None

    @property
    def line(self) -> str:
        status = f"already in the log (entry {self.existing_id})" if self.existing_id else "new planned entry"
        return f"{self.announced.date.isoformat()} {label(self.announced.type)}: {self.announced.title} — {status}"


@dataclass(frozen=True)
class QuestionPlan:
    """A question from the report, numbered from 1, and whether the learning agenda already holds it."""

    number: int
    text: str
    existing_id: int | None

    @property
    def line(self) -> str:
        status = f"already on the agenda (question {self.existing_id})" if self.existing_id else "offered"
        return f"{self.number}. {self.text} — {status}"


@dataclass(frozen=True)
class ReportPlan:
    """What importing one report does; `preview` shows it and writes nothing."""

    path: str
    reading: ReportReading
    entry_id: int | None
    entry_title: str
    attendees: tuple[AttendeePlan, ...]
    planned: tuple[PlannedPlan, ...]
    questions: tuple[QuestionPlan, ...]
    document_id: int | None

    def lines(self) -> list[str]:
        """The preview as lines of text, the same in every front end."""
        r = self.reading
        day = r.date.isoformat() if r.date else "no date"
        entry = (f"adds to entry {self.entry_id} '{self.entry_title}'" if self.entry_id else "a new log entry")
        out = [f"{self.path}: {label(r.type)} on {day} '{r.title}' — {entry}"]
        if r.time:
            out.append(f"  time: {r.time.strftime('%H:%M')}")
        if r.location:
            out.append(f"  place: {r.location}")
        out.append(f"  attendees ({len(self.attendees)}):")
        out.extend(f"    {a.line}" for a in self.attendees)
        if self.planned:
            out.append(f"  announced dates ({len(self.planned)}):")
            out.extend(f"    {p.line}" for p in self.planned)
        if self.questions:
            out.append(f"  questions for the learning agenda ({len(self.questions)}):")
            out.extend(f"    {q.line}" for q in self.questions)
        document = f"document {self.document_id} (already imported)" if self.document_id else "a new codable document"
        out.append(f"  report text: {document}, linked to the entry")
        if r.unplaced:
            out.append(f"  not placed ({len(r.unplaced)}):")
            out.extend(f"    {u.line}" for u in r.unplaced)
        return out


@dataclass(frozen=True)
class ReportImported:
    """What importing one report did."""

    plan: ReportPlan
    entry_id: int
    document_id: int
    actors_added: tuple[str, ...]
    planned_added: tuple[int, ...]
    questions_added: tuple[int, ...]

    @property
    def line(self) -> str:
        r = self.plan.reading
        verb = "Added to" if self.plan.entry_id else "Made"
        return (f"{verb} log entry {self.entry_id} '{self.plan.entry_title or r.title}' ({r.date.isoformat() if r.date else ''}) from "
                f"{self.plan.path}: {len(self.plan.attendees)} attendees ({len(self.actors_added)} new in the register), "
                f"{len(self.planned_added)} planned entries, {len(self.questions_added)} learning questions, "
                f"report text as document {self.document_id}; {len(r.unplaced)} not placed.")
