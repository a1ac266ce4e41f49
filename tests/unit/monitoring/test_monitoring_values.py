"""Typed-in values of the monitoring log: natural spellings, Dutch words, dates and times."""

from __future__ import annotations

import datetime as dt

import pytest

from workbench.domain import monitoring_values as values
from workbench.domain.errors import InvalidInput
from workbench.domain.monitoring_drafts import entry_problems, read_entry, read_filter, split_names


@pytest.mark.parametrize("typed, stored", [
    ("work visit", "work_visit"), ("Work-Visit", "work_visit"), ("werkbezoek", "work_visit"),
    ("phone/e-mail", "phone_email"), ("Phone_Email", "phone_email"), ("telefoon", "phone_email"),
    ("e-mail", "phone_email"), ("overleg", "meeting"), ("Besluit", "decision"), ("mijlpaal", "milestone"),
    ("interview", "interview"), ("overig", "other"),
])
def test_entry_types_accept_natural_and_dutch_spellings(typed, stored):
    assert values.entry_type(typed) == stored


def test_an_unknown_type_names_the_allowed_ones():
    with pytest.raises(InvalidInput) as raised:
        values.entry_type("feest")
    message = str(raised.value)
    assert "'feest'" in message and "work visit" in message and "phone/e-mail" in message
    assert message.count(".") == 1 and message.endswith(".")


@pytest.mark.parametrize("typed, stored", [
    ("", "none"), ("-", "none"), ("geen", "none"), ("hoogtepunt", "high_point"), ("High point", "high_point"),
    ("dieptepunt", "low_point"), ("leermoment", "learning_moment"), ("learning moment", "learning_moment"),
    ("kantelpunt", "turning_point"), ("turning_point", "turning_point"),
])
def test_significances(typed, stored):
    assert values.significance(typed) == stored


def test_statuses_and_confidentiality():
    assert values.question_status("voorlopig antwoord") == "provisional"
    assert values.question_status("beantwoord") == "answered"
    assert values.question_status("vervallen") == "dropped"
    assert values.action_status("in progress") == "in_progress"
    assert values.action_status("klaar") == "done"
    assert values.confidentiality("intern") == "internal"
    assert values.confidentiality("ja") == "internal"
    assert values.confidentiality("") == "normal"
    with pytest.raises(InvalidInput):
        values.question_status("misschien")


@pytest.mark.parametrize("typed", ["2024-09-04", "4-9-2024", "04/09/2024", "4.9.2024", "4 september 2024",
                                   "4 sep 2024", "woensdag 4 september 2024", "2024-09-04T10:00:00",
                                   dt.datetime(2024, 9, 4, 10, 0), dt.date(2024, 9, 4)])
def test_dates_in_the_shapes_researchers_write(typed):
    assert values.parse_date(typed) == dt.date(2024, 9, 4)


@pytest.mark.parametrize("typed", ["31-13-2024", "morgen", "4 foo 2024", "2024/09"])
def test_a_date_that_is_not_a_date_is_one_sentence(typed):
    with pytest.raises(InvalidInput) as raised:
        values.parse_date(typed, "The date")
    assert str(raised.value).startswith(f"The date '{typed}' is not a date")


def test_a_well_written_day_the_calendar_lacks_is_named_as_such():
    with pytest.raises(InvalidInput) as raised:
        values.parse_date("2024-02-30", "The date")
    assert str(raised.value) == "The date '2024-02-30' is not a day of the calendar: February 2024 has 29 days."


def test_times():
    assert values.parse_time("14:30") == dt.time(14, 30)
    assert values.parse_time("9.05") == dt.time(9, 5)
    assert values.parse_time("") is None
    with pytest.raises(InvalidInput):
        values.parse_time("25:00")


def test_every_problem_of_an_entry_is_named_at_once():
    draft, problems = entry_problems({"date": "2024-13-01", "type": "feest", "title": " ", "end_date": "2024-01-01"})
    assert draft is None
    assert len(problems) == 3
    assert any("'2024-13-01' is not a date" in p for p in problems)
    assert any("'feest' is not known" in p for p in problems)
    assert any("title is missing" in p for p in problems)


def test_an_end_before_the_start_is_refused():
    with pytest.raises(InvalidInput, match="end date 2024-10-01 is before the date 2024-10-02"):
        read_entry({"date": "2024-10-02", "end_date": "2024-10-01", "type": "meeting", "title": "x"})


def test_a_draft_holds_stored_values():
    draft = read_entry({"date": "4 september 2024", "type": "werkbezoek", "title": "  Bezoek  ", "time": "10:30",
                        "actors": "Anna; Piet;anna", "significance": "hoogtepunt", "confidentiality": "intern",
                        "observation": "regel 1\r\nregel 2"})
    assert (draft.date, draft.type, draft.title, draft.time) == (dt.date(2024, 9, 4), "work_visit", "Bezoek", dt.time(10, 30))
    assert draft.actors == ("Anna", "Piet")
    assert (draft.significance, draft.confidentiality) == ("high_point", "internal")
    assert draft.observation == "regel 1\nregel 2"


def test_names_split_on_semicolons_lines_or_commas():
    assert split_names("A; B\nC") == ("A", "B", "C")
    assert split_names("Gemeente Nijmegen, Anna") == ("Gemeente Nijmegen", "Anna")
    assert split_names(["x", " x ", "y"]) == ("x", "y")
    assert split_names(None) == ()


def test_filters_read_typed_values_and_refuse_a_reversed_period():
    wanted = read_filter(start="1-9-2024", end="2024-12-31", types=["werkbezoek", "overleg"], significances=["leermoment"],
                         include_internal=False)
    assert wanted.types == ("work_visit", "meeting")
    assert wanted.significances == ("learning_moment",)
    assert (wanted.start, wanted.end) == (dt.date(2024, 9, 1), dt.date(2024, 12, 31))
    with pytest.raises(InvalidInput, match="swap --from and --to"):
        read_filter(start="2025-01-01", end="2024-01-01")
