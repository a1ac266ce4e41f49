"""Check a zip-based file (docx, odt, xlsx, qdpx) from an untrusted source before anything unpacks it.

Refused as a whole, with one sentence: more entries, more unpacked bytes per entry or in total, or a higher
unpacking ratio than any real file of its kind has (zip bombs); entries whose names point outside the
archive (zip slip); entries whose local header contradicts the central directory, or whose data would run
past the end of the file (lying sizes); encrypted entries; and XML parts that declare a DOCTYPE or entities
(entity bombs, external entities, and the silently dropped text of an entity a reader does not expand).
Only the central directory, the 30-byte local headers and the start of each XML part are read, so a bomb is
refused in milliseconds and without unpacking it.
"""

from __future__ import annotations

import re
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from workbench.domain.errors import ImportFailed

MB = 1024 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")
_ROOT_START = re.compile(r"<[A-Za-z_]")
_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
_LOCAL_MAGIC = b"PK\x03\x04"
_XML_NAMES = (".xml", ".rels", ".qde", ".qdc", ".vml")
PROLOG_BYTES = 1 * MB  # how much of an XML part is read to find its root element


@dataclass(frozen=True)
class ZipLimits:
    """How much an archive may hold; generous for real files of its kind, small enough to stop a bomb."""

    entries: int = 10_000
    entry_bytes: int = 160 * MB
    total_bytes: int = 1024 * MB
    # An entry larger than `ratio_floor` may not unpack to more than `ratio` times its packed size.
    ratio: int = 100
    ratio_floor: int = 4 * MB


OFFICE = ZipLimits()  # Word, OpenDocument and Excel files: one big XML part at most, some pictures


def _hostile(name: str) -> bool:
    flat = name.replace("\\", "/")
    if flat.startswith("/") or _DRIVE.match(flat) or "\0" in flat:
        return True
    return any(part == ".." for part in PurePosixPath(flat).parts)


def _as_text(head: bytes) -> str:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="replace")
    return head.decode("latin-1")


def declares_entities(head: bytes) -> bool:
    """Whether the start of an XML document declares a DOCTYPE or an entity before its root element."""
    text = _as_text(head)
    root = _ROOT_START.search(text)
    prolog = text[: root.start()] if root else text
    return "<!DOCTYPE" in prolog or "<!ENTITY" in prolog


def _local_header_lies(handle: IO[bytes], info: zipfile.ZipInfo, archive_size: int) -> bool:
    """Whether the entry's local header contradicts the central directory, or its data runs past the file."""
    if info.header_offset + _LOCAL_HEADER.size > archive_size:
        return True
    handle.seek(info.header_offset)
    fields = _LOCAL_HEADER.unpack(handle.read(_LOCAL_HEADER.size))
    magic, _version, flags, method, _time, _date, crc, packed, size, name_length, extra_length = fields
    if magic != _LOCAL_MAGIC or method != info.compress_type:
        return True
    data_start = info.header_offset + _LOCAL_HEADER.size + name_length + extra_length
    if data_start + info.compress_size > archive_size:
        return True
    if flags & 0x8 or packed == 0xFFFFFFFF or size == 0xFFFFFFFF:
        return False  # sizes follow the data (streamed writers) or live in the zip64 extra field
    return (crc, packed, size) != (info.CRC, info.compress_size, info.file_size)


def _refuse(what: str, problem: str, advice: str) -> ImportFailed:
    return ImportFailed(f"{what} {problem}; {advice}.")


def check_archive(archive: zipfile.ZipFile, handle: IO[bytes], what: str, limits: ZipLimits = OFFICE,
                  advice: str = "save it again from the program that made it", noun: str = "archive") -> None:
    """Refuse `archive` (opened on `handle`) unless every entry is within `limits`; `what` names the file in
    the sentence, e.g. "interview.docx", and `noun` what kind of container it is ("package" for a .qdpx)."""
    infos = archive.infolist()
    if len(infos) > limits.entries:
        raise _refuse(what, f"holds {len(infos)} files, more than the {limits.entries} a real one has, so it is "
                      "refused as a possible zip bomb", advice)
    handle.seek(0, 2)
    archive_size = handle.tell()
    total = 0
    for info in infos:
        if _hostile(info.filename):
            raise _refuse(what, f"contains an entry '{info.filename}' that points outside the {noun}, so it is "
                          "refused for safety", advice)
        if info.flag_bits & 0x1:
            raise _refuse(what, f"holds encrypted parts ({info.filename})", "save it again without a password")
        total += info.file_size
        ratio = info.file_size > limits.ratio_floor and info.file_size > limits.ratio * max(info.compress_size, 1)
        if info.file_size > limits.entry_bytes or total > limits.total_bytes or ratio:
            raise _refuse(what, f"would unpack to far more than it holds ({info.filename}: "
                          f"{info.file_size // MB:,} MB from {max(info.compress_size // MB, 1):,} MB), so it is "
                          "refused as a possible zip bomb", advice)
        if _local_header_lies(handle, info, archive_size):
            raise _refuse(what, f"is damaged or forged: the sizes of {info.filename} do not match its contents",
                          advice)
    for info in infos:
        if info.filename.lower().endswith(_XML_NAMES) and not info.is_dir():
            _check_xml_part(archive, info, what, advice)


def _check_xml_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, what: str, advice: str) -> None:
    try:
        with archive.open(info) as member:
            head = member.read(PROLOG_BYTES)
    except (zipfile.BadZipFile, EOFError, OSError, NotImplementedError, ValueError, RuntimeError) as exc:
        raise _refuse(what, f"is damaged: {info.filename} cannot be unpacked ({exc})", advice) from None
    if declares_entities(head):
        raise _refuse(what, f"declares XML entities in {info.filename}, which no real file of its kind needs, so "
                      "it is refused for safety rather than read with text left out", advice)
    if not _ROOT_START.search(_as_text(head)) and info.file_size > len(head):
        raise _refuse(what, f"has no XML element in the first MB of {info.filename}, so it is refused for safety",
                      advice)


def check_zip_file(path: Path, what: str | None = None, limits: ZipLimits = OFFICE,
                   advice: str = "save it again from the program that made it") -> None:
    """Check the zip at `path` (see `check_archive`); a file that is not a zip is left to its reader."""
    try:
        with path.open("rb") as handle:
            if handle.read(4) != _LOCAL_MAGIC:
                return
            try:
                archive = zipfile.ZipFile(handle)
            except (zipfile.BadZipFile, ValueError, OSError):
                return  # the reader says, in its own words, that the file is damaged
            with archive:
                check_archive(archive, handle, what or str(path), limits, advice)
    except OSError:
        return  # missing or unreadable: the reader says so in its own words


def check_zip_bytes(data: bytes, what: str, limits: ZipLimits = OFFICE,
                    advice: str = "save it again from the program that made it") -> None:
    """Check a zip held in memory (see `check_archive`)."""
    import io

    if not data.startswith(_LOCAL_MAGIC):
        return
    handle = io.BytesIO(data)
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, ValueError, OSError):
        return
    with archive:
        check_archive(archive, handle, what, limits, advice)
