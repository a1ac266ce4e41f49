"""Renaming a document or its speakers, and removing a document with everything that belongs to it."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from tests.services.analysis_fixtures import corpus  # noqa: F401 - fixture
from workbench.domain.errors import InvalidInput, NotFound
from workbench.store.monitoring_schema import LogEntryLink
from workbench.store.schema import AttributeValue, Coding, Document, Memo, Sentence, Turn

TABLES = (Document, Turn, Sentence, Coding, Memo, AttributeValue, LogEntryLink)


def _counts(project) -> dict[str, int]:
    with project.ctx.read() as s:
        return {table.__tablename__: s.scalar(select(func.count()).select_from(table)) for table in TABLES}


def test_a_document_gets_a_new_unique_title_and_undo_gives_the_old_one(project, corpus):
    assert project.document_edits.rename("Interview gemeente", "  Interview  wijkmanager ") == "Interview gemeente"
    titles = [d.title for d in project.documents.list()]
    assert "Interview wijkmanager" in titles and "Interview gemeente" not in titles
    with pytest.raises(InvalidInput, match="already titled 'Werkbezoek HEEM'"):
        project.document_edits.rename("Interview wijkmanager", "Werkbezoek HEEM")
    with pytest.raises(InvalidInput, match="title is empty"):
        project.document_edits.rename("Interview wijkmanager", "   ")
    assert project.history.undo().summary == "Renamed the document 'Interview gemeente' to 'Interview wijkmanager'"
    assert "Interview gemeente" in [d.title for d in project.documents.list()]


def test_a_speaker_is_renamed_in_one_document_or_in_all(project, corpus):
    gemeente = project.documents.show("Interview gemeente")
    before = {t.speaker for t in gemeente.turns}
    old = next(s for s in sorted(before) if s and s != "Interviewer")
    renamed = project.document_edits.rename_speaker(old, "Marieke (gemeente)", ["Interview gemeente"])
    assert renamed.turns == {"Interview gemeente": sum(t.speaker == old for t in gemeente.turns)}
    after = project.documents.show("Interview gemeente")
    assert "Marieke (gemeente)" in {t.speaker for t in after.turns} and old not in {t.speaker for t in after.turns}
    assert [t.start for t in after.turns] == [t.start for t in gemeente.turns]  # the text and spans stay
    fragments = project.retrieval.fragments(["Vertrouwen"], subcodes=True)
    assert old not in {f.speaker for f in fragments if f.document == "Interview gemeente"}
    with pytest.raises(NotFound, match=f"No turn in those documents has the speaker '{old}'"):
        project.document_edits.rename_speaker(old, "X", ["Interview gemeente"])
    project.history.undo()
    assert {t.speaker for t in project.documents.show("Interview gemeente").turns} == before


def test_removing_a_document_takes_everything_with_it_and_undo_brings_it_all_back(project, corpus):
    coding = corpus.codings["g2"]
    project.memos.add("Vertrouwen in één persoon.", coding=coding)
    project.memos.add("Eerste gesprek met de gemeente.", document="Interview gemeente")
    entry = project.monitoring.entries.add({"date": "2024-10-01", "type": "interview", "title": "Gesprek gemeente"},
                                           documents=("Interview gemeente",), codings=(coding,))
    before = _counts(project)
    fragments = project.retrieval.fragments(["Vertrouwen"], subcodes=True)

    removed = project.document_edits.remove("Interview gemeente")
    assert (removed.title, removed.memos, removed.log_links) == ("Interview gemeente", 2, 2)
    after = _counts(project)
    assert after["documents"] == before["documents"] - 1
    assert after["codings"] == before["codings"] - removed.codings and removed.codings > 0
    assert after["memos"] == before["memos"] - 2 and after["log_entry_links"] == before["log_entry_links"] - 2
    assert after["attribute_values"] < before["attribute_values"] and after["sentences"] < before["sentences"]
    assert "Interview gemeente" not in {f.document for f in project.retrieval.fragments(["Vertrouwen"], subcodes=True)}
    assert project.monitoring.entries.get(entry.id).title == "Gesprek gemeente"  # the log entry itself stays

    assert project.history.undo().summary.startswith("Removed the document 'Interview gemeente'")
    assert _counts(project) == before
    assert project.retrieval.fragments(["Vertrouwen"], subcodes=True) == fragments
    assert project.documents.show("Interview gemeente").text == corpus.texts["gemeente"]


def test_what_goes_counts_without_changing_anything(project, corpus):
    project.memos.add("Vertrouwen in één persoon.", coding=corpus.codings["g2"])
    before = _counts(project)
    goes = project.document_edits.what_goes("Interview gemeente")
    assert _counts(project) == before
    removed = project.document_edits.remove("Interview gemeente")
    assert (goes.codings, goes.memos, goes.log_links) == (removed.codings, removed.memos, removed.log_links)
    assert goes.codings > 0 and goes.memos == 1
