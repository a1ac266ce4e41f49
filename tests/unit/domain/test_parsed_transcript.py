"""A parsed transcript checks its own invariants."""

from __future__ import annotations

import pytest

from workbench.domain.transcripts import ParsedTranscript, TurnSpan

TEXT = "Hoe gaat het?\n\nGoed."


def transcript(turns: tuple[TurnSpan, ...], text: str = TEXT, format_id: str = "txt") -> ParsedTranscript:
    return ParsedTranscript("t", format_id, text, turns, {"date": "2024-11-12"}, "nl")


def test_speakers_in_order_and_renaming() -> None:
    parsed = transcript((TurnSpan(0, 13, "I", 1.0, None), TurnSpan(15, 20, "R", None, 9.5)))
    assert parsed.speakers == ("I", "R")
    renamed = parsed.with_speaker_names({"i": "Interviewer"})
    assert renamed.speakers == ("Interviewer", "R")
    assert renamed.turns[0].t_start == 1.0 and renamed.text == TEXT


@pytest.mark.parametrize(
    "turns",
    [
        (TurnSpan(0, 0, "I", None, None),),
        (TurnSpan(0, 21, "I", None, None),),
        (TurnSpan(15, 20, "R", None, None), TurnSpan(0, 13, "I", None, None)),
        (TurnSpan(0, 16, "I", None, None), TurnSpan(15, 20, "R", None, None)),
    ],
)
def test_bad_spans_are_refused(turns: tuple[TurnSpan, ...]) -> None:
    with pytest.raises(ValueError):
        transcript(turns)


def test_text_must_be_normalised_and_format_known() -> None:
    with pytest.raises(ValueError, match="normalised"):
        transcript((TurnSpan(0, 2, None, None, None),), text="a\r\nb")
    with pytest.raises(ValueError, match="format"):
        transcript((TurnSpan(0, 13, None, None, None),), format_id="doc")


def test_metadata_is_read_only() -> None:
    parsed = transcript((TurnSpan(0, 13, "I", None, None),))
    with pytest.raises(TypeError):
        parsed.metadata["date"] = "x"  # type: ignore[index]
