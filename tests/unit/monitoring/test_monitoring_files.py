"""Reading a researcher's spreadsheet log, and the iCalendar text rules (escaping, folding)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workbench.domain.errors import ImportFailed
from workbench.exporters.timeline_ics import escape_text, fold
from workbench.importers.log_sheet import read_log_sheet

DATA = Path(__file__).resolve().parents[2] / "data" / "monitoring"


def test_a_semicolon_csv_with_dutch_headers_and_a_quoted_multiline_cell():
    sheet = read_log_sheet(DATA / "logboek.csv")
    fields = {c.header: c.field for c in sheet.columns}
    assert fields["Wat gebeurde er?"] == "observation" and fields["Onderwerp"] == "title" and fields["Markering"] == "significance"
    assert [r.number for r in sheet.rows] == [2, 3, 4, 6]  # the empty row 5 is skipped, numbers stay the sheet's
    first = sheet.rows[0].values
    assert first["date"] == "11-7-2024" and "huiskamer" in first["observation"]
    assert sheet.rows[1].values["actors"] == "Fatima el Amrani; Marieke Jansen"


def test_an_excel_log_with_a_title_above_the_header_on_a_named_sheet():
    sheet = read_log_sheet(DATA / "logboek.xlsx")
    assert sheet.sheet == "Logboek"
    assert sheet.ignored == ("Opmerkingen",)
    assert [r.number for r in sheet.rows] == [4, 5, 6]
    first = sheet.rows[0].values
    assert first["date"] == dt.date(2024, 9, 26) and first["time"] == dt.time(10, 30)
    assert first["type"] == "Werkbezoek" and first["significance"] == "Leermoment"


def test_a_sheet_without_a_date_column_is_refused_in_one_sentence():
    with pytest.raises(ImportFailed) as raised:
        read_log_sheet(DATA / "zonder_datum.csv")
    message = str(raised.value)
    assert message.startswith("zonder_datum.csv has no date column") and "--map HEADER=date" in message


def test_an_own_mapping_explains_an_unusual_header():
    sheet = read_log_sheet(DATA / "zonder_datum.csv", mapping={"Wanneer": "date"})
    assert sheet.rows[0].values == {"date": "2024-10-01", "type": "overleg", "title": "Zonder datumkolom"}
    with pytest.raises(ImportFailed, match="names no entry field"):
        read_log_sheet(DATA / "zonder_datum.csv", mapping={"Wanneer": "datum"})


def test_windows_1252_csv_and_unreadable_files(tmp_path):
    legacy = tmp_path / "oud.csv"
    legacy.write_bytes("Datum,Titel,Soort\r\n1-10-2024,Overleg café,overleg\r\n".encode("cp1252"))
    assert read_log_sheet(legacy).rows[0].values["title"] == "Overleg café"
    broken = tmp_path / "kapot.xlsx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(ImportFailed, match="cannot be read as an Excel workbook"):
        read_log_sheet(broken)
    other = tmp_path / "log.ods"
    other.write_bytes(b"")
    with pytest.raises(ImportFailed, match="save the log as .xlsx or .csv"):
        read_log_sheet(other)
    with pytest.raises(ImportFailed, match="There is no file"):
        read_log_sheet(tmp_path / "weg.csv")


def test_ics_text_is_escaped():
    assert escape_text("a;b,c\\d\ne") == "a\\;b\\,c\\\\d\\ne"


def test_ics_lines_fold_at_75_octets_without_splitting_characters():
    line = "DESCRIPTION:" + "één café, " * 30
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert all(p.startswith(" ") for p in pieces[1:])
    assert "".join([pieces[0]] + [p[1:] for p in pieces[1:]]) == line
    assert fold("SHORT:x") == "SHORT:x"
