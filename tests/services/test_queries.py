"""Code queries on the hand-made corpus: each operator at each unit, with answers worked out by hand.

Vertrouwen (V) is coded in gemeente sentences 1 (twice, nested), 7; corporatie 3 (a phrase), 6; heem 2.
Financiering (F) is coded in gemeente sentences 3 and 5-6; corporatie 1-2; heem 3.
The answers worked out by hand are for the codes alone (`subcodes=False`); the tests at the end check that a
bare code name takes its sub-codes along by default, on both sides of every operator.
"""

from __future__ import annotations

import pytest

from tests.services.analysis_fixtures import corpus  # noqa: F401 - fixture
from workbench.domain.errors import InvalidInput, NotFound
from workbench.domain.filters import Selection

TITLES = {"gemeente": "Interview gemeente", "corporatie": "Interview corporatie", "heem": "Werkbezoek HEEM"}


def _s(c, key, *indices):
    return [(key, *c.sentence(key, i)) for i in indices]


def _t(c, key, *indices):
    return [(key, *c.turn(key, i)) for i in indices]


def _d(c, *keys):
    return [(key, 0, len(c.texts[key])) for key in keys]


def _hits(project, corpus, expression, unit, subcodes=False, **kwargs):
    keys = {title: key for key, title in TITLES.items()}
    result = project.queries.run(expression, unit=unit, subcodes=subcodes, **kwargs)
    return [(keys[h.document], h.start, h.end) for h in result.hits]


def expected_answers(c):
    """(expression, unit) -> the hits, in document order."""
    g_s = lambda *i: _s(c, "gemeente", *i)  # noqa: E731
    c_s = lambda *i: _s(c, "corporatie", *i)  # noqa: E731
    h_s = lambda *i: _s(c, "heem", *i)  # noqa: E731
    c5 = ("corporatie", *c.spans["c5"][1:])
    cover = lambda key, a, b: [(key, *c.cover(key, a, b))]  # noqa: E731
    return {
        ("Vertrouwen AND Financiering", "span"): [],
        ("Vertrouwen AND Financiering", "sentence"): [],
        ("Vertrouwen AND Financiering", "turn"): _t(c, "gemeente", 1, 3) + _t(c, "corporatie", 1),
        ("Vertrouwen AND Financiering", "document"): _d(c, "gemeente", "corporatie", "heem"),
        ("Vertrouwen OR Financiering", "span"):
            g_s(1, 3) + cover("gemeente", 5, 6) + g_s(7) + cover("corporatie", 1, 2) + [c5] + c_s(6) + h_s(2, 3),
        ("Vertrouwen OR Financiering", "sentence"): g_s(1, 3, 5, 6, 7) + c_s(1, 2, 3, 6) + h_s(2, 3),
        ("Vertrouwen OR Financiering", "turn"): _t(c, "gemeente", 1, 3) + _t(c, "corporatie", 1, 3) + _t(c, "heem", 0, 1),
        ("Vertrouwen OR Financiering", "document"): _d(c, "gemeente", "corporatie", "heem"),
        ("Vertrouwen NOT Financiering", "span"): g_s(1, 7) + [c5] + c_s(6) + h_s(2),
        ("Vertrouwen NOT Financiering", "sentence"): g_s(1, 7) + c_s(3, 6) + h_s(2),
        ("Vertrouwen NOT Financiering", "turn"): _t(c, "corporatie", 3) + _t(c, "heem", 0),
        ("Vertrouwen NOT Financiering", "document"): [],
        ("Vertrouwen NEAR/1 Financiering", "span"): [
            ("gemeente", c.sentence("gemeente", 5)[0], c.sentence("gemeente", 7)[1]),
            ("corporatie", c.sentence("corporatie", 1)[0], c5[2]),
            ("heem", c.sentence("heem", 2)[0], c.sentence("heem", 3)[1]),
        ],
        ("Vertrouwen NEAR/1 Financiering", "sentence"): g_s(5, 6, 7) + c_s(1, 2, 3) + h_s(2, 3),
        ("Vertrouwen NEAR/1 Financiering", "turn"): _t(c, "gemeente", 3) + _t(c, "corporatie", 1) + _t(c, "heem", 0, 1),
        ("Vertrouwen NEAR/1 Financiering", "document"): _d(c, "gemeente", "corporatie", "heem"),
        ("Vertrouwen FOLLOWED BY Financiering", "span"): [
            ("gemeente", c.sentence("gemeente", 1)[0], c.sentence("gemeente", 3)[1]),
            ("heem", c.sentence("heem", 2)[0], c.sentence("heem", 3)[1]),
        ],
        ("Vertrouwen FOLLOWED BY Financiering", "sentence"): g_s(1, 2, 3) + h_s(2, 3),
        ("Vertrouwen FOLLOWED BY Financiering", "turn"): _t(c, "gemeente", 1) + _t(c, "heem", 0, 1),
        ("Vertrouwen FOLLOWED BY Financiering", "document"): _d(c, "gemeente", "heem"),
        ("Financiering/Subsidie voor één jaar INSIDE Financiering", "span"): g_s(5),
        ("Financiering/Subsidie voor één jaar INSIDE Financiering", "sentence"): g_s(5),
        ("Financiering/Subsidie voor één jaar INSIDE Financiering", "turn"): _t(c, "gemeente", 3),
        ("Financiering/Subsidie voor één jaar INSIDE Financiering", "document"): _d(c, "gemeente"),
    }


