"""The demo's monitoring log shows the project year as a new user would first see it."""

from __future__ import annotations

import datetime as dt

from workbench.domain.monitoring import EntryFilter
from workbench.resources import sample_transcripts_dir
from workbench.services.demo_monitoring import add_to_demo


def test_the_demo_log_has_the_year_its_meetings_and_a_dozen_entries(project):
    add_to_demo(project, sample_transcripts_dir())
    monitoring = project.monitoring
    assert {p.track for p in monitoring.phases.list()} == {"Pilot", "Provinciaal spoor", "Fase 2"}
    entries = monitoring.entries.list()
    meetings = [e for e in entries if e.date in (dt.date(2024, 9, 4), dt.date(2025, 1, 15), dt.date(2025, 6, 4))]
    assert len(meetings) == 3 and all(m.significance == "high_point" and m.actors for m in meetings)
    others = [e for e in entries if e not in meetings]
    assert len(others) >= 12
    assert {"interview", "work_visit", "phone_email", "decision", "training", "workshop"} <= {e.type for e in others}
    low = [e for e in entries if e.significance == "low_point"]
    assert len(low) == 1 and "één jaar" in low[0].title and low[0].memos
    assert any(e.significance == "learning_moment" for e in entries)
    assert any(e.significance == "turning_point" for e in entries)
    assert [e.title for e in entries if e.confidentiality == "internal"] == ["Teamoverleg: spanning rond de rol van de initiatiefnemer"]
    assert all(a.pseudonym for a in monitoring.actors.list())
    end = dt.date(2025, 6, 30)
    questions = monitoring.agenda.list(today=end)
    assert len(questions) == 5 and {q.status for q in questions} == {"open", "provisional", "answered", "dropped"}
    assert [q.text for q in questions if q.long_open] == ["Hoe maken we de waarde van sociale samenhang zichtbaar voor financiers?"]
    assert max(len(q.history) for q in questions) == 3
    overdue = monitoring.actions.list(overdue_only=True, today=end)
    assert [a.owner for a in overdue] == ["GGD Gelderland-Zuid"]
    timeline = monitoring.timeline.timeline(EntryFilter(include_internal=False))
    assert len(timeline.months) == 12 and len(timeline.markers) >= 7


def test_the_demo_log_gains_its_kick_off_report_as_a_researcher_imports_it(project):
    from workbench.services import demo_reports

    add_to_demo(project, sample_transcripts_dir())
    before = {a.name for a in project.monitoring.actors.list()}
    demo_reports.add_to_demo(project, sample_transcripts_dir())
    kick_off = next(e for e in project.monitoring.entries.list() if e.date == dt.date(2024, 9, 4))
    assert kick_off.title == "Kick-off Samen creëren en floreren" and kick_off.location.startswith("Paviljoen HEEM")
    (link,) = [link for link in kick_off.links if link.kind == "document"]
    assert project.documents.show(link.target_id).title.startswith("Verslag startbijeenkomst")
    added = {a.name for a in project.monitoring.actors.list()} - before
    assert {"Yvonne Peters", "Karin Lammers", "Peter Smits", "Lotte Verhoeven"} <= added
    assert "Marieke Jansen" not in added and "Gemeente Nijmegen" not in added  # matched, not doubled
    assert len([e for e in project.monitoring.entries.list() if e.date == dt.date(2025, 1, 15)]) == 1
    texts = [q.text for q in project.monitoring.agenda.list()]
    assert texts.count("Hoe kan de gemeente wijkondernemingen langer dan één jaar financieren?") == 1
    assert "Wie is eigenaar van de rol van de wijkonderneming als de initiatiefnemer stopt?" in texts
