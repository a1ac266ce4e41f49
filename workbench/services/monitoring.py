"""The monitoring log: one service handing out its parts (actors, phases, entries, agenda, actions, timeline)."""

from __future__ import annotations

import uuid
from functools import cached_property

from sqlalchemy import select

from workbench.domain.monitoring_year import PROJECT_YEAR_MEETINGS, PROJECT_YEAR_PHASES, YearSetUp
from workbench.services.context import ServiceContext
from workbench.store.schema import LogEntry as EntryRow, Phase as PhaseRow


class MonitoringService:
    """The monitoring log of the project year.

    `actors` and `phases` keep the registers, `entries` the log itself, `agenda` the learning questions,
    `actions` the follow-up actions, `timeline` the timelines, themes over time and export reports,
    `sheets` imports a spreadsheet log and `reports` meeting reports.
    """

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    @cached_property
    def actors(self):
        from workbench.services.monitoring_register import ActorService

        return ActorService(self.ctx)

    @cached_property
    def phases(self):
        from workbench.services.monitoring_register import PhaseService

        return PhaseService(self.ctx)

    @cached_property
    def entries(self):
        from workbench.services.monitoring_entries import EntryService

        return EntryService(self.ctx)

    @cached_property
    def agenda(self):
        from workbench.services.monitoring_agenda import AgendaService

        return AgendaService(self.ctx)

    @cached_property
    def actions(self):
        from workbench.services.monitoring_actions import ActionService

        return ActionService(self.ctx)

    @cached_property
    def timeline(self):
        from workbench.services.monitoring_timeline import TimelineService

        return TimelineService(self.ctx)

    @cached_property
    def sheets(self):
        from workbench.services.monitoring_import import LogSheetService

        return LogSheetService(self.ctx)

    @cached_property
    def reports(self):
        from workbench.services.monitoring_reports import ReportImportService

        return ReportImportService(self.ctx)

    def init_year(self) -> YearSetUp:
        """Set up the project year: its phases per track and its three fixed meetings; what exists is kept."""
        with self.ctx.change("log.init_year", target="project_year") as unit:
            s = unit.session
            phases = {(name, track) for name, track in s.execute(select(PhaseRow.name, PhaseRow.track))}
            meetings = {(day, title) for day, title in s.execute(select(EntryRow.date, EntryRow.title))}
            added_phases = added_meetings = 0
            for plan in PROJECT_YEAR_PHASES:
                if (plan.name, plan.track) not in phases:
                    s.add(PhaseRow(name=plan.name, track=plan.track, start=plan.start, end=plan.end, description=plan.description))
                    added_phases += 1
            for meeting in PROJECT_YEAR_MEETINGS:
                if (meeting.date, meeting.title) not in meetings:
                    s.add(EntryRow(guid=str(uuid.uuid4()), date=meeting.date, type="meeting", title=meeting.title,
                                   location=meeting.location, observation=meeting.observation, author_id=unit.coder_id))
                    added_meetings += 1
            there = len(PROJECT_YEAR_PHASES) + len(PROJECT_YEAR_MEETINGS) - added_phases - added_meetings
            unit.describe(summary=f"Set up the project year: {added_phases} phases and {added_meetings} meetings added")
        return YearSetUp(added_phases, added_meetings, there)

    def export_timeline(self, fmt: str | None, path=None, wanted=None, *, pseudonymise: bool = False, today=None):
        """Write the timeline as xlsx, docx, csv, json or ics (internal entries only when the filter asks)."""
        from workbench.services.monitoring_export import export_timeline

        return export_timeline(self.ctx, fmt, path, wanted, pseudonymise=pseudonymise, today=today)
