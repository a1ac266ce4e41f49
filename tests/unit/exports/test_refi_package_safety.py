"""Opening untrusted project packages: hostile names, size limits, encrypted entries, folder spelling."""

from __future__ import annotations

import zipfile

import pytest

from workbench.domain.errors import ImportFailed
from workbench.importers.refi_package import Limits, open_package

QDE = b'<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="x"/>'


def _zip(path, entries):
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("name", ["../evil.txt", "sources/../../evil.txt", "/etc/evil", "C:/evil.txt",
                                  "..\\evil.txt"])
def test_entries_pointing_outside_are_refused(tmp_path, name):
    path = _zip(tmp_path / "p.qdpx", {"project.qde": QDE, name: b"x"})
    with pytest.raises(ImportFailed, match="points outside the package"):
        open_package(path)


def test_limits_on_entries_and_sizes(tmp_path):
    many = _zip(tmp_path / "many.qdpx", {"project.qde": QDE, **{f"sources/{i}.txt": b"x" for i in range(20)}})
    with pytest.raises(ImportFailed, match="files"):
        open_package(many, Limits(entries=10))
    big = _zip(tmp_path / "big.qdpx", {"project.qde": QDE, "sources/a.txt": b"a" * 5000})
    with pytest.raises(ImportFailed, match="zip bomb"):
        open_package(big, Limits(file_bytes=1000))
    with open_package(big, Limits(ratio_floor=10**9)) as package:
        assert package.source("internal://A.TXT") == b"a" * 5000


def test_sources_folder_and_qde_name_are_matched_loosely(tmp_path):
    path = _zip(tmp_path / "p.qdpx", {"My Project.QDE": QDE, "Sources/ABC.txt": b"tekst"})
    with open_package(path) as package:
        assert package.qde_name == "My Project.QDE"
        assert package.source("internal://abc.txt") == b"tekst"
        assert package.source("internal://missing.txt") is None


def test_encrypted_entries_are_refused(tmp_path):
    path = _zip(tmp_path / "p.qdpx", {"project.qde": QDE})
    data = bytearray(path.read_bytes())
    # Set the "encrypted" flag bit in the local header and the central directory entry.
    data[6] |= 1
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 1
    path.write_bytes(bytes(data))
    with pytest.raises(ImportFailed, match="encrypted"):
        open_package(path)


def test_a_bare_qde_opens_without_sources(tmp_path):
    path = tmp_path / "p.qde"
    path.write_bytes(QDE)
    with open_package(path) as package:
        assert package.qde == QDE and not package.has_sources
