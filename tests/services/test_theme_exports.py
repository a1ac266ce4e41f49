"""Theme summaries in Word: read back with python-docx and checked for styles, counts, quotes and fields."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from docx import Document

from tests.services.export_fixtures import export_project  # noqa: F401 - fixture
from workbench.domain.errors import InvalidInput
from workbench.domain.exports import FragmentFilter, ThemeOptions


def _paragraphs(document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs]


def test_summary_structure_styles_and_quotes(export_project, tmp_path):
    out = tmp_path / "themas.docx"
    result = export_project.exports.themes(out)
    assert result.counts == {"fragments": 7, "sections": 7, "quotes": 7}
    document = Document(out)
    paragraphs = _paragraphs(document)
    assert paragraphs[6] == ("Title", "Wijkondernemingen") and ("Subtitle", "Themasamenvatting") in paragraphs
    headings = [(style, text) for style, text in paragraphs if style.startswith("Heading")]
    assert headings[:4] == [("Heading 1", "Vertrouwen"), ("Heading 4", "Memo's"),
                            ("Heading 2", "Vertrouwen in personen"), ("Heading 4", "Interview Jan de Vries")]
    quotes = [text for style, text in paragraphs if style == "Quote"]
    assert "“Subsidie krijgen we voor één jaar tegelijk.”" in quotes and len(quotes) == 7
    index = paragraphs.index(("Quote", "“Subsidie krijgen we voor één jaar tegelijk.”"))
    assert paragraphs[index + 1][1] == ("— Interview Jan de Vries, Jan de Vries, gemeente, 8 oktober 2024, 00:12:40 "
                                        "(gecodeerd door anna)")
    assert ("Definition", "Definitie: Vertrouwen tussen partners en bewoners.") in paragraphs
    assert ("Normal", "Vertrouwen groeit: Vertrouwen groeit na tegenslag; zie de kwetsbare kip.") in paragraphs

    tables = document.tables
    assert tables[0].cell(0, 0).text == "Datum" and tables[0].cell(1, 1).text.startswith("Codebook (")
    counts = [t for t in tables[1:] if t.style.name == "Table Grid"]
    assert len(counts) == 7
    first = [[cell.text for cell in row.cells] for row in counts[0].rows]
    # anna's and bram's overlapping codings of one passage count once.
    assert first == [["Organisatie", "Fragmenten", "Documenten"], ["gemeente", "2", "1"],
                     ["wijkonderneming", "1", "1"], ["Totaal", "3", "2"]]
    assert len(document.inline_shapes) == 7  # one chart per section, every organisation type on it

    # The contents list: one entry per heading, its page number a PAGEREF to the heading's bookmark with the
    # page already written in, and no request to Word to update fields when the file opens.
    xml = document.element.xml
    entries = [p for p in document.paragraphs if p.style.name in ("TOC 1", "TOC 2", "TOC 3")]
    assert [p.text.split("\t")[0] for p in entries] == [h for s, h in headings if s != "Heading 4"]
    assert all(p.text.split("\t")[1].isdigit() for p in entries)
    assert int(entries[0].text.split("\t")[1]) == 3 and "PAGEREF _Toc_theme_0" in xml
    assert 'w:name="_Toc_theme_0"' in xml and "updateFields" not in document.settings.element.xml
    # Each chart is kept with its count table: every row of that table keeps with the next paragraph.
    assert all(row._tr.xpath("./w:tc/w:p/w:pPr/w:keepNext") for row in counts[0].rows)
    # Metadata: who made it (the coder), when, in which language, also on the styles for the spell-check.
    properties = document.core_properties
    assert properties.author == "anna" and properties.title == "Wijkondernemingen"
    assert properties.language == "nl-NL" and properties.comments == ""
    assert abs((dt.datetime.now(dt.timezone.utc) - properties.created).total_seconds()) < 24 * 3600
    assert 'w:lang w:val="nl-NL"' in document.styles.element.xml and "en-US" not in document.styles.element.xml
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    footer = document.sections[0].footer._element.xml
    assert "PAGE" in footer and document.sections[0].different_first_page_header_footer
    manifest = json.loads((tmp_path / "themas.docx.manifest.json").read_text())
    assert manifest["kind"] == "themes-docx" and manifest["content_sha256"] == result.content_sha256


def test_quotes_per_code_grouping_and_counting_attribute(export_project, tmp_path):
    options = ThemeOptions(by_attribute="pilot", group_by="attribute", quotes_per_code=1, choose="longest",
                           charts=False)
    export_project.exports.themes(tmp_path / "t.docx", options=options,
                                  filters=FragmentFilter(codes=("Vertrouwen",)))
    document = Document(tmp_path / "t.docx")
    paragraphs = _paragraphs(document)
    assert ("Note", "1 van 2 citaten, de langste.") in paragraphs
    quotes = [text for style, text in paragraphs if style == "Quote"]
    assert quotes == ["“Het vertrouwen zit bij personen, niet bij organisaties.”",
                      "“De kracht van de kwetsbare kip: toen het misging, herstelde de buurt samen.”"]
    assert ("Heading 4", "pilot: ja") in paragraphs
    assert document.tables[1].cell(0, 0).text == "Pilot" and len(document.inline_shapes) == 0


def test_same_state_same_hash_and_bad_options(export_project, tmp_path):
    first = export_project.exports.themes(tmp_path / "a.docx")
    second = export_project.exports.themes(tmp_path / "b.docx")
    assert first.content_sha256 == second.content_sha256
    with pytest.raises(InvalidInput):
        export_project.exports.themes(tmp_path / "c.docx", options=ThemeOptions(by_attribute="leeftijd"))
    with pytest.raises(InvalidInput):
        export_project.exports.themes(tmp_path / "c.docx", options=ThemeOptions(choose="random"))
    with pytest.raises(InvalidInput):
        export_project.exports.themes(tmp_path / "c.pdf")
    assert not (tmp_path / "c.docx").exists()
