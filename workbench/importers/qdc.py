"""Read a REFI-QDA codebook: a `.qdc` file, or the CodeBook inside a `.qde` / `.qdpx` project.

Lenient as the standard asks of importers: any namespace version (`1.0`, `1:0`, `0:4`) is read
by local name, GUIDs in any case and with or without braces, colours as `#RGB`, `#RRGGBB` or
`#AARRGGBB`; what had to be changed or dropped is reported in `notes`.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from lxml import etree

from workbench.domain.code_description import unpack_description
from workbench.domain.codebook import (
    MAX_DEPTH,
    Codebook,
    CodeSpec,
    name_key,
    normalise_colour,
    normalise_guid,
)
from workbench.domain.codebook_checks import MAX_NAME_LENGTH, validate_codebook
from workbench.domain.errors import ImportFailed, InvalidInput
from workbench.importers.safe_xml import children, local_name, namespace, read_refi_xml

ATLAS_SEPARATOR = "::"
_RGB_FUNCTION = re.compile(r"^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(,[^)]*)?\)$", re.I)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


@dataclass(frozen=True)
class ImportedCodebook:
    """A codebook read from another program's file, with what was adjusted on the way."""

    codebook: Codebook
    origin: str = ""
    notes: tuple[str, ...] = ()


class _CodeReader:
    """Turns Code elements into CodeSpecs, repairing what other programs get wrong."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.notes: list[str] = []
        self.seen_guids: set[str] = set()
        self.counts: dict[str, int] = {}

    def count(self, what: str) -> None:
        self.counts[what] = self.counts.get(what, 0) + 1

    def guid(self, element: etree._Element) -> str:
        raw = element.get("guid") or ""
        guid = normalise_guid(raw)
        if guid is None:
            self.count("Codes without a valid GUID, given a new one")
            guid = str(uuid.uuid4())
        elif guid in self.seen_guids:
            self.count("Codes repeating another code's GUID, given a new one")
            guid = str(uuid.uuid4())
        self.seen_guids.add(guid)
        return guid

    def name(self, element: etree._Element) -> str:
        raw = unicodedata.normalize("NFC", _CONTROL.sub(" ", element.get("name") or "")).strip()
        raw = re.sub(r"\s{2,}", " ", raw)
        if not raw:
            self.count("Codes without a name, named 'Code without name'")
            return "Code without name"
        if len(raw) > MAX_NAME_LENGTH:
            self.count(f"Names longer than {MAX_NAME_LENGTH} characters, shortened")
            return raw[:MAX_NAME_LENGTH].rstrip()
        return raw

    def codable(self, element: etree._Element) -> bool:
        value = (element.get("isCodable") or "").strip().lower()
        if value in ("true", "1"):
            return True
        if value in ("false", "0"):
            return False
        self.count("Codes without a valid isCodable, made codable")
        return True

    def colour(self, element: etree._Element) -> str | None:
        raw = (element.get("color") or "").strip()
        if not raw:
            return None
        colour = normalise_colour(raw)
        if colour is None:
            match = _RGB_FUNCTION.match(raw)
            if match and all(int(part) <= 255 for part in match.groups()[:3]):
                colour = "#" + "".join(f"{int(part):02X}" for part in match.groups()[:3])
        if colour is None:
            self.count("Colours not written as #RGB, #RRGGBB or #AARRGGBB, left out")
        return colour

    def code(self, element: etree._Element, depth: int) -> CodeSpec:
        if depth > MAX_DEPTH:
            raise ImportFailed(f"{self.source} nests codes more than {MAX_DEPTH} levels deep, "
                               "which no real codebook does, so it is refused.")
        description = children(element, "Description")
        text = (description[0].text or "") if description else ""
        fields = unpack_description(text)
        return CodeSpec(
            guid=self.guid(element), name=self.name(element),
            name_en=_CONTROL.sub(" ", fields.name_en).strip(),
            definition=fields.definition, when_to_use=fields.when_to_use,
            when_not_to_use=fields.when_not_to_use, example=fields.example,
            colour=self.colour(element), codable=self.codable(element),
            children=self.code_list(children(element, "Code"), depth + 1),
        )

    def code_list(self, elements: list[etree._Element], depth: int) -> tuple[CodeSpec, ...]:
        specs = [self.code(element, depth) for element in elements]
        return self.unique_names(_unflatten(specs, self))

    def unique_names(self, specs: list[CodeSpec]) -> tuple[CodeSpec, ...]:
        taken: set[str] = set()
        result = []
        for spec in specs:
            name, number = spec.name, 1
            while name_key(name) in taken:
                number += 1
                name = f"{spec.name} ({number})"
            if name != spec.name:
                self.count("Codes sharing a name with a sibling, numbered")
                spec = replace(spec, name=name)
            taken.add(name_key(name))
            result.append(spec)
        return tuple(result)

    def summary(self) -> list[str]:
        return [f"{what}: {number}." for what, number in self.counts.items()]


def _unflatten(specs: list[CodeSpec], reader: _CodeReader) -> list[CodeSpec]:
    """Nest ATLAS.ti's flattened `Parent::Child` codes under their parent when it is a sibling."""
    by_name = {name_key(s.name): s.guid for s in specs if ATLAS_SEPARATOR not in s.name}
    adopted: dict[str, list[CodeSpec]] = {}
    kept: list[CodeSpec] = []
    for spec in specs:
        head, _sep, tail = spec.name.partition(ATLAS_SEPARATOR)
        parent = by_name.get(name_key(head)) if tail.strip() else None
        if parent is None:
            kept.append(spec)
            continue
        reader.count("Codes named 'Parent::Child', nested under their parent")
        adopted.setdefault(parent, []).append(replace(spec, name=tail.strip()))
    result = []
    for spec in kept:
        extra = adopted.get(spec.guid)
        if extra:
            merged = _unflatten(list(spec.children) + extra, reader)
            spec = replace(spec, children=reader.unique_names(merged))
        result.append(spec)
    return result


