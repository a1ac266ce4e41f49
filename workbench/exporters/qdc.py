"""Write a codebook as a REFI-QDA `.qdc` file that validates against Codebook.xsd.

UTF-8 without a BOM, namespace `urn:QDA-XML:codebook:1.0`, colours as `#RRGGBB`, hierarchy by
nesting, the definition (with usage notes, example and English name) in `Description`,
category codes as `isCodable="false"`, and no empty containers.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from workbench import __version__
from workbench.domain.code_description import DescribedFields, pack_description
from workbench.domain.codebook import Codebook, CodeSpec, normalise_colour, normalise_guid
from workbench.domain.errors import InvalidInput
from workbench.exporters.atomic_file import write_atomically

CODEBOOK_NAMESPACE = "urn:QDA-XML:codebook:1.0"
PROJECT_NAMESPACE = "urn:QDA-XML:project:1.0"
SCHEMA_LOCATION = "http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
# Characters XML 1.0 cannot carry at all; they are dropped from names and descriptions.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def _exported(spec: CodeSpec, include_retired: bool) -> CodeSpec | None:
    """The code as it is exported, or None when it and all below it are retired."""
    kept = tuple(
        child for child in (_exported(c, include_retired) for c in spec.children) if child
    )
    if spec.retired and not include_retired:
        if not kept:
            return None
        # A retired code that still holds active ones stays as a category to keep the tree.
        return CodeSpec(guid=spec.guid, name=spec.name, name_en=spec.name_en,
                        definition=spec.definition, colour=spec.colour, codable=False,
                        retired=True, children=kept)
    return CodeSpec(guid=spec.guid, name=spec.name, name_en=spec.name_en,
                    definition=spec.definition, when_to_use=spec.when_to_use,
                    when_not_to_use=spec.when_not_to_use, example=spec.example,
                    colour=spec.colour, codable=spec.codable, retired=spec.retired,
                    children=kept)


def append_codes(parent: etree._Element, codes: tuple[CodeSpec, ...], namespace: str) -> None:
    """Append one `Code` element per code (with nested children) to `parent`.

    Shared with the project exporter, which writes the same Code elements in its own namespace.
    """
    stack: list[tuple[etree._Element, CodeSpec]] = [(parent, spec) for spec in reversed(codes)]
    while stack:
        into, spec = stack.pop()
        element = etree.SubElement(into, f"{{{namespace}}}Code")
        element.set("guid", normalise_guid(spec.guid) or spec.guid)
        element.set("name", _clean(spec.name))
        element.set("isCodable", "true" if spec.codable else "false")
        colour = normalise_colour(spec.colour) if spec.colour else None
        if colour:
            element.set("color", colour)
        description = pack_description(DescribedFields(
            definition=spec.definition, when_to_use=spec.when_to_use,
            when_not_to_use=spec.when_not_to_use, example=spec.example, name_en=spec.name_en,
        ))
        if description:
            etree.SubElement(element, f"{{{namespace}}}Description").text = _clean(description)
        stack.extend((element, child) for child in reversed(spec.children))


def exported_codes(codebook: Codebook, include_retired: bool = False) -> tuple[CodeSpec, ...]:
    """The code tree as it goes into a REFI-QDA file (retired codes left out unless asked)."""
    return tuple(c for c in (_exported(s, include_retired) for s in codebook.codes) if c)


def qdc_bytes(codebook: Codebook, include_retired: bool = False, origin: str = "") -> bytes:
    """The `.qdc` document for a codebook, as UTF-8 bytes without a BOM."""
    codes = exported_codes(codebook, include_retired)
    if not codes:
        raise InvalidInput(f"Codebook {codebook.title!r} has no codes to export; add or load "
                           "codes first.")
    root = etree.Element(f"{{{CODEBOOK_NAMESPACE}}}CodeBook",
                         nsmap={None: CODEBOOK_NAMESPACE, "xsi": _XSI})
    root.set(f"{{{_XSI}}}schemaLocation", f"{CODEBOOK_NAMESPACE} {SCHEMA_LOCATION}")
    root.set("origin", origin or f"workbench {__version__}")
    container = etree.SubElement(root, f"{{{CODEBOOK_NAMESPACE}}}Codes")
    append_codes(container, codes, CODEBOOK_NAMESPACE)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_qdc(codebook: Codebook, path: Path, include_retired: bool = False) -> None:
    """Write the codebook to a `.qdc` file (atomically: a failed write leaves no half file)."""
    write_atomically(path, qdc_bytes(codebook, include_retired))
