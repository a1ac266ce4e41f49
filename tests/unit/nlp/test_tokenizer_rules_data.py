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


def test_another_spacy_version_gets_its_own_rules_once(monkeypatch, tmp_path) -> None:
    pytest.importorskip("spacy")
    from workbench.nlp import tokenizer_rules

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(tokenizer_rules, "installed_spacy", lambda: "3.7.99")
    exported = []
    real_export = tokenizer_rules.export_rules
    monkeypatch.setattr(tokenizer_rules, "export_rules", lambda: exported.append(1) or real_export())
    first = tokenizer_rules._load.__wrapped__()  # past the process-wide cache
    assert exported == [1] and first == real_export()
    assert tokenizer_rules.cache_file("3.7.99").is_file()
    assert tokenizer_rules._load.__wrapped__() == first and exported == [1]  # read from the cache the second time
