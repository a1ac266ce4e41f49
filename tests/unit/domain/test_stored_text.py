"""The stored-text rule: NFC, `\n` line endings, no BOM, NUL or control characters; hashes and word counts."""

from __future__ import annotations

import hashlib
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from workbench.domain.text import count_words, is_normalised, normalise_text, text_sha256


def test_line_endings_become_newlines() -> None:
    assert normalise_text("a\r\nb\rc\u2028d\u2029e\x0bf\x0cg\x85h") == "a\nb\nc\nd\ne\nf\ng\nh"


def test_bom_nul_and_controls_are_removed_tabs_kept() -> None:
    assert normalise_text("\ufeffI:\tja\x00 nee\x07\x1b") == "I:\tja nee"


def test_nfc() -> None:
    decomposed = "cafe\u0301 coo\u0308rdinatie"
    assert normalise_text(decomposed) == "café coördinatie"
    assert unicodedata.is_normalized("NFC", normalise_text(decomposed))


@given(st.text())
def test_normalising_is_idempotent_and_checkable(raw: str) -> None:
    text = normalise_text(raw)
    assert normalise_text(text) == text
    assert is_normalised(text)


def test_sha256_of_utf8() -> None:
    assert text_sha256("één") == hashlib.sha256("één".encode()).hexdigest()


def test_word_count() -> None:
    assert count_words("Zo'n co-ouder zei: “Ja, 12 keer!” — en ’t klopte.") == 9
    assert count_words("  \n ") == 0
