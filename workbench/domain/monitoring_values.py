"""The monitoring log's vocabulary and how typed-in values become stored ones.

Researchers write "werkbezoek", "phone/e-mail" or "4 september 2024"; the log stores `work_visit`,
`phone_email` and a date. Every reader here raises InvalidInput with one sentence naming the field.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata

from workbench.domain.errors import InvalidInput

ENTRY_TYPES = (
    "interview", "meeting", "work_visit", "workshop", "training", "phone_email",
    "observation", "decision", "milestone", "other",
)
SIGNIFICANCES = ("none", "high_point", "low_point", "learning_moment", "turning_point")
QUESTION_STATUSES = ("open", "provisional", "answered", "dropped")
ACTION_STATUSES = ("open", "in_progress", "done", "cancelled")
CONFIDENTIALITIES = ("normal", "internal")
ACTOR_KINDS = ("person", "organisation")


def _key(text: str) -> str:
    """Lower case, accents and everything but letters and digits removed: 'Phone/E-mail' -> 'phoneemail'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


def _words(mapping: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {_key(word): value for value, words in mapping.items() for word in (value, *words)}


_TYPE_WORDS = _words({
    "interview": ("gesprek", "interviews", "vraaggesprek"),
    "meeting": ("overleg", "vergadering", "bijeenkomst", "bijeenkomsten", "meetings", "bespreking"),
    "work_visit": ("work visit", "site visit", "visit", "werkbezoek", "bezoek", "werkbezoeken"),
    "workshop": ("workshops", "sessie", "werksessie", "werkplaats"),
    "training": ("trainingen", "scholing", "cursus"),
    "phone_email": ("phone/e-mail", "phone", "email", "e-mail", "mail", "telefoon", "telefonisch",
                    "telefoon/e-mail", "call", "belafspraak"),
    "observation": ("observatie", "waarneming", "veldnotitie", "field note", "field notes"),
    "decision": ("besluit", "beslissing", "besluitvorming"),
    "milestone": ("mijlpaal", "mijlpalen"),
    "other": ("overig", "overige", "anders", "ander", "document"),
})
_SIGNIFICANCE_WORDS = _words({
    "none": ("", "geen", "no", "nee", "n/a"),
    "high_point": ("high point", "high", "highlight", "hoogtepunt", "hoog"),
    "low_point": ("low point", "low", "dieptepunt", "laagtepunt", "laag"),
    "learning_moment": ("learning moment", "learning", "leermoment", "leer moment", "eye-opener", "eyeopener"),
    "turning_point": ("turning point", "kantelpunt", "keerpunt", "omslagpunt"),
})
_QUESTION_WORDS = _words({
    "open": ("opened", "reopened", "heropend"),
    "provisional": ("provisional answer", "voorlopig", "voorlopig antwoord", "voorlopig beantwoord"),
    "answered": ("answer", "beantwoord", "antwoord"),
    "dropped": ("drop", "vervallen", "geschrapt", "laten vallen"),
})
_ACTION_WORDS = _words({
    "open": ("todo", "to do", "nog doen"),
    "in_progress": ("in progress", "bezig", "loopt", "lopend", "started"),
    "done": ("klaar", "gedaan", "afgerond", "afgehandeld", "finished"),
    "cancelled": ("canceled", "geannuleerd", "vervallen", "cancel"),
})
_CONFIDENTIALITY_WORDS = _words({
    "normal": ("", "normaal", "open", "public", "openbaar", "nee", "no", "false", "0"),
    "internal": ("intern", "vertrouwelijk", "confidential", "private", "ja", "yes", "x", "true", "1"),
})
_KIND_WORDS = _words({
    "person": ("persoon", "people", "individual", "mens"),
    "organisation": ("organization", "organisatie", "org", "instelling"),
})


def _choose(words: dict[str, str], allowed: tuple[str, ...], text: object, what: str) -> str:
    raw = "" if text is None else str(text).strip()
    value = words.get(_key(raw))
    if value is None:
        readable = ", ".join(label(v) for v in allowed)
        raise InvalidInput(f"{what} '{raw}' is not known; use one of: {readable}.")
    return value


def entry_type(text: object) -> str:
    """The stored entry type for 'werkbezoek', 'work visit', 'phone/e-mail', ..."""
    if text is None or not str(text).strip():
        raise InvalidInput("The entry type is missing; use one of: " + ", ".join(label(t) for t in ENTRY_TYPES) + ".")
    return _choose(_TYPE_WORDS, ENTRY_TYPES, text, "The entry type")


def significance(text: object) -> str:
    """The stored timeline significance for 'hoogtepunt', 'learning moment', '' (none), ..."""
    return _choose(_SIGNIFICANCE_WORDS, SIGNIFICANCES, text, "The significance")


def question_status(text: object) -> str:
    """The stored learning-question status for 'voorlopig antwoord', 'answered', ..."""
    return _choose(_QUESTION_WORDS, QUESTION_STATUSES, text, "The question status")


def action_status(text: object) -> str:
    """The stored action status for 'bezig', 'done', ..."""
    return _choose(_ACTION_WORDS, ACTION_STATUSES, text, "The action status")


def confidentiality(text: object) -> str:
    """'normal' or 'internal' from 'intern', 'vertrouwelijk', '' (normal), ..."""
    return _choose(_CONFIDENTIALITY_WORDS, CONFIDENTIALITIES, text, "The confidentiality")


def actor_kind(text: object) -> str:
    """'person' or 'organisation'."""
    return _choose(_KIND_WORDS, ACTOR_KINDS, text, "The actor kind")


_MONTHS = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2, "maart": 3, "march": 3,
    "mrt": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7, "augustus": 8, "august": 8, "aug": 8, "september": 9, "sept": 9,
    "sep": 9, "oktober": 10, "october": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
MONTH_NAMES = tuple(_MONTHS)  # Dutch and English month names and their abbreviations
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|['’]?\d{2})$")
_WRITTEN = re.compile(r"^(?:[a-z]+\.?,?\s+)?(\d{1,2})(?:e|st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4}|['’]\d{2})$")
_MONTH_FIRST = re.compile(r"^(?:[a-z]+\.?,?\s+)?([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")


def _year(text: str) -> int:
    """A year as written: 2024, or '24 and 24 for 2024 (reports and minutes shorten it)."""
    digits = text.lstrip("'’")
    return int(digits) + 2000 if len(digits) == 2 else int(digits)
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?::(\d{2}))?$")


def _date_parts(raw: str) -> tuple[int, int, int] | None:
    if match := _ISO.match(raw):
        return int(match[1]), int(match[2]), int(match[3])
    if match := _DAY_FIRST.match(raw):
        return _year(match[3]), int(match[2]), int(match[1])
    if (match := _WRITTEN.match(raw.casefold())) and match[2] in _MONTHS:
        return _year(match[3]), _MONTHS[match[2]], int(match[1])
    if (match := _MONTH_FIRST.match(raw.casefold())) and match[1] in _MONTHS:
        return int(match[3]), _MONTHS[match[1]], int(match[2])
    return None


def no_such_day(year: int, month: int, day: int) -> str:
    """Why a well-written date does not exist: `no day 31: February 2025 has 28 days`."""
    if not 1 <= month <= 12:
        return f"not a date: there is no month {month}"
    days = calendar.monthrange(year, month)[1]
    return f"not a day of the calendar: {calendar.month_name[month]} {year} has {days} days"


def parse_date(value: object, what: str = "The date") -> dt.date:
    """A date from a date, an ISO string, a Dutch day-first date (4-9-2024, 04-09-'24), '4 september 2024' or
    'September 4, 2024'."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = "" if value is None else str(value).strip()
    if not raw:
        raise InvalidInput(f"{what} is missing; write it as YYYY-MM-DD, for example 2024-09-04.")
    parts = _date_parts(raw)
    try:
        if parts is not None:
            return dt.date(*parts)
    except ValueError:
        raise InvalidInput(f"{what} '{raw}' is {no_such_day(*(parts or (0, 0, 0)))}.") from None
    raise InvalidInput(f"{what} '{raw}' is not a date; write it as YYYY-MM-DD, for example 2024-09-04.")


def optional_date(value: object, what: str) -> dt.date | None:
    """A date, or None for an empty value."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_date(value, what)


def parse_time(value: object, what: str = "The time") -> dt.time | None:
    """A time of day from '14:00', '9.30' or a time value; None for an empty value."""
    if isinstance(value, dt.datetime):
        return value.time().replace(microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(microsecond=0)
    raw = "" if value is None else str(value).strip()
    if not raw:
        return None
    match = _TIME.match(raw)
    try:
        if match:
            return dt.time(int(match[1]), int(match[2]), int(match[3] or 0))
    except ValueError:
        pass
    raise InvalidInput(f"{what} '{raw}' is not a time of day; write it as HH:MM, for example 14:30.")


_NATURAL = {"phone_email": "phone/e-mail"}


def label(value: str) -> str:
    """A stored value as words: 'work_visit' -> 'work visit', 'phone_email' -> 'phone/e-mail'."""
    return _NATURAL.get(value, value.replace("_", " "))
