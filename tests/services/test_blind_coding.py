"""Blind coding: each coder sees only their own codings until agreement is run."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from tests.services.agreement_fixtures import (  # noqa: F401 - fixtures
    INTERVIEW,
    add_code,
    add_coding,
    add_document,
    bare_project,
    span_of,
)
from workbench.domain.errors import InvalidInput
from workbench.domain.filters import EVERYTHING, Selection
from workbench.project import Project
from workbench.services import visibility
from workbench.store.schema import Coding


@pytest.fixture
def two_coders(bare_project):
    p = bare_project
    trust = add_code(p, "Vertrouwen")
    doc = add_document(p, "Interview 1", INTERVIEW)
    add_coding(p, doc, trust, "anna", *span_of(p, doc, "Het vertrouwen zit bij personen."))
    add_coding(p, doc, trust, "bram", *span_of(p, doc, "Het vertrouwen van de buurt is groot."))
    return p


def as_coder(project, name):
    return Project.open(project.directory, db=None if project.url.startswith("sqlite") else project.url, coder=name)


def visible_coders(project) -> set[int]:
    with project.ctx.read() as s:
        query = select(Coding.coder_id).where(*visibility.coding_conditions(project.ctx, s))
        return set(s.scalars(query))


def test_without_blind_coding_everyone_sees_every_coding(two_coders):
    assert not visibility.blind_coding(two_coders.ctx)
    assert visibility.visible_coder_ids(two_coders.ctx) is None
    assert visibility.coding_conditions(two_coders.ctx) == []
    assert visibility.visible_selection(two_coders.ctx, EVERYTHING) is EVERYTHING
    assert len(visible_coders(two_coders)) == 2


def test_blind_coding_limits_queries_and_retrieval_to_the_own_codings(two_coders):
    two_coders.status.update_settings(blind_coding=True)
    anna = two_coders.ctx.coder_id("anna")
    assert visibility.visible_coder_ids(two_coders.ctx) == {anna}
    assert visible_coders(two_coders) == {anna}
    selection = visibility.visible_selection(two_coders.ctx, EVERYTHING)
    assert selection.coders == ("anna",)
    fragments = two_coders.retrieval.fragments(["Vertrouwen"], selection=selection)
    assert [f.coder for f in fragments] == ["anna"]
    with as_coder(two_coders, "bram") as bram:
        mine = bram.retrieval.fragments(["Vertrouwen"], selection=visibility.visible_selection(bram.ctx, EVERYTHING))
        assert [f.text for f in mine] == ["Het vertrouwen van de buurt is groot."]


def test_asking_for_another_coder_under_blind_coding_is_refused(two_coders):
    two_coders.status.update_settings(blind_coding=True)
    with pytest.raises(InvalidInput, match="Blind coding is on.*leave out the coder bram"):
        visibility.visible_selection(two_coders.ctx, Selection(coders=("bram",)))
    assert visibility.visible_selection(two_coders.ctx, Selection(coders=("Anna",))).coders == ("anna",)


def test_running_agreement_ends_blind_coding_with_an_event(two_coders):
    two_coders.status.update_settings(blind_coding=True)
    two_coders.agreement.report(["anna", "bram"], unit="sentence")
    settings = two_coders.ctx.settings()
    assert settings["blind_coding"] is False and settings["blind_coding_ended_at"]
    assert two_coders.history.recent(1)[0].kind == "agreement.reveal"
    assert visibility.visible_coder_ids(two_coders.ctx) is None
    # A new round starts by switching it on again.
    two_coders.status.update_settings(blind_coding=True)
    assert visibility.blind_coding(two_coders.ctx)


def test_listing_disagreements_also_ends_blind_coding(two_coders):
    two_coders.status.update_settings(blind_coding=True)
    assert two_coders.agreement.disagreements(["anna", "bram"])
    assert not visibility.blind_coding(two_coders.ctx)


def test_a_coder_not_registered_yet_sees_no_codings(two_coders):
    two_coders.status.update_settings(blind_coding=True)
    with as_coder(two_coders, "nieuw") as newcomer:
        assert visible_coders(newcomer) == set()


def test_retrieval_codings_and_exports_apply_blind_coding_themselves(two_coders, tmp_path):
    import csv

    two_coders.status.update_settings(blind_coding=True)
    assert [f.coder for f in two_coders.retrieval.fragments(["Vertrouwen"])] == ["anna"]
    assert [c.coder for c in two_coders.coding.list()] == ["anna"]
    out = two_coders.exports.fragments(tmp_path / "fragments.csv", fmt="csv")
    with open(out.path, newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 1
    assert "Het vertrouwen zit bij personen." in " ".join(rows[0].values())
    two_coders.agreement.report(["anna", "bram"])
    assert sorted(c.coder for c in two_coders.coding.list()) == ["anna", "bram"]


def test_document_and_code_counts_are_of_the_own_codings_under_blind_coding(two_coders):
    def counts(project):
        (document,) = project.documents.list()
        code = next(c for c in project.codebook.list() if c.name == "Vertrouwen")
        return document.codings, code.codings

    assert counts(two_coders) == (2, 2)
    two_coders.status.update_settings(blind_coding=True)
    assert counts(two_coders) == (1, 1)
    with as_coder(two_coders, "chris") as chris:  # nothing coded yet: nothing to count
        assert counts(chris) == (0, 0)
