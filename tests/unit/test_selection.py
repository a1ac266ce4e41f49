"""Selection moves by sentence, word and turn."""

from workbench.domain.selection import Selection
from workbench.domain.spans import Span

TEXT = "Goedemorgen. Fijn dat u er bent.\n\nGraag gedaan. Zullen we beginnen?"
#       0           12 13                32  34            47 48            65
SENTENCES = [(0, 12), (13, 32), (34, 47), (48, 65)]
TURNS = [(0, 32), (34, 65)]


def sel() -> Selection:
    return Selection(TEXT, SENTENCES, TURNS)


def test_sentence_steps_and_bounds():
    s = sel()
    assert s.first() == Span(0, 12)
    assert s.next_sentence(Span(0, 12)) == Span(13, 32)
    assert s.next_sentence(Span(13, 32)) == Span(34, 47)
    assert s.next_sentence(Span(48, 65)) == Span(48, 65)
    assert s.previous_sentence(Span(34, 47)) == Span(13, 32)
    assert s.previous_sentence(Span(0, 12)) == Span(0, 12)


def test_extend_by_sentences_across_turns():
    s = sel()
    assert s.extend_down(Span(13, 32)) == Span(13, 47)
    assert s.extend_up(Span(34, 47)) == Span(13, 47)


def test_word_moves_of_each_end():
    s = sel()
    assert s.end_word_left(Span(13, 32)) == Span(13, 26)  # drops "bent."
    assert s.end_word_right(Span(13, 26)) == Span(13, 31)
    assert s.start_word_right(Span(13, 32)) == Span(18, 32)  # drops "Fijn"
    assert s.start_word_left(Span(18, 32)) == Span(13, 32)
    assert s.end_word_left(Span(13, 17)) == Span(13, 17)  # keeps the last word


def test_turn_of_the_selection():
    assert sel().turn(Span(40, 44)) == Span(34, 65)


def test_the_sentence_at_an_offset():
    s = sel()
    assert s.sentence_at(13) == Span(13, 32)
    assert s.sentence_at(20) == Span(13, 32)
    assert s.sentence_at(33) == Span(34, 47)  # between turns: the next sentence
