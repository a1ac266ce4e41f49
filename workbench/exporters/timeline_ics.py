"""The dated entries and the due dates of open actions as an iCalendar file (RFC 5545), for any calendar."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from workbench.domain.monitoring import LogEntry
from workbench.domain.monitoring_agenda import ACTIVE_ACTIONS, FollowUpAction
from workbench.domain.monitoring_labels import Labels
from workbench.domain.monitoring_report import TimelineReport
from workbench.exporters.export_files import replacing

LINE_OCTETS = 75


def escape_text(text: str) -> str:
    """A TEXT value with backslashes, semicolons, commas and line breaks escaped."""
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """A content line folded into pieces of at most 75 octets, never splitting a UTF-8 character."""
    pieces, current, size = list[str](), list[str](), 0
    for char in line:
        width = len(char.encode("utf-8"))
        limit = LINE_OCTETS if not pieces else LINE_OCTETS - 1  # continuation lines start with a space
        if size + width > limit:
            pieces.append("".join(current))
            current, size = [], 0
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def _date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def _event(uid: str, stamp: str, start: list[str], summary: str, *, description: str = "", location: str = "",
           categories: tuple[str, ...] = (), internal: bool = False) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{stamp}", *start, f"SUMMARY:{escape_text(summary)}"]
    if location:
        lines.append(f"LOCATION:{escape_text(location)}")
    if description:
        lines.append(f"DESCRIPTION:{escape_text(description)}")
    if categories:
        lines.append("CATEGORIES:" + ",".join(escape_text(c) for c in categories if c))
    lines.append("CLASS:CONFIDENTIAL" if internal else "CLASS:PUBLIC")
    lines.append("END:VEVENT")
    return lines


def _when(entry: LogEntry) -> list[str]:
    if entry.time is None:
        last = (entry.end_date or entry.date) + dt.timedelta(days=1)  # DTEND of an all-day event is exclusive
        return [f"DTSTART;VALUE=DATE:{_date(entry.date)}", f"DTEND;VALUE=DATE:{_date(last)}"]
    start = dt.datetime.combine(entry.date, entry.time)
    end = dt.datetime.combine(entry.end_date or entry.date, entry.time) + dt.timedelta(hours=1)
    return [f"DTSTART:{start:%Y%m%dT%H%M%S}", f"DTEND:{end:%Y%m%dT%H%M%S}"]


def _entry_text(entry: LogEntry, words: Labels) -> str:
    parts = []
    if entry.actors:
        parts.append(f"{words['who']}: {', '.join(a.name for a in entry.actors)}")
    if entry.observation:
        parts.append(entry.observation)
    if entry.marked:
        why = f": {entry.significance_why}" if entry.significance_why else ""
        parts.append(f"{words.significance(entry.significance).capitalize()}{why}")
    return "\n\n".join(parts)


def _action_uid(report: TimelineReport, action: FollowUpAction) -> str:
    stable = uuid.uuid5(uuid.NAMESPACE_URL, f"workbench:{report.project}:action:{action.id}")
    return f"{stable}@workbench"


def calendar_text(report: TimelineReport) -> str:
    """The whole calendar as text with CRLF line ends, folded and escaped."""
    words = Labels(report.language)
    stamp = report.generated.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    name = f"{report.project} – {words['timeline'].lower()}"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//workbench//monitoring log//NL", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{escape_text(name)}"]
    for entry in report.entries:
        categories = (words.type(entry.type), words.significance(entry.significance))
        lines += _event(f"{entry.guid}@workbench", stamp, _when(entry), f"{words.type(entry.type).capitalize()}: {entry.title}",
                        description=_entry_text(entry, words), location=entry.location, categories=categories,
                        internal=entry.confidentiality == "internal")
    for action in report.actions:
        if action.due is None or action.status not in ACTIVE_ACTIONS:
            continue
        owner = f" ({action.owner})" if action.owner else ""
        agreed = f"{words['agreed']}: {action.entry_title} ({action.entry_date.isoformat()})" if action.entry_date else ""
        start = [f"DTSTART;VALUE=DATE:{_date(action.due)}", f"DTEND;VALUE=DATE:{_date(action.due + dt.timedelta(days=1))}"]
        lines += _event(_action_uid(report, action), stamp, start, f"{words['due_event']}: {action.action}{owner}",
                        description=agreed, categories=(words["action"],))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def write_timeline_ics(report: TimelineReport, path: Path) -> Path:
    """Write the calendar; the bytes are UTF-8 with CRLF line ends as RFC 5545 requires."""
    with replacing(path) as temporary:
        temporary.write_bytes(calendar_text(report).encode("utf-8"))
    return Path(path)
