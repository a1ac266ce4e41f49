"""Coded fragments to Excel and CSV: read back and checked cell by cell, with filters, blind coding and manifests."""

from __future__ import annotations

import csv
import datetime as dt
import json

import pytest
from openpyxl import load_workbook

from tests.services.export_fixtures import export_project  # noqa: F401 - fixture
from workbench.domain.errors import InvalidInput
from workbench.domain.exports import FragmentFilter
from workbench.domain.filters import Selection

# A Dutch project's workbook is Dutch throughout; attribute columns keep the attribute's own name.
HEADER = ["Document", "Casus", "datum", "jaren ervaring", "organisatie", "pilot", "Spreker", "Tijd", "Code", "Niveau 1",
          "Niveau 2", "Fragment", "Context", "Codeur", "Memo", "Status", "Begin", "Einde"]


def _column_format_is_top_aligned(path) -> bool:
    """LibreOffice shows unformatted cells in their column's format: the All sheet's columns align to the top."""
    import zipfile

    from lxml import etree

    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(path) as archive:
        sheet = etree.fromstring(archive.read("xl/worksheets/sheet1.xml"))
        styles = etree.fromstring(archive.read("xl/styles.xml"))
    formats = styles.findall("m:cellXfs/m:xf", ns)
    columns = sheet.findall("m:cols/m:col", ns)
    return bool(columns) and all(
        formats[int(c.get("style", "0"))].find("m:alignment", ns).get("vertical") == "top" for c in columns)


def _rows(sheet) -> list[list]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_workbook_sheets_rows_and_layout(export_project, tmp_path):
    out = tmp_path / "fragmenten.xlsx"
    result = export_project.exports.fragments(out)
    # anna's and bram's codings of "Het vertrouwen zit bij personen" overlap: one fragment naming both.
    assert result.counts["fragments"] == 7
    book = load_workbook(out)
    assert book.sheetnames == ["Alle fragmenten", "Vertrouwen", "Financiering", "Rollen en taken", "Code × document",
                               "Code × kenmerk", "Codeboek", "Export"]
    everything = book["Alle fragmenten"]
    rows = _rows(everything)
    assert rows[0] == HEADER and len(rows) == 8
    shared = next(r for r in rows if r[13] == "anna, bram")
    assert shared[11] == "Het vertrouwen zit bij personen, niet bij organisaties."
    memo_row = next(r for r in rows if r[14] == "Typisch: jaarlijkse subsidie.")
    assert memo_row == [
        "Interview Jan de Vries", "Jan de Vries", dt.datetime(2024, 10, 8), 12, "gemeente", "ja", "Jan de Vries",
        "00:12:40", "Financiering/Subsidie", "Financiering", "Subsidie", "Subsidie krijgen we voor één jaar tegelijk.",
        "Subsidie krijgen we voor één jaar tegelijk.", "anna", "Typisch: jaarlijkse subsidie.", "toegepast", 209, 252,
    ]
    text = export_project.sample.texts["Interview Jan de Vries"]
    assert text[memo_row[16]:memo_row[17]] == memo_row[11]
    assert everything.freeze_panes == "A2"
    assert everything.auto_filter.ref == "A1:R8"
    code_cell = everything.cell(row=rows.index(memo_row) + 1, column=9)
    assert code_cell.fill.fgColor.rgb.endswith("FDAE6B")
    long_texts = [c for c in everything["L"][1:] if len(c.value) > 72]
    assert long_texts and all(c.alignment.wrap_text for c in long_texts)
    kip = next(r for r, row in enumerate(rows, 1) if row[11].startswith("De kracht"))
    assert everything.row_dimensions[kip].height == 32  # two lines of wrapped text
    assert everything.cell(row=2, column=1).alignment.vertical == "top"  # lines up with wrapped fragments
    # A date has a number format of its own, and still sits at the top of a tall row beside the text.
    assert everything.cell(row=kip, column=3).is_date and everything.cell(row=kip, column=3).alignment.vertical == "top"
    assert _column_format_is_top_aligned(out)
    assert everything.column_dimensions["L"].width == 60
    assert len(_rows(book["Vertrouwen"])) == 1 + 3 and len(_rows(book["Financiering"])) == 1 + 3

    by_document = {r[0]: r[1:] for r in _rows(book["Code × document"])}
    assert by_document["Code (met subcodes)"] == [
        "Interview Jan de Vries", "Interview wijkonderneming", "Veldnotities werkbezoek", "Totaal", "Documenten"]
    assert by_document["Vertrouwen/Vertrouwen in personen"] == [2, 0, 0, 2, 1]
    # A top-level code counts its sub-codes' fragments, as the theme summary does.
    assert by_document["Vertrouwen"] == [2, 1, 0, 3, 2] and by_document["Financiering"] == [1, 1, 1, 3, 3]
    by_attribute = {r[0]: r[1:] for r in _rows(book["Code × kenmerk"])}
    header = list(by_attribute["Code (met subcodes)"])
    assert by_attribute["Financiering"][header.index("organisatie = corporatie")] == 1
    codebook = {r[0]: r for r in _rows(book["Codeboek"])}
    assert codebook["Code"][:4] == ["Code", "Niveau", "Naam", "Definitie"]
    assert codebook["Vertrouwen/Vertrouwen in personen"][3] == "Vertrouwen dat op een persoon rust."
    assert codebook["Vertrouwen/Vertrouwen in personen"][9] == 2
    about = dict(_rows(book["Export"]))
    assert about["Project"] == "Wijkondernemingen" and about["Gepseudonimiseerd"] == "nee"
    assert about["Filter: status"] == "toegepast" and about["Filter: context"] == "zin"
    assert book.properties.language == "nl-NL" and book.properties.title == "Gecodeerde fragmenten: Wijkondernemingen"


