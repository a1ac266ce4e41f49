"""Re-anchoring spans in a corrected text: exact, fuzzy, by turn, and to review rather than guessed."""

from __future__ import annotations

import random

import pytest

from workbench.domain import reanchoring
from workbench.domain.reanchoring import KEPT, MOVED, REVIEW, ReanchorTally, TurnShape, reanchor

OLD = ("Hoe begon het?\n\nWe begonnen in een tijdelijke woning. De gemeente gaf ons een jaar subsidie.\n\n"
       "En het vertrouwen?\n\nHet vertrouwen zit in personen, niet in organisaties.\n\nJa.\n\nJa.")


def _span(text: str, words: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def _turns(text: str) -> list[TurnShape]:
    turns, start = [], 0
    for index, part in enumerate(text.split("\n\n")):
        turns.append(TurnShape(start, start + len(part), "I" if index % 2 == 0 else "R"))
        start += len(part) + 2
    return turns


def test_unchanged_words_are_kept_where_the_text_moved():
    new = "Een ingevoegde zin vooraf.\n\n" + OLD
    spans = [(1, *_span(OLD, "De gemeente gaf ons een jaar subsidie.")), (2, *_span(OLD, "Ja.", 1))]
    placements = reanchor(OLD, new, spans)
    assert [p.outcome for p in placements] == [KEPT, KEPT]
    assert (placements[0].start, placements[0].end) == _span(new, "De gemeente gaf ons een jaar subsidie.")
    # Of the two identical turns, the second stays the second.
    assert (placements[1].start, placements[1].end) == _span(new, "Ja.", 1)


def test_corrected_words_move_with_their_coding_and_whitespace_does_not_count():
    new = OLD.replace("tijdelijke woning", "tijdelijke woonunit").replace("personen, niet", "personen,\nniet")
    spans = [(1, *_span(OLD, "We begonnen in een tijdelijke woning.")),
             (2, *_span(OLD, "Het vertrouwen zit in personen, niet in organisaties."))]
    first, second = reanchor(OLD, new, spans)
    assert first.outcome == MOVED and first.method == "fuzzy"
    assert new[first.start : first.end] == "We begonnen in een tijdelijke woonunit."
    assert second.outcome == KEPT and new[second.start : second.end] == "Het vertrouwen zit in personen,\nniet in organisaties."


def test_words_that_are_gone_go_to_review_with_a_suggestion_never_a_guess():
    new = OLD.replace("De gemeente gaf ons een jaar subsidie.", "Daarna kwam de rest.")
    (placement,) = reanchor(OLD, new, [(1, *_span(OLD, "De gemeente gaf ons een jaar subsidie."))])
    assert placement.outcome == REVIEW and placement.reason
    assert placement.start is not None and 0 <= placement.start < placement.end <= len(new)


def test_a_whole_turn_follows_its_turn_when_speaker_and_most_words_agree():
    rewritten = OLD.replace("Het vertrouwen zit in personen, niet in organisaties.",
                            "Het vertrouwen zit echt in de personen, niet zozeer in organisaties.")
    old_turn = _turns(OLD)[3]
    (placement,) = reanchor(OLD, rewritten, [(1, old_turn.start, old_turn.end)], _turns(OLD), _turns(rewritten))
    assert placement.outcome == MOVED and placement.method in ("fuzzy", "turn")
    assert rewritten[placement.start : placement.end].startswith("Het vertrouwen zit echt")


def test_long_texts_are_aligned_in_parts_with_the_same_result(monkeypatch):
    rng = random.Random(4)
    words = [f"woord{rng.randrange(4000)}" for _ in range(3000)]
    old = " ".join(words)
    new_words = list(words)
    del new_words[1000:1010]
    new_words[2000] = "verbeterd"
    new = "Nieuw begin. " + " ".join(new_words)
    spans = [(i, *_span(old, " ".join(words[i * 50 : i * 50 + 5]))) for i in range(59)]
    direct = reanchor(old, new, spans)
    monkeypatch.setattr(reanchoring, "_DIRECT", 100)  # force the anchored alignment
    anchored = reanchor(old, new, spans)
    assert [(p.outcome, p.start) for p in anchored] == [(p.outcome, p.start) for p in direct]
    assert sum(p.outcome == KEPT for p in anchored) >= 55


@pytest.mark.parametrize("outcomes, line", [
    ([KEPT, KEPT, MOVED, REVIEW], "2 kept exactly, 1 moved, 1 to review, 0 lost"),
    ([], "0 kept exactly, 0 moved, 0 to review, 0 lost"),
])
def test_the_figures_are_one_sentence(outcomes, line):
    placements = [reanchoring.Placement(i, o, 0, 1, "exact", 100.0) for i, o in enumerate(outcomes)]
    assert ReanchorTally.of(placements).line == line
