"""Dutch or English, from function words."""

from __future__ import annotations

from workbench.nlp.language import detect_language


def test_dutch() -> None:
    assert detect_language("Het is subsidie voor een jaar, en dan moeten we het weer opnieuw aanvragen.") == "nl"


def test_english() -> None:
    assert detect_language("It is a grant for one year, and then we have to apply for it again.") == "en"


def test_no_evidence() -> None:
    assert detect_language("") is None
    assert detect_language("NDW21 HEEM 2024") is None


def test_long_texts_are_sampled_without_cutting_words() -> None:
    text = "antwoord " * 20_000 + "de gemeente en het buurtbedrijf " * 10
    assert detect_language(text) == "nl"
