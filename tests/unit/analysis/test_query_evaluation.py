"""Query evaluation on plain interval lists: every operator at every unit, on a tiny invented layout."""

from __future__ import annotations

import pytest

from workbench.domain.queries import parse
from workbench.domain.query_eval import DocumentLayout, evaluate
from workbench.domain.spans import Units

# Six sentences of ten characters with one space between; turns: sentences 0-1, 2-3 and 4-5.
SENTENCES = [(i * 11, i * 11 + 10) for i in range(6)]
TURNS = [(0, 21), (22, 43), (44, 65)]
LAYOUT = DocumentLayout(65, Units(SENTENCES), Units(TURNS))

LEAVES = {
    "A": [(2, 5), (23, 30)],        # in sentence 0; in sentence 2
    "B": [(3, 8), (55, 60)],        # overlaps A in sentence 0; in sentence 5
    "C": [(12, 18)],                # sentence 1
    "Wide": [(0, 21), (44, 65)],    # turns 0 and 2 whole
}


def run(expression: str, unit: str):
    return evaluate(parse(expression), unit, LAYOUT, lambda leaf: LEAVES[leaf.name])


@pytest.mark.parametrize(
    "expression, unit, expected",
    [
        ("A AND B", "span", [(3, 5)]),
        ("A AND B", "sentence", [(0, 10)]),
        ("A AND B", "turn", [(0, 21)]),
        ("A AND B", "document", [(0, 65)]),
        ("A AND C", "span", []),
        ("A AND C", "sentence", []),
        ("A AND C", "turn", [(0, 21)]),
        ("A OR C", "span", [(2, 5), (12, 18), (23, 30)]),
        ("A OR B", "span", [(2, 8), (23, 30), (55, 60)]),
        ("A OR C", "sentence", [(0, 10), (11, 21), (22, 32)]),
        ("A OR C", "turn", [(0, 21), (22, 43)]),
        ("A NOT B", "span", [(23, 30)]),
        ("A NOT B", "sentence", [(22, 32)]),
        ("A NOT C", "sentence", [(0, 10), (22, 32)]),
        ("A NOT C", "turn", [(22, 43)]),
        ("A NOT B", "document", []),
        ("A NEAR/0 C", "span", []),
        ("A NEAR/1 C", "span", [(2, 30)]),  # (2, 18) and (12, 30) overlap, so they join
        ("A NEAR/1 C", "sentence", [(0, 10), (11, 21), (22, 32)]),
        ("A NEAR/2 B", "span", [(2, 30)]),  # (2, 8) and (3, 30): sentences 0 and 2 are two apart
        ("A NEAR/2 B", "sentence", [(0, 10), (11, 21), (22, 32)]),
        ("A NEAR/3 B", "turn", [(0, 21), (22, 43), (44, 65)]),
        ("A FOLLOWED BY C", "span", [(2, 18)]),
        ("C FOLLOWED BY A", "span", [(12, 30)]),
        ("A FOLLOWED BY B", "span", [(2, 60)]),  # B at 3 starts before A at 2 ends, so A pairs with 55
        ("A FOLLOWED BY/2 B", "span", []),
        ("A FOLLOWED BY/3 B", "sentence", [(22, 32), (33, 43), (44, 54), (55, 65)]),
        ("A INSIDE Wide", "span", [(2, 5)]),
        ("B INSIDE Wide", "sentence", [(0, 10), (55, 65)]),
        ("C INSIDE Wide", "turn", [(0, 21)]),
        ("Wide INSIDE A", "document", []),
        ("(A OR C) AND Wide", "span", [(2, 5), (12, 18)]),
        ("A OR C AND Wide", "span", [(2, 5), (12, 18), (23, 30)]),
        ("(A NEAR/1 C) NOT B", "sentence", [(11, 21), (22, 32)]),
    ],
)
def test_operator_at_unit(expression, unit, expected):
    assert run(expression, unit) == expected


def test_nothing_in_a_document_gives_no_hits():
    empty = evaluate(parse("A OR B"), "document", LAYOUT, lambda leaf: [])
    assert empty == []
