"""A new code applied to a span is one change: the code (under its parent, with definition and colour) and the
coding come and go together, on SQLite and PostgreSQL alike."""

from __future__ import annotations

import pytest

from tests.services.analysis_fixtures import build_corpus
from workbench.domain.errors import InvalidInput


def test_a_new_code_and_its_coding_are_one_undo_step(project):
    corpus = build_corpus(project, with_codings=False)
    doc = corpus.documents["heem"]
    start, end = corpus.sentence("heem", 2)
    before = {c.path for c in project.codebook.list()}
    code, coding = project.codebook.create_and_apply("Financiele onzekerheid", doc, start, end,
                                                     parent="Financiering", colour="#0072B2",
                                                     definition="Zorgen over geld")
    assert code.path == "Financiering/Financiele onzekerheid"
    assert (code.definition, code.colour) == ("Zorgen over geld", "#0072B2")
    assert (coding.code, coding.start, coding.end) == (code.path, start, end)
    project.history.undo()
    assert {c.path for c in project.codebook.list()} == before
    assert project.coding.list(document=doc) == []
    project.history.redo()
    assert [c.code for c in project.coding.list(document=doc)] == [code.path]


def test_in_vivo_codes_gather_under_one_category_made_once(project):
    corpus = build_corpus(project, with_codings=False)
    doc = corpus.documents["heem"]
    first, _ = project.codebook.create_and_apply("de kracht van de kwetsbare kip", doc,
                                                 *corpus.sentence("heem", 0), in_vivo=True)
    second, _ = project.codebook.create_and_apply("samen met de buurt", doc, *corpus.sentence("heem", 1),
                                                  in_vivo=True)
    assert first.parent_path == second.parent_path == "In vivo"
    assert [c.path for c in project.codebook.list() if c.path == "In vivo"] == ["In vivo"]
    project.history.undo()
    project.history.undo()  # the second undo takes the category with the first code
    assert not any(c.path.startswith("In vivo") for c in project.codebook.list())


def test_a_refused_span_leaves_no_code_behind(project):
    corpus = build_corpus(project, with_codings=False)
    doc = corpus.documents["heem"]
    before = len(project.codebook.list())
    with pytest.raises(InvalidInput):
        project.codebook.create_and_apply("Te ver", doc, 10, 10_000_000)
    assert len(project.codebook.list()) == before
