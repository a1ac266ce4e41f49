"""Write a project as a REFI-QDA `.qdpx`: `project.qde` plus `sources/<guid>.txt` per document.

The `.qde` validates against Project.xsd (QDA-XML 1.0): children in schema order, no empty containers,
six-digit colours, UTC times. Each source file is the document's stored text in UTF-8 without a BOM,
so positions are code points into it with an exclusive end, as the standard and ATLAS.ti count.
Speakers become codes on their turns under one category, as MAXQDA exports them. The zip is
byte-for-byte the same for the same project state.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections import defaultdict
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

from lxml import etree

from workbench import __version__
from workbench.domain.codebook import CodeSpec, normalise_guid
from workbench.domain.project_exchange import (
    SPEAKERS_DESCRIPTION,
    SPEAKERS_GUID,
    SPEAKERS_NAME,
    ExchangeCase,
    ExchangeCoding,
    ExchangeDocument,
    ExchangeProject,
    ExchangeVariable,
    derived_guid,
)
from workbench.domain.spans import shorten
from workbench.exporters.manifest import INSIDE_NAME, ContentHash
from workbench.exporters.qdc import append_codes, exported_codes

NS = "urn:QDA-XML:project:1.0"
SCHEMA_LOCATION = "http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
SELECTION_NAME_LENGTH = 120
VARIABLE_TYPES = {"text": "Text", "date": "Date", "boolean": "Boolean"}


def _clean(text: str | None) -> str:
    return _NOT_XML.sub("", text or "")


def _stamp(moment: dt.datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _guid(value: str | None) -> str | None:
    return normalise_guid(value) if value else None


def _element(parent: etree._Element, tag: str, **attributes: Any) -> etree._Element:
    element = etree.SubElement(parent, f"{{{NS}}}{tag}")
    for key, value in attributes.items():
        if value is not None:
            element.set(key, value)
    return element


def clock_time(seconds: float) -> str:
    """Seconds as `HH:MM:SS.mmm`."""
    millis = round(seconds * 1000)
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def _number(value: float) -> str:
    """A number as xsd:decimal (never in exponent notation)."""
    text = format(Decimal(repr(float(value))), "f")
    return text[:-2] if text.endswith(".0") else text


def _variable_type(variable: ExchangeVariable, values: list[Any]) -> str:
    if variable.type == "number":
        numbers = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
        return "Integer" if all(float(v).is_integer() for v in numbers) else "Float"
    return VARIABLE_TYPES.get(variable.type, "Text")


def _append_values(parent: etree._Element, pairs: tuple[tuple[str, Any], ...],
                   variables: dict[str, tuple[str | None, str]]) -> None:
    for name, value in pairs:
        if value is None or name not in variables:
            continue
        guid, kind = variables[name]
        holder = _element(parent, "VariableValue")
        _element(holder, "VariableRef", targetGUID=guid)
        if kind == "Boolean":
            _element(holder, "BooleanValue").text = "true" if value else "false"
        elif kind == "Integer":
            _element(holder, "IntegerValue").text = str(int(value))
        elif kind == "Float":
            _element(holder, "FloatValue").text = _number(value)
        elif kind == "Date":
            _element(holder, "DateValue").text = value.isoformat() if hasattr(value, "isoformat") else str(value)
        else:
            _element(holder, "TextValue").text = _clean(str(value))


def speaker_codes(documents: tuple[ExchangeDocument, ...]) -> tuple[CodeSpec | None, dict[str, str]]:
    """The speakers category with one code per speaker, and each speaker's code GUID."""
    names = sorted({t.speaker for d in documents for t in d.turns if t.speaker})
    if not names:
        return None, {}
    guids = {name: derived_guid("speaker", name) for name in names}
    children = tuple(CodeSpec(guid=guids[name], name=name, colour="#808080") for name in names)
    category = CodeSpec(guid=SPEAKERS_GUID, name=SPEAKERS_NAME, definition=SPEAKERS_DESCRIPTION,
                        colour="#808080", codable=False, children=children)
    return category, guids


