"""The demo's codings land on the sample transcripts, and an empty project is left alone."""

from __future__ import annotations

from tests.services.analysis_fixtures import build_corpus
from workbench.services.demo_codings import add_to_demo


def test_the_demo_codes_sentences_where_its_phrases_occur(sqlite_project, tmp_path):
    build_corpus(sqlite_project, with_codings=False)
    add_to_demo(sqlite_project, tmp_path)
    codings = sqlite_project.coding.list()
    assert codings and all(c.coder == "anna" for c in codings)
    subsidy = [c.text for c in codings if c.code == "Financiering/Subsidie voor één jaar"]
    assert subsidy == ["Subsidies krijgen we maar voor één jaar.", "Met subsidie voor één jaar, steeds opnieuw."]
    assert any(c.memo for c in codings)
    again = len(codings)
    add_to_demo(sqlite_project, tmp_path)
    assert len(sqlite_project.coding.list()) == again


def test_without_documents_nothing_happens(sqlite_project, tmp_path):
    add_to_demo(sqlite_project, tmp_path)
    assert sqlite_project.coding.list() == []
