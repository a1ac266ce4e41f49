"""Log entries, the actor register and phases: adding, filtering, changing, removing, undo, bad input."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from tests.services.monitoring_fixtures import add_code, add_document, log_project  # noqa: F401 - fixture
from workbench.domain.errors import Conflict, InvalidInput, NotFound
from workbench.domain.monitoring import EntryFilter
from workbench.domain.monitoring_drafts import read_filter
from workbench.store.schema import Coding, Event, LogEntry, LogEntryActor, LogEntryLink, Memo


def _count(project, model) -> int:
    with project.ctx.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_the_year_has_phases_per_track_and_three_meetings(log_project):
    phases = log_project.monitoring.phases.list()
    assert [(p.track, p.start) for p in phases] == [
        ("Pilot", dt.date(2024, 7, 1)), ("Provinciaal spoor", dt.date(2024, 9, 1)), ("Fase 2", dt.date(2025, 1, 1))]
    meetings = log_project.monitoring.entries.list(read_filter(types=["meeting"], include_internal=False))
    assert [m.date for m in meetings] == [dt.date(2024, 9, 4), dt.date(2025, 1, 15), dt.date(2025, 6, 4)]
    again = log_project.monitoring.init_year()
    assert (again.phases_added, again.meetings_added, again.already_there) == (0, 0, 6)


def test_an_entry_holds_everything_typed_with_its_actors(log_project):
    entry = log_project.monitoring.entries.get(log_project.log_ids["low"])
    assert (entry.type, entry.significance) == ("phone_email", "low_point")
    assert [a.name for a in entry.actors] == ["Fatima el Amrani", "Marieke Jansen"]
    marieke = entry.actors[1]
    assert (marieke.organisation, marieke.role, marieke.pseudonym) == ("Gemeente Nijmegen", "wijkmanager", "Ambtenaar A")
    assert entry.author == "anna"
    visit = log_project.monitoring.entries.get(log_project.log_ids["visit"])
    assert visit.end_date == dt.date(2024, 11, 15) and visit.location == "Doetinchem"
    decision = log_project.monitoring.entries.get(log_project.log_ids["decision"])
    assert decision.time == dt.time(10, 0)


def test_filters_by_period_type_actor_significance_and_confidentiality(log_project):
    entries = log_project.monitoring.entries
    assert len(entries.list()) == 8
    assert len(entries.list(EntryFilter(include_internal=False))) == 7
    autumn = entries.list(read_filter(start="2024-10-01", end="2024-11-30"))
    assert [e.title for e in autumn] == ["Subsidie weer voor één jaar", "Werkbezoek Het Klooster"]
    assert [e.id for e in entries.list(read_filter(actors=["Ambtenaar A"]))] == [log_project.log_ids["low"]]
    marked = entries.list(read_filter(significances=["leermoment", "kantelpunt"]))
    assert [e.significance for e in marked] == ["learning_moment", "turning_point"]
    with pytest.raises(InvalidInput, match="'Nobody' is not in the actor register"):
        entries.list(read_filter(actors=["Nobody"]))


def test_bad_input_is_one_sentence_per_problem_and_writes_nothing(log_project):
    entries = log_project.monitoring.entries
    before = (_count(log_project, LogEntry), _count(log_project, Event))
    with pytest.raises(InvalidInput) as raised:
        entries.add({"date": "2024-10-02", "end_date": "2024-10-01", "type": "meeting", "title": "Terug in de tijd"})
    assert str(raised.value) == ("The end date 2024-10-01 is before the date 2024-10-02; an entry cannot end before it starts.")
    with pytest.raises(InvalidInput, match="The actors 'Piet' and 'Klaas' are not in the actor register"):
        entries.add({"date": "2024-10-02", "type": "meeting", "title": "Met onbekenden", "actors": "Fatima el Amrani; Piet; Klaas"})
    with pytest.raises(InvalidInput, match="'vergadering op zolder' is not known"):
        entries.add({"date": "2024-10-02", "type": "vergadering op zolder", "title": "x"})
    with pytest.raises(InvalidInput, match="is not a day of the calendar"):
        entries.add({"date": "2024-02-30", "type": "meeting", "title": "x"})
    assert (_count(log_project, LogEntry), _count(log_project, Event)) == before


def test_changes_are_checked_as_a_whole_and_summarised(log_project):
    entries = log_project.monitoring.entries
    visit_id = log_project.log_ids["visit"]
    with pytest.raises(InvalidInput, match="end date 2024-11-15 is before the date 2024-11-20"):
        entries.update(visit_id, {"date": "2024-11-20"})
    changed = entries.update(visit_id, {"date": "2024-11-13", "actors": ["Marieke Jansen"], "significance": "none"})
    assert changed.date == dt.date(2024, 11, 13) and [a.name for a in changed.actors] == ["Marieke Jansen"]
    assert changed.observation == "Eigen inkomsten uit groenonderhoud."
    event = log_project.history.recent(1)[0]
    assert event.kind == "log.update" and "date" in event.summary and "actors" in event.summary
    with pytest.raises(InvalidInput, match="no field 'mood'"):
        entries.update(visit_id, {"mood": "good"})
    assert entries.update(visit_id, {"title": "Werkbezoek Het Klooster"}) == entries.get(visit_id)  # no change, no event
    assert log_project.history.recent(1)[0].id == event.id


def test_links_memos_and_removing_an_entry_can_be_undone(log_project):
    entries = log_project.monitoring.entries
    with log_project.ctx.change("test.documents", undoable=False) as unit:
        document_id = add_document(unit.session, "Interview Fatima", unit.coder_id).id
    interview = log_project.log_ids["interview"]
    linked = entries.link(interview, documents=("Interview Fatima",), codes=("Vertrouwen",))
    assert [(link.kind, link.label) for link in linked.links] == [("document", "Interview Fatima"), ("code", "Vertrouwen")]
    assert entries.link(interview, documents=(str(document_id),)).links == linked.links  # linking twice adds nothing
    with_memo = entries.add_memo(interview, "Terugkoppelen in het overleg.", title="Vervolg")
    assert [(m.title, m.author) for m in with_memo.memos] == [("Vervolg", "anna")]
    question = log_project.monitoring.agenda.raise_question("Hoe verder?", entry=interview)
    entries.delete(interview)
    with pytest.raises(NotFound):
        entries.get(interview)
    assert log_project.monitoring.agenda.get(question.id).raised_entry_id is None
    assert (_count(log_project, LogEntryLink), _count(log_project, Memo)) == (0, 0)
    log_project.history.undo()
    restored = entries.get(interview)
    assert len(restored.links) == 2 and len(restored.memos) == 1 and [a.name for a in restored.actors] == ["Fatima el Amrani"]
    assert log_project.monitoring.agenda.get(question.id).raised_entry_id == interview
    unlinked = entries.unlink(interview, restored.links[0].id)
    assert [link.kind for link in unlinked.links] == ["code"]
    with pytest.raises(NotFound):
        entries.link(interview, documents=("Geen document",))


def test_adding_is_undone_with_its_actors(log_project):
    entries = log_project.monitoring.entries
    before = _count(log_project, LogEntryActor)
    entry = entries.add({"date": "2024-12-01", "type": "interview", "title": "Nog een", "actors": "HEEM; Marieke Jansen"})
    assert _count(log_project, LogEntryActor) == before + 2
    log_project.history.undo()
    assert _count(log_project, LogEntryActor) == before
    with pytest.raises(NotFound):
        entries.get(entry.id)


def test_the_actor_register(log_project):
    actors = log_project.monitoring.actors
    assert [a.name for a in actors.list()][:2] == ["Fatima el Amrani", "Gemeente Nijmegen"]
    assert actors.get("ambtenaar a").name == "Marieke Jansen"
    with pytest.raises(Conflict, match="already in the register"):
        actors.add("marieke jansen")
    with pytest.raises(InvalidInput, match="is not an organisation"):
        actors.add("Piet", organisation="Marieke Jansen")
    with pytest.raises(InvalidInput, match="is not known"):
        actors.add("Piet", kind="robot")
    with pytest.raises(Conflict, match="present at 1 log entries"):
        actors.remove("Marieke Jansen")
    moved = actors.update("Marieke Jansen", role="gebiedsregisseur", organisation="")
    assert (moved.role, moved.organisation) == ("gebiedsregisseur", None)
    piet = actors.add("Piet Smit", organisation="HEEM")
    actors.remove(piet.id)
    with pytest.raises(NotFound):
        actors.get("Piet Smit")


def test_phases(log_project):
    phases = log_project.monitoring.phases
    with pytest.raises(InvalidInput, match="ends .* before it starts"):
        phases.add("Omgekeerd", "2025-03-01", "2025-02-01", track="Fase 2")
    added = phases.add("Fase 3", "1-7-2025", track="Vervolg")
    assert added.end is None and added.start == dt.date(2025, 7, 1)
    changed = phases.update(added.id, end="2025-12-31", description="Verlenging")
    assert changed.end == dt.date(2025, 12, 31) and changed.description == "Verlenging"
    phases.remove(added.id)
    assert len(phases.list()) == 3


def test_a_linked_coding_brings_the_participants_own_words(log_project):
    text = "I: Hoe begon het?\nR: Met koffie op het bouwterrein, zomaar. Zo zijn wij begonnen."
    start = text.index("Met koffie")
    with log_project.ctx.change("test.coding", undoable=False) as unit:
        document = add_document(unit.session, "Interview Fatima", unit.coder_id, text=text)
        code = add_code(unit.session, "Ontstaan")
        coding = Coding(guid="c0ffee00-0000-4000-8000-000000000001", document_id=document.id, code_id=code.id,
                        coder_id=unit.coder_id, start=start, end=text.index(" Zo zijn"))
        unit.session.add(coding)
        unit.session.flush()
        coding_id = coding.id
    entry = log_project.monitoring.entries.link(log_project.log_ids["interview"], codings=(str(coding_id),))
    assert [(q.document, q.code, q.text) for q in entry.quotes] == [
        ("Interview Fatima", "Ontstaan", "Met koffie op het bouwterrein, zomaar.")]
    assert entry.links[0].label == f"Ontstaan in Interview Fatima [{start}-{text.index(' Zo zijn')}]"
