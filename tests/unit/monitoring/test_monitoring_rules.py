"""Pure rules of the agenda, actions, timeline, template and pseudonymisation."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.domain.errors import InvalidInput
from workbench.domain.monitoring import Actor, EntryFilter, LogEntry, Phase
from workbench.domain.monitoring_agenda import FollowUpAction, LearningQuestion, StatusChange, agenda_dates, check_change
from workbench.domain.pseudonyms import RegisteredName, Replacer
from workbench.domain.monitoring_template import parse_template, render_template
from workbench.domain.monitoring_timeline import Month, build_timeline, count_themes, months_between

D = dt.date


def _question(history, today=D(2025, 6, 30)):
    changes = tuple(StatusChange(i, status, day) for i, (status, day) in enumerate(history))
    return LearningQuestion(1, "Hoe?", "HEEM", history[0][1], None, changes, today)


def test_a_question_knows_its_status_on_any_day():
    q = _question([("open", D(2024, 9, 4)), ("provisional", D(2025, 1, 15)), ("answered", D(2025, 2, 6))])
    assert q.status_on(D(2024, 9, 3)) is None
    assert q.status_on(D(2024, 9, 4)) == "open"
    assert q.status_on(D(2025, 1, 31)) == "provisional"
    assert q.status_on(D(2025, 6, 1)) == "answered"
    assert q.status == "answered" and q.status_since == D(2025, 2, 6)
    assert q.days_open == (D(2025, 2, 6) - D(2024, 9, 4)).days
    assert not q.long_open


def test_a_question_open_for_months_is_flagged_but_a_young_or_provisional_one_is_not():
    old = _question([("open", D(2024, 9, 26))])
    assert old.long_open and old.months_open == 9
    assert not _question([("open", D(2025, 5, 1))]).long_open
    assert not _question([("open", D(2024, 9, 1)), ("provisional", D(2024, 10, 1))]).long_open


def test_status_changes_must_say_something_new_in_order():
    check_change("open", "provisional", D(2024, 10, 1), D(2024, 9, 1), D(2024, 9, 1))
    with pytest.raises(InvalidInput, match="already open"):
        check_change("open", "open", D(2024, 10, 1), D(2024, 9, 1), D(2024, 9, 1))
    with pytest.raises(InvalidInput, match="before the question was raised"):
        check_change("open", "answered", D(2024, 8, 1), D(2024, 9, 1), D(2024, 9, 1))
    with pytest.raises(InvalidInput, match="latest change"):
        check_change("provisional", "answered", D(2024, 9, 10), D(2024, 9, 1), D(2024, 10, 1))


def test_agenda_dates_are_the_days_anything_changed():
    a = _question([("open", D(2024, 9, 4)), ("answered", D(2025, 2, 6))])
    b = _question([("open", D(2024, 10, 10))])
    assert agenda_dates((a, b)) == (D(2024, 9, 4), D(2024, 10, 10), D(2025, 2, 6))


def test_overdue_actions():
    def action(due, status):
        return FollowUpAction(1, "Doe iets", "Anna", due, status, None, "", None, D(2025, 3, 10))

    assert action(D(2025, 3, 1), "open").overdue and action(D(2025, 3, 1), "open").days_overdue == 9
    assert action(D(2025, 3, 1), "in_progress").overdue
    assert not action(D(2025, 3, 1), "done").overdue
    assert not action(D(2025, 3, 10), "open").overdue
    assert not action(None, "open").overdue


def test_months():
    months = months_between(D(2024, 11, 20), D(2025, 2, 1))
    assert [m.key for m in months] == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert Month(2024, 12).next() == Month(2025, 1)
    assert Month(2024, 2).last == D(2024, 2, 29)
    assert Month(2025, 3).label("nl") == "mrt 2025"


def _entry(i, day, significance="none", **more):
    return LogEntry(i, f"g{i}", day, more.pop("type", "meeting"), f"Entry {i}", significance=significance, **more)


def test_the_timeline_lays_phases_entries_markers_and_themes_on_the_months():
    months = months_between(D(2024, 9, 1), D(2024, 12, 31))
    phases = [Phase(1, "Pilot", D(2024, 7, 1), D(2025, 6, 30), "Pilot"),
              Phase(2, "Provincie", D(2024, 10, 1), D(2024, 11, 30), "Provinciaal spoor"),
              Phase(3, "Later", D(2025, 3, 1), None, "Fase 2")]
    entries = [_entry(1, D(2024, 9, 4), "high_point"), _entry(2, D(2024, 10, 24), "low_point"), _entry(3, D(2024, 10, 2)),
               _entry(4, D(2025, 1, 5))]
    themes = count_themes([(10, D(2024, 9, 5)), (10, D(2024, 9, 30)), (11, D(2024, 12, 1)), (11, None), (10, D(2023, 1, 1))],
                          [(10, "Vertrouwen", "#1F77B4"), (11, "Financiering", "#D62728")], months)
    timeline = build_timeline(months, phases, entries, themes)
    assert [t.name for t in timeline.tracks] == ["Pilot", "Provinciaal spoor"]
    pilot, province = timeline.tracks
    assert (pilot.bars[0].first, pilot.bars[0].last) == (0, 3)  # clipped to the period
    assert (province.bars[0].first, province.bars[0].last) == (1, 2)
    october = timeline.rows[1]
    assert [e.id for e in october.entries] == [3, 2]
    assert [m.entry_id for m in october.markers] == [2]
    assert october.phases == ("Pilot", "Provincie")
    assert [m.significance for m in timeline.markers] == ["high_point", "low_point"]
    assert timeline.rows[0].theme_counts == (("Vertrouwen", 2), ("Financiering", 0))
    assert themes.count("Financiering", Month(2024, 12)) == 1
    assert (themes.undated, themes.outside) == (1, 1)


def test_entry_filters():
    entry = _entry(1, D(2024, 10, 2), "learning_moment", type="work_visit", confidentiality="internal",
                   actors=(Actor(1, "Marieke Jansen", pseudonym="Ambtenaar A"),), end_date=D(2024, 10, 4))
    assert EntryFilter(start=D(2024, 10, 3)).admits(entry)  # still running on the first day of the period
    assert not EntryFilter(end=D(2024, 10, 1)).admits(entry)
    assert not EntryFilter(include_internal=False).admits(entry)
    assert EntryFilter(actors=("ambtenaar a",)).admits(entry)
    assert not EntryFilter(types=("meeting",)).admits(entry)
    assert EntryFilter(significances=("learning_moment",)).admits(entry)


def test_the_template_round_trips_and_refuses_a_stray_line():
    values = {"date": D(2024, 9, 4), "type": "work_visit", "title": "Bezoek", "time": dt.time(14, 0),
              "actors": ["Anna", "Piet"], "observation": "Regel 1\nRegel 2", "significance": "high_point"}
    text = render_template(values)
    assert "type: work visit" in text and "time: 14:00" in text
    read = parse_template(text)
    assert read["date"] == "2024-09-04" and read["actors"] == "Anna; Piet" and read["observation"] == "Regel 1\nRegel 2"
    assert read["significance"] == "high point" and read["reflection"] == ""
    with pytest.raises(InvalidInput, match="Line 2 of the entry"):
        parse_template("date: 2024-09-04\nthis is not a field\n")


def test_organisation_names_are_replaced_whole_and_before_people():
    names = Replacer([RegisteredName("Marieke Jansen", "Ambtenaar A"),
                      RegisteredName("De Nieuwe Linde", "Wijkonderneming B", kind="organisation"),
                      RegisteredName("HEEM", "Wijkonderneming A", kind="organisation")])
    text = "De wijkmanager van HEEM sprak met De Nieuwe Linde en marieke  jansen; HEEMSTEDE bleef."
    assert names.text(text) == (
        "De wijkmanager van Wijkonderneming A sprak met Wijkonderneming B en Ambtenaar A; HEEMSTEDE bleef.")