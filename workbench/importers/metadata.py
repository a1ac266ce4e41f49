"""What a transcript's header states about the interview: `Datum: 12 november 2024`, `Plaats: Nijmegen`, ..."""

from __future__ import annotations

import datetime as dt
import re

# Header keys (Dutch and English) and the metadata name each is stored under.
_KEYS = {
    "datum": "date", "date": "date", "interviewdatum": "date", "gespreksdatum": "date",
    "plaats": "place", "locatie": "place", "place": "place", "location": "place", "plek": "place",
    "tijd": "time", "tijdstip": "time", "time": "time",
    "duur": "duration", "duration": "duration", "lengte": "duration", "length": "duration",
    "organisatie": "organisation", "organisation": "organisation", "organization": "organisation",
    "functie": "role", "rol": "role", "role": "role", "function": "role",
    "onderwerp": "subject", "subject": "subject", "topic": "subject", "thema": "subject",
    "project": "project", "casus": "case", "case": "case",
    "aanwezig": "participants", "aanwezigen": "participants", "deelnemers": "participants",
    "participants": "participants", "present": "participants",
    "transcriptie": "transcribed_by", "getranscribeerd door": "transcribed_by", "transcribed by": "transcribed_by",
    "titel": "title", "title": "title",
}  # fmt: skip
_HEADER_LINE = re.compile(r"(?:\*\*|__)?([^\W\d_][\w ]{1,24}?)(?:\*\*|__)?\s*:(?:\*\*|__)?\s+(.{1,160})")
_MONTHS = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "february": 2, "feb": 2, "maart": 3, "march": 3,
    "mrt": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7, "augustus": 8, "august": 8, "aug": 8, "september": 9, "sept": 9,
    "sep": 9, "oktober": 10, "october": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th|e|ste|de)?\.?\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")


def header_field(line: str) -> tuple[str, str] | None:
    """Return `(name, value)` when `line` is a known header field such as `Datum: 12 november 2024`.

    Dates are returned in ISO form; a date that cannot be read is returned as `date_text`.
    """
    match = _HEADER_LINE.fullmatch(line.strip())
    if match is None:
        return None
    name = _KEYS.get(match.group(1).strip().casefold())
    if name is None:
        return None
    value = match.group(2).strip().strip("*_").strip()
    if name == "date":
        iso = parse_date(value)
        return ("date", iso) if iso else ("date_text", value)
    return name, value


def parse_date(text: str) -> str | None:
    """Find a calendar date in `text` (Dutch or English month names, ISO, or day-first numbers); return ISO."""
    for pattern, order in (
        (_ISO, "ymd"),
        (_DAY_MONTH_YEAR, "dmy"),
        (_MONTH_DAY_YEAR, "mdy"),
        (_NUMERIC, "dmy"),
    ):
        match = pattern.search(text)
        if match is None:
            continue
        parts = dict(zip(order, match.groups()))
        month = parts["m"]
        try:
            date = dt.date(
                int(parts["y"]),
                int(month) if month.isdigit() else _MONTHS[month.casefold()],
                int(parts["d"]),
            )
        except ValueError:
            continue
        return date.isoformat()
    return None
