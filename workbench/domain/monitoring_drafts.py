"""Reading a log entry from typed-in values (options, a template, a spreadsheet row), every problem named."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any

from workbench.domain import monitoring_values as values
from workbench.domain.errors import InvalidInput
from workbench.domain.monitoring import EntryDraft, EntryFilter, LogEntry

# The fields of an entry in the order forms, templates and sheets show them.
FIELDS = (
    "date", "end_date", "time", "type", "title", "location", "actors", "observation", "interpretation",
    "reflection", "significance", "significance_why", "confidentiality", "author",
)
TEXT_FIELDS = ("title", "location", "observation", "interpretation", "reflection", "significance_why")


def split_names(raw: Any) -> tuple[str, ...]:
    """Actor names from a list, or from text separated by semicolons, new lines or (failing those) commas."""
    if raw is None:
        return ()
    if isinstance(raw, (list, tuple)):
        parts = [str(p) for p in raw]
    else:
        text = str(raw)
        parts = re.split(r"[;\n]", text) if re.search(r"[;\n]", text) else text.split(",")
    seen: dict[str, str] = {}
    for part in parts:
        name = " ".join(part.split())
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return tuple(seen.values())


def _text(raw: Any) -> str:
    if raw is None:
        return ""
    return str(raw).replace("\r\n", "\n").strip()


def entry_problems(raw: Mapping[str, Any]) -> tuple[EntryDraft | None, tuple[str, ...]]:
    """The draft an entry's raw values make, or None and one sentence per problem."""
    problems: list[str] = []
    parsed: dict[str, Any] = {}

    def read(field: str, reader) -> None:
        try:
            parsed[field] = reader(raw.get(field))
        except InvalidInput as exc:
            problems.append(str(exc))

    read("date", lambda v: values.parse_date(v, "The date"))
    read("end_date", lambda v: values.optional_date(v, "The end date"))
    read("time", lambda v: values.parse_time(v, "The time"))
    read("type", values.entry_type)
    read("significance", values.significance)
    read("confidentiality", values.confidentiality)
    for field in TEXT_FIELDS:
        parsed[field] = _text(raw.get(field))
    parsed["actors"] = split_names(raw.get("actors"))
    author = _text(raw.get("author"))
    parsed["author"] = author or None
    if not parsed["title"]:
        problems.append("The title is missing; give the entry a short title such as 'Interview wijkmanager'.")
    start, end = parsed.get("date"), parsed.get("end_date")
    if start and end and end < start:
        problems.append(f"The end date {end.isoformat()} is before the date {start.isoformat()}; an entry cannot end before it starts.")
    if problems:
        return None, tuple(problems)
    return EntryDraft(**parsed), ()


def read_entry(raw: Mapping[str, Any]) -> EntryDraft:
    """The draft an entry's raw values make; InvalidInput names every problem."""
    draft, problems = entry_problems(raw)
    if draft is None:
        raise InvalidInput(" ".join(problems))
    return draft


def entry_values(entry: LogEntry) -> dict[str, Any]:
    """An existing entry as raw values, so changes can be laid over it and read again."""
    return {
        "date": entry.date, "end_date": entry.end_date, "time": entry.time, "type": entry.type,
        "title": entry.title, "location": entry.location, "actors": [a.name for a in entry.actors],
        "observation": entry.observation, "interpretation": entry.interpretation, "reflection": entry.reflection,
        "significance": entry.significance, "significance_why": entry.significance_why,
        "confidentiality": entry.confidentiality, "author": entry.author or "",
    }


def changed_entry(entry: LogEntry, changes: Mapping[str, Any]) -> EntryDraft:
    """The draft an entry becomes with some fields changed; unknown field names are refused."""
    unknown = sorted(set(changes) - set(FIELDS))
    if unknown:
        raise InvalidInput(f"A log entry has no field '{unknown[0]}'; the fields are: {', '.join(FIELDS)}.")
    return read_entry({**entry_values(entry), **changes})


def draft_changes(before: EntryDraft, after: EntryDraft) -> tuple[str, ...]:
    """The names of the fields that differ between two drafts."""
    return tuple(f.name for f in dataclasses.fields(EntryDraft) if getattr(before, f.name) != getattr(after, f.name))


def read_filter(*, start: Any = None, end: Any = None, types: tuple[str, ...] | list[str] = (),
                actors: tuple[str, ...] | list[str] = (), significances: tuple[str, ...] | list[str] = (),
                include_internal: bool = True) -> EntryFilter:
    """A filter from typed-in values ('werkbezoek', 'hoogtepunt', '2024-09-01'); a period that ends before it starts is refused."""
    first = values.optional_date(start, "The start of the period (--from)")
    last = values.optional_date(end, "The end of the period (--to)")
    if first and last and last < first:
        raise InvalidInput(f"The period ends ({last.isoformat()}) before it starts ({first.isoformat()}); swap --from and --to.")
    return EntryFilter(
        start=first, end=last, types=tuple(dict.fromkeys(values.entry_type(t) for t in types or ())),
        actors=split_names(list(actors or ())), include_internal=include_internal,
        significances=tuple(dict.fromkeys(values.significance(s) for s in significances or ())),
    )
