"""The query language's tokenizer and parser: precedence, names with spaces, quoting, and error positions."""

from __future__ import annotations

import pytest

from workbench.domain.errors import InvalidInput
from workbench.domain.queries import (
    AttributeRef, Binary, CodeRef, Positional, SpeakerRef, codes_in, describe, parse,
)


@pytest.mark.parametrize(
    "expression, canonical",
    [
        ("Vertrouwen", "Vertrouwen"),
        ("Vertrouwen AND Financiering", "(Vertrouwen AND Financiering)"),
        ("A OR B AND C", "(A OR (B AND C))"),
        ("A AND B OR C", "((A AND B) OR C)"),
        ("A NOT B NOT C", "((A NOT B) NOT C)"),
        ("(A OR B) NOT C", "((A OR B) NOT C)"),
        ("A AND B NEAR/2 C", "(A AND (B NEAR/2 C))"),
        ("A NEAR B", "(A NEAR/1 B)"),
        ("A FOLLOWED BY B", "(A FOLLOWED BY B)"),
        ("A FOLLOWED BY/3 B OR C", "((A FOLLOWED BY/3 B) OR C)"),
        ("A INSIDE B INSIDE C", "((A INSIDE B) INSIDE C)"),
        ("((A))", "A"),
    ],
)
def test_precedence_and_grouping(expression, canonical):
    assert describe(parse(expression)) == canonical


def test_names_keep_spaces_commas_slashes_and_accents():
    node = parse("Vertrouwen in personen AND Financiering/Subsidie voor één jaar OR Tijd, ruimte en loslaten")
    assert [c.name for c in codes_in(node)] == [
        "Vertrouwen in personen", "Financiering/Subsidie voor één jaar", "Tijd, ruimte en loslaten",
    ]


def test_lower_case_words_are_part_of_a_name_and_quotes_protect_operator_words():
    node = parse('Rollen and taken OR "Roles AND tasks"')
    assert [c.name for c in codes_in(node)] == ["Rollen and taken", "Roles AND tasks"]
    assert isinstance(node, Binary) and node.op == "OR"


def test_subcodes_attributes_and_speakers():
    node = parse('Vertrouwen/* AND organisation="gemeente Nijmegen" AND speaker=Marieke')
    assert node.left.left == CodeRef("Vertrouwen", True, 0)
    assert node.left.right == AttributeRef("organisation", "gemeente Nijmegen", 17)
    assert isinstance(node.right, SpeakerRef) and node.right.name == "Marieke"
    unquoted = parse("A AND organisation=gemeente Nijmegen")
    assert unquoted.right == AttributeRef("organisation", "gemeente Nijmegen", 6)


def test_positional_operators_keep_their_distance():
    node = parse("A NEAR/0 B")
    assert isinstance(node, Positional) and node.distance == 0
    assert parse("A FOLLOWED BY B").distance is None
    assert parse("A INSIDE B").distance is None


@pytest.mark.parametrize(
    "expression, message",
    [
        ("Vertrouwen AND (", "Expected a code name at position 17: 'Vertrouwen AND ('"),
        ("Vertrouwen AND OR Financiering", "Expected a code name at position 16 but found 'OR': 'Vertrouwen AND OR'"),
        ("(A AND B", "Expected ')' at position 9 to close the '(' at position 1: '(A AND B'"),
        ("A B)", "Unexpected ')' at position 4: 'A B)'"),
        ("A (B)", "Expected AND, OR, NOT, NEAR, FOLLOWED BY or INSIDE at position 3 but found '(': 'A ('"),
        ("NOT A", "NOT at position 1 needs a code before it"),
        ("A NEAR/x B", "NEAR at position 3 takes a whole number of sentences, as in NEAR/2: 'A NEAR/x'"),
        ("A BY B", "BY at position 3 must follow FOLLOWED"),
        ("A AND 'B", "The quote at position 7 is never closed: 'A AND 'B'"),
        ("A INSIDE/2 B", "Unexpected 'INSIDE/2' at position 3"),
        ("A AND x=", "Expected KEY=VALUE at position 7"),
    ],
)
def test_malformed_queries_point_at_the_position(expression, message):
    with pytest.raises(InvalidInput) as caught:
        parse(expression)
    assert message in str(caught.value)


@pytest.mark.parametrize("expression", ["", "   "])
def test_an_empty_query_is_refused(expression):
    with pytest.raises(InvalidInput, match="empty"):
        parse(expression)