def codebook_from_xml(root: etree._Element, source: str, title: str) -> ImportedCodebook:
    """Read the codes below a CodeBook or Project root element."""
    kind = local_name(root)
    notes: list[str] = []
    if not namespace(root).startswith("urn:QDA-XML:"):
        notes.append(f"The namespace {namespace(root) or '(none)'!r} is not a REFI-QDA one; the "
                     "file was read by element names.")
    if kind == "Project":
        books = children(root, "CodeBook")
        title = (root.get("name") or "").strip() or title
        if not books:
            raise ImportFailed(f"{source} is a REFI-QDA project without a codebook, so there are "
                               "no codes to load.")
        book = books[0]
    elif kind == "CodeBook":
        book = root
    else:
        raise ImportFailed(f"{source} is not a REFI-QDA codebook or project (its root element is "
                           f"<{kind}>); choose a .qdc, .qde or .qdpx file.")
    containers = children(book, "Codes")
    elements = [code for container in containers for code in children(container, "Code")]
    if not elements:
        raise ImportFailed(f"{source} holds a codebook without any codes, so there is nothing "
                           "to load.")
    reader = _CodeReader(source)
    codes = reader.code_list(elements, 1)
    sets = [s for container in children(book, "Sets") for s in children(container, "Set")]
    if kind == "Project":
        sets += [s for container in children(root, "Sets") for s in children(container, "Set")
                 if children(s, "MemberCode")]
    if sets:
        notes.append(f"Code sets (groups) not loaded, since the workbench groups codes by their "
                     f"place in the tree: {len(sets)}.")
    notes.extend(reader.summary())
    origin = (root.get("origin") or "").strip()
    description = f"Imported from {origin}." if origin else ""
    codebook = Codebook(title=title, codes=codes, description=description)
    try:
        validate_codebook(codebook, source)
    except InvalidInput as exc:
        raise ImportFailed(str(exc)) from None
    return ImportedCodebook(codebook, origin, tuple(notes))


def read_qdc(path: Path) -> ImportedCodebook:
    """Read the codebook of a `.qdc`, `.qde` or `.qdpx` file."""
    root = read_refi_xml(path)
    return codebook_from_xml(root, str(path), path.stem)
