"""The dynamic learning agenda's status history and the follow-up actions."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.services.monitoring_fixtures import log_project  # noqa: F401 - fixture
from workbench.domain.errors import InvalidInput, NotFound

END_OF_YEAR = dt.date(2025, 6, 30)


def test_a_question_keeps_every_status_it_had_with_its_date_and_entry(log_project):
    agenda, ids = log_project.monitoring.agenda, log_project.log_ids
    question = agenda.raise_question("Hoe kan de gemeente langer dan één jaar financieren?", raised_by="HEEM",
                                     entry=ids["low"])
    assert (question.raised_on, question.status, question.raised_entry_id) == (dt.date(2024, 10, 24), "open", ids["low"])
    agenda.change_status(question.id, "voorlopig antwoord", entry=ids["visit"], note="Eigen inkomsten als route.")
    answered = agenda.change_status(f"Q{question.id}", "answered", on="6-2-2025", entry=ids["decision"])
    history = [(c.status, c.date, c.entry_id, c.note) for c in answered.history]
    assert history == [
        ("open", dt.date(2024, 10, 24), ids["low"], ""),
        ("provisional", dt.date(2024, 11, 14), ids["visit"], "Eigen inkomsten als route."),
        ("answered", dt.date(2025, 2, 6), ids["decision"], ""),
    ]
    assert answered.history[1].entry_title == "Werkbezoek Het Klooster"
    assert answered.status_on(dt.date(2025, 1, 1)) == "provisional"
    marks = log_project.monitoring.entries.get(ids["visit"]).questions
    assert [(m.id, m.status) for m in marks] == [(question.id, "provisional")]
    raised_at = log_project.monitoring.entries.get(ids["low"]).questions
    assert [(m.id, m.status) for m in raised_at] == [(question.id, "open")]


def test_questions_open_for_months_are_visible_as_such(log_project):
    agenda = log_project.monitoring.agenda
    old = agenda.raise_question("Hoe meten we sociale samenhang?", raised_on="2024-09-26")
    young = agenda.raise_question("Wie beheert het paviljoen?", raised_on="2025-06-01")
    listed = {q.id: q for q in agenda.list(today=END_OF_YEAR)}
    assert listed[old.id].long_open and listed[old.id].months_open == 9
    assert not listed[young.id].long_open
    assert [q.id for q in agenda.list(today=END_OF_YEAR, long_open_only=True)] == [old.id]
    agenda.change_status(old.id, "dropped", on="2025-03-01", note="Ondergebracht bij de GGD.")
    assert agenda.list("open", today=END_OF_YEAR)[0].id == young.id
    assert [q.id for q in agenda.list("vervallen")] == [old.id]


def test_status_changes_that_say_nothing_or_go_back_in_time_are_refused(log_project):
    agenda = log_project.monitoring.agenda
    question = agenda.raise_question("Welke rol heeft de initiatiefnemer?", raised_on="2024-07-11")
    with pytest.raises(InvalidInput, match="already open"):
        agenda.change_status(question.id, "open", on="2024-08-01")
    with pytest.raises(InvalidInput, match="before the question was raised"):
        agenda.change_status(question.id, "answered", on="2024-07-01")
    agenda.change_status(question.id, "provisional", on="2024-09-26")
    with pytest.raises(InvalidInput, match="latest change"):
        agenda.change_status(question.id, "answered", on="2024-09-01")
    with pytest.raises(InvalidInput, match="is not known"):
        agenda.change_status(question.id, "misschien")
    with pytest.raises(NotFound):
        agenda.change_status(999, "answered")
    with pytest.raises(InvalidInput, match="question is empty"):
        agenda.raise_question("   ")
    assert len(agenda.get(question.id).history) == 2


def test_a_status_change_is_undone_as_one_step(log_project):
    agenda = log_project.monitoring.agenda
    question = agenda.raise_question("Kan de corporatie huurkorting geven?", raised_on="2024-10-10")
    agenda.change_status(question.id, "dropped", on="2025-04-10")
    log_project.history.undo()
    assert agenda.get(question.id).status == "open"
    agenda.update(question.id, text="Kan de corporatie huurkorting geven in ruil voor beheer?")
    assert agenda.get(question.id).text.endswith("beheer?")
    agenda.remove(question.id)
    with pytest.raises(NotFound):
        agenda.get(question.id)


def test_actions_agreed_at_entries_and_overdue_ones_flagged(log_project):
    actions, ids = log_project.monitoring.actions, log_project.log_ids
    note = actions.add("Notitie naar de wethouder", owner="Marieke Jansen", due="2024-11-15", entry=ids["low"])
    report = actions.add("Verslag delen met de provincie", owner="Onderzoeksteam", due="2025-07-15", entry=ids["visit"])
    actions.add("Open eind", owner="HEEM")
    listed = {a.id: a for a in actions.list(today=END_OF_YEAR)}
    assert listed[note.id].overdue and listed[note.id].days_overdue == (END_OF_YEAR - dt.date(2024, 11, 15)).days
    assert listed[note.id].entry_title == "Subsidie weer voor één jaar"
    assert not listed[report.id].overdue
    assert [a.id for a in actions.list(today=END_OF_YEAR)][:2] == [note.id, report.id]  # by due date, none last
    assert [a.id for a in actions.list(overdue_only=True, today=END_OF_YEAR)] == [note.id]
    done = actions.set_status(f"A{note.id}", "klaar")
    assert done.status == "done" and not done.overdue
    assert actions.list(overdue_only=True, today=END_OF_YEAR) == []
    entry = log_project.monitoring.entries.get(ids["low"])
    assert [(a.id, a.status) for a in entry.actions] == [(note.id, "done")]
    with pytest.raises(InvalidInput, match="before the entry that agreed the action"):
        actions.add("Te vroeg", due="2024-10-01", entry=ids["low"])
    with pytest.raises(InvalidInput, match="due date '31-02-2025' is not a day of the calendar"):
        actions.update(report.id, due="31-02-2025")
    moved = actions.update(report.id, due="", owner="Anna")
    assert (moved.due, moved.owner) == (None, "Anna")
