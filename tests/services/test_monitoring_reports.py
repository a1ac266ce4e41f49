"""Meeting reports into the monitoring log: preview, entry, register without duplicates, planned dates, questions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import func, select

from workbench.domain.errors import ImportFailed, InvalidInput
from workbench.store.schema import (
    Actor,
    Document,
    Event,
    LearningQuestion,
    LogEntry,
    LogEntryActor,
    LogEntryLink,
)

ROOT = Path(__file__).resolve().parents[2]
KICK_OFF = next((ROOT / "transcripts" / "reports").glob("Verslag startbijeenkomst*"))
WORK_VISIT = ROOT / "tests" / "data" / "reports" / "verslag-werkbezoek-de-nieuwe-linde.md"
TABLES = (Actor, Document, Event, LearningQuestion, LogEntry, LogEntryActor, LogEntryLink)


def _counts(project) -> dict[str, int]:
    with project.ctx.read() as s:
        return {t.__tablename__: s.scalar(select(func.count()).select_from(t)) for t in TABLES}


@pytest.fixture
def year(project):
    """The project year set up, with the municipality, one of its people and the housing corporation registered."""
    project.monitoring.init_year()
    actors = project.monitoring.actors
    actors.add("Gemeente Nijmegen", kind="organisation")
    actors.add("Woonstichting Waalwonen", kind="organisation")
    actors.add("Marieke Jansen", organisation="Gemeente Nijmegen", role="wijkmanager", pseudonym="Ambtenaar A")
    return project


def test_the_preview_shows_everything_and_writes_nothing(year):
    before = _counts(year)
    plan = year.monitoring.reports.preview(KICK_OFF)
    assert _counts(year) == before
    kick_off = next(e for e in year.monitoring.entries.list() if e.date == dt.date(2024, 9, 4))
    assert plan.entry_id == kick_off.id  # the year's kick-off entry is filled in, not doubled
    marieke = next(a for a in plan.attendees if a.name == "Marieke Jansen")
    assert marieke.actor_id is not None and marieke.organisation_id is not None
    ingrid = next(a for a in plan.attendees if a.name == "Ingrid Bosman")
    assert ingrid.actor_id is None and ingrid.organisation_id is not None  # 'Woonstichting Waalwonen'
    assert all(p.existing_id for p in plan.planned)  # 15 January and 4 June are in the year already
    lines = plan.lines()
    assert lines[0].endswith(f"adds to entry {kick_off.id} 'Kick-off Samen creëren en floreren'")
    assert "    Marieke Jansen (Gemeente Nijmegen): in the register" in lines
    assert any(line.startswith("    1. Wat betekent dat voor HEEM") for line in lines)


def test_importing_a_report_fills_the_log_and_the_register_without_duplicates(year):
    done = year.monitoring.reports.import_report(KICK_OFF, questions=[2, 3])
    entry = year.monitoring.entries.get(done.entry_id)
    assert entry.title == "Kick-off Samen creëren en floreren" and entry.location.startswith("Paviljoen HEEM")
    assert entry.time == dt.time(14, 0) and entry.observation.startswith("Start van het project")
    assert "\n\nFatima heet iedereen welkom" in entry.observation
    names = {a.name for a in entry.actors}
    assert {"Marieke Jansen", "Fatima el Amrani", "Henk Willems", "Daan Kuipers"} <= names
    register = {a.name: a for a in year.monitoring.actors.list()}
    assert register["Ingrid Bosman"].organisation == "Woonstichting Waalwonen"
    assert register["Yvonne Peters"].organisation == "HEEM" and register["HEEM"].kind == "organisation"
    assert "Waalwonen" not in register and list(register).count("Marieke Jansen") == 1
    assert [(link.kind, link.target_id) for link in entry.links] == [("document", done.document_id)]
    assert year.documents.show(done.document_id).title == "Verslag startbijeenkomst Samen creëren en floreren 04-09-'24"
    document = year.documents.show(done.document_id)
    assert "Hoe kan de gemeente wijkondernemingen langer dan één jaar financieren?" in document.text
    questions = year.monitoring.agenda.list()
    assert [q.text for q in questions] == [
        "Hoe kan de gemeente wijkondernemingen langer dan één jaar financieren?",
        "Wie is eigenaar van de rol van de wijkonderneming als de initiatiefnemer stopt?"]
    assert done.planned_added == ()
    before = _counts(year)
    again = year.monitoring.reports.import_report(KICK_OFF, questions="all")
    assert again.entry_id == done.entry_id and again.actors_added == () and again.document_id == done.document_id
    assert len(again.questions_added) == 2  # only the two not yet on the agenda
    after = _counts(year)
    assert after["actors"] == before["actors"] and after["log_entries"] == before["log_entries"]
    assert after["documents"] == before["documents"] and after["log_entry_links"] == before["log_entry_links"]


def test_announced_dates_become_planned_entries_and_undo_takes_the_report_back(year):
    before = _counts(year)
    done = year.monitoring.reports.import_report(WORK_VISIT)
    entry = year.monitoring.entries.get(done.entry_id)
    assert (entry.type, entry.date, entry.title) == ("work_visit", dt.date(2024, 10, 23), "Werkbezoek De Nieuwe Linde, Arnhem")
    planned = [year.monitoring.entries.get(i) for i in done.planned_added]
    assert [(e.date, e.type, e.title) for e in planned] == [(dt.date(2025, 2, 12), "workshop", "Werksessie over financiering")]
    assert "Aangekondigd in 'Werkbezoek De Nieuwe Linde, Arnhem'" in planned[0].observation
    assert [u.text for u in done.plan.reading.unplaced] == ["Iemand van de gemeente Arnhem (naam volgt)", "31 janauri 2025"]
    year.history.undo()
    after = _counts(year)
    assert after["log_entries"] == before["log_entries"] and after["actors"] == before["actors"]
    assert after["documents"] == before["documents"] + 1  # the report's text stays, like any imported document


def test_a_report_without_a_date_or_with_a_bad_choice_changes_nothing(year, tmp_path):
    undated = tmp_path / "verslag.md"
    undated.write_text("# Verslag overleg\n\nAanwezigen: Anna Smit (HEEM)\n", encoding="utf-8")
    before = _counts(year)
    with pytest.raises(ImportFailed, match="names no date for its meeting; nothing was imported"):
        year.monitoring.reports.import_report(undated)
    with pytest.raises(InvalidInput, match="The report has no question 9"):
        year.monitoring.reports.import_report(KICK_OFF, questions=[9])
    with pytest.raises(ImportFailed, match="does not exist"):
        year.monitoring.reports.preview(tmp_path / "weg.docx")
    assert _counts(year) == before
