"""Every timeline export written and read back: Excel, Word, CSV, JSON and iCalendar."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re

import pytest

from tests.services.monitoring_fixtures import add_code, add_codings, add_document, log_project, set_attribute  # noqa: F401
from workbench.domain.errors import InvalidInput
from workbench.domain.monitoring import EntryFilter
from workbench.domain.monitoring_drafts import read_filter
from workbench.exporters.manifest import manifest_path, read_manifest

TODAY = dt.date(2025, 3, 10)
REAL_NAMES = ("Marieke", "Jansen", "Fatima", "Amrani", "HEEM", "Gemeente Nijmegen")


@pytest.fixture
def report_project(log_project):
    """The small log with a learning question, two actions and coded interviews dated in two months."""
    ids, monitoring = log_project.log_ids, log_project.monitoring
    question = monitoring.agenda.raise_question("Hoe kan de gemeente langer dan één jaar financieren?", raised_by="HEEM",
                                                entry=ids["low"])
    monitoring.agenda.change_status(question.id, "provisional", entry=ids["visit"], note="Eigen inkomsten")
    monitoring.agenda.change_status(question.id, "answered", entry=ids["decision"])
    monitoring.agenda.raise_question("Hoe meten we sociale samenhang?", raised_on="2024-09-26")
    monitoring.actions.add("Notitie naar de wethouder, met cijfers", owner="Marieke Jansen", due="2024-11-15", entry=ids["low"])
    monitoring.actions.add("Verslag delen", owner="Onderzoeksteam", due="2024-12-01", entry=ids["visit"], status="done")
    with log_project.ctx.change("test.coded", undoable=False) as unit:
        theme = add_code(unit.session, "Thema tijdlijn", colour="#2CA02C")
        for title, day, count in (("Interview juli", dt.date(2024, 7, 11), 2), ("Interview november", dt.date(2024, 11, 20), 3)):
            document = add_document(unit.session, title, unit.coder_id)
            set_attribute(unit.session, document, "interview_date", day)
            add_codings(unit.session, document, theme, unit.coder_id, count)
    return log_project


def _export(project, tmp_path, fmt, wanted=None, **options):
    path = tmp_path / f"tijdlijn.{fmt}"
    done = project.monitoring.export_timeline(fmt, path, wanted, today=TODAY, **options)
    assert done.path == str(path) and path.is_file()
    return path, done


def test_excel_has_a_month_grid_gantt_the_log_the_agenda_history_and_actions(report_project, tmp_path):
    from openpyxl import load_workbook

    path, done = _export(report_project, tmp_path, "xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Tijdlijn", "Logboek", "Leeragenda", "Vervolgacties", "Thema's"]
    grid = book["Tijdlijn"]
    months = [grid.cell(row=3, column=c).value for c in range(3, 15)]
    assert months[0] == "jul 2024" and months[-1] == "jun 2025"
    rows = {grid.cell(row=r, column=2).value: r for r in range(4, grid.max_row + 1)}
    province = rows["Fase 1: provinciaal spoor"]
    filled = [grid.cell(row=province, column=c).fill.fgColor.rgb not in (None, "00000000") for c in range(3, 15)]
    assert filled == [False, False, True, True, True, True, True, False, False, False, False, False]
    low = rows["Subsidie weer voor één jaar (telefoon/e-mail)"]
    october = 3 + 3
    assert grid.cell(row=low, column=october).value == 24
    assert grid.cell(row=low, column=october).fill.fgColor.rgb.endswith("E8772E")
    assert "Teamoverleg over de initiatiefnemer (overleg)" not in rows  # internal entries stay out
    theme = rows["Thema tijdlijn"]
    assert grid.cell(row=theme, column=3).value == 2 and grid.cell(row=theme, column=7).value == 3
    # A legend explains the grid's colours; every sheet prints landscape, as wide as the page, headings repeated.
    labels = [grid.cell(row=r, column=2).value for r in range(1, grid.max_row + 1)]
    legend = labels.index(None, labels.index("Thema tijdlijn")) + 2  # a blank row, then the legend
    assert grid.cell(row=legend, column=1).value == "Legenda"
    assert labels[legend:legend + 5] == ["hoogtepunt", "kantelpunt", "leermoment", "dieptepunt", "overige activiteit"]
    assert grid.cell(row=legend + 1, column=1).fill.fgColor.rgb.endswith("2E9E4F")
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
        assert sheet.page_setup.fitToHeight == 0 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert grid.print_title_rows == "$1:$3" and book["Logboek"].print_title_rows == "$1:$1"
    log = book["Logboek"]
    assert log.max_row == 1 + done.entries == 8
    values = {cell.value for row in log.iter_rows(min_row=2) for cell in row}
    assert "normaal" in values and not {"normal", "none", "work_visit", "high_point", "low_point"} & values
    agenda = book["Leeragenda"]
    header = [c.value for c in agenda[1]]
    assert header[:3] == ["Vraag", "Ingebracht", "door"]
    row = [c.value for c in agenda[3]]
    assert row[0].startswith("Hoe kan de gemeente")
    by_date = dict(zip(header[3:-2], row[3:-2]))
    assert by_date == {"2024-09-26": None, "2024-10-24": "open", "2024-11-14": "voorlopig antwoord",
                       "2025-02-06": "beantwoord"}
    actions = book["Vervolgacties"]
    overdue = {r[0].value: r[4].value for r in actions.iter_rows(min_row=2)}
    assert overdue["Notitie naar de wethouder, met cijfers"] == f"{(TODAY - dt.date(2024, 11, 15)).days} dagen"
    assert overdue["Verslag delen"] == ""  or overdue["Verslag delen"] is None


def _all_text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def test_word_has_the_chart_the_entries_agenda_actions_and_a_two_column_learning_history(report_project, tmp_path):
    from docx import Document
    from docx.enum.section import WD_ORIENT

    path, _done = _export(report_project, tmp_path, "docx")
    document = Document(str(path))
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
    properties = document.core_properties
    assert properties.author == report_project.ctx.coder and properties.language == "nl-NL"
    assert properties.comments == "" and properties.created.year >= 2025
    assert 'w:lang w:val="nl-NL"' in document.styles.element.xml and "en-US" not in document.styles.element.xml
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Tijdlijn", "Fasen en sporen", "Activiteiten", "Leeragenda", "Vervolgacties", "Leergeschiedenis"]
    assert len(document.inline_shapes) == 1
    phases, entries, agenda, actions, history = document.tables
    titles = [row.cells[2].paragraphs[0].text for row in entries.rows[1:] if len(set(c._tc for c in row.cells)) > 1]
    assert titles[:3] == ["Interview initiatiefnemer", "Kick-off Samen creëren en floreren", "Subsidie weer voor één jaar"]
    months = [row.cells[0].text for row in entries.rows[1:] if len(set(c._tc for c in row.cells)) == 1]
    assert months[:3] == ["Juli 2024", "September 2024", "Oktober 2024"]
    low = next(row for row in entries.rows if row.cells[2].paragraphs[0].text == "Subsidie weer voor één jaar")
    assert low.cells[4].text.startswith("Dieptepunt") and "Onzekerheid" in low.cells[4].text
    assert "Teamoverleg" not in _all_text(document)
    assert "staat al lang open" in agenda.rows[1].cells[3].text  # the measuring question, open since September
    assert "te laat" in actions.rows[1].cells[3].text
    assert [c.text for c in history.rows[0].cells] == ["Wat er gebeurde, in de woorden van deelnemers",
                                                       "Vragen en reflecties van de onderzoekers"]
    first = history.rows[1]
    assert "Fatima el Amrani vertelt over HEEM." in first.cells[0].text
    assert "Zij spreekt over 'mijn bewoners'." in first.cells[1].text


def test_pseudonymised_word_and_json_hold_no_real_names_and_carry_a_manifest(report_project, tmp_path):
    from docx import Document

    path, done = _export(report_project, tmp_path, "docx", EntryFilter(include_internal=True), pseudonymise=True)
    text = _all_text(Document(str(path)))
    leaks = [name for name in REAL_NAMES if name in text]
    assert leaks == []
    assert "Ambtenaar A" in text and "Initiatiefnemer A" in text and "Wijkonderneming A" in text
    assert "Teamoverleg over de initiatiefnemer" in text and done.internal_included
    manifest = read_manifest(manifest_path(path))
    assert manifest["kind"] == "timeline" and manifest["pseudonymised"] is True
    assert manifest["counts"]["entries"] == 8 and manifest["filters"]["internal_included"] is True
    json_path, _ = _export(report_project, tmp_path, "json", pseudonymise=True)
    raw = json_path.read_text(encoding="utf-8")
    assert [name for name in REAL_NAMES if name in raw] == []


def test_csv_of_entries_can_be_imported_again(report_project, tmp_path):
    from workbench.project import Project

    path, done = _export(report_project, tmp_path, "csv", read_filter(types=["interview", "telefoon", "werkbezoek"]))
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    # A Dutch project's CSV is Dutch: its headings and its values, never the stored spellings.
    assert list(rows[0])[:6] == ["nr", "datum", "einddatum", "tijd", "soort", "titel"]
    assert [r["soort"] for r in rows] == ["interview", "telefoon/e-mail", "werkbezoek"]
    assert rows[1]["aanwezig"] == "Fatima el Amrani; Marieke Jansen" and rows[1]["markering"] == "dieptepunt"
    assert rows[0]["markering"] == "" and {r["vertrouwelijkheid"] for r in rows} == {"normaal"}
    assert rows[1]["acties"].startswith("#") and "Notitie naar de wethouder" in rows[1]["acties"]
    assert rows[2]["einddatum"] == "2024-11-15"
    assert not {"work_visit", "low_point", "phone_email", "normal", "none"} & {v for r in rows for v in r.values()}
    with Project.init(tmp_path / "elders", coder="bob", seed=False) as other:
        imported = other.monitoring.sheets.import_sheet(path, add_actors=True)
        copies = other.monitoring.entries.list()
    assert len(imported.added) == 3
    assert [(e.date, e.type, e.title, e.significance) for e in copies] == [
        (dt.date(2024, 7, 11), "interview", "Interview initiatiefnemer", "none"),
        (dt.date(2024, 10, 24), "phone_email", "Subsidie weer voor één jaar", "low_point"),
        (dt.date(2024, 11, 14), "work_visit", "Werkbezoek Het Klooster", "learning_moment"),
    ]


def test_json_holds_entries_agenda_actions_and_themes(report_project, tmp_path):
    path, _done = _export(report_project, tmp_path, "json", read_filter(start="2024-10-01", end="2024-12-31"))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [e["title"] for e in data["entries"]] == ["Subsidie weer voor één jaar", "Werkbezoek Het Klooster"]
    first = data["entries"][0]
    assert {"id", "date", "type", "title", "actors", "significance", "questions", "actions"} <= set(first)
    assert first["questions"][0]["status"] == "open" and first["actions"][0]["owner"] == "Marieke Jansen"
    assert data["themes"]["months"] == ["2024-10", "2024-11", "2024-12"]
    theme = next(s for s in data["themes"]["series"] if s["name"] == "Thema tijdlijn")
    assert theme["counts"] == [0, 3, 0]
    assert [q["status"] for q in data["questions"]] == ["open", "answered"]
    assert next(a for a in data["actions"] if a["owner"] == "Marieke Jansen")["overdue"] is True


def _unfolded(raw: bytes) -> list[str]:
    text = raw.decode("utf-8")
    assert "\n" not in text.replace("\r\n", "")  # every line ends in CRLF
    physical = text.split("\r\n")
    assert physical[-1] == ""
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    return re.sub(r"\r\n[ \t]", "", text).split("\r\n")[:-1]


def test_icalendar_has_dated_entries_and_open_action_due_dates(report_project, tmp_path):
    path, done = _export(report_project, tmp_path, "ics")
    lines = _unfolded(path.read_bytes())
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR" and "VERSION:2.0" in lines
    events, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    assert len(events) == done.entries + 1  # the done action has no reminder
    assert len({e["UID"] for e in events}) == len(events)
    assert all(re.fullmatch(r"\d{8}T\d{6}Z", e["DTSTAMP"]) for e in events)
    visit = next(e for e in events if "Het Klooster" in e["SUMMARY"])
    assert visit["DTSTART;VALUE=DATE"] == "20241114" and visit["DTEND;VALUE=DATE"] == "20241116"
    decision = next(e for e in events if "Driejarige" in e["SUMMARY"])
    assert decision["DTSTART"] == "20250206T100000"
    due = next(e for e in events if e["SUMMARY"].startswith("Deadline actie"))
    assert due["SUMMARY"] == "Deadline actie: Notitie naar de wethouder\\, met cijfers (Marieke Jansen)"
    assert due["DTSTART;VALUE=DATE"] == "20241115"
    low = next(e for e in events if "Subsidie" in e["SUMMARY"])
    assert "Onzekerheid\\; HEEM overweegt te stoppen." in low["DESCRIPTION"]


def test_a_bad_target_or_format_writes_nothing(report_project, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    blocker = out / "bestand"
    blocker.write_text("x")
    with pytest.raises(InvalidInput, match="is a file, not a folder"):
        report_project.monitoring.export_timeline("docx", blocker / "tijdlijn.docx")
    with pytest.raises(InvalidInput, match="cannot be exported as 'pdf'"):
        report_project.monitoring.export_timeline("pdf", out / "t.pdf")
    with pytest.raises(InvalidInput, match="is a folder"):
        report_project.monitoring.export_timeline("xlsx", out)
    assert sorted(p.name for p in out.iterdir()) == ["bestand"]
