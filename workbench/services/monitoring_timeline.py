"""The process timeline over the project year, themes over time, and the report the exports are made from."""

from __future__ import annotations

import datetime as dt
from typing import cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.domain import monitoring_values as values
from workbench.domain.errors import InvalidInput
from workbench.domain.monitoring import EntryFilter, LogEntry, Phase
from workbench.domain.monitoring_report import TimelineReport, pseudonymise
from workbench.domain.pseudonyms import Replacer
from workbench.domain.monitoring_timeline import Month, Timeline, ThemesOverTime, build_timeline, count_themes, months_between
from workbench.services.context import ServiceContext
from workbench.services.monitoring_entries import check_filter
from workbench.services.monitoring_views import (
    code_roots, load_actions, load_entries, load_questions, phase_view,
)
from workbench.store.base import utcnow
from workbench.store.schema import (
    Attribute, AttributeValue, Code, Coding, LogEntry as EntryRow, LogEntryLink, Phase as PhaseRow, ProjectSettings,
)

# Attribute names that hold an interview's date, tried in this order unless the project names its own.
DATE_ATTRIBUTES = ("interview_date", "interviewdatum", "interview date", "datum", "date")
SETTINGS_KEY = "monitoring"


def _attribute_key(name: str) -> str:
    return "".join(ch for ch in name.casefold() if ch.isalnum())


def _value_date(value: AttributeValue) -> dt.date | None:
    if value.value_date is not None:
        return value.value_date
    if value.value_text:
        try:
            return values.parse_date(value.value_text)
        except InvalidInput:
            return None
    return None


