"""Undo and redo of coding, memo and attribute changes, in order and per coder."""

from __future__ import annotations

import pytest

from tests.services.analysis_fixtures import build_corpus, coding_count
from workbench.domain.errors import NotFound
from workbench.project import Project


def _state(project, coding_ids):
    """What the user sees of the codings under test: span and memo, or None when gone."""
    result = []
    for coding_id in coding_ids:
        try:
            coding = project.coding.get(coding_id)
        except NotFound:
            result.append(None)
        else:
            result.append((coding.start, coding.end, coding.memo))
    return result


def test_a_sequence_of_coding_changes_undoes_and_redoes_step_by_step(project):
    corpus = build_corpus(project, with_codings=False)
    doc = corpus.documents["heem"]
    s0, s1 = corpus.sentence("heem", 0), corpus.sentence("heem", 1)
    a = project.coding.apply(doc, "Rollen en taken/Bewoners dragen de plek", *s0).id
    b = project.coding.apply(doc, "Vertrouwen/Ruimte om te falen", *s1, memo="De kippen!").id
    project.coding.resize(b, s1[0], s1[0] + 35)
    project.coding.set_memo(a, "Bewoners als dragers.")
    project.coding.remove(a)
    states = [
        [(*s0, ""), (*s1, "De kippen!")],
        [(*s0, ""), (s1[0], s1[0] + 35, "De kippen!")],
        [(*s0, "Bewoners als dragers."), (s1[0], s1[0] + 35, "De kippen!")],
        [None, (s1[0], s1[0] + 35, "De kippen!")],
    ]
    assert _state(project, [a, b]) == states[-1]
    undone = [project.history.undo().summary for _ in range(4)]
    assert undone == [
        "Removed the coding 'De bewoners dragen de plek.' (Rollen en taken/Bewoners dragen de plek)",
        "Wrote a memo on the coding 'De bewoners dragen de plek.'",
        f"Resized the coding 'Het ging een keer mis met de…' (Vertrouwen/Ruimte om te falen) from [{s1[0]}, {s1[1]}) "
        f"to [{s1[0]}, {s1[0] + 35})",
        "Coded 'Het ging een keer mis met de…' as Vertrouwen/Ruimte om te falen",
    ]
    assert _state(project, [a, b]) == [(*s0, ""), None]
    assert project.memos.list() == []
    assert project.history.undo().summary == "Coded 'De bewoners dragen de plek.' as Rollen en taken/Bewoners dragen de plek"
    assert coding_count(project) == 0
    with pytest.raises(NotFound, match="nothing of anna's to undo"):
        project.history.undo()
    for expected in states:
        project.history.redo()
        if expected is states[0]:
            project.history.redo()
        assert _state(project, [a, b]) == expected
    with pytest.raises(NotFound, match="nothing of anna's to redo"):
        project.history.redo()


def test_undoing_a_removal_brings_back_the_coding_and_its_memo_with_their_ids(project):
    corpus = build_corpus(project)
    coding_id = corpus.codings["h2"]
    project.coding.set_memo(coding_id, "De kracht van de kwetsbare kip.")
    memo_id = project.memos.list(coding=coding_id)[0].id
    project.coding.remove(coding_id)
    project.history.undo()
    restored = project.coding.get(coding_id)
    assert restored.memo == "De kracht van de kwetsbare kip."
    assert project.memos.get(memo_id).target_id == coding_id
    project.history.redo()
    with pytest.raises(NotFound):
        project.coding.get(coding_id)
    with pytest.raises(NotFound):
        project.memos.get(memo_id)


def test_memo_and_attribute_changes_are_undoable(project):
    corpus = build_corpus(project, with_codings=False)
    memo = project.memos.add("Eerste indruk van het project.", title="Start")
    project.memos.edit(memo.id, text="Bijgestelde indruk.")
    project.attributes.set("Werkbezoek HEEM", "role", "initiatiefnemer")
    project.attributes.set("Werkbezoek HEEM", "organisation", "stichting")
    project.attributes.remove("Werkbezoek HEEM", "role")
    project.memos.delete(memo.id)

    def values():
        return {a.name: a.value for a in project.attributes.list(corpus.documents["heem"])}

    assert values() == {"organisation": "stichting", "date": corpus_date(project)}
    assert project.history.undo().summary == "Deleted the memo on the project"
    assert project.memos.get(memo.id).text == "Bijgestelde indruk."
    assert project.history.undo().summary == "Removed role from 'Werkbezoek HEEM'"
    assert values()["role"] == "initiatiefnemer"
    assert project.history.undo().summary == "Set organisation=stichting on 'Werkbezoek HEEM'"
    assert values()["organisation"] == "wijkonderneming"
    assert project.history.undo().summary == "Set role=initiatiefnemer on 'Werkbezoek HEEM'"
    assert "role" not in values()
    assert project.history.undo().summary == "Edited the memo on the project"
    assert project.memos.get(memo.id).text == "Eerste indruk van het project."
    assert project.history.undo().summary == "Wrote a memo on the project"
    assert project.memos.list() == []
    project.history.redo()
    project.history.redo()
    assert project.memos.get(memo.id).text == "Bijgestelde indruk."


def corpus_date(project):
    return next(a.value for a in project.attributes.list("Werkbezoek HEEM") if a.name == "date")


def test_undo_is_per_coder_for_codings(project):
    corpus = build_corpus(project, with_codings=False)
    doc = corpus.documents["gemeente"]
    mine = project.coding.apply(doc, "Vertrouwen", *corpus.sentence("gemeente", 1)).id
    with Project.open(project.directory, db=None if project.db.is_sqlite else project.url, coder="bram") as bram:
        theirs = bram.coding.apply(doc, "Vertrouwen", *corpus.sentence("gemeente", 1)).id
        assert bram.history.undo().summary.startswith("Coded 'Het begon met vertrouwen.'")
        bram.history.redo()
    project.history.undo()
    assert _state(project, [mine, theirs]) == [None, (*corpus.sentence("gemeente", 1), "")]


def test_suggestions_from_a_search_are_one_undoable_step(project):
    build_corpus(project)
    hits = project.search.search("financiering", mode="lemma")
    suggested = project.search.suggest(hits, "Financiering", unit="sentence", pattern="financiering")
    assert [c.text for c in suggested] == ["Financieringen voor langere tijd zijn er niet."]
    assert project.history.undo().summary == "Suggested 1 coding of Financiering from the search 'financiering'"
    assert project.coding.list(status="suggested") == []


def test_undoing_a_removal_brings_back_a_log_entry_link(project):
    import datetime as dt
    import uuid

    from sqlalchemy import select

    from workbench.store.schema import LogEntry, LogEntryLink

    corpus = build_corpus(project)
    coding_id = corpus.codings["c3"]
    with project.ctx.change("log.add", undoable=False) as unit:
        entry = LogEntry(guid=str(uuid.uuid4()), date=dt.date(2024, 11, 15), type="interview", title="Interview corporatie")
        unit.session.add(entry)
        unit.session.flush()
        unit.session.add(LogEntryLink(entry_id=entry.id, coding_id=coding_id))

    def links():
        with project.ctx.read() as s:
            return list(s.scalars(select(LogEntryLink.coding_id)))

    project.coding.remove(coding_id)
    assert links() == []
    project.history.undo()
    assert links() == [coding_id]
