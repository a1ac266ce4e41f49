"""Themes over time on a hand-made example: codings per top-level code per month, dated two ways."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.services.monitoring_fixtures import add_code, add_codings, add_document, log_project, set_attribute  # noqa: F401
from workbench.domain.errors import InvalidInput
from workbench.domain.monitoring import EntryFilter
from workbench.domain.monitoring_timeline import Month

SEP, OCT, NOV = Month(2024, 9), Month(2024, 10), Month(2024, 11)


@pytest.fixture
def coded(log_project):
    """Two themes with sub-codes and six documents dated by attribute, by a linked entry, or not at all."""
    with log_project.ctx.change("test.coded", undoable=False) as unit:
        s, me = unit.session, unit.coder_id
        trust = add_code(s, "Thema vertrouwen", colour="#1F77B4")
        persons = add_code(s, "Personen", trust)
        manager = add_code(s, "Wijkmanager", persons)
        money = add_code(s, "Thema geld", colour="#D62728")
        subsidy = add_code(s, "Subsidie", money)
        d1 = add_document(s, "Interview september", me)
        set_attribute(s, d1, "interview_date", dt.date(2024, 9, 10))
        add_codings(s, d1, persons, me, 2)
        add_codings(s, d1, manager, me, 1)
        add_codings(s, d1, subsidy, me, 1)
        add_codings(s, d1, money, me, 1, status="suggested")  # suggestions are not counted
        d2 = add_document(s, "Interview oktober", me)
        set_attribute(s, d2, "interview_date", "15-10-2024")  # a date typed as text counts too
        add_codings(s, d2, money, me, 2)
        d3 = add_document(s, "Verslag werkbezoek", me)  # no date attribute: the linked entry dates it
        add_codings(s, d3, trust, me, 1)
        add_codings(s, d3, subsidy, me, 1)
        d4 = add_document(s, "Zonder datum", me)
        add_codings(s, d4, persons, me, 2)
        d5 = add_document(s, "Oud interview", me)
        set_attribute(s, d5, "interview_date", dt.date(2023, 1, 5))
        add_codings(s, d5, persons, me, 1)
        d6 = add_document(s, "Interview met eigen datumveld", me)
        set_attribute(s, d6, "gesprek op", dt.date(2024, 10, 2))
        add_codings(s, d6, manager, me, 3)
        ids = {"d1": d1.id, "d3": d3.id, "d6": d6.id}
    entries = log_project.monitoring.entries
    entries.link(log_project.log_ids["visit"], documents=(str(ids["d3"]),))
    entries.link(log_project.log_ids["low"], documents=(str(ids["d1"]),))  # the attribute wins over this link
    return log_project


def _counts(themes, name):
    return {month.key: themes.count(name, month) for month in (SEP, OCT, NOV)}


def test_codings_are_counted_per_theme_per_month(coded):
    themes = coded.monitoring.timeline.themes_over_time("2024-09-01", "2024-11-30")
    assert [m.key for m in themes.months] == ["2024-09", "2024-10", "2024-11"]
    assert themes.date_attribute == "interview_date"
    assert _counts(themes, "Thema vertrouwen") == {"2024-09": 3, "2024-10": 0, "2024-11": 1}
    assert _counts(themes, "Thema geld") == {"2024-09": 1, "2024-10": 2, "2024-11": 1}
    # Four codings on 'Zonder datum' and 'Interview met eigen datumveld' have no date; one is from 2023.
    assert (themes.undated, themes.outside) == (5, 1)
    series = {s.name: s for s in themes.series}
    assert series["Thema vertrouwen"].colour == "#1F77B4" and series["Thema vertrouwen"].total == 4
    assert "Personen" not in series  # only top-level codes are themes


def test_the_date_attribute_can_be_named(coded):
    timeline = coded.monitoring.timeline
    timeline.set_date_attribute("Gesprek op")
    themes = timeline.themes_over_time("2024-09-01", "2024-11-30")
    assert themes.date_attribute == "gesprek op"
    # Besides the document with this attribute, documents are now dated only by their linked entries:
    # 'Interview september' falls back to the low point of 24 October.
    assert _counts(themes, "Thema vertrouwen") == {"2024-09": 0, "2024-10": 6, "2024-11": 1}
    assert _counts(themes, "Thema geld") == {"2024-09": 0, "2024-10": 1, "2024-11": 1}
    timeline.set_date_attribute("bestaat niet")
    with pytest.raises(InvalidInput, match="no document attribute has that name"):
        timeline.themes_over_time()
    timeline.set_date_attribute(None)
    assert timeline.themes_over_time("2024-09-01", "2024-11-30").date_attribute == "interview_date"


def test_the_timeline_puts_themes_on_the_same_months_as_phases_and_entries(coded):
    timeline = coded.monitoring.timeline.timeline(EntryFilter(include_internal=False))
    assert timeline.months[0] == Month(2024, 7) and timeline.months[-1] == Month(2025, 6)
    november = next(row for row in timeline.rows if row.month == NOV)
    assert dict(november.theme_counts)["Thema vertrouwen"] == 1
    assert [e.title for e in november.entries] == ["Werkbezoek Het Klooster"]
    assert [m.significance for m in november.markers] == ["learning_moment"]
    assert november.phases == ("Fase 1: pilot HEEM in NDW21", "Fase 1: provinciaal spoor")
    assert timeline.themes.months == timeline.months
    assert [t.name for t in timeline.tracks] == ["Pilot", "Provinciaal spoor", "Fase 2"]