class TimelineService:
    """Timelines by month and the codings of each theme over time."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    # -- which attribute dates a document ----------------------------------------------------------------

    def date_attribute_setting(self) -> str | None:
        """The attribute name the project set for dating documents, if any."""
        return (self.ctx.settings().get(SETTINGS_KEY) or {}).get("date_attribute") or None

    def set_date_attribute(self, name: str | None) -> None:
        """Name the document attribute that holds an interview's date (None: try the usual names)."""
        from workbench.services.status import StatusService

        current = dict(self.ctx.settings().get(SETTINGS_KEY) or {})
        current["date_attribute"] = (name or "").strip() or None
        StatusService(self.ctx).update_settings(**{SETTINGS_KEY: current})

    def _date_attribute(self, s: Session) -> Attribute | None:
        attributes = {_attribute_key(a.name): a for a in s.scalars(select(Attribute))}
        configured = self.date_attribute_setting()
        if configured:
            found = attributes.get(_attribute_key(configured))
            if found is None:
                raise InvalidInput(f"The project dates documents by the attribute '{configured}', but no document "
                                   "attribute has that name; set another with `workbench log date-attribute NAME`.")
            return found
        return next((attributes[_attribute_key(n)] for n in DATE_ATTRIBUTES if _attribute_key(n) in attributes), None)

    def document_dates(self, s: Session) -> tuple[dict[int, dt.date], str]:
        """Each document's date: its date attribute, else the earliest log entry linked to it."""
        attribute = self._date_attribute(s)
        dates: dict[int, dt.date] = {}
        linked = s.execute(
            select(LogEntryLink.document_id, func.min(EntryRow.date)).join(EntryRow, EntryRow.id == LogEntryLink.entry_id)
            .where(LogEntryLink.document_id.is_not(None)).group_by(LogEntryLink.document_id)
        ).all()
        dates.update({cast(int, doc_id): day for doc_id, day in linked})
        if attribute is not None:
            query = select(AttributeValue).where(AttributeValue.attribute_id == attribute.id, AttributeValue.document_id.is_not(None))
            for value in s.scalars(query):
                if (day := _value_date(value)) is not None:
                    dates[cast(int, value.document_id)] = day
        return dates, attribute.name if attribute is not None else ""

    # -- themes over time --------------------------------------------------------------------------------

    def _themes(self, s: Session, months: tuple[Month, ...]) -> ThemesOverTime:
        doc_dates, attribute = self.document_dates(s)
        coding_dates = dict(s.execute(
            select(LogEntryLink.coding_id, func.min(EntryRow.date)).join(EntryRow, EntryRow.id == LogEntryLink.entry_id)
            .where(LogEntryLink.coding_id.is_not(None)).group_by(LogEntryLink.coding_id)
        ).all())
        roots = code_roots(s)
        dated = [
            (roots[code_id], doc_dates.get(doc_id) or coding_dates.get(coding_id))
            for coding_id, doc_id, code_id in s.execute(
                select(Coding.id, Coding.document_id, Coding.code_id).where(Coding.status == "applied"))
        ]
        themes = [(c.id, c.name, c.colour) for c in s.scalars(
            select(Code).where(Code.parent_id.is_(None)).order_by(Code.sort_order, Code.name))]
        return count_themes(dated, themes, months, attribute)

    def themes_over_time(self, start: object = None, end: object = None) -> ThemesOverTime:
        """Applied codings of each theme (a top-level code) per month from start to end (default: the project year)."""
        with self.ctx.read() as s:
            return self._themes(s, self._months(s, start, end, []))

    # -- the timeline ----------------------------------------------------------------------------------

    def _months(self, s: Session, start: object, end: object, entries: list[LogEntry]) -> tuple[Month, ...]:
        first = values.optional_date(start, "The start of the period")
        last = values.optional_date(end, "The end of the period")
        if first and last and last < first:
            raise InvalidInput(f"The period ends ({last.isoformat()}) before it starts ({first.isoformat()}).")
        phases = [phase_view(p) for p in s.scalars(select(PhaseRow))]
        days = [p.start for p in phases] + [p.end for p in phases if p.end] + [e.date for e in entries]
        if not entries and not phases:
            days += [d for d in self.document_dates(s)[0].values()]
        first = first or (min(days) if days else None)
        last = last or (max(days) if days else None)
        if first is None or last is None:
            return ()
        return months_between(first, last)

    def _build(self, s: Session, wanted: EntryFilter) -> tuple[Timeline, list[LogEntry], list[Phase]]:
        check_filter(s, wanted)
        entries = [e for e in load_entries(s) if wanted.admits(e)]
        months = self._months(s, wanted.start, wanted.end, entries)
        phases = [phase_view(p) for p in s.scalars(select(PhaseRow))]
        if months:
            phases = [p for p in phases if p.start <= months[-1].last and (p.end is None or p.end >= months[0].first)]
        phases.sort(key=lambda p: (p.start, p.track, p.name))
        return build_timeline(months, phases, entries, self._themes(s, months)), entries, phases

    def timeline(self, wanted: EntryFilter | None = None) -> Timeline:
        """Months with their phases, entries, markers and theme counts; the period defaults to the project year."""
        with self.ctx.read() as s:
            return self._build(s, wanted or EntryFilter())[0]

    def report(self, wanted: EntryFilter | None = None, *, pseudonymised: bool = False,
               today: dt.date | None = None) -> TimelineReport:
        """Everything a timeline export holds: the filtered entries, the timeline, the agenda and the actions."""
        wanted = wanted or EntryFilter(include_internal=False)
        today = today or dt.date.today()
        with self.ctx.read() as s:
            timeline, entries, phases = self._build(s, wanted)
            # A report on a period that is over tells how things stood at its end, not how old they are now.
            if timeline.end is not None and timeline.end < today:
                today = timeline.end
            hidden = set() if wanted.include_internal else set(
                s.scalars(select(EntryRow.id).where(EntryRow.confidentiality == "internal")))
            questions = [q for q in load_questions(s, today) if q.raised_entry_id not in hidden]
            actions = [a for a in load_actions(s, today) if a.entry_id not in hidden]
            if wanted.end:
                questions = [q for q in questions if q.raised_on <= wanted.end]
            settings = s.scalar(select(ProjectSettings).limit(1))
            names = self._replacer(s) if pseudonymised else None
        report = TimelineReport(
            project=settings.name if settings else "", language=settings.default_language if settings else "nl",
            generated=utcnow(), today=today, filter=wanted, pseudonymised=False, timeline=timeline,
            phases=tuple(phases), entries=tuple(entries), questions=tuple(questions), actions=tuple(actions),
        )
        return pseudonymise(report, names) if names is not None else report

    @staticmethod
    def _replacer(s: Session) -> Replacer:
        """The same replacer every export uses: the name register with the actors it does not name yet."""
        from workbench.services.pseudonyms import build_replacer

        return build_replacer(s)
