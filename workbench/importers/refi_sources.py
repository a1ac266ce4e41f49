"""Read the text sources of a REFI-QDA project: their texts, selections, codings, notes and values.

Positions are kept as written until every source has been read, so that one counting model can be
chosen for the whole file (see `workbench.domain.refi_positions`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from workbench.domain.codebook import normalise_guid
from workbench.domain.refi_positions import PositionMap
from workbench.importers.safe_xml import children, local_name

VALUE_ELEMENTS = ("TextValue", "BooleanValue", "IntegerValue", "FloatValue", "DateValue", "DateTimeValue")


def guid_of(element: etree._Element, attribute: str = "guid") -> str | None:
    """The element's GUID in lower case without braces, or None when it has no valid one."""
    return normalise_guid(element.get(attribute) or "")


def stamp(text: str | None) -> dt.datetime | None:
    """An xsd:dateTime as an aware datetime (UTC when no zone is given), or None."""
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def first_text(element: etree._Element, name: str) -> str:
    found = children(element, name)
    return (found[0].text or "") if found else ""


def note_refs(element: etree._Element) -> list[str]:
    return [g for g in (guid_of(ref, "targetGUID") for ref in children(element, "NoteRef")) if g]


def decode_text(data: bytes) -> tuple[str, str | None]:
    """A source file's text (BOM dropped) and a remark when it was not UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "Windows-1252"


def parse_value(element: etree._Element) -> tuple[str | None, Any]:
    """A VariableValue's variable GUID and its value in the Python type of its element."""
    reference = children(element, "VariableRef")
    guid = guid_of(reference[0], "targetGUID") if reference else None
    for child in element:
        kind = local_name(child)
        if kind not in VALUE_ELEMENTS:
            continue
        text = (child.text or "").strip()
        if kind == "TextValue":
            return guid, child.text or ""
        if kind == "BooleanValue":
            return guid, text.lower() in ("true", "1")
        try:
            if kind in ("IntegerValue", "FloatValue"):
                return guid, float(text)
            if kind == "DateValue":
                return guid, dt.date.fromisoformat(text[:10])
            moment = stamp(text)
            return guid, moment.date() if moment else None
        except ValueError:
            return guid, text or None
    return guid, None


@dataclass
class RawCoding:
    guid: str
    code_guid: str | None
    user: str | None
    created: dt.datetime | None
    notes: list[str]


@dataclass
class RawSelection:
    guid: str
    start: int
    end: int
    name: str
    description: str
    user: str | None
    created: dt.datetime | None
    codings: list[RawCoding]
    notes: list[str]


@dataclass
class RawSource:
    """One text source as read, positions not yet mapped."""

    guid: str
    title: str
    positions: PositionMap
    user: str | None
    created: dt.datetime | None
    description: str
    selections: list[RawSelection] = field(default_factory=list)
    whole: list[RawCoding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    values: list[tuple[str | None, Any]] = field(default_factory=list)
    remark: str | None = None


def _coding(element: etree._Element, fallback_user: str | None) -> RawCoding:
    reference = children(element, "CodeRef")
    code = guid_of(reference[0], "targetGUID") if reference else None
    return RawCoding(guid_of(element) or str(uuid.uuid4()), code,
                     guid_of(element, "creatingUser") or fallback_user,
                     stamp(element.get("creationDateTime")), note_refs(element))


def read_text_source(element: etree._Element, title: str, data: bytes | str, project_user: str | None) -> RawSource:
    """A TextSource (or a PDF's Representation) with its text decoded and its selections read."""
    if isinstance(data, bytes):
        raw, remark = decode_text(data)
    else:
        raw, remark = data, None
    user = guid_of(element, "creatingUser") or project_user
    source = RawSource(
        guid=guid_of(element) or str(uuid.uuid4()), title=title, positions=PositionMap.of(raw), user=user,
        created=stamp(element.get("creationDateTime")), description=first_text(element, "Description"),
        remark=remark,
    )
    for selection in children(element, "PlainTextSelection"):
        try:
            start, end = int(selection.get("startPosition", "")), int(selection.get("endPosition", ""))
        except ValueError:
            start, end = -1, -1
        selection_user = guid_of(selection, "creatingUser") or user
        source.selections.append(RawSelection(
            guid=guid_of(selection) or str(uuid.uuid4()), start=start, end=end, name=selection.get("name") or "",
            description=first_text(selection, "Description"), user=selection_user,
            created=stamp(selection.get("creationDateTime")),
            codings=[_coding(c, selection_user) for c in children(selection, "Coding")],
            notes=note_refs(selection),
        ))
    source.whole = [_coding(c, user) for c in children(element, "Coding")]
    source.notes = note_refs(element)
    source.values = [parse_value(v) for v in children(element, "VariableValue")]
    return source
