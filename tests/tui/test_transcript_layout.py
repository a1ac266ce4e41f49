"""Laying a transcript out in lines: wrapping, gaps between turns, gutters, and codings per line."""

from workbench.tui.widgets.transcript_layout import (
    CodingIndex,
    CodingView,
    TurnView,
    codings_per_line,
    layout,
    line_at_offset,
    stripe_columns,
)

TEXT = "Goedemorgen, fijn dat u er bent.\n\nGraag gedaan. Zullen we beginnen met de subsidie?"
TURNS = [TurnView(0, 32, "I", 12.0), TurnView(34, len(TEXT), "R", None)]


def test_turns_wrap_at_words_with_a_gap_and_gutters():
    lines = layout(TEXT, TURNS, 20)
    shown = [TEXT[line.start:line.end] for line in lines]
    assert shown == ["Goedemorgen, fijn", "dat u er bent.", "", "Graag gedaan. Zullen", "we beginnen met de", "subsidie?"]
    assert [line.gutter for line in lines][:2] == ["I", "00:00:12"]
    assert lines[3].gutter == "R" and lines[2].gutter == ""
    assert all(len(text) <= 20 for text in shown)


def test_a_long_word_is_broken_and_offsets_are_found_again():
    text = "x" * 25
    lines = layout(text, [TurnView(0, 25, None, None)], 10)
    assert [(line.start, line.end) for line in lines] == [(0, 10), (10, 20), (20, 25)]
    starts = [line.start for line in lines]
    assert line_at_offset(lines, starts, 14) == 1


def test_overlapping_codings_get_their_own_stripe_column():
    a, b, c = CodingView(1, 0, 20, "A", "#000000"), CodingView(2, 5, 40, "B", "#000000"), CodingView(3, 25, 30, "C", "#000000")
    assert stripe_columns([a, b, c]) == {1: 0, 2: 1, 3: 0}


def test_codings_are_found_per_line_including_across_the_gap():
    lines = layout(TEXT, TURNS, 20)
    across = CodingView(1, 20, 50, "Over de beurt heen", "#336699")
    inside = CodingView(2, 36, 40, "Kort", "#336699")
    per_line = codings_per_line(lines, [across, inside])
    assert [len(found) for found in per_line] == [0, 1, 1, 2, 0, 0]
    index = CodingIndex([across, inside])
    assert index.covering(lines[3]) == per_line[3]


def test_a_turn_without_a_speaker_shows_its_time_on_its_first_line():
    text = "Het begon klein.\n\nNu komen er zestig mensen."
    turns = [TurnView(0, 16, None, 4.2), TurnView(18, len(text), None, 12.8)]
    lines = layout(text, turns, 40)
    assert [(text[line.start:line.end], line.gutter) for line in lines] == [
        ("Het begon klein.", "00:00:04"), ("", ""), ("Nu komen er zestig mensen.", "00:00:12"),
    ]
    assert lines[0].gutter_kind == "time"
