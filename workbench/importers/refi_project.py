"""Read a REFI-QDA project (`.qdpx`, or a bare `.qde`) written by ATLAS.ti, NVivo, MAXQDA, QualCoder or us.

Elements are read by local name whatever the namespace version; the codebook is read by the codebook
importer; text positions are mapped to stored offsets with the counting model that fits the file
best; what cannot be carried over is listed (spec §7) instead of failing the import.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from dataclasses import replace
from pathlib import Path

from lxml import etree

from workbench.domain.codebook import Codebook, iter_codes
from workbench.domain.errors import ImportFailed
from workbench.domain.project_exchange import (
    SPEAKERS_GUID,
    ExchangeCase,
    ExchangeNote,
    ExchangeProject,
    ExchangeUser,
    ExchangeVariable,
    ImportedProject,
)
from workbench.importers.qdc import codebook_from_xml
from workbench.importers.refi_notes import read_notes
from workbench.importers.refi_package import Limits, Package, open_package
from workbench.importers.refi_placement import place_sources
from workbench.importers.refi_sources import (
    RawSource,
    first_text,
    guid_of,
    note_refs,
    parse_value,
    read_text_source,
    stamp,
)
from workbench.importers.safe_xml import children, local_name, parse_xml

VARIABLE_TYPES = {"text": "text", "boolean": "boolean", "integer": "number", "float": "number",
                  "date": "date", "datetime": "date"}
DROPPED = {
    "Links": "Links (relations between codes or other items)",
    "Graphs": "Graphs (network views)",
    "Description": "The project's description",
}
MEDIA = {"PictureSource": "Picture sources", "AudioSource": "Audio sources", "VideoSource": "Video sources"}
_SPACE = re.compile(r"\s+")


class _Reader:
    def __init__(self, package: Package, source: str):
        self.package = package
        self.source = source
        self.dropped: Counter[str] = Counter()
        self.notes: list[str] = []
        self.refs: list[tuple[str, str, str | None]] = []  # (note guid, target kind, target guid)

    def users(self, root: etree._Element) -> list[ExchangeUser]:
        users = []
        for container in children(root, "Users"):
            for user in children(container, "User"):
                guid = guid_of(user) or str(uuid.uuid4())
                name = _SPACE.sub(" ", (user.get("name") or user.get("id") or "").strip())
                users.append(ExchangeUser(guid, name or f"user {guid[:8]}"))
        return users

    def codebook(self, root: etree._Element, title: str) -> tuple[Codebook, dict[str, str]]:
        has_codes = any(children(c, "Code") for b in children(root, "CodeBook") for c in children(b, "Codes"))
        if not has_codes:
            return Codebook(title=title), {}
        imported = codebook_from_xml(root, self.source, title)
        self.notes.extend(imported.notes)
        speakers: dict[str, str] = {}
        kept = []
        for spec in imported.codebook.codes:
            if spec.guid == SPEAKERS_GUID:
                speakers = {child.guid: child.name for child in spec.children}
            else:
                kept.append(spec)
        for code in root.iter():
            if local_name(code) == "Code":
                for note in note_refs(code):
                    self.refs.append((note, "code", guid_of(code)))
        return replace(imported.codebook, codes=tuple(kept)), speakers

    def variables(self, root: etree._Element) -> dict[str, ExchangeVariable]:
        found: dict[str, ExchangeVariable] = {}
        for container in children(root, "Variables"):
            for variable in children(container, "Variable"):
                guid = guid_of(variable) or str(uuid.uuid4())
                kind = VARIABLE_TYPES.get((variable.get("typeOfVariable") or "").strip().lower(), "text")
                if (variable.get("typeOfVariable") or "").lower() == "datetime":
                    self.dropped["Times of day in DateTime variables (the date is kept)"] += 1
                name = _SPACE.sub(" ", (variable.get("name") or "").strip()) or f"Variable {len(found) + 1}"
                found[guid] = ExchangeVariable(guid, name[:200], kind, first_text(variable, "Description"))
        return found

    def values(self, pairs, variables: dict[str, ExchangeVariable]) -> tuple:
        result = []
        for guid, value in pairs:
            variable = variables.get(guid or "")
            if variable is None:
                self.dropped["Variable values of undeclared variables"] += 1
            elif value is not None:
                result.append((variable.name, value))
        return tuple(result)

    def cases(self, root: etree._Element, variables) -> list[ExchangeCase]:
        cases = []
        for container in children(root, "Cases"):
            for number, case in enumerate(children(container, "Case"), 1):
                name = _SPACE.sub(" ", (case.get("name") or "").strip()) or f"Case {number}"
                refs = tuple(g for g in (guid_of(r, "targetGUID") for r in children(case, "SourceRef")) if g)
                for kind in ("CodeRef", "SelectionRef"):
                    if children(case, kind):
                        self.dropped[f"Codes and selections linked to cases ({kind})"] += len(children(case, kind))
                values = self.values([parse_value(v) for v in children(case, "VariableValue")], variables)
                cases.append(ExchangeCase(guid_of(case) or str(uuid.uuid4()), name[:300],
                                          first_text(case, "Description"), refs, values))
        return cases

    def text(self, element: etree._Element, what: str) -> bytes | str | None:
        """The plain text of a text source: inline, or its file in `sources/`."""
        inline = children(element, "PlainTextContent")
        if inline:
            return inline[0].text or ""
        path = element.get("plainTextPath") or ""
        data = self.package.source(path) if path else None
        if data is not None:
            return data
        if path:
            self.dropped[f"{what} whose text file is not in the package"] += 1
        else:
            self.dropped[f"{what} without a plain-text version"] += 1
        lost = sum(len(children(s, "Coding")) for s in children(element, "PlainTextSelection"))
        lost += len(children(element, "Coding"))
        if lost:
            self.dropped["Codings on sources without their text"] += lost
        return None

    def sources(self, root: etree._Element, project_user: str | None) -> list[RawSource]:
        result = []
        for container in children(root, "Sources"):
            for element in container:
                kind = local_name(element)
                name = (element.get("name") or "").strip()
                if kind == "TextSource":
                    data = self.text(element, "Text sources")
                    if data is not None:
                        result.append(read_text_source(element, name, data, project_user))
                elif kind == "PDFSource":
                    self.dropped["Areas selected on PDF pages"] += len(children(element, "PDFSelection"))
                    representation = children(element, "Representation")
                    data = self.text(representation[0], "PDF sources") if representation else None
                    if data is None and not representation:
                        self.dropped["PDF sources without a text version"] += 1
                    if data is not None:
                        result.append(read_text_source(representation[0], name, data, project_user))
                elif kind in MEDIA:
                    self.dropped[f"{MEDIA[kind]} (only texts are imported)"] += 1
        return result

    def read(self) -> ImportedProject:
        root = parse_xml(self.package.qde, self.source)
        kind = local_name(root)
        if kind == "CodeBook":
            raise ImportFailed(f"{self.source} is a codebook, not a project; load it with "
                               "`workbench codebook load`.")
        if kind != "Project":
            raise ImportFailed(f"{self.source} is not a REFI-QDA project (its root element is <{kind}>); "
                               "choose a .qdpx file exported by a QDA program.")
        origin = (root.get("origin") or "").strip()
        name = (root.get("name") or "").strip() or Path(self.source).stem
        project_user = guid_of(root, "creatingUserGUID")
        users = self.users(root)
        codebook, speakers = self.codebook(root, name)
        variables = self.variables(root)
        cases = self.cases(root, variables)
        raw_sources = self.sources(root, project_user)
        placed = place_sources(raw_sources, origin, speakers, {p.spec.guid for p in iter_codes(codebook.codes)},
                               lambda pairs: self.values(pairs, variables))
        self.refs.extend(placed.refs)
        for label, count in placed.dropped.items():
            self.dropped[label] += count
        notes = tuple(self.memo_notes(root) + placed.comments)
        for element_name, label in DROPPED.items():
            count = sum(len(list(c)) or 1 for c in children(root, element_name))
            if count:
                self.dropped[label] += count
        for container in children(root, "Sets"):
            others = [s for s in children(container, "Set") if not children(s, "MemberCode")]
            if others:
                self.dropped["Sets of documents or notes"] += len(others)
        for remark in placed.remarks:
            self.notes.append(remark)
        project = ExchangeProject(
            name=name, codebook=codebook, origin=origin, created_at=stamp(root.get("creationDateTime")),
            modified_at=stamp(root.get("modifiedDateTime")), creating_user=project_user, users=tuple(users),
            variables=tuple(variables.values()), cases=tuple(cases), documents=placed.documents,
            codings=placed.codings, notes=notes,
        )
        dropped = tuple(f"{label}: {count}." for label, count in self.dropped.items() if count)
        return ImportedProject(project, self.source, placed.model, dropped, placed.unmapped, tuple(self.notes))

    def memo_notes(self, root: etree._Element) -> list[ExchangeNote]:
        for note in note_refs(root):
            self.refs.append((note, "project", None))
        notes, remarks = read_notes(root, self.refs, self.text)
        self.notes.extend(remarks)
        return notes


def read_project_package(path: Path, limits: Limits = Limits()) -> ImportedProject:
    """Read a `.qdpx` or `.qde` into an ImportedProject (nothing is stored yet)."""
    with open_package(Path(path), limits) as package:
        return _Reader(package, str(path)).read()