def _add_code_notes(codebook: etree._Element, notes: Mapping[str | None, list[str]]) -> None:
    for code in codebook.iter(f"{{{NS}}}Code"):
        wanted = notes.get(code.get("guid") or "")
        if not wanted:
            continue
        index = 1 if len(code) and code[0].tag == f"{{{NS}}}Description" else 0
        for offset, guid in enumerate(wanted):
            reference = etree.Element(f"{{{NS}}}NoteRef")
            reference.set("targetGUID", guid)
            code.insert(index + offset, reference)


def _selections(document: ExchangeDocument, codings: list[ExchangeCoding], speakers: dict[str, str],
                coding_notes: Mapping[str | None, list[str]], parent: etree._Element) -> None:
    """One PlainTextSelection per coded span, with a Coding per code applied to it (speakers included)."""
    spans: dict[tuple[int, int], list[tuple[str, str | None, dt.datetime | None, str]]] = defaultdict(list)
    times: dict[tuple[int, int], str] = {}
    for turn in document.turns:
        if turn.speaker and turn.speaker in speakers:
            key = (turn.start, turn.end)
            guid = derived_guid("turn", document.guid, turn.start, turn.end)
            spans[key].append((guid, document.user_guid, document.created_at, speakers[turn.speaker]))
            if turn.t_start is not None:
                until = f" – {clock_time(turn.t_end)}" if turn.t_end is not None else ""
                times[key] = f"{clock_time(turn.t_start)}{until}"
    for coding in codings:
        spans[(coding.start, coding.end)].append((coding.guid, coding.user_guid, coding.created_at, coding.code_guid))
    for (start, end), applied in sorted(spans.items()):
        applied.sort(key=lambda item: (item[2] or dt.datetime.min.replace(tzinfo=dt.timezone.utc), item[0]))
        selection = _element(
            parent, "PlainTextSelection", guid=derived_guid("selection", document.guid, start, end),
            name=_clean(shorten(document.text[start:end], SELECTION_NAME_LENGTH)),
            startPosition=str(start), endPosition=str(end),
            creatingUser=_guid(applied[0][1]), creationDateTime=_stamp(applied[0][2]),
        )
        if (start, end) in times:
            _element(selection, "Description").text = times[(start, end)]
        for guid, user, created, code in applied:
            coding = _element(selection, "Coding", guid=_guid(guid), creatingUser=_guid(user),
                              creationDateTime=_stamp(created))
            _element(coding, "CodeRef", targetGUID=_guid(code))
            for note in coding_notes.get(_guid(guid) or "", ()):
                _element(coding, "NoteRef", targetGUID=note)