CASES = [
    (expression, unit)
    for expression in ("Vertrouwen AND Financiering", "Vertrouwen OR Financiering", "Vertrouwen NOT Financiering",
                       "Vertrouwen NEAR/1 Financiering", "Vertrouwen FOLLOWED BY Financiering",
                       "Financiering/Subsidie voor één jaar INSIDE Financiering")
    for unit in ("span", "sentence", "turn", "document")
]


@pytest.mark.parametrize("expression, unit", CASES)
def test_each_operator_at_each_unit(project, corpus, expression, unit):
    assert _hits(project, corpus, expression, unit) == expected_answers(corpus)[(expression, unit)]


def test_distances_of_near_and_followed_by(project, corpus):
    assert _hits(project, corpus, "Vertrouwen NEAR/0 Financiering", "span") == []
    near_two = _hits(project, corpus, "Vertrouwen NEAR/2 Financiering", "span")
    assert near_two[0] == ("gemeente", corpus.sentence("gemeente", 1)[0], corpus.sentence("gemeente", 3)[1])
    assert len(near_two) == 4
    assert _hits(project, corpus, "Vertrouwen FOLLOWED BY/1 Financiering", "span") == [
        ("heem", corpus.sentence("heem", 2)[0], corpus.sentence("heem", 3)[1])
    ]
    assert _hits(project, corpus, "Financiering FOLLOWED BY Vertrouwen", "span") == [
        ("gemeente", corpus.sentence("gemeente", 3)[0], corpus.sentence("gemeente", 7)[1]),
        ("corporatie", corpus.sentence("corporatie", 1)[0], corpus.spans["c5"][2]),
    ]


def test_parentheses_change_the_meaning(project, corpus):
    grouped = _hits(project, corpus, "(Vertrouwen OR Financiering/Huurinkomsten) AND Financiering", "sentence")
    assert grouped == _s(corpus, "corporatie", 2)
    plain = _hits(project, corpus, "Vertrouwen OR Financiering/Huurinkomsten AND Financiering", "sentence")
    assert plain == _s(corpus, "gemeente", 1, 7) + _s(corpus, "corporatie", 2, 3, 6) + _s(corpus, "heem", 2)


def test_sub_codes_attributes_and_speakers_inside_a_query(project, corpus):
    with_subcodes = _hits(project, corpus, "Vertrouwen/* AND Financiering", "turn")
    assert with_subcodes == _t(corpus, "gemeente", 1, 3) + _t(corpus, "corporatie", 1)
    in_gemeente = _hits(project, corpus, "Vertrouwen AND organisation=gemeente", "span")
    assert in_gemeente == _s(corpus, "gemeente", 1, 7)
    elsewhere = _hits(project, corpus, "Vertrouwen NOT organisation=gemeente", "document")
    assert elsewhere == _d(corpus, "corporatie", "heem")
    said_by_ahmed = _hits(project, corpus, "Vertrouwen AND speaker=Ahmed", "sentence")
    assert said_by_ahmed == _s(corpus, "corporatie", 3, 6)
    inside_a_code = _hits(project, corpus, "Vertrouwen INSIDE Vertrouwen/Vertrouwen in personen", "span")
    assert inside_a_code == [("corporatie", *corpus.spans["c5"][1:])]


def test_the_selection_limits_the_codings(project, corpus):
    bram = _hits(project, corpus, "Vertrouwen", "span", selection=Selection(coders=("bram",)))
    assert bram == [("gemeente", *corpus.spans["g7"][1:]), ("corporatie", *corpus.spans["c5"][1:])]
    only_heem = _hits(project, corpus, "Vertrouwen OR Financiering", "document",
                      selection=Selection(documents=("Werkbezoek HEEM",)))
    assert only_heem == _d(corpus, "heem")
    said_by_ahmed = _hits(project, corpus, "Vertrouwen", "span", selection=Selection(speakers=("Ahmed",)))
    assert said_by_ahmed == [("corporatie", *corpus.spans["c5"][1:]), ("corporatie", *corpus.sentence("corporatie", 6))]


def test_hits_carry_text_speaker_and_a_document_count(project, corpus):
    result = project.queries.run("Vertrouwen NEAR/1 Financiering", unit="span")
    assert result.documents == 3 and result.unit == "span"
    heem = result.hits[-1]
    assert heem.text == "Sindsdien is er meer vertrouwen.\n\nHoe is de financiering geregeld?"
    assert heem.speaker == "Sanne"


@pytest.mark.parametrize(
    "expression, unit, error, fragment",
    [
        ("Vertrouwen AND (", "span", InvalidInput, "Expected a code name at position 17: 'Vertrouwen AND ('"),
        ("Vertrouwen AND Geld", "span", NotFound, "names 'Geld' at position 16, which is not a code"),
        ("Vertrouwen AND sector=zorg", "span", NotFound, "attribute 'sector' at position 16"),
        ("Vertrouwen AND speaker=Piet", "span", NotFound, "No turn is spoken by 'Piet'"),
        ("Vertrouwen", "paragraph", InvalidInput, "unit 'paragraph'"),
    ],
)
def test_errors_name_the_problem(project, corpus, expression, unit, error, fragment):
    with pytest.raises(error, match=fragment.replace("(", r"\(")):
        project.queries.run(expression, unit=unit)
