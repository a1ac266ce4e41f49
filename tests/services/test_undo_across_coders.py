"""Undo never takes a colleague's work with it, and one coder's undos from two places never take the same change."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from tests.services.analysis_fixtures import build_corpus
from workbench.domain.errors import Conflict, NotFound, WorkbenchError
from workbench.project import Project
from workbench.store.schema import Coding, Event, Memo


def _as(project: Project, coder: str) -> Project:
    """The same project opened by another coder (another connection pool, as another process would have)."""
    return Project(project.url, project.directory, coder)


def _codings(project: Project) -> list[tuple[str, int, int]]:
    with project.ctx.read() as s:
        from workbench.store.schema import Coder
        rows = s.execute(select(Coder.name, Coding.start, Coding.end).join(Coder, Coder.id == Coding.coder_id))
        return sorted(tuple(row) for row in rows)


def _memos(project: Project) -> list[str]:
    with project.ctx.read() as s:
        return sorted(s.scalars(select(Memo.text)))


@pytest.mark.reliability
def test_undo_of_a_coding_that_carries_a_colleagues_memo_is_refused_and_redo_restores_exactly(project):
    corpus = build_corpus(project, with_codings=False)
    doc = corpus.documents["gemeente"]
    with _as(project, "bram") as bram:
        bram.coding.apply(doc, "Vertrouwen", 50, 90)
        annas = project.coding.apply(doc, "Vertrouwen", 0, 40)
        bram.memos.add("Dit is de kern van het vertrouwen.", coding=annas.id)

        with pytest.raises(Conflict) as refused:
            project.history.undo()
        message = str(refused.value)
        assert "bram's memo on that coding" in message and "nothing was changed" in message
        assert message.count(".") >= 1 and "\n" not in message
        assert _memos(project) == ["Dit is de kern van het vertrouwen."]
        assert ("anna", 0, 40) in _codings(project)

        # bram takes his memo back; his own undo is not stuck on anything.
        assert bram.history.undo().summary.startswith("Wrote a memo")
        assert project.history.undo().summary.startswith("Coded")
        assert _codings(project) == [("bram", 50, 90)]
        assert project.history.redo().summary.startswith("Coded")
        assert _codings(project) == [("anna", 0, 40), ("bram", 50, 90)]
        assert bram.history.redo().summary.startswith("Wrote a memo")
        assert _memos(project) == ["Dit is de kern van het vertrouwen."]
        assert bram.history.undo().summary.startswith("Wrote a memo")
        assert bram.history.undo().summary.startswith("Coded")
        assert _codings(project) == [("anna", 0, 40)]


@pytest.mark.reliability
def test_undo_of_a_code_a_colleague_has_used_names_the_coding_in_the_way(project):
    corpus = build_corpus(project, with_codings=False)
    doc = corpus.documents["heem"]
    project.codebook.create("Eigenaarschap")
    with _as(project, "bram") as bram:
        bram.coding.apply(doc, "Eigenaarschap", 0, 20)
        with pytest.raises(Conflict, match="bram's coding on that code"):
            project.history.undo()
    assert any(code.name == "Eigenaarschap" for code in project.codebook.list())


def _undo_many(project: Project, times: int, done: list, refused: list, start: threading.Barrier) -> None:
    start.wait()
    for _ in range(times):
        try:
            done.append(project.history.undo().id)
        except WorkbenchError as exc:
            refused.append(str(exc))


@pytest.mark.reliability
def test_one_coder_undoing_from_two_places_at_once_never_undoes_a_change_twice(project):
    corpus = build_corpus(project, with_codings=False)
    doc = corpus.documents["gemeente"]
    for start in range(50):
        project.coding.apply(doc, "Vertrouwen", start, start + 5)
    places = [_as(project, "anna"), _as(project, "anna")]
    done: list[int] = []
    refused: list[str] = []
    barrier = threading.Barrier(2)
    workers = [threading.Thread(target=_undo_many, args=(place, 25, done, refused, barrier)) for place in places]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert refused == []
    assert len(done) == len(set(done)) == 50
    assert _codings(project) == []
    with project.ctx.read() as s:
        undos = list(s.scalars(select(Event.reverts_id).where(Event.kind == "undo")))
        assert len(undos) == len(set(undos)) == 50
    for _ in range(50):
        places[0].history.redo()
    assert len(_codings(project)) == 50
    with pytest.raises(NotFound):
        places[1].history.redo()
    for place in places:
        place.close()
    with project.ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Coding)) == 50
