"""Plain text and Markdown transcripts, in whatever encoding a Windows or Mac machine saved them."""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from pathlib import Path

import charset_normalizer

from workbench.importers.failures import import_failed
from workbench.importers.metadata import header_field
from workbench.importers.paragraphs import ParagraphDocument, read_paragraphs

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Signatures of files that are not text, with what to call them.
_SIGNATURES = (
    (b"PK\x03\x04", "a ZIP archive (such as a Word or OpenDocument file)"),
    (b"%PDF", "a PDF document"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"ID3", "an MP3 audio file"),
    (b"RIFF", "an audio or video file"),
    (b"{\\rtf", "an RTF document"),
)
# Single-byte encodings charset-normalizer may pick for Western text; Windows' cp1252 is the likely truth.
_WESTERN = frozenset(
    "latin_1 iso8859_15 iso8859_2 cp1250 cp1252 cp1254 cp1257 mac_roman mac_latin2 iso8859_9".split()
)
# Printable ASCII and line breaks: most of any text file, a minority of binary data.
_PLAIN_BYTES = bytes(range(32, 127)) + b"\t\n\r"
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_FRONT_MATTER = re.compile(r"---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)", re.DOTALL)
_YAML_LINE = re.compile(r"[\w \-]+:(?:\s.*)?|\s+\S.*|-\s.*|\s*|#.*")
_MD_HEADING = re.compile(r"(#{1,6})[ \t]+(.*?)[ \t#]*")


def decode(data: bytes, path: Path) -> str:
    """Decode a text file: a BOM decides, then UTF-8, then charset-normalizer (preferring cp1252).

    Raises ImportFailed for an empty file, binary data, NUL bytes, or bytes no encoding explains.
    """
    if not data.strip():
        raise import_failed(path, "is empty", "there is nothing to import")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, encoding, path)
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            raise import_failed(path, f"holds {kind}, not text", "check the file, or give it its proper extension")
    if b"\x00" in data:
        return _decode_nul_bytes(data, path)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise import_failed(path, "holds binary data, not text", "save it again as plain text (UTF-8)")
    encoding = best.encoding
    if encoding in _WESTERN:
        try:
            return _checked(data.decode("cp1252"), path)
        except UnicodeDecodeError:
            pass
    return _decode_as(data, encoding, path)


def _decode_nul_bytes(data: bytes, path: Path) -> str:
    """NUL bytes: UTF-16 without a BOM has one in every other byte; anything else is damaged or binary."""
    even, odd = data[0::2].count(0), data[1::2].count(0)
    half = len(data) // 2
    if len(data) % 2 == 0 and max(even, odd) > 0.3 * half and min(even, odd) < 0.05 * half:
        return _decode_as(data, "utf-16-le" if odd > even else "utf-16-be", path)
    sample = data[:65536].replace(b"\x00", b"")
    if len(sample.translate(None, _PLAIN_BYTES)) > 0.15 * len(sample):
        raise import_failed(path, "holds binary data, not text", "check that this is the transcript you meant")
    offset = data.index(0)
    raise import_failed(
        path, f"contains NUL bytes (the first at byte {offset}), so it is damaged", "save it again as plain text"
    )


def _decode_as(data: bytes, encoding: str, path: Path) -> str:
    try:
        return _checked(data.decode(encoding), path)
    except (UnicodeDecodeError, LookupError):
        raise import_failed(
            path, f"is not valid {encoding} text", "save it again as plain text (UTF-8)"
        ) from None


def _checked(text: str, path: Path) -> str:
    """Refuse text full of control characters: binary data that happened to decode."""
    if "\x00" in text:
        raise import_failed(path, "contains NUL characters, so it is damaged", "save it again as plain text")
    if len(_CONTROL.findall(text, 0, 65536)) > 0.01 * min(len(text), 65536):
        raise import_failed(path, "holds binary data, not text", "check that this is the transcript you meant")
    return text


def read_text(
    text: str, *, markdown: bool = False, extra_patterns: Sequence[re.Pattern[str]] = ()
) -> ParagraphDocument:
    """Read normalised plain text or Markdown into text and turns."""
    lines = text.split("\n")
    if not markdown:
        return read_paragraphs(lines, extra_patterns=extra_patterns)
    fields: dict[str, str] = {}
    title = None
    front = _FRONT_MATTER.match("\n".join(lines[:200]) + "\n")
    if front and all(_YAML_LINE.fullmatch(line) for line in front.group(1).split("\n")):
        # YAML front matter: the fields the header would name, such as `date:` and `place:`.
        for line in front.group(1).split("\n"):
            field = header_field(line.replace('"', "").replace("'", ""))
            if field is not None and field[0] == "title":
                title = field[1]
            elif field is not None:
                fields[field[0]] = field[1]
        lines = lines[front.group(0).count("\n") :]
    headings = set()
    for index, line in enumerate(lines):
        heading = _MD_HEADING.fullmatch(line.strip()) if line.startswith("#") else None
        if heading:
            lines[index] = heading.group(2)
            headings.add(index)
    return read_paragraphs(lines, headings=headings, title=title, metadata=fields, extra_patterns=extra_patterns)
