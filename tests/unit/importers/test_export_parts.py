"""Every text part of an exported file, as the leak scan reads it: runs joined, escapes undone, names of the
files inside packages included."""

from __future__ import annotations

import json
import zipfile

import pytest
from docx import Document
from openpyxl import Workbook

from workbench.domain.errors import InvalidInput
from workbench.domain.leak_scan import scan_parts
from workbench.domain.pseudonyms import RegisteredName, Replacer
from workbench.importers.export_parts import text_parts

FINDER = Replacer([RegisteredName("Marieke Jansen", "Ambtenaar A"), RegisteredName("Zoë Kramer", "Respondent 2")])


def _found(path) -> set[tuple[str, str]]:
    _count, leaks = scan_parts(text_parts(path), FINDER)
    return {(leak.spelling, leak.place.split(" (")[0]) for leak in leaks}


def test_a_name_split_over_word_runs_and_in_the_document_properties_is_found(tmp_path):
    document = Document()
    paragraph = document.add_paragraph("Zei ")
    paragraph.add_run("Mar")
    paragraph.add_run("ieke")
    paragraph.add_run(" het?")
    document.core_properties.author = "Zoë Kramer"
    document.save(tmp_path / "verslag.docx")
    found = _found(tmp_path / "verslag.docx")
    assert ("Marieke", "verslag.docx › word/document.xml") in found
    assert ("Zoë Kramer", "verslag.docx › docProps/core.xml") in found


def test_sheet_names_cells_and_file_names_inside_packages_are_read(tmp_path):
    book = Workbook()
    book.active.title = "Jansen"
    book.active["A1"] = "gesprek met MARIEKE"
    book.save(tmp_path / "tabel.xlsx")
    spellings = {spelling for spelling, _place in _found(tmp_path / "tabel.xlsx")}
    assert {"Jansen", "MARIEKE"} <= spellings
    with zipfile.ZipFile(tmp_path / "project.qdpx", "w") as archive:
        archive.writestr("project.qde", '<Project name="p"><Sources><TextSource name="Interview Zoe Kramer"/></Sources></Project>')
        archive.writestr("sources/interview-marieke.txt", "geen naam hier")
    found = _found(tmp_path / "project.qdpx")
    assert ("Zoe Kramer", "project.qdpx › project.qde") in found
    assert ("marieke", "project.qdpx › sources/interview-marieke.txt") in found


def test_json_escapes_and_folded_calendar_lines_hide_nothing(tmp_path):
    (tmp_path / "log.json").write_text(json.dumps({"title": "Bezoek Zoë Kramer"}, ensure_ascii=True), encoding="utf-8")
    assert ("Zoë Kramer", "log.json") in _found(tmp_path / "log.json")
    (tmp_path / "log.ics").write_text("BEGIN:VEVENT\r\nSUMMARY:Gesprek met Marieke Jan\r\n sen\\, gemeente\r\n"
                                      "END:VEVENT\r\n", encoding="utf-8")
    assert ("Marieke Jansen", "log.ics") in _found(tmp_path / "log.ics")
    (tmp_path / "clean.csv").write_text("titel\nAmbtenaar A sprak\n", encoding="utf-8")
    assert _found(tmp_path / "clean.csv") == set()


def test_a_missing_or_damaged_file_is_one_clear_sentence(tmp_path):
    with pytest.raises(InvalidInput, match="is not a file"):
        list(text_parts(tmp_path / "weg.docx"))
    (tmp_path / "kapot.xlsx").write_bytes(b"PK\x03\x04 kapot")
    with pytest.raises(InvalidInput, match="damaged"):
        list(text_parts(tmp_path / "kapot.xlsx"))
