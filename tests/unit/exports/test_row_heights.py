"""How many lines a cell's text takes, so a row is tall enough for every wrapped cell in it."""

from workbench.exporters.cell_sizes import ink_for, line_count, wrapped_lines


def test_a_short_value_that_does_not_fit_its_column_takes_two_lines():
    assert wrapped_lines("Gemeente Nijmegen", 16) == 2
    assert wrapped_lines("gemeente", 16) == 1
    assert wrapped_lines("Nijmegen, kantoor Woonstichting Waalwonen", 16) in (3, 4)  # rather one too many


def test_long_text_counts_its_lines_and_the_room_lost_at_word_breaks():
    assert line_count("kort", 60) == 1
    assert line_count("x" * 120, 60) == 3  # two full lines of characters, and a tenth more for the breaks
    assert line_count("eerste regel\ntweede regel", 60) == 2


def test_the_ink_reads_on_its_fill():
    assert ink_for("#08519C") == "FFFFFF"
    assert ink_for("#FDAE6B") == "000000"