def project_qde(project: ExchangeProject) -> bytes:
    """The `project.qde` document as UTF-8 bytes without a BOM."""
    notes_by: dict[str, dict[str | None, list[str]]] = defaultdict(lambda: defaultdict(list))
    for note in project.notes:
        notes_by[note.target_kind][_guid(note.target_guid) or ""].append(_guid(note.guid) or "")
    root = etree.Element(f"{{{NS}}}Project", nsmap={None: NS, "xsi": _XSI})
    root.set(f"{{{_XSI}}}schemaLocation", f"{NS} {SCHEMA_LOCATION}")
    root.set("name", _clean(project.name) or "Project")
    root.set("origin", project.origin or f"workbench {__version__}")
    for key, value in (("creatingUserGUID", _guid(project.creating_user)),
                       ("creationDateTime", _stamp(project.created_at)),
                       ("modifyingUserGUID", _guid(project.creating_user)),
                       ("modifiedDateTime", _stamp(project.modified_at))):
        if value:
            root.set(key, value)
    if project.users:
        users = _element(root, "Users")
        for user in project.users:
            _element(users, "User", guid=_guid(user.guid), name=_clean(user.name))

    speakers_category, speakers = speaker_codes(project.documents)
    codes = exported_codes(project.codebook, include_retired=True)
    if speakers_category is not None:
        codes = codes + (speakers_category,)
    if codes:
        codebook = _element(root, "CodeBook")
        append_codes(_element(codebook, "Codes"), codes, NS)
        _add_code_notes(codebook, notes_by["code"])

    values_by_name: dict[str, list[Any]] = defaultdict(list)
    owners: tuple[ExchangeDocument | ExchangeCase, ...] = (*project.documents, *project.cases)
    for owner in owners:
        for name, value in owner.attributes:
            values_by_name[name].append(value)
    variables: dict[str, tuple[str | None, str]] = {}
    if project.variables:
        declared = _element(root, "Variables")
        for variable in project.variables:
            kind = _variable_type(variable, values_by_name[variable.name])
            variables[variable.name] = (_guid(variable.guid), kind)
            element = _element(declared, "Variable", guid=_guid(variable.guid), name=_clean(variable.name),
                               typeOfVariable=kind)
            if variable.description:
                _element(element, "Description").text = _clean(variable.description)

    if project.cases:
        cases = _element(root, "Cases")
        for case in project.cases:
            element = _element(cases, "Case", guid=_guid(case.guid), name=_clean(case.name))
            if case.description:
                _element(element, "Description").text = _clean(case.description)
            _append_values(element, case.attributes, variables)
            for document_guid in case.document_guids:
                _element(element, "SourceRef", targetGUID=_guid(document_guid))

    codings_by_document: dict[str, list[ExchangeCoding]] = defaultdict(list)
    for coding in project.codings:
        codings_by_document[coding.document_guid].append(coding)
    if project.documents:
        sources = _element(root, "Sources")
        for document in project.documents:
            guid = _guid(document.guid)
            source = _element(sources, "TextSource", guid=guid, name=_clean(document.title),
                              plainTextPath=f"internal://{guid}.txt", creatingUser=_guid(document.user_guid),
                              creationDateTime=_stamp(document.created_at))
            if document.description:
                _element(source, "Description").text = _clean(document.description)
            _selections(document, codings_by_document.get(document.guid, []), speakers,
                        notes_by["coding"], source)
            for note_guid in notes_by["document"].get(guid, ()):
                _element(source, "NoteRef", targetGUID=note_guid)
            _append_values(source, document.attributes, variables)

    if project.notes:
        notes = _element(root, "Notes")
        for note in project.notes:
            element = _element(notes, "Note", guid=_guid(note.guid), name=_clean(note.title) or None,
                               creatingUser=_guid(note.author_guid), creationDateTime=_stamp(note.created_at),
                               modifiedDateTime=_stamp(note.modified_at))
            _element(element, "PlainTextContent").text = _clean(note.text)
    for note_guid in notes_by["project"].get("", ()):
        _element(root, "NoteRef", targetGUID=note_guid)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def qdpx_entries(project: ExchangeProject) -> list[tuple[str, bytes]]:
    """The files of the `.qdpx` in their order: `project.qde`, then one source text per document."""
    entries = [("project.qde", project_qde(project))]
    for document in project.documents:
        entries.append((f"sources/{_guid(document.guid)}.txt", document.text.encode("utf-8")))
    return entries


def content_hash(entries: list[tuple[str, bytes]]) -> str:
    """The hash of the exported content (the manifest left out)."""
    digest = ContentHash()
    for name, data in entries:
        digest.data(name, data)
    return digest.hexdigest()


def write_qdpx(path: Path, entries: list[tuple[str, bytes]], manifest: bytes | None = None) -> None:
    """Write the zip with fixed timestamps, so the same content gives the same bytes."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries + ([(INSIDE_NAME, manifest)] if manifest is not None else []):
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)

