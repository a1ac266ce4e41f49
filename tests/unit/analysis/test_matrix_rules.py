"""Co-occurrence counting on interval lists and unit ids, the Jaccard index, and attribute filters."""

from __future__ import annotations

import datetime as dt
from array import array

import pytest

from workbench.domain.errors import InvalidInput
from workbench.domain.filters import matching_documents, parse_attribute_filter, parse_bool, value_matches
from workbench.domain.cooccurrence import jaccard, span_counts, stretches, unit_counts, unit_ranges, unit_table
from workbench.domain.search import compile_pattern, context, find_matches


def _span(codings, size):
    docs, codes, starts, ends = zip(*codings, strict=True)
    counts, chars = span_counts(docs, codes, starts, ends, size)
    return counts.tolist(), chars.tolist()


def test_span_cooccurrence_counts_overlap_places_and_shared_characters():
    # Code 0 coded twice overlapping (one stretch 0-30); code 1 overlaps it twice; code 2 stands alone.
    document = [(7, 0, 0, 20), (7, 0, 10, 30), (7, 1, 5, 8), (7, 1, 25, 40), (7, 2, 50, 60)]
    counts, chars = _span(document, 3)
    assert counts == [[1, 2, 0], [2, 2, 0], [0, 0, 1]]
    assert chars == [[30, 8, 0], [8, 18, 0], [0, 0, 10]]
    similarity = jaccard(chars)
    assert similarity[0][1] == pytest.approx(8 / (30 + 18 - 8), abs=1e-4)
    assert similarity[0][2] == 0.0 and similarity[2][2] == 1.0


def test_span_cooccurrence_keeps_documents_apart_and_joins_touching_codings():
    counts, chars = _span([(1, 0, 0, 10), (1, 1, 5, 15), (2, 0, 0, 4), (2, 1, 2, 3), (3, 1, 100, 110)], 2)
    assert counts[0][1] == 2 and chars[0][1] == 6
    # Touching codings of one code are one stretch; a code touching another does not overlap it.
    counts, chars = _span([(1, 0, 0, 10), (1, 0, 10, 20), (1, 1, 20, 30)], 2)
    assert counts == [[1, 0], [0, 1]] and chars == [[20, 0], [0, 10]]


def test_stretches_join_each_codes_codings_per_document():
    docs, codes, starts, ends = stretches([5, 5, 5, 6], [0, 0, 1, 0], [0, 8, 2, 0], [10, 12, 3, 4], 2)
    assert sorted(zip(docs.tolist(), codes.tolist(), starts.tolist(), ends.tolist(), strict=True)) == [
        (5, 0, 0, 12), (5, 1, 2, 3), (6, 0, 0, 4),
    ]


def test_unit_ranges_find_the_units_a_coding_touches():
    # Document 1 has units [0,10) [11,21) [22,32); document 2 has [0,5) [6,9).
    units = unit_table([(1, 3), (2, 2)], [array("q", [0, 11, 22]), [0, 6]], [array("q", [10, 21, 32]), [5, 9]])
    first, last = unit_ranges([1, 1, 1, 2, 2], [5, 10, 9, 0, 5], [15, 11, 30, 9, 6], units)
    assert list(zip(first.tolist(), last.tolist(), strict=True)) == [(0, 2), (1, 1), (0, 3), (3, 5), (4, 4)]


def test_unit_cooccurrence_counts_units_holding_both():
    rows, first, last = [0, 0, 1, 3, 0], [0, 2, 2, 9, 1], [2, 3, 4, 10, 2]
    counts = unit_counts(rows, first, last, 4, 10).tolist()
    assert counts == [[3, 1, 0, 0], [1, 2, 0, 0], [0, 0, 0, 0], [0, 0, 0, 1]]
    assert jaccard(counts)[0][1] == pytest.approx(1 / 4)


def test_dense_units_are_counted_by_matrix_products(monkeypatch):
    from workbench.domain import cooccurrence

    rows, first, last = [0, 0, 1, 3, 0], [0, 2, 2, 9, 1], [2, 3, 4, 10, 2]
    monkeypatch.setattr(cooccurrence, "PAIR_LIMIT", 0)
    monkeypatch.setattr(cooccurrence, "CHUNK_UNITS", 3)
    assert unit_counts(rows, first, last, 4, 10).tolist() == [[3, 1, 0, 0], [1, 2, 0, 0], [0, 0, 0, 0], [0, 0, 0, 1]]


def test_attribute_filters_compare_by_type():
    assert parse_attribute_filter(" organisation = gemeente ") == ("organisation", "gemeente")
    with pytest.raises(InvalidInput, match="KEY=VALUE"):
        parse_attribute_filter("organisation")
    assert value_matches("Gemeente", "gemeente")
    assert value_matches(3.0, "3") and value_matches(2.5, "2,5") and not value_matches(3.0, "drie")
    assert value_matches(dt.date(2024, 10, 1), "2024-10-01")
    assert value_matches(True, "ja") and not value_matches(False, "yes") and parse_bool("misschien") is None
    values = {1: {"organisation": "gemeente", "role": "wethouder"}, 2: {"Organisation": "corporatie"}, 3: {}}
    assert matching_documents(values, [("organisation", "gemeente"), ("organisation", "corporatie")]) == {1, 2}
    assert matching_documents(values, [("organisation", "gemeente"), ("role", "wethouder")]) == {1}


def test_plain_and_regex_patterns():
    text = "De financiering\nwas lastig. Financieringen? FINANCIERING!"
    assert len(find_matches(compile_pattern("financiering", "plain"), text)) == 3
    assert len(find_matches(compile_pattern("financiering was", "plain"), text)) == 1
    assert len(find_matches(compile_pattern("Financiering", "plain", case_sensitive=True), text)) == 1
    assert find_matches(compile_pattern(r"\bfinancieringen\b", "regex"), text) == [(28, 42)]
    assert context(text, 3, 15, 5) == ("De ", " was ")
    with pytest.raises(InvalidInput, match="not valid at position 1"):
        compile_pattern("(financ", "regex")
    with pytest.raises(InvalidInput, match="empty text"):
        compile_pattern("a*", "regex")
    with pytest.raises(InvalidInput, match="empty"):
        compile_pattern("  ", "plain")
