"""The one definition of a code's fragments: names with and without sub-codes, codings joined into fragments."""

from __future__ import annotations

import pytest

from workbench.domain.code_fragments import (
    fragments_counted,
    in_code,
    join_fragments,
    per_code,
    read_code_name,
    stretches,
)
from workbench.domain.codings import Fragment
from workbench.domain.errors import InvalidInput
from workbench.domain.queries import CodeRef, describe, parse

TEXT = "Het begon met vertrouwen. De subsidie is voor één jaar. Dat schaadt het vertrouwen."


def _coding(number: int, code: str, coder: str, start: int, end: int, memo: str = "", sentence=None) -> Fragment:
    lo, hi = sentence or (start, end)
    return Fragment(number, 1, "Interview", code, coder, start, end, TEXT[start:end], lo, hi, TEXT[lo:hi],
                    "Marieke", 4.0 + number, None, "applied", memo)


def test_names_mean_the_code_with_its_sub_codes_unless_written_alone():
    assert read_code_name("Vertrouwen") == ("Vertrouwen", True)
    assert read_code_name(" =Vertrouwen in personen ") == ("Vertrouwen in personen", False)
    assert read_code_name("Vertrouwen/*") == ("Vertrouwen", True)
    assert in_code("Vertrouwen/Personen", "Vertrouwen", True) and not in_code("Vertrouwen/Personen", "Vertrouwen", False)
    assert not in_code("Vertrouwensband", "Vertrouwen", True)
    assert fragments_counted(1, True) == "1 fragment (sub-codes included)"
    assert fragments_counted(3, False) == "3 fragments (code alone, without sub-codes)"


def test_the_query_language_reads_the_alone_form():
    node = parse('=Vertrouwen AND Financiering/* OR ="Roles AND tasks"')
    assert node.left.left == CodeRef("Vertrouwen", False, 0)
    assert node.left.right == CodeRef("Financiering", True, 16)
    assert node.right == CodeRef("Roles AND tasks", False, 34)
    assert describe(parse("Vertrouwen in personen NEAR/2 =Financiering")) == "(Vertrouwen in personen NEAR/2 =Financiering)"
    with pytest.raises(InvalidInput, match="after '='"):
        parse("Vertrouwen AND =")


def test_overlapping_codings_become_one_fragment_with_the_union_of_their_spans():
    anna = _coding(1, "Vertrouwen", "anna", 14, 24, "Kern.", sentence=(0, 25))
    bram = _coding(2, "Vertrouwen/Personen", "bram", 0, 25, sentence=(0, 25))
    later = _coding(3, "Vertrouwen", "anna", 26, 55, sentence=(26, 55))
    touching = _coding(4, "Vertrouwen", "bram", 55, 83, sentence=(55, 83))
    (first, second) = join_fragments([later, bram, anna, touching], code_order=["Vertrouwen", "Vertrouwen/Personen"])
    assert (first.start, first.end, first.text) == (0, 25, TEXT[0:25])
    assert first.codes == ("Vertrouwen", "Vertrouwen/Personen") and first.coders == ("anna", "bram")
    assert first.coding_ids == (2, 1) and first.memos == ("anna: Kern.",) and first.t_start == 5.0
    # Touching codings join as a query's hits do; the context is pieced together from both.
    assert (second.start, second.end, second.context) == (26, 83, TEXT[26:83])
    apart = join_fragments([anna, bram, later, touching], per_coder=True)
    assert [(f.coders, f.start, f.end) for f in apart] == [
        (("bram",), 0, 25), (("anna",), 14, 24), (("anna",), 26, 55), (("bram",), 55, 83)]


def test_each_code_counts_its_sub_codes_fragments_once():
    anna = _coding(1, "Vertrouwen", "anna", 14, 24)
    bram = _coding(2, "Vertrouwen/Personen", "bram", 0, 25)
    other = _coding(3, "Vertrouwen/Personen", "anna", 56, 70)
    found = per_code([anna, bram, other], ["Vertrouwen", "Vertrouwen/Personen", "Financiering"])
    assert [len(found[p]) for p in ("Vertrouwen", "Vertrouwen/Personen", "Financiering")] == [2, 2, 0]
    alone = per_code([anna, bram, other], ["Vertrouwen"], subcodes=False)
    assert [[m.coding_id for m in members] for members in alone["Vertrouwen"]] == [[1]]
    assert len(stretches([anna, bram, other], per_coder=True)) == 3
