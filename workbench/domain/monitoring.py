"""The monitoring log as the front ends see it: actors, phases, log entries and what hangs on them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    """A person or organisation in the actor register; exports show the pseudonym when asked."""

    id: int
    name: str
    kind: str = "person"
    organisation_type: str = ""
    role: str = ""
    pseudonym: str = ""
    organisation: str | None = None

    def shown(self, pseudonymise: bool) -> str:
        """The name to print: the pseudonym in a pseudonymised export (never the real name)."""
        if not pseudonymise:
            return self.name
        return self.pseudonym or f"{'Persoon' if self.kind == 'person' else 'Organisatie'} {self.id}"


@dataclass(frozen=True)
class Phase:
    """A phase of the project year on a track; `end` None means still running."""

    id: int
    name: str
    start: dt.date
    end: dt.date | None
    track: str = ""
    description: str = ""

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class EntryLink:
    """A link from an entry to a document (an interview's transcript), a coding or a code."""

    id: int
    kind: str  # "document", "coding" or "code"
    target_id: int
    label: str


@dataclass(frozen=True)
class Quote:
    """A coded fragment linked to an entry: a participant's own words."""

    document: str
    code: str
    text: str


@dataclass(frozen=True)
class EntryMemo:
    """A memo written on a log entry."""

    id: int
    title: str
    text: str
    author: str | None
    created_at: dt.datetime


@dataclass(frozen=True)
class QuestionMark:
    """A learning question raised or moved at an entry, with the status it got there."""

    id: int
    text: str
    status: str


@dataclass(frozen=True)
class ActionMark:
    """A follow-up action agreed at an entry."""

    id: int
    action: str
    owner: str
    due: dt.date | None
    status: str


@dataclass(frozen=True)
class LogEntry:
    """One moment of the project year: what happened, what it meant, and how it marks the timeline."""

    id: int
    guid: str
    date: dt.date
    type: str
    title: str
    end_date: dt.date | None = None
    time: dt.time | None = None
    location: str = ""
    actors: tuple[Actor, ...] = ()
    observation: str = ""
    interpretation: str = ""
    reflection: str = ""
    significance: str = "none"
    significance_why: str = ""
    confidentiality: str = "normal"
    author: str | None = None
    links: tuple[EntryLink, ...] = ()
    memos: tuple[EntryMemo, ...] = ()
    questions: tuple[QuestionMark, ...] = ()
    actions: tuple[ActionMark, ...] = ()
    quotes: tuple[Quote, ...] = ()
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None

    @property
    def last_day(self) -> dt.date:
        return self.end_date or self.date

    @property
    def marked(self) -> bool:
        """True when the entry is a high point, low point, learning moment or turning point."""
        return self.significance != "none"

    def actor_names(self, pseudonymise: bool = False) -> tuple[str, ...]:
        return tuple(actor.shown(pseudonymise) for actor in self.actors)


@dataclass(frozen=True)
class EntryDraft:
    """What a user typed for a new or changed entry, already read into stored values."""

    date: dt.date
    type: str
    title: str
    end_date: dt.date | None = None
    time: dt.time | None = None
    location: str = ""
    actors: tuple[str, ...] = ()
    observation: str = ""
    interpretation: str = ""
    reflection: str = ""
    significance: str = "none"
    significance_why: str = ""
    confidentiality: str = "normal"
    author: str | None = None


@dataclass(frozen=True)
class EntryFilter:
    """Which entries to show or export: a period, types, actors, significances, and internal ones or not."""

    start: dt.date | None = None
    end: dt.date | None = None
    types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    significances: tuple[str, ...] = ()
    include_internal: bool = True

    def admits(self, entry: LogEntry) -> bool:
        """True when the entry passes every part of the filter."""
        if self.start and entry.last_day < self.start:
            return False
        if self.end and entry.date > self.end:
            return False
        if self.types and entry.type not in self.types:
            return False
        if self.significances and entry.significance not in self.significances:
            return False
        if not self.include_internal and entry.confidentiality == "internal":
            return False
        if self.actors:
            wanted = {name.casefold() for name in self.actors}
            present = {a.name.casefold() for a in entry.actors} | {a.pseudonym.casefold() for a in entry.actors if a.pseudonym}
            if not wanted & present:
                return False
        return True
