"""The tokenizer rules shipped as data are the installed spaCy's own."""

from __future__ import annotations

import json

import pytest

from workbench.nlp.tokenizer_rules import RULES_FILE, export_rules, rules_for


def test_shipped_rules_match_the_installed_spacy() -> None:
    pytest.importorskip("spacy")
    shipped = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    current = export_rules()
    assert shipped == current, (
        f"spaCy {current['spacy_version']} tokenizes differently from the rules shipped for spaCy "
        f"{shipped['spacy_version']}; regenerate them with `python -m workbench.nlp.tokenizer_rules`"
    )


@pytest.mark.parametrize(
    ("chunk", "tokens"),
    [
        ("niet.", ["niet", "."]),
        ("m.b.t.", ["m.b.t."]),
        ("J.", ["J."]),
        ("HEEM.", ["HEEM", "."]),
        ('zei."', ["zei", ".", '"']),
        ("zei.Dan", ["zei", ".", "Dan"]),
        ("wat?!", ["wat", "?", "!"]),
        ("zei...", ["zei", "..."]),
        ("www.heem.nl.", ["www.heem.nl", "."]),
        ("(bijlage).", ["(", "bijlage", ")", "."]),
        ("Nee!St.", ["Nee", "!", "St."]),
    ],
)
def test_dutch_tokens(chunk: str, tokens: list[str]) -> None:
    assert rules_for("nl").tokens(chunk) == tokens


def test_unknown_languages_use_the_dutch_rules() -> None:
    assert rules_for("de") is rules_for("nl")
