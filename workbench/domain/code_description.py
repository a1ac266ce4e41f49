"""One description text for a code, as REFI-QDA tools hold it, and back.

Other programs keep a single `Description` per code; the definition goes first and the usage
notes, example and English name follow as labelled paragraphs, so that coders in ATLAS.ti or
NVivo still see them and a file written here reads back into the same fields.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LABELS = (
    ("when_to_use", "When to use"),
    ("when_not_to_use", "When not to use"),
    ("example", "Example"),
    ("name_en", "English name"),
)
_FIELD_OF = {label: field for field, label in LABELS}
_SECTION = re.compile(r"^(" + "|".join(re.escape(label) for _f, label in LABELS) + r"): ", re.M)


@dataclass(frozen=True)
class DescribedFields:
    """The fields a description text carries."""

    definition: str = ""
    when_to_use: str = ""
    when_not_to_use: str = ""
    example: str = ""
    name_en: str = ""


def pack_description(fields: DescribedFields) -> str:
    """The definition, then one labelled paragraph per non-empty field."""
    parts = [fields.definition.strip()] if fields.definition.strip() else []
    for field, label in LABELS:
        value = getattr(fields, field).strip()
        if value:
            parts.append(f"{label}: {value}")
    return "\n\n".join(parts)


def unpack_description(text: str) -> DescribedFields:
    """Split a description written by `pack_description`; any other text is all definition."""
    text = text.replace("\r\n", "\n").strip()
    starts = [m for m in _SECTION.finditer(text) if m.start() == 0 or text[m.start() - 2:m.start()] == "\n\n"]
    if not starts:
        return DescribedFields(definition=text)
    values: dict[str, str] = {"definition": text[: starts[0].start()].strip()}
    for match, following in zip(starts, starts[1:] + [None]):
        end = following.start() if following is not None else len(text)
        field = _FIELD_OF[match.group(1)]
        if field in values:
            # A label used twice is not our layout: keep the whole text as the definition.
            return DescribedFields(definition=text)
        values[field] = text[match.end():end].strip()
    return DescribedFields(**values)
