"""Span rules, unit look-ups, and the context fingerprint that re-anchors a coding in a corrected text."""

from __future__ import annotations

import pytest

from workbench.domain.codings import fingerprint, relocate
from workbench.domain.errors import InvalidInput
from workbench.domain.spans import (
    Span, Units, check_span, covered_length, grow_to_words, merge, shorten, word_starts, words_between,
)

TEXT = "Het begon met vertrouwen. Zo'n co-ouder vertrouwde ons.\n\nDaarna kwam de financiering."


@pytest.mark.parametrize(
    "start, end, message",
    [(5, 5, "is empty"), (9, 3, "is empty"), (-1, 4, "lies outside"), (0, len(TEXT) + 1, "lies outside")],
)
def test_bad_spans_are_refused_in_one_sentence(start, end, message):
    with pytest.raises(InvalidInput, match=message) as caught:
        check_span(start, end, len(TEXT), "Interview 1")
    assert str(caught.value).count(".") == 1


def test_grow_to_words_keeps_joined_words_whole_and_leaves_spaces_out():
    start = TEXT.index("egon")
    assert TEXT[slice(*_pair(grow_to_words(TEXT, start, start + 2)))] == "begon"
    inside = TEXT.index("'n")
    assert TEXT[slice(*_pair(grow_to_words(TEXT, inside, inside + 1)))] == "Zo'n"
    hyphen = TEXT.index("ouder")
    assert TEXT[slice(*_pair(grow_to_words(TEXT, hyphen, hyphen + 2)))] == "co-ouder"
    space = TEXT.index(" met")
    assert grow_to_words(TEXT, space, space + 1) == Span(space, space + 1)


def _pair(span: Span) -> tuple[int, int]:
    return span.start, span.end


def test_units_find_what_contains_or_touches_an_offset():
    units = Units([(0, 25), (26, 56), (58, 86)])
    assert units.index_at(0) == 0 and units.index_at(24) == 0 and units.index_at(25) is None
    assert units.index_at(57) is None and units.index_at(85) == 2
    assert list(units.touched(20, 30)) == [0, 1]
    assert list(units.touched(25, 26)) == []
    assert units.cover(20, 60) == Span(0, 86)
    assert units.nearest(56, 58) == (1, 1)


def test_merge_words_and_shortening():
    assert merge([(5, 9), (0, 3), (3, 4), (8, 12)]) == [(0, 4), (5, 12)]
    assert covered_length([(0, 10), (5, 15), (20, 25)]) == 20
    starts = word_starts(TEXT)
    assert words_between(starts, 0, 25) == 4
    assert words_between(starts, TEXT.index("Zo'n"), TEXT.index(" ons")) == 3
    assert shorten("Het begon   met\nvertrouwen en nog veel meer woorden", 20) == "Het begon met vertr…"


def test_a_fingerprint_finds_its_coding_again_after_a_correction():
    start = TEXT.index("Zo'n")
    end = TEXT.index("ons.") + 4
    stamp = fingerprint(TEXT, start, end)
    assert stamp.startswith("1:") and len(stamp) <= 200
    corrected = "[00:01] " + TEXT.replace("Daarna", "Later")
    assert relocate(stamp, corrected) == Span(start + 8, end + 8)


def test_the_surroundings_choose_between_repeated_text():
    text = "Ja. We vertrouwen elkaar. Nee. We vertrouwen elkaar. Ja."
    second = text.index("We vertrouwen", 10)
    stamp = fingerprint(text, second, second + len("We vertrouwen elkaar."))
    moved = "Hallo. " + text
    assert relocate(stamp, moved) == Span(second + 7, second + 7 + len("We vertrouwen elkaar."))


def test_a_lightly_edited_coded_text_is_still_found_and_a_vanished_one_is_not():
    start = TEXT.index("Zo'n")
    end = TEXT.index("ons.") + 4
    stamp = fingerprint(TEXT, start, end)
    edited = TEXT.replace("co-ouder", "co-ouder toen")
    found = relocate(stamp, edited)
    assert found is not None and edited[found.start : found.end].startswith("Zo'n") and edited[found.end - 4 : found.end] == "ons."
    assert relocate(stamp, "Een heel andere tekst.") is None
    assert relocate("not a fingerprint", TEXT) is None
