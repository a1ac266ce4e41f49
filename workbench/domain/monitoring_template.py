"""The plain-text template `log add --edit` opens in the user's editor, and how it is read back."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from workbench.domain.errors import InvalidInput
from workbench.domain.monitoring_values import ENTRY_TYPES, SIGNIFICANCES, label

_HEADER_FIELDS = (
    ("date", "date"), ("end date", "end_date"), ("time", "time"), ("type", "type"), ("title", "title"),
    ("location", "location"), ("actors", "actors"), ("significance", "significance"), ("why", "significance_why"),
    ("confidentiality", "confidentiality"), ("author", "author"),
)
_SECTIONS = (
    ("Observation (what happened, factual)", "observation"),
    ("Interpretation", "interpretation"),
    ("Reflection", "reflection"),
)
_SECTION = re.compile(r"^==\s*(.+?)\s*==\s*$")


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text[:5] if len(text) == 8 and text.endswith(":00") else text
    return label(str(value)) if str(value) in ENTRY_TYPES + SIGNIFICANCES else str(value)


def render_template(values: Mapping[str, Any]) -> str:
    """The template filled with the given raw values (an existing entry, or defaults for a new one)."""
    lines = [
        "# Log entry. Fill in the fields; lines that start with # are ignored. Save and close to keep it;",
        "# leave the title empty to cancel.",
        "# type: " + ", ".join(label(t) for t in ENTRY_TYPES),
        "# significance: " + ", ".join(label(s) for s in SIGNIFICANCES) + "  (why: what makes it one)",
        "# actors: names from the actor register, separated by ';'.  confidentiality: normal or internal",
    ]
    for heading, field in _HEADER_FIELDS:
        value = _plain(values.get(field)) or ""
        lines.append(f"{heading}: {value}".rstrip())
    for heading, field in _SECTIONS:
        lines += ["", f"== {heading} ==", _plain(values.get(field))]
    return "\n".join(lines).rstrip() + "\n"


def parse_template(text: str) -> dict[str, str]:
    """The raw values of a filled-in template; a line that is not 'field: value' is refused by number."""
    headers = {heading: field for heading, field in _HEADER_FIELDS}
    sections = {heading.split(" (")[0].casefold(): field for heading, field in _SECTIONS}
    values: dict[str, str] = {}
    section: str | None = None
    body: dict[str, list[str]] = {}
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        if line.startswith("#"):
            continue
        if match := _SECTION.match(line):
            name = match[1].split(" (")[0].casefold()
            if name not in sections:
                raise InvalidInput(f"Line {number} of the entry names an unknown section '{match[1]}'; "
                                   "the sections are Observation, Interpretation and Reflection.")
            section = sections[name]
            body[section] = []
            continue
        if section is not None:
            body[section].append(line)
            continue
        if not line.strip():
            continue
        key, colon, value = line.partition(":")
        field = headers.get(key.strip().casefold())
        if not colon or field is None:
            raise InvalidInput(f"Line {number} of the entry ('{line.strip()[:40]}') is not 'field: value' with one of "
                               f"the fields {', '.join(h for h, _ in _HEADER_FIELDS)}.")
        values[field] = value.strip()
    for field, lines in body.items():
        values[field] = "\n".join(lines).strip()
    return values