def test_csv_holds_the_same_rows(export_project, tmp_path):
    export_project.exports.fragments(tmp_path / "f.xlsx")
    export_project.exports.fragments(tmp_path / "f.csv")
    raw = (tmp_path / "f.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(tmp_path / "f.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    sheet = _rows(load_workbook(tmp_path / "f.xlsx")["Alle fragmenten"])
    assert rows[0] == HEADER and len(rows) == len(sheet)
    for got, expected in zip(rows[1:], sheet[1:]):
        assert got[11] == expected[11] and got[8] == expected[8] and int(got[16]) == expected[16]
    assert rows[1][2] == "2024-10-08"


@pytest.mark.parametrize("filters, expected", [
    (FragmentFilter(codes=("Financiering",)), 3),
    (FragmentFilter(selection=Selection(attributes=(("organisatie", "wijkonderneming"),))), 2),
    (FragmentFilter(selection=Selection(coders=("bram",))), 2),
    (FragmentFilter(query="Vertrouwen AND organisatie=gemeente"), 2),
    (FragmentFilter(codes=("Financiering",), selection=Selection(statuses=("applied", "suggested"))), 4),
])
def test_filters_as_in_retrieval(export_project, tmp_path, filters, expected):
    result = export_project.exports.fragments(tmp_path / "f.csv", filters=filters)
    assert result.counts["fragments"] == expected


def test_a_filter_that_matches_nothing_writes_nothing(export_project, tmp_path):
    out = tmp_path / "out" / "leeg.xlsx"
    wanted = FragmentFilter(selection=Selection(attributes=(("organisatie", "ministerie"),)))
    with pytest.raises(InvalidInput) as raised:
        export_project.exports.fragments(out, filters=wanted)
    assert "nothing was written" in str(raised.value)
    assert not (tmp_path / "out").exists()


def test_blind_coding_shows_only_my_codings(export_project, tmp_path):
    export_project.status.update_settings(blind_coding=True)
    result = export_project.exports.fragments(tmp_path / "f.csv")
    with open(tmp_path / "f.csv", encoding="utf-8-sig") as handle:
        coders = {row["Codeur"] for row in csv.DictReader(handle)}
    assert coders == {"anna"} and result.counts["fragments"] == 6
    with pytest.raises(InvalidInput):
        export_project.exports.fragments(tmp_path / "g.csv", filters=FragmentFilter(selection=Selection(coders=("bram",))))


def test_manifest_beside_the_file_and_stable_content_hash(export_project, tmp_path):
    first = export_project.exports.fragments(tmp_path / "a.xlsx")
    second = export_project.exports.fragments(tmp_path / "b.xlsx")
    assert first.content_sha256 == second.content_sha256
    manifest = json.loads((tmp_path / "a.xlsx.manifest.json").read_text())
    assert manifest["content_sha256"] == first.content_sha256
    assert manifest["kind"] == "fragments-xlsx" and manifest["tool"].startswith("workbench ")
    assert manifest["counts"]["fragments"] == 7 and len(manifest["codebook_version"]) == 12
    assert manifest["filters"]["statuses"] == ["applied"]
    export_project.pseudonyms.add("Bewoners", "Buurtbewoners")
    third = export_project.exports.fragments(tmp_path / "c.xlsx", pseudonymise=True)
    assert third.content_sha256 != first.content_sha256


def test_text_that_looks_like_a_formula_stays_text(export_project, tmp_path):
    from workbench.store.schema import Memo

    with export_project.ctx.change("test.memo", undoable=False) as unit:
        unit.session.add(Memo(guid="0d4c6f30-7c3a-4a53-9a5e-0c2f55f5a001", text="=SUM(A1:A3) is geen formule",
                              coding_id=export_project.sample.codings[0]))
    export_project.exports.fragments(tmp_path / "f.xlsx")
    sheet = load_workbook(tmp_path / "f.xlsx")["Alle fragmenten"]
    memos = [cell for cell in sheet["O"] if cell.value and str(cell.value).startswith("=SUM")]
    assert memos and all(cell.data_type == "s" for cell in memos)


def _english(project) -> None:
    from sqlalchemy import select

    from workbench.store.schema import ProjectSettings

    with project.ctx.change("test.language", undoable=False) as unit:
        unit.session.scalar(select(ProjectSettings).limit(1)).default_language = "en"


def test_an_english_project_gets_an_english_workbook_and_csv(export_project, tmp_path):
    _english(export_project)
    book = load_workbook(export_project.exports.fragments(tmp_path / "f.xlsx").path)
    assert book.sheetnames[0] == "All fragments" and book.sheetnames[-4:] == [
        "Code × document", "Code × attribute", "Codebook", "Export"]
    header = _rows(book["All fragments"])[0]
    assert header[:2] == ["Document", "Case"] and header[6:10] == ["Speaker", "Time", "Code", "Level 1"]
    assert header[-7:] == ["Fragment", "Context", "Coder", "Memo", "Status", "Start", "End"]
    assert {row[15] for row in _rows(book["All fragments"])[1:]} == {"applied"}
    assert dict(_rows(book["Export"]))["Pseudonymised"] == "no" and book.properties.language == "en-GB"
    export_project.exports.fragments(tmp_path / "f.csv")
    with open(tmp_path / "f.csv", encoding="utf-8-sig", newline="") as handle:
        assert next(csv.reader(handle)) == header
