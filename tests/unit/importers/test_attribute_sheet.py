"""Attribute sheets map transcript files to attributes such as organisation, role and interview date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from workbench.domain.errors import ImportFailed
from workbench.importers.attribute_sheet import read_attribute_sheet


def test_csv_with_semicolons_and_a_dutch_header(tmp_path: Path) -> None:
    sheet = tmp_path / "respondenten.csv"
    sheet.write_bytes(
        "Bestand;Organisatie;Rol;Interviewdatum\r\n"
        "interview gemeente.docx;Gemeente Nijmegen;beleidsmedewerker;12-11-2024\r\n"
        "bewoner.txt;NDW21;bewoner;\r\n".encode("cp1252")
    )
    attributes = read_attribute_sheet(sheet)
    assert attributes.columns == ("Organisatie", "Rol", "Interviewdatum")
    assert dict(attributes.for_file(Path("x/Interview Gemeente.docx"))) == {
        "Organisatie": "Gemeente Nijmegen", "Rol": "beleidsmedewerker", "Interviewdatum": "12-11-2024",
    }  # fmt: skip
    assert dict(attributes.for_file(Path("bewoner.md"))) == {"Organisatie": "NDW21", "Rol": "bewoner"}
    assert dict(attributes.for_file(Path("onbekend.txt"))) == {}


def test_xlsx_with_dates_and_numbers(tmp_path: Path) -> None:
    sheet = tmp_path / "respondenten.xlsx"
    workbook = openpyxl.Workbook()
    rows = [("file", "organisation", "interview date", "age"), ("corporatie.docx", "Talis", dt.datetime(2024, 12, 5), 47)]
    for row in rows:
        workbook.active.append(row)
    workbook.save(sheet)
    assert dict(read_attribute_sheet(sheet).for_file(Path("corporatie.docx"))) == {
        "organisation": "Talis", "interview date": "2024-12-05", "age": "47",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("organisatie;rol\nGemeente;ambtenaar\n", "no column naming the transcript files"),
        ("bestand;rol\na.txt;x\na.docx;y\n", "names the file 'a.docx' twice (row 3)"),
        ("", "is empty"),
    ],
)
def test_unusable_sheets(tmp_path: Path, content: str, problem: str) -> None:
    sheet = tmp_path / "blad.csv"
    sheet.write_text(content, encoding="utf-8")
    with pytest.raises(ImportFailed, match=problem.replace("(", r"\(").replace(")", r"\)")):
        read_attribute_sheet(sheet)


def test_not_a_sheet(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="not a readable Excel workbook"):
        (tmp_path / "blad.xlsx").write_text("geen excel", encoding="utf-8")
        read_attribute_sheet(tmp_path / "blad.xlsx")
    with pytest.raises(ImportFailed, match="not an attribute sheet"):
        read_attribute_sheet(tmp_path / "blad.ods")
