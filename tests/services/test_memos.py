"""Memos on the project, a document, a code and a coding: written, listed, edited and deleted."""

from __future__ import annotations

import pytest

from tests.services.analysis_fixtures import corpus  # noqa: F401 - fixture
from workbench.domain.errors import InvalidInput, NotFound


def test_memos_on_each_kind_of_target(project, corpus):
    on_project = project.memos.add("Wat willen we leren dit jaar?", title="Leervragen")
    on_document = project.memos.add("Rustig interview, veel over geld.", document="Interview gemeente")
    on_code = project.memos.add("Vertrouwen rust vaak op personen.", code="Vertrouwen")
    on_coding = project.memos.add("Mooi citaat.", coding=corpus.codings["c2"])
    assert (on_project.target_kind, on_project.target_id, on_project.target_label) == ("project", None, "project")
    assert (on_document.target_kind, on_document.target_label) == ("document", "Interview gemeente")
    assert (on_code.target_kind, on_code.target_label) == ("code", "Vertrouwen")
    assert on_coding.target_label == "'Vertrouwen in personen is hie…' (Vertrouwen/Vertrouwen in personen)"
    assert on_coding.author == "anna"
    assert [m.id for m in project.memos.list()] == [on_project.id, on_document.id, on_code.id, on_coding.id]
    assert [m.id for m in project.memos.list(about="project")] == [on_project.id]
    assert [m.id for m in project.memos.list(document="Interview gemeente")] == [on_document.id]
    assert [m.id for m in project.memos.list(code="Vertrouwen")] == [on_code.id]
    assert [m.id for m in project.memos.list(about="coding")] == [on_coding.id]
    assert project.coding.get(corpus.codings["c2"]).memo == "Mooi citaat."


def test_editing_and_deleting_a_memo(project, corpus):
    memo = project.memos.add("Eerste versie.", code="Financiering")
    edited = project.memos.edit(memo.id, text="Tweede versie.", title="Geld")
    assert (edited.text, edited.title) == ("Tweede versie.", "Geld")
    assert edited.updated_at >= memo.updated_at
    assert project.history.recent(1)[0].summary == "Edited the memo on code 'Financiering'"
    deleted = project.memos.delete(memo.id)
    assert deleted.text == "Tweede versie."
    with pytest.raises(NotFound, match=f"no memo with id {memo.id}"):
        project.memos.get(memo.id)


@pytest.mark.parametrize(
    "kwargs, error, fragment",
    [
        ({"text": "  "}, InvalidInput, "memo is empty"),
        ({"text": "x", "document": "Interview gemeente", "code": "Vertrouwen"}, InvalidInput, "one thing"),
        ({"text": "x", "document": "Onbekend"}, NotFound, "no document"),
        ({"text": "x", "code": "Onbekend"}, NotFound, "no code"),
        ({"text": "x", "coding": 424242}, NotFound, "no coding with id 424242"),
    ],
)
def test_bad_memos_are_refused(project, corpus, kwargs, error, fragment):
    kwargs = dict(kwargs)
    text = kwargs.pop("text")
    with pytest.raises(error, match=fragment):
        project.memos.add(text, **kwargs)
    assert project.memos.list() == []


def test_listing_by_an_unknown_kind_is_refused(project):
    with pytest.raises(InvalidInput, match="not 'everything'"):
        project.memos.list(about="everything")
