"""The name register: adding, listing, removing, filling from speaker labels, and undo."""

from __future__ import annotations

import pytest

from tests.services.export_fixtures import export_project, unregistered_project  # noqa: F401 - fixtures
from workbench.domain.errors import Conflict, InvalidInput, NotFound


def test_from_speakers_registers_people_but_not_roles(unregistered_project):
    names = unregistered_project.pseudonyms
    assert names.unregistered_speakers() == ["Fatima Bakker", "Jan de Vries"]
    added = names.from_speakers()
    assert [(e.real_name, e.pseudonym) for e in added] == [("Fatima Bakker", "Respondent 1"), ("Jan de Vries", "Respondent 2")]
    assert names.from_speakers() == ()
    assert names.unregistered_speakers() == []


def test_add_numbers_after_the_highest_pseudonym_and_refuses_duplicates(export_project):
    names = export_project.pseudonyms
    entry = names.add("Marieke Jansen", variants=("Mariek",))
    assert entry.pseudonym == "Respondent 3"
    assert names.add("Gemeente Nijmegen", "de gemeente").pseudonym == "de gemeente"
    with pytest.raises(Conflict):
        names.add("marieke  jansen", "Iemand")
    with pytest.raises(InvalidInput):
        names.add("Piet Smit", "Piet S.")
    with pytest.raises(InvalidInput):
        names.add("   ")
    listed = {e.real_name: e for e in names.list()}
    assert listed["Marieke Jansen"].variants == ("Mariek",)
    assert names.replacer().text("Mariek en Marieke zeiden het.") == "Respondent 3 en Respondent 3 zeiden het."


def test_remove_and_undo(export_project):
    names = export_project.pseudonyms
    names.remove("jan de vries")
    assert [e.real_name for e in names.list()] == ["Fatima Bakker"]
    with pytest.raises(NotFound):
        names.remove("Jan de Vries")
    export_project.history.undo()
    assert [e.real_name for e in names.list()] == ["Fatima Bakker", "Jan de Vries"]
