"""Structure rules, widening and the evaluation's scoring (pure)."""

from __future__ import annotations

import pytest

from workbench.domain.autocode import (
    Hit,
    StructureRule,
    first_per_span,
    looks_like_heading,
    match_counts,
    parse_structure_rule,
    score,
    structure_hits,
    structure_rules_from_settings,
    widen,
)
from workbench.domain.errors import InvalidInput
from workbench.domain.spans import Units

NOTES = "Observaties\n\nDe buurtkamer was vol.\n\nKinderen speelden buiten.\n\nActiepunten\n\nBellen met de gemeente."
TURNS = [(0, 11, None), (13, 35, None), (37, 62, None), (64, 75, None), (77, len(NOTES), None)]


def test_speaker_rules_take_every_turn_of_the_speaker():
    turns = [(0, 10, "Interviewer"), (12, 30, "Respondent"), (32, 40, "interviewer")]
    hits = structure_hits("x" * 40, turns, [(5, StructureRule("speaker", "Interviewer", "Vraag"))])
    assert [(h.start, h.end, h.rule) for h in hits] == [(0, 10, "speaker:Interviewer"), (32, 40, "speaker:Interviewer")]


def test_heading_rules_take_the_paragraphs_up_to_the_next_heading():
    hits = structure_hits(NOTES, TURNS, [(7, StructureRule("heading", "observaties:", "Observatie"))])
    assert [NOTES[h.start:h.end] for h in hits] == ["De buurtkamer was vol.", "Kinderen speelden buiten."]
    assert hits[0].origin == "autocode:heading:observaties:"
    last = structure_hits(NOTES, TURNS, [(8, StructureRule("heading", "Actiepunten", "Actie"))])
    assert [NOTES[h.start:h.end] for h in last] == ["Bellen met de gemeente."]


def test_what_looks_like_a_heading():
    assert looks_like_heading("Observaties")
    assert not looks_like_heading("De buurtkamer was vol.")
    assert not looks_like_heading("twee\nregels")
    assert not looks_like_heading("x" * 81)


def test_structure_rules_are_read_from_text_and_settings():
    assert parse_structure_rule("speaker", "R = Rollen en taken") == StructureRule("speaker", "R", "Rollen en taken")
    with pytest.raises(InvalidInput, match="not SPEAKER=CODE"):
        parse_structure_rule("speaker", "Rollen en taken")
    with pytest.raises(InvalidInput, match="not one of speaker, heading"):
        parse_structure_rule("paragraph", "a=b")
    stored = [{"code": "Rollen", "speaker": "R"}, {"code": "Plek", "heading": "Observaties"}, {"speaker": "x"}, "rubbish"]
    assert structure_rules_from_settings(stored) == [
        StructureRule("speaker", "R", "Rollen"), StructureRule("heading", "Observaties", "Plek"),
    ]
    assert structure_rules_from_settings(None) == []


def test_widen_to_sentence_turn_or_match():
    sentences, turns = Units([(0, 10), (11, 20), (30, 40)]), Units([(0, 20), (30, 40)])
    assert (widen(12, 14, "sentence", sentences, turns).start, widen(12, 14, "sentence", sentences, turns).end) == (11, 20)
    assert widen(5, 14, "sentence", sentences, turns).end == 20
    assert (widen(12, 14, "turn", sentences, turns).start, widen(12, 14, "turn", sentences, turns).end) == (0, 20)
    assert widen(12, 14, "match", sentences, turns).start == 12
    assert widen(22, 25, "sentence", sentences, turns).start == 22  # between units: the match itself
    assert widen(3, 5, "sentence", Units([]), turns).end == 20  # no sentences: the turn


def test_first_per_span_keeps_one_hit_per_code_and_span():
    hits = [Hit(1, 0, 5, "b", 0, 1), Hit(1, 0, 5, "a", 2, 3), Hit(2, 0, 5, "c", 0, 1)]
    assert [h.rule for h in first_per_span(hits)] == ["b", "c"]


def test_origin_fits_the_column():
    assert len(Hit(1, 0, 5, "keyword:" + "x" * 200, 0, 5).origin) == 100


def test_scoring_on_overlap():
    suggested = [(0, 10), (20, 30), (50, 60)]
    applied = [(5, 8), (25, 40), (70, 80), (90, 95)]
    assert match_counts(suggested, applied) == (2, 2)
    result = score(3, 2, 4, 2)
    assert result.precision == pytest.approx(2 / 3) and result.recall == pytest.approx(0.5)
    assert result.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert score(0, 0, 4, 0).precision is None and score(0, 0, 4, 0).f1 is None
    assert score(2, 0, 3, 0).f1 == 0.0
