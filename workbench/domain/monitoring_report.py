"""Everything a timeline export holds, and how names are replaced by pseudonyms before it leaves the project."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Protocol

from workbench.domain.monitoring import EntryFilter, LogEntry, Phase, Quote
from workbench.domain.monitoring_agenda import FollowUpAction, LearningQuestion
from workbench.domain.monitoring_timeline import Timeline

EXPORT_FORMATS = ("xlsx", "docx", "csv", "json", "ics")


@dataclass(frozen=True)
class TimelineReport:
    """The filtered log of a period with its timeline, learning agenda and actions."""

    project: str
    language: str
    generated: dt.datetime
    today: dt.date
    filter: EntryFilter
    pseudonymised: bool
    timeline: Timeline
    phases: tuple[Phase, ...]
    entries: tuple[LogEntry, ...]
    questions: tuple[LearningQuestion, ...]
    actions: tuple[FollowUpAction, ...]

    def entry(self, entry_id: int | None) -> LogEntry | None:
        return next((e for e in self.entries if e.id == entry_id), None)


class TextReplacer(Protocol):
    """Anything that replaces real names in a text (the name register's Replacer)."""

    def text(self, text: str | None) -> str | None: ...


def _replaced(names: TextReplacer):
    return lambda text: (names.text(text) or "") if text else (text or "")


def _actor_name(actor, names: TextReplacer) -> str:
    """An actor's pseudonym: the one the name register gives, else the actor register's own."""
    shown = names.text(actor.name)
    return shown if shown and shown != actor.name else actor.shown(True)


def _entry(entry: LogEntry, names: TextReplacer) -> LogEntry:
    apply = _replaced(names)
    shown = {a.id: _actor_name(a, names) for a in entry.actors}
    actors = tuple(replace(a, name=shown[a.id], pseudonym=shown[a.id], role=apply(a.role),
                           organisation=apply(a.organisation or "") or None) for a in entry.actors)
    quotes = tuple(Quote(apply(q.document), q.code, apply(q.text)) for q in entry.quotes)
    memos = tuple(replace(m, title=apply(m.title), text=apply(m.text)) for m in entry.memos)
    questions = tuple(replace(q, text=apply(q.text)) for q in entry.questions)
    actions = tuple(replace(a, action=apply(a.action), owner=apply(a.owner)) for a in entry.actions)
    links = tuple(replace(link, label=apply(link.label)) for link in entry.links)
    return replace(
        entry, title=apply(entry.title), location=apply(entry.location), actors=actors,
        observation=apply(entry.observation), interpretation=apply(entry.interpretation),
        reflection=apply(entry.reflection), significance_why=apply(entry.significance_why),
        quotes=quotes, memos=memos, questions=questions, actions=actions, links=links,
    )


def pseudonymise(report: TimelineReport, names: TextReplacer) -> TimelineReport:
    """The report with actors shown by pseudonym and real names replaced in every text."""
    apply = _replaced(names)
    entries = tuple(_entry(e, names) for e in report.entries)
    by_id = {e.id: e for e in entries}
    rows = tuple(
        replace(row, phases=tuple(apply(n) for n in row.phases),
                entries=tuple(by_id.get(e.id) or _entry(e, names) for e in row.entries),
                markers=tuple(replace(m, title=apply(m.title), why=apply(m.why)) for m in row.markers))
        for row in report.timeline.rows
    )
    markers = tuple(replace(m, title=apply(m.title), why=apply(m.why)) for m in report.timeline.markers)
    questions = tuple(
        replace(q, text=apply(q.text), raised_by=apply(q.raised_by),
                history=tuple(replace(c, note=apply(c.note), entry_title=apply(c.entry_title)) for c in q.history))
        for q in report.questions
    )
    actions = tuple(replace(a, action=apply(a.action), owner=apply(a.owner),
                            entry_title=apply(a.entry_title)) for a in report.actions)
    phases = tuple(_phase(p, names) for p in report.phases)
    tracks = tuple(replace(t, bars=tuple(replace(b, phase=_phase(b.phase, names)) for b in t.bars))
                   for t in report.timeline.tracks)
    wanted = replace(report.filter, actors=tuple(apply(a) for a in report.filter.actors))
    return replace(report, entries=entries, questions=questions, actions=actions, phases=phases, pseudonymised=True,
                   filter=wanted, timeline=replace(report.timeline, rows=rows, markers=markers, tracks=tracks))


def _phase(phase: Phase, names: TextReplacer) -> Phase:
    apply = _replaced(names)
    return replace(phase, name=apply(phase.name), description=apply(phase.description))


@dataclass(frozen=True)
class TimelineExport:
    """What a timeline export wrote: where, in which format, and how much."""

    path: str
    format: str
    entries: int
    questions: int
    actions: int
    pseudonymised: bool
    internal_included: bool
    deidentification: str | None = None  # the report written beside a pseudonymised export
