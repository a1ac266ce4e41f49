"""Positions written by other programs, mapped to stored offsets: code points, CRLF once, UTF-16 units."""

from __future__ import annotations

from workbench.domain.refi_positions import (
    CODE_POINTS,
    CRLF_AS_ONE,
    UTF16_UNITS,
    PositionMap,
    preferred_model,
    quote_matches,
)

RAW = "\ufeffEen cafe\u0301.\r\nTwee 😊 drie.\r\nVier."


def _utf16(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


def test_the_stored_text_is_normalised():
    positions = PositionMap.of(RAW)
    assert positions.text == "Een café.\nTwee 😊 drie.\nVier."


def test_code_points_over_the_raw_text():
    raw = RAW[1:]
    positions = PositionMap.of(RAW)
    start = raw.index("drie")
    assert positions.text[slice(*positions.span(start, start + 4, CODE_POINTS))] == "drie"
    start = raw.index("café") if "café" in raw else raw.index("cafe")
    assert positions.text[slice(*positions.span(start, start + 5, CODE_POINTS))] == "café"


def test_utf16_units_count_emoji_twice_and_crlf_as_two():
    raw = RAW[1:]
    positions = PositionMap.of(RAW)
    start = raw.index("drie")
    span = positions.span(_utf16(raw, start), _utf16(raw, start + 4), UTF16_UNITS)
    assert positions.text[slice(*span)] == "drie"
    emoji = raw.index("😊")
    assert positions.span(_utf16(raw, emoji) + 1, _utf16(raw, emoji) + 2, UTF16_UNITS) is None


def test_crlf_counted_once():
    raw = RAW[1:]
    collapsed = raw.replace("\r\n", "\n")
    positions = PositionMap.of(RAW)
    start = collapsed.index("Vier")
    assert positions.text[slice(*positions.span(start, start + 5, CRLF_AS_ONE))] == "Vier."


def test_spans_outside_the_text_or_empty_are_refused():
    positions = PositionMap.of("kort")
    assert positions.span(2, 99, CODE_POINTS) is None
    assert positions.span(3, 3, CODE_POINTS) is None
    assert positions.span(-1, 2, CODE_POINTS) is None


def test_models_by_origin_and_quotes():
    assert preferred_model("NVivo for Windows 12.6") == UTF16_UNITS
    assert preferred_model("ATLAS.ti 9") == CRLF_AS_ONE
    assert preferred_model("QualCoder 3.5") == CODE_POINTS
    text = "Het vertrouwen zit bij personen."
    assert quote_matches(text, (0, len(text)), "Het vertrouwen zit bij…") is True
    assert quote_matches(text, (4, len(text)), "Het vertrouwen zit bij…") is False
    assert quote_matches(text, (0, 3), "Rollen") is None
