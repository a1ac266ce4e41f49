"""The dynamic learning agenda and the follow-up actions: versioned questions, actions that fall due."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workbench.domain.errors import InvalidInput

# Questions that stay open this long point to a persistent problem (RMiA); the agenda shows them as such.
LONG_OPEN_DAYS = 90
UNSETTLED = ("open", "provisional")
ACTIVE_ACTIONS = ("open", "in_progress")


@dataclass(frozen=True)
class StatusChange:
    """One dated step in a question's history, with the entry where it happened."""

    id: int
    status: str
    date: dt.date
    entry_id: int | None = None
    entry_title: str = ""
    note: str = ""


@dataclass(frozen=True)
class LearningQuestion:
    """A learning question with who raised it, when, and every status it has had."""

    id: int
    text: str
    raised_by: str
    raised_on: dt.date
    raised_entry_id: int | None
    history: tuple[StatusChange, ...]
    today: dt.date

    @property
    def status(self) -> str:
        return self.history[-1].status if self.history else "open"

    @property
    def status_since(self) -> dt.date:
        return self.history[-1].date if self.history else self.raised_on

    @property
    def days_open(self) -> int:
        """Days from being raised to being settled (answered or dropped), or to today while unsettled."""
        until = self.today if self.status in UNSETTLED else self.status_since
        return max(0, (until - self.raised_on).days)

    @property
    def months_open(self) -> int:
        return self.days_open // 30

    @property
    def long_open(self) -> bool:
        """True when the question is still open, without even a provisional answer, after LONG_OPEN_DAYS."""
        return self.status == "open" and self.days_open >= LONG_OPEN_DAYS

    def status_on(self, day: dt.date) -> str | None:
        """The status the question had on a day; None before it was raised."""
        if day < self.raised_on:
            return None
        current = "open"
        for change in self.history:
            if change.date > day:
                break
            current = change.status
        return current


@dataclass(frozen=True)
class FollowUpAction:
    """An action agreed at an entry, with its owner, due date and status."""

    id: int
    action: str
    owner: str
    due: dt.date | None
    status: str
    entry_id: int | None
    entry_title: str
    entry_date: dt.date | None
    today: dt.date

    @property
    def overdue(self) -> bool:
        """True when the due date has passed and the action is neither done nor cancelled."""
        return self.due is not None and self.status in ACTIVE_ACTIONS and self.due < self.today

    @property
    def days_overdue(self) -> int:
        return (self.today - self.due).days if self.overdue and self.due else 0


def check_change(current: str, new: str, on: dt.date, raised_on: dt.date, last_change: dt.date | None) -> None:
    """Refuse a status change that says nothing new or is dated before the question's history."""
    if new == current:
        raise InvalidInput(f"The question is already {current.replace('_', ' ')}; give a different status.")
    if on < raised_on:
        raise InvalidInput(f"The change date {on.isoformat()} is before the question was raised ({raised_on.isoformat()}).")
    if last_change is not None and on < last_change:
        raise InvalidInput(
            f"The change date {on.isoformat()} is before the question's latest change ({last_change.isoformat()}); "
            "status changes are kept in the order they happened."
        )


def agenda_dates(questions: tuple[LearningQuestion, ...]) -> tuple[dt.date, ...]:
    """Every date on which some question was raised or changed status, in order: the agenda's columns."""
    days = {change.date for q in questions for change in q.history} | {q.raised_on for q in questions}
    return tuple(sorted(days))
