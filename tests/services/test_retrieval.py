"""Retrieval of coded fragments: sub-codes, context, speaker and time, memo, attributes and every filter."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.services.analysis_fixtures import corpus  # noqa: F401 - fixture
from workbench.domain.errors import InvalidInput, NotFound
from workbench.domain.filters import Selection


def _codings(project, codes, **options):
    """The single codings of codes, each code alone unless asked: the rows the fragments are joined from."""
    options.setdefault("subcodes", False)
    return project.retrieval.codings(codes, **options)


def _texts(fragments):
    return [f.text for f in fragments]


def test_fragments_of_one_code_with_sentence_context(project, corpus):
    fragments = _codings(project, ["Vertrouwen"])
    assert [(f.document, f.coder) for f in fragments] == [
        ("Interview gemeente", "anna"), ("Interview gemeente", "bram"), ("Interview gemeente", "anna"),
        ("Interview corporatie", "bram"), ("Interview corporatie", "anna"), ("Werkbezoek HEEM", "anna"),
    ]
    bram = fragments[1]
    assert (bram.text, bram.context) == ("vertrouwen", "Het begon met vertrouwen.")
    assert (bram.context_start, bram.context_end) == corpus.sentence("gemeente", 1)
    assert (bram.speaker, bram.t_start, bram.code) == ("Marieke", 4.5, "Vertrouwen")
    assert bram.attributes == {"organisation": "gemeente", "date": dt.date(2024, 10, 1)}
    assert fragments[-1].speaker == "Sanne" and fragments[-1].t_start is None


def test_sub_codes_and_several_codes(project, corpus):
    assert len(_codings(project, ["Vertrouwen"], subcodes=True)) == 9
    both = _codings(project, ["Financiering/Huurinkomsten", "Vertrouwen/Ruimte om te falen"])
    assert [f.code for f in both] == ["Financiering/Huurinkomsten", "Vertrouwen/Ruimte om te falen"]


def test_context_can_be_the_turn_or_nothing(project, corpus):
    turn = _codings(project, ["Financiering/Huurinkomsten"], context="turn")[0]
    assert (turn.context_start, turn.context_end) == corpus.turn("corporatie", 1)
    bare = _codings(project, ["Financiering/Huurinkomsten"], context="none")[0]
    assert bare.context == bare.text == "De huurinkomsten zijn hun enige verdienmodel."
    spanning = _codings(project, ["Financiering"], context="sentence")
    across = next(f for f in spanning if f.coding_id == corpus.codings["g5"])
    assert (across.context_start, across.context_end) == corpus.cover("gemeente", 5, 6)
    with pytest.raises(InvalidInput, match="context 'paragraph'"):
        _codings(project, ["Financiering"], context="paragraph")


def test_a_coding_memo_comes_with_its_fragment(project, corpus):
    project.coding.set_memo(corpus.codings["h2"], "De kracht van de kwetsbare kip.")
    (fragment,) = _codings(project, ["Vertrouwen/Ruimte om te falen"])
    assert fragment.memo == "De kracht van de kwetsbare kip."


@pytest.mark.parametrize(
    "selection, expected",
    [
        (Selection(documents=("Interview corporatie",)), ["Vertrouwen in personen", "Dat schaadt het vertrouwen."]),
        (Selection(attributes=(("organisation", "wijkonderneming"),)), ["Sindsdien is er meer vertrouwen."]),
        (Selection(attributes=(("organisation", "gemeente"), ("organisation", "wijkonderneming"))),
         ["Het begon met vertrouwen.", "vertrouwen", "Toch bleef het vertrouwen groeien.", "Sindsdien is er meer vertrouwen."]),
        (Selection(speakers=("ahmed",)), ["Vertrouwen in personen", "Dat schaadt het vertrouwen."]),
        (Selection(coders=("bram",)), ["vertrouwen", "Vertrouwen in personen"]),
        (Selection(date_from=dt.date(2024, 11, 1), date_to=dt.date(2024, 12, 31)),
         ["Vertrouwen in personen", "Dat schaadt het vertrouwen."]),
        (Selection(date_from=dt.date(2025, 1, 1)), ["Sindsdien is er meer vertrouwen."]),
        (Selection(statuses=("suggested",)), []),
    ],
)
def test_filters(project, corpus, selection, expected):
    assert _texts(_codings(project, ["Vertrouwen"], selection=selection)) == expected


def test_status_filter_finds_suggestions(project, corpus):
    project.coding.apply("Werkbezoek HEEM", "Vertrouwen", *corpus.sentence("heem", 0), status="suggested")
    suggested = _codings(project, ["Vertrouwen"], selection=Selection(statuses=("suggested",)))
    assert [(f.text, f.status) for f in suggested] == [("De bewoners dragen de plek.", "suggested")]


@pytest.mark.parametrize(
    "selection, error, fragment",
    [
        (Selection(documents=("Onbekend",)), NotFound, "no document 'Onbekend'"),
        (Selection(attributes=(("sector", "zorg"),)), NotFound, "attribute named 'sector'"),
        (Selection(speakers=("Piet",)), NotFound, "No turn is spoken by 'Piet'"),
        (Selection(coders=("zoe",)), NotFound, "no coder named 'zoe'"),
        (Selection(statuses=("maybe",)), InvalidInput, "status 'maybe'"),
    ],
)
def test_unknown_filter_values_are_named(project, corpus, selection, error, fragment):
    with pytest.raises(error, match=fragment):
        _codings(project, ["Vertrouwen"], selection=selection)


def test_unknown_codes_and_no_codes_are_refused(project, corpus):
    with pytest.raises(NotFound, match="no code 'Wantrouwen en zo'"):
        _codings(project, ["Wantrouwen en zo"])
    with pytest.raises(InvalidInput, match="No code was given"):
        _codings(project, [])


@pytest.mark.parametrize("context", ["sentence", "turn", "none"])
def test_contexts_looked_up_in_the_database_equal_those_from_memory(project, corpus, context, monkeypatch):
    from workbench.services import retrieval, span_cache

    span_cache.forget_all()
    codes = ["Vertrouwen", "Financiering", "Rollen en taken"]
    monkeypatch.setattr(retrieval, "CHARACTERS_PER_DIRECT_CODING", 1)  # the small corpus as if it were large
    direct = _codings(project, codes, subcodes=True, context=context)
    assert not span_cache._cache  # a few codings: their documents' spans were not read whole
    from_memory = _codings(project, codes, subcodes=True, context=context)
    assert span_cache._cache  # asked for again, the spans are read and kept
    assert len(direct) > 10 and direct == from_memory
