"""Meeting reports read into log parts: Dutch and English, .md, .txt, .docx and .odt, and what cannot be placed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from workbench.domain.errors import ImportFailed
from workbench.domain.meeting_reports import Attendee, find_dates, guess_type, read_report, split_attendees
from workbench.domain.monitoring_values import parse_date
from workbench.importers.meeting_report import read_report_file

REPORTS = Path(__file__).resolve().parents[2] / "data" / "reports"
KICK_OFF = next((Path(__file__).resolve().parents[3] / "transcripts" / "reports").glob("Verslag startbijeenkomst*"))


@pytest.mark.parametrize("written, day", [
    ("04-09-'24", dt.date(2024, 9, 4)), ("4 september 2024", dt.date(2024, 9, 4)), ("2024-09-04", dt.date(2024, 9, 4)),
    ("15 januari 2025", dt.date(2025, 1, 15)), ("woensdag 4 september 2024", dt.date(2024, 9, 4)),
    ("September 4, 2024", dt.date(2024, 9, 4)), ("4/9/2024", dt.date(2024, 9, 4)), ("12-02-'25", dt.date(2025, 2, 12)),
])
def test_dates_in_the_forms_people_write(written, day):
    assert parse_date(written) == day
    found = find_dates(f"Op {written}: overleg")
    assert [d for d, _ in found] == [day] and found[0][1] in written


def test_a_date_that_cannot_be_read_is_found_but_not_guessed():
    assert find_dates("31 janauri 2025: terugkomdag; 31-02-2025 ook") == [(None, "31 janauri 2025"), (None, "31-02-2025")]
    assert find_dates("we spraken 3 woningen 2024 door") == []  # 'woningen' is no misspelt month


def test_the_type_comes_from_the_words_of_the_title():
    assert guess_type("Verslag startbijeenkomst Samen creëren en floreren") == "meeting"
    assert guess_type("Report work visit Het Klooster") == "work_visit"
    assert guess_type("Verslag werkbezoek De Nieuwe Linde") == "work_visit"
    assert guess_type("Minutes: timeline workshop with partners") == "workshop"
    assert guess_type("Verslag") is None


def test_attendees_as_name_and_organisation_with_several_per_organisation():
    people, unplaced = split_attendees(
        "Fatima el Amrani en Yvonne Peters (HEEM), Marieke Jansen, Joost van Dijk (Gemeente Nijmegen); "
        "Henk Willems (bewoner), Ingrid Bosman (gebiedsregisseur, Woonstichting Waalwonen), Ruud Hermsen")
    assert people == [
        Attendee("Fatima el Amrani", "HEEM"), Attendee("Yvonne Peters", "HEEM"),
        Attendee("Marieke Jansen", "Gemeente Nijmegen"), Attendee("Joost van Dijk", "Gemeente Nijmegen"),
        Attendee("Henk Willems", None, "bewoner"), Attendee("Ingrid Bosman", "Woonstichting Waalwonen", "gebiedsregisseur"),
        Attendee("Ruud Hermsen"),
    ]
    assert unplaced == []
    people, unplaced = split_attendees("Waalwonen: Ingrid Bosman")
    assert people == [Attendee("Ingrid Bosman", "Waalwonen")]
    people, unplaced = split_attendees("Sanne de Groot (De Nieuwe Linde), iemand van de gemeente (naam volgt), 3 bewoners")
    assert people == [Attendee("Sanne de Groot", "De Nieuwe Linde")]
    assert [u.text for u in unplaced] == ["iemand van de gemeente (naam volgt)", "3 bewoners"]


def test_the_kick_off_report_of_the_project():
    report = read_report_file(KICK_OFF)
    assert (report.title, report.date, report.type) == (
        "Verslag startbijeenkomst Samen creëren en floreren", dt.date(2024, 9, 4), "meeting")
    assert report.location.startswith("Paviljoen HEEM") and report.time == dt.time(14, 0)
    assert len(report.attendees) >= 10 and Attendee("Marieke Jansen", "Gemeente Nijmegen") in report.attendees
    assert [(a.date, a.type) for a in report.announced] == [(dt.date(2025, 1, 15), "meeting"), (dt.date(2025, 6, 4), "meeting")]
    assert report.announced[0].title.startswith("Brede bijeenkomst")
    assert "Hoe kan de gemeente wijkondernemingen langer dan één jaar financieren?" in report.questions
    assert "Sanne de Groot" not in {a.name for a in report.attendees}  # she sent her apologies
    assert report.unplaced == ()


def test_a_dutch_markdown_work_visit_lists_what_it_could_not_place():
    report = read_report_file(REPORTS / "verslag-werkbezoek-de-nieuwe-linde.md")
    assert (report.date, report.type, report.time) == (dt.date(2024, 10, 23), "work_visit", dt.time(10, 0))
    assert report.location == "Buurtcentrum De Nieuwe Linde, Arnhem"
    assert Attendee("Sanne de Groot", "De Nieuwe Linde", "coördinator") in report.attendees
    assert Attendee("Ingrid Bosman", "Waalwonen") in report.attendees
    assert Attendee("Lotte Verhoeven", None, "onderzoeker") in report.attendees
    assert [(a.date, a.type) for a in report.announced] == [(dt.date(2025, 1, 15), "meeting"), (dt.date(2025, 2, 12), "workshop")]
    assert sorted(u.what for u in report.unplaced) == ["attendee", "date"]
    assert {u.text for u in report.unplaced} == {"Iemand van de gemeente Arnhem (naam volgt)", "31 janauri 2025"}
    assert len(report.questions) == 2 and report.observation.startswith("De Nieuwe Linde draait al twaalf jaar.")


def test_english_minutes_in_plain_text():
    report = read_report_file(REPORTS / "workshop-minutes.txt")
    assert (report.date, report.type, report.time) == (dt.date(2025, 3, 12), "workshop", dt.time(13, 30))
    assert [a.name for a in report.attendees] == ["Marieke Jansen", "Joost van Dijk", "Ingrid Bosman", "Henk Willems",
                                                  "Peter Smits"]
    assert report.attendees[0].organisation == "Municipality of Nijmegen"
    assert [(a.date, a.title) for a in report.announced] == [(dt.date(2025, 6, 4), "Closing meeting, open to all")]
    assert report.questions == ("How can prevention budgets of health insurers reach the neighbourhood enterprise?",
                                "Who decides on the use of the temporary pavilion after 2031?")


def test_word_and_opendocument_reports():
    word = read_report_file(REPORTS / "verslag-workshop-borging.docx")
    assert (word.title, word.date, word.type) == ("Verslag workshop borging", dt.date(2025, 3, 4), "workshop")
    assert word.announced[0].date == dt.date(2025, 4, 8)
    odt = read_report_file(REPORTS / "report-work-visit-het-klooster.odt")
    assert (odt.date, odt.type, odt.location) == (dt.date(2024, 11, 7), "work_visit", "Het Klooster, Doetinchem")
    assert Attendee("Bram Wolters", "Buurtbedrijf Het Klooster") in odt.attendees


def test_a_report_without_a_date_says_so_and_unreadable_files_get_one_sentence(tmp_path):
    report = read_report(["Verslag overleg", "Aanwezigen: Anna Smit (HEEM)"], fallback_title="overleg")
    assert report.date is None and [u.what for u in report.unplaced] == ["date"]
    with pytest.raises(ImportFailed, match=r"verslag\.pdf is not a report the workbench can read \(\.pdf\)"):
        read_report_file(tmp_path / "verslag.pdf")
    (tmp_path / "kapot.docx").write_bytes(b"not a zip")
    with pytest.raises(ImportFailed, match="kapot.docx is not a readable Word document"):
        read_report_file(tmp_path / "kapot.docx")
    (tmp_path / "leeg.md").write_text("\n\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match="leeg.md is empty"):
        read_report_file(tmp_path / "leeg.md")
