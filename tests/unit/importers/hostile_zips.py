"""Builders of hostile zip files: bombs with honest or lying sizes, entries outside the archive, XML entities."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

MB = 1024 * 1024
ENTITY_XML = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [<!ENTITY naam "Marieke">]>\n'
              b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
              b'<w:p><w:r><w:t>Ik sprak &naam; over vertrouwen.</w:t></w:r></w:p></w:body></w:document>')


def rewritten(path: Path, replace: dict[str, bytes], add: dict[str, bytes] | None = None) -> Path:
    """The zip at `path` written again with some entries replaced and others added."""
    with zipfile.ZipFile(path) as source:
        entries = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info, data in entries:
            target.writestr(info.filename, replace.get(info.filename, data))
        for name, data in (add or {}).items():
            target.writestr(name, data)
    return path


def _deflate_repeated(block: bytes, times: int) -> tuple[bytes, int]:
    """A raw deflate stream of `block` repeated `times` times, and its CRC, made without compressing it all:
    one block compressed with a full flush is independent of what came before, so its bytes repeat."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(times):
        crc = zlib.crc32(block, crc)
    return chunk * times + compressor.flush(), crc


def _entry(name: str, data: bytes, size: int, crc: int, offset: int) -> tuple[bytes, bytes]:
    """The local header with data, and the central-directory record, of one deflated zip64 entry."""
    encoded = name.encode()
    extra = struct.pack("<HHQQ", 1, 16, size, len(data))
    local = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 45, 0, 8, 0, 0x21, crc, 0xFFFFFFFF, 0xFFFFFFFF,
                        len(encoded), len(extra)) + encoded + extra + data
    central = struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 45, 45, 0, 8, 0, 0x21, crc, 0xFFFFFFFF,
                          0xFFFFFFFF, len(encoded), len(extra), 0, 0, 0, 0, offset) + encoded + extra
    return local, central


def bomb(path: Path, name: str, megabytes: int, other: dict[str, bytes] | None = None, line: bytes = b"\0") -> Path:
    """A zip whose entry `name` unpacks to `megabytes` MB of `line` repeated (its sizes are honest), beside the
    `other` entries; made in a moment even for gigabytes."""
    block = (line * (MB // len(line) + 1))[:MB]
    entries = [(n, *_packed(d), len(d)) for n, d in (other or {}).items()]
    data, crc = _deflate_repeated(block, megabytes)
    entries.append((name, data, crc, megabytes * MB))
    body, directory = b"", b""
    for entry_name, packed, entry_crc, size in entries:
        local, central = _entry(entry_name, packed, size, entry_crc, len(body))
        body += local
        directory += central
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(directory), len(body), 0)
    path.write_bytes(body + directory + end)
    return path


def _packed(data: bytes) -> tuple[bytes, int]:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(), zlib.crc32(data)


def lying(path: Path, name: str, claimed: int) -> Path:
    """The zip at `path` with the central directory claiming `claimed` bytes for `name` (its data unchanged)."""
    data = bytearray(path.read_bytes())
    at = 0
    encoded = name.encode()
    while (at := data.find(b"PK\x01\x02", at)) != -1:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46: at + 46 + name_length]) == encoded:
            struct.pack_into("<I", data, at + 24, claimed)
            break
        at += 4
    path.write_bytes(bytes(data))
    return path
