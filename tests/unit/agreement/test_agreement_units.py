"""Coded intervals turned into character, presence and segment units."""

from __future__ import annotations

import pytest

from workbench.domain.agreement_units import (
    DocumentFrame,
    character_patterns,
    matched,
    overlap,
    presence_patterns,
    segment_count,
)

T, F = True, False


def test_characters_cover_the_whole_text_including_uncoded_stretches():
    # NVivo's help example: 1,000 characters, 50 coded by both, 100 by A only, 50 by B only.
    patterns = character_patterns(1000, [[(0, 150)], [(100, 200)]])
    assert patterns == {(T, F): 100, (T, T): 50, (F, T): 50, (F, F): 800}


def test_characters_merge_overlapping_and_touching_codings_of_one_coder():
    patterns = character_patterns(30, [[(0, 10), (5, 15), (15, 20)], [(0, 20)]])
    assert patterns == {(T, T): 20, (F, F): 10}


def test_characters_of_a_coder_who_did_not_code_the_document_are_missing():
    patterns = character_patterns(10, [[(2, 4)], None, [(3, 5)]])
    assert patterns == {(F, None, F): 7, (T, None, F): 1, (T, None, T): 1, (F, None, T): 1}


def test_characters_clip_intervals_to_the_text():
    assert character_patterns(5, [[(3, 9)], []]) == {(F, F): 3, (T, F): 2}


SENTENCES = ((0, 10), (11, 20), (21, 30), (31, 40))


def test_presence_counts_a_unit_as_coded_when_a_coding_shares_a_character():
    patterns = presence_patterns(SENTENCES, [[(9, 12)], [(12, 13), (35, 36)]])
    # A touches sentences 0 and 1, B touches 1 and 3.
    assert patterns == {(T, F): 1, (T, T): 1, (F, F): 1, (F, T): 1}


def test_presence_ignores_a_coding_in_the_gap_between_units():
    assert presence_patterns(SENTENCES, [[(10, 11)], []]) == {(F, F): 4}


def test_frame_units_fall_back_to_turns_and_to_the_whole_document():
    frame = DocumentFrame(1, "Interview", 40, sentences=(), turns=((0, 20), (21, 40)))
    assert frame.spans("sentence") == ((0, 20), (21, 40))
    assert frame.spans("document") == ((0, 40),)
    bare = DocumentFrame(2, "Notes", 12)
    assert bare.spans("turn") == ((0, 12),)
    with pytest.raises(ValueError):
        bare.spans("character")


def test_overlap_on_the_union_or_on_the_segment_itself():
    assert overlap((0, 100), (0, 90)) == pytest.approx(90.0)
    assert overlap((0, 90), (0, 100), "own") == pytest.approx(100.0)
    assert overlap((0, 100), (0, 90), "own") == pytest.approx(90.0)
    assert overlap((0, 10), (10, 20)) == 0.0
    with pytest.raises(ValueError):
        overlap((0, 10), (5, 20), "mean")


def test_segments_match_at_the_threshold():
    assert matched([(0, 100), (200, 300)], [(5, 100), (200, 250)], 90) == [True, False]


def test_segment_count_checks_from_both_sides():
    # A: two segments, one matched by B; B: three segments, one matching A's and two of its own.
    a = [(0, 100), (200, 300)]
    b = [(0, 95), (400, 500), (600, 700)]
    both = segment_count([a, b], 90)
    assert (both.agreements, both.disagreements) == (2, 3)
    once = segment_count([a, b], 90, both_sides=False)
    assert (once.agreements, once.disagreements) == (1, 3)


def test_segment_count_leaves_out_a_coder_who_did_not_code_the_document():
    count = segment_count([[(0, 10)], None], 90)
    assert (count.agreements, count.disagreements) == (0, 0)
