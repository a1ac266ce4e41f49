"""Every piece of text an exported file holds, with where it sits: what a leak scan reads.

Word, Excel and REFI-QDA packages are zip files: each member's name is text too (a source file named after a
person leaks as surely as a sentence), and each XML part gives its paragraphs (Word splits a sentence over
runs), the text of every element and every attribute value. CSV, JSON, iCalendar, YAML and plain text are read
whole; JSON also string by string (its escapes hide accents) and iCalendar with its folded lines joined.
Images are not read; their file names are.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from workbench.domain.errors import InvalidInput

MAX_PART_BYTES = 256 * 1024 * 1024
MAX_DEPTH = 3
TEXT_SUFFIXES = (".csv", ".json", ".ics", ".yaml", ".yml", ".txt", ".md", ".tsv", ".html", ".htm", ".srt", ".vtt")
XML_SUFFIXES = (".xml", ".rels", ".qde", ".qdc", ".vml")
BINARY_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".emf", ".wmf", ".tif", ".tiff", ".bin", ".pdf",
                   ".mp3", ".mp4", ".wav", ".m4a")
# Word's paragraphs and drawing paragraphs: their runs are joined before a name is looked for.
_PARAGRAPHS = {"p", "si", "is"}


@dataclass(frozen=True)
class TextPart:
    """A piece of text and where it is: the file, the member inside a package, and what it is."""

    file: str
    member: str
    what: str
    text: str

    @property
    def place(self) -> str:
        inside = f" › {self.member}" if self.member else ""
        return f"{self.file}{inside} ({self.what})"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=False,
                           recover=True, huge_tree=False)


def _local(tag) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _xml_parts(file: str, member: str, data: bytes) -> Iterator[TextPart]:
    """An XML part's paragraphs one by one, then all its element texts and all its attribute values, each set
    as one part with the values apart (a NUL between them, so no name is read across two values)."""
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError:
        root = None
    if root is None:
        yield TextPart(file, member, "text", data.decode("utf-8", errors="replace"))
        return
    paragraphs = root.xpath("//*[" + " or ".join(f"local-name()='{name}'" for name in sorted(_PARAGRAPHS)) + "]")
    for element in paragraphs:
        joined = "".join(element.itertext())
        if joined.strip():
            yield TextPart(file, member, f"{_local(element.tag)} paragraph", joined)
    texts = [str(text) for text in root.xpath("//text() | //comment()") if str(text).strip()]
    values = [str(value) for value in root.xpath("//@*") if str(value).strip()]
    if texts:
        yield TextPart(file, member, "element texts", "\x00".join(texts))
    if values:
        yield TextPart(file, member, "attribute values", "\x00".join(values))


def _json_strings(value, path: str = "$") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield path, str(key)
            yield from _json_strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _json_strings(item, f"{path}[{index}]")


def _unfold_ics(text: str) -> str:
    """iCalendar lines folded at 75 octets joined again, with its escapes undone."""
    unfolded = text.replace("\r\n", "\n").replace("\n ", "").replace("\n\t", "")
    return unfolded.replace("\\n", "\n").replace("\\N", "\n").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")


def _text_parts(file: str, member: str, suffix: str, data: bytes) -> Iterator[TextPart]:
    text = data.decode("utf-8-sig", errors="replace")
    if suffix == ".json":
        try:
            for path, value in _json_strings(json.loads(text)):
                yield TextPart(file, member, path, value)
        except ValueError:
            pass
    if suffix == ".ics":
        text = _unfold_ics(text)
    yield TextPart(file, member, "text", text)


def _member_parts(file: str, member: str, data: bytes, depth: int) -> Iterator[TextPart]:
    suffix = Path(member or file).suffix.lower()
    if data[:4] == b"PK\x03\x04":
        if depth >= MAX_DEPTH:
            return
        yield from _zip_parts(file if not member else f"{file} › {member}", data, depth + 1)
    elif suffix in BINARY_SUFFIXES:
        return
    elif suffix in XML_SUFFIXES or data.lstrip()[:5] in (b"<?xml", b"\xef\xbb\xbf<?x") or data.lstrip()[:1] == b"<":
        yield from _xml_parts(file, member, data)
    else:
        yield from _text_parts(file, member, suffix, data)


def _zip_parts(file: str, data: bytes, depth: int) -> Iterator[TextPart]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise InvalidInput(f"{file} looks like a Word, Excel or REFI-QDA package but is damaged; export it again.") from None
    with archive:
        for info in archive.infolist():
            yield TextPart(file, info.filename, "file name", info.filename)
            if info.is_dir() or info.file_size > MAX_PART_BYTES:
                continue
            yield from _member_parts(file, info.filename, archive.read(info), depth)


def text_parts(path: Path) -> Iterator[TextPart]:
    """Every piece of text in an exported file (docx, xlsx, csv, json, ics, qdpx, qdc, yaml, txt...)."""
    path = Path(path)
    if not path.is_file():
        raise InvalidInput(f"{path} is not a file; give the path of an exported file to check.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InvalidInput(f"{path} cannot be read ({exc.strerror}); check the path and its permissions.") from None
    yield TextPart(path.name, "", "file name", path.name)
    yield from _member_parts(path.name, "", data, 0)
