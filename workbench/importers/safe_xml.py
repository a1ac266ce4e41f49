"""Read untrusted REFI-QDA XML safely: a bare `.qdc`/`.qde` file or the `.qde` inside a `.qdpx` zip.

No DTD, no entities (so no entity bombs and no external entities), no network, libxml2's
default depth and size limits, and a cap on the bytes read from a zip.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from workbench.domain.errors import ImportFailed

MAX_XML_BYTES = 256 * 1024 * 1024
_ZIP_MAGIC = b"PK\x03\x04"
_ROOT_START = re.compile(r"<[A-Za-z_]")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
        dtd_validation=False, remove_comments=True, remove_pis=True,
    )


def _as_text(head: bytes) -> str:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="replace")
    return head.decode("latin-1")


def _refuse_doctype(data: bytes, source: str) -> None:
    """Refuse any DOCTYPE: REFI-QDA files never have one, and it is how entity attacks start."""
    text = _as_text(data[: 1024 * 1024])
    root = _ROOT_START.search(text)
    prolog = text[: root.start()] if root else text
    if "<!DOCTYPE" in prolog or "<!ENTITY" in prolog:
        raise ImportFailed(f"{source} declares a DOCTYPE with entities, which REFI-QDA files never "
                           "use, so it is refused for safety; export the file again from the "
                           "program that made it.")


def parse_xml(data: bytes, source: str) -> etree._Element:
    """Parse XML bytes from an untrusted file and return the root element."""
    if not data.strip():
        raise ImportFailed(f"{source} is empty; export the file again.")
    _refuse_doctype(data, source)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        message = str(exc.msg or exc).split(", line")[0]
        if "depth" in message.lower():
            raise ImportFailed(f"{source} is nested too deeply to be a real codebook (more than "
                               "256 levels), so it is refused.") from None
        if "amplification" in message.lower() or "entity" in message.lower():
            raise ImportFailed(f"{source} uses XML entities, which REFI-QDA files never need, so "
                               "it is refused for safety.") from None
        line = f" at line {exc.lineno}" if exc.lineno else ""
        raise ImportFailed(f"{source} is not well-formed XML{line} ({message}); export it "
                           "again from the program that made it.") from None
    if root.getroottree().docinfo.internalDTD is not None:
        raise ImportFailed(f"{source} declares a DOCTYPE, which REFI-QDA files never use, so it "
                           "is refused for safety.")
    return root


def _read_from_zip(path: Path, source: str) -> bytes:
    """The project document of a `.qdpx`, checked as `import-project` checks the whole package (sizes, ratio,
    paths, lying headers), so a codebook is never read from an archive a project import would refuse."""
    from workbench.importers.refi_package import open_package

    with open_package(path) as package:
        return package.qde


def read_refi_xml(path: Path) -> etree._Element:
    """The root element of a `.qdc`, a `.qde`, or the `.qde` inside a `.qdpx` zip."""
    source = str(path)
    try:
        with path.open("rb") as handle:
            magic = handle.read(4)
            if magic == _ZIP_MAGIC:
                data = _read_from_zip(path, source)
            else:
                handle.seek(0)
                data = handle.read(MAX_XML_BYTES + 1)
                if len(data) > MAX_XML_BYTES:
                    raise ImportFailed(f"{source} is larger than "
                                       f"{MAX_XML_BYTES // (1024 * 1024)} MB, so it is refused.")
    except FileNotFoundError:
        raise ImportFailed(f"{source} does not exist; check the path.") from None
    except IsADirectoryError:
        raise ImportFailed(f"{source} is a folder; give the path of a .qdc or .qdpx "
                           "file.") from None
    except OSError as exc:
        raise ImportFailed(f"{source} cannot be read ({exc.strerror}); check its "
                           "permissions.") from None
    return parse_xml(data, source)


def local_name(element: etree._Element) -> str:
    """An element's name without its namespace (REFI-QDA files use several namespace versions)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def namespace(element: etree._Element) -> str:
    """An element's namespace URI, or '' when it has none."""
    tag = element.tag
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""


def children(element: etree._Element, name: str) -> list[etree._Element]:
    """The direct children with this local name, in document order."""
    return [child for child in element if local_name(child) == name]
