"""Every zip the workbench reads (docx, odt, xlsx, qdpx) is checked before anything unpacks it."""

from __future__ import annotations

import tracemalloc
import zipfile

import docx
import openpyxl
import pytest
from odfdo import Document, Paragraph

from tests.unit.importers.hostile_zips import ENTITY_XML, bomb, lying, rewritten
from workbench.domain.errors import ImportFailed
from workbench.importers.attribute_sheet import read_attribute_sheet
from workbench.importers.docx import read_docx
from workbench.importers.log_sheet import read_log_sheet
from workbench.importers.odt import read_odt
from workbench.importers.qdc import read_qdc
from workbench.importers.refi_package import open_package

pytestmark = pytest.mark.reliability
QDE = b'<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="x"/>'


def _docx(path):
    document = docx.Document()
    document.add_paragraph("I: Hoe begon het?")
    document.add_paragraph("R: Met vertrouwen.")
    document.save(str(path))
    return path


def _odt(path):
    document = Document("text")
    document.body.append(Paragraph("I: Hoe begon het?"))
    document.save(str(path))
    return path


def _xlsx(path):
    book = openpyxl.Workbook()
    book.active.append(["document", "organisatie"])
    book.active.append(["Interview", "gemeente"])
    book.save(str(path))
    return path


def _qdpx(path, **extra):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", QDE)
        for name, data in extra.items():
            archive.writestr(name, data)
    return path


READERS = {
    "docx": (_docx, lambda p: read_docx(p), "word/document.xml"),
    "odt": (_odt, lambda p: read_odt(p), "content.xml"),
    "attributes.xlsx": (_xlsx, lambda p: read_attribute_sheet(p), "xl/worksheets/sheet1.xml"),
    "log.xlsx": (_xlsx, lambda p: read_log_sheet(p), "xl/worksheets/sheet1.xml"),
    "qdc-in-qdpx": (_qdpx, lambda p: read_qdc(p), "project.qde"),
    "qdpx": (_qdpx, lambda p: open_package(p).close(), "project.qde"),
}


def _path(tmp_path, kind):
    suffix = {"qdc-in-qdpx": "qdpx"}.get(kind, kind.rsplit(".", 1)[-1])
    return tmp_path / f"file.{suffix}"


@pytest.mark.parametrize("kind", READERS)
def test_a_bomb_is_refused_before_it_is_unpacked(tmp_path, kind):
    make, read, part = READERS[kind]
    path = make(_path(tmp_path, kind))
    with zipfile.ZipFile(path) as archive:
        others = {info.filename: archive.read(info) for info in archive.infolist() if info.filename != part}
    bomb(path, part, 600, others, line=b"<w:p><w:r><w:t>Gewone tekst.</w:t></w:r></w:p>")
    tracemalloc.start()
    try:
        with pytest.raises(ImportFailed, match="possible zip bomb") as refused:
            read(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024
    assert "\n" not in str(refused.value) and path.name in str(refused.value)


@pytest.mark.parametrize("kind", READERS)
def test_entries_pointing_outside_the_archive_are_refused(tmp_path, kind):
    make, read, _part = READERS[kind]
    path = rewritten(make(_path(tmp_path, kind)), {}, {"../../.bashrc": b"echo hi"})
    with pytest.raises(ImportFailed, match="points outside"):
        read(path)


@pytest.mark.parametrize("kind", READERS)
def test_sizes_that_lie_are_refused(tmp_path, kind):
    make, read, part = READERS[kind]
    path = lying(make(_path(tmp_path, kind)), part, 10)
    with pytest.raises(ImportFailed, match="do not match its contents"):
        read(path)


@pytest.mark.parametrize("kind", READERS)
def test_xml_entities_are_refused_not_dropped(tmp_path, kind):
    make, read, part = READERS[kind]
    path = rewritten(make(_path(tmp_path, kind)), {part: ENTITY_XML})
    with pytest.raises(ImportFailed, match="entities"):
        read(path)


def test_too_many_entries_are_refused(tmp_path):
    path = rewritten(_xlsx(tmp_path / "many.xlsx"), {}, {f"xl/media/{i}.bin": b"" for i in range(10_001)})
    with pytest.raises(ImportFailed, match="10,?0\\d\\d files|more than the 10000"):
        read_attribute_sheet(path)


def test_an_ordinary_word_file_still_reads(tmp_path):
    _kind, document = read_docx(_docx(tmp_path / "gewoon.docx"))
    assert "Met vertrouwen." in document.text
