"""Importing a researcher's spreadsheet log: preview, good and bad rows, nothing half-written, undo."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.services.monitoring_fixtures import add_actors
from workbench.domain.errors import ImportFailed

DATA = Path(__file__).resolve().parents[1] / "data" / "monitoring"


def test_preview_names_each_bad_row_and_writes_nothing(project):
    add_actors(project)
    preview = project.monitoring.sheets.preview(DATA / "logboek_fouten.csv")
    assert [r.number for r in preview.bad] == [2, 3, 4, 5, 6]
    assert [r.number for r in preview.good] == [7]
    lines = preview.problem_lines()
    assert lines[0] == "row 2: The date '2024-09-31' is not a day of the calendar: September 2024 has 30 days."
    assert lines[1].startswith("row 3: The entry type 'feest' is not known")
    assert lines[2].startswith("row 4: The end date 2024-10-01 is before the date 2024-10-02")
    assert lines[3].startswith("row 5: The actor 'Piet Onbekend' is not in the actor register")
    assert lines[4].startswith("row 6: The title is missing")
    with pytest.raises(ImportFailed, match="has 5 rows with problems .*row 2: The date '2024-09-31'.*nothing was imported"):
        project.monitoring.sheets.import_sheet(DATA / "logboek_fouten.csv")
    assert project.monitoring.entries.list() == []


def test_skip_bad_imports_the_good_rows(project):
    add_actors(project)
    done = project.monitoring.sheets.import_sheet(DATA / "logboek_fouten.csv", skip_bad=True)
    assert done.skipped == (2, 3, 4, 5, 6) and len(done.added) == 1
    entry = project.monitoring.entries.get(done.added[0])
    assert entry.title == "Good row" and [a.name for a in entry.actors] == ["Marieke Jansen"]


def test_a_dutch_csv_log_with_new_actors(project):
    preview = project.monitoring.sheets.preview(DATA / "logboek.csv", add_actors=True)
    assert preview.new_actors == ("Fatima el Amrani", "Marieke Jansen")
    done = project.monitoring.sheets.import_sheet(DATA / "logboek.csv", add_actors=True)
    assert len(done.added) == 4 and done.new_actors == ("Fatima el Amrani", "Marieke Jansen")
    entries = project.monitoring.entries.list()
    assert [(e.date, e.type, e.significance, e.confidentiality) for e in entries] == [
        (dt.date(2024, 7, 11), "interview", "none", "normal"),
        (dt.date(2024, 9, 4), "meeting", "high_point", "normal"),
        (dt.date(2024, 10, 24), "phone_email", "low_point", "normal"),
        (dt.date(2024, 11, 14), "work_visit", "learning_moment", "internal"),
    ]
    assert entries[0].observation == "Begon met koffie op het bouwterrein.\nNu een huiskamer voor de wijk."
    assert [a.name for a in entries[1].actors] == ["Fatima el Amrani", "Marieke Jansen"]
    assert entries[1].significance_why == "Iedereen was er"
    again = project.monitoring.sheets.import_sheet(DATA / "logboek.csv")
    assert again.added == () and again.duplicates == (2, 3, 4, 6)
    assert len(project.monitoring.entries.list()) == 4


def test_an_excel_log_and_undo(project):
    add_actors(project)
    for name in ("Sanne de Groot", "GGD Gelderland-Zuid"):
        project.monitoring.actors.add(name)
    done = project.monitoring.sheets.import_sheet(DATA / "logboek.xlsx")
    entries = project.monitoring.entries.list()
    assert [e.id for e in entries] == list(done.added)
    first, second, third = entries
    assert (first.type, first.time, first.location, first.significance) == ("work_visit", dt.time(10, 30), "Arnhem", "learning_moment")
    assert first.significance_why == "Rol verschuift" and first.interpretation == "Gewortelde plek."
    assert second.confidentiality == "internal"
    assert third.type == "decision" and [a.name for a in third.actors] == ["GGD Gelderland-Zuid", "Marieke Jansen"]
    project.history.undo()
    assert project.monitoring.entries.list() == []


def test_a_sheet_with_a_missing_column_is_refused(project):
    with pytest.raises(ImportFailed, match="zonder_datum.csv has no date column"):
        project.monitoring.sheets.preview(DATA / "zonder_datum.csv")
    done = project.monitoring.sheets.import_sheet(DATA / "zonder_datum.csv", mapping={"Wanneer": "date"})
    assert project.monitoring.entries.get(done.added[0]).title == "Zonder datumkolom"
