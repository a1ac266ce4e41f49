"""Setting and removing document attributes, typed by the attribute, each change undoable."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.services.analysis_fixtures import build_corpus, event_count
from workbench.domain.errors import InvalidInput, NotFound


def _values(project, document):
    return {a.name: a.value for a in project.attributes.list(document)}


def test_set_change_and_remove(project):
    build_corpus(project, with_codings=False)
    doc = "Interview corporatie"
    assert project.attributes.set(doc, "role", "verhuurder").value == "verhuurder"
    assert project.attributes.set(doc, "organisation", "woningcorporatie").value == "woningcorporatie"
    assert project.attributes.set(doc, "date", "2024-11-20").value == dt.date(2024, 11, 20)
    assert project.attributes.set(doc, "respondents", "2", type="number").value == 2
    assert project.attributes.set(doc, "recorded", "ja", type="boolean").value is True
    assert _values(project, doc)["respondents"] == 2
    removed = project.attributes.remove(doc, "Role")
    assert removed.name == "role" and "role" not in _values(project, doc)
    assert project.history.recent(1)[0].summary == "Removed role from 'Interview corporatie'"


@pytest.mark.parametrize(
    "name, value, kind, error, fragment",
    [
        ("date", "gisteren", None, InvalidInput, "is not a date"),
        ("respondents", "twee", "number", InvalidInput, "'twee' is not a number"),
        ("recorded", "misschien", "boolean", InvalidInput, "write yes or no"),
        ("organisation", "x", "number", InvalidInput, "already holds text values"),
        ("sector", "zorg", "colour", InvalidInput, "type 'colour'"),
        ("organisation", " ", None, InvalidInput, "is empty"),
    ],
)
def test_bad_values_change_nothing(project, name, value, kind, error, fragment):
    build_corpus(project, with_codings=False)
    before = event_count(project), _values(project, "Interview gemeente")
    with pytest.raises(error, match=fragment):
        project.attributes.set("Interview gemeente", name, value, type=kind)
    assert (event_count(project), _values(project, "Interview gemeente")) == before


def test_unknown_documents_and_attributes(project):
    build_corpus(project, with_codings=False)
    with pytest.raises(NotFound, match="no document 'Interview 12'"):
        project.attributes.set("Interview 12", "role", "x")
    with pytest.raises(NotFound, match="has no attribute 'role'"):
        project.attributes.remove("Interview gemeente", "role")
