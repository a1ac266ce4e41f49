"""Rules for a document's stored text: one normalisation at import, a content hash, word counts."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Line separators other than "\n" that editors, PDFs and Word exports leave in text.
_LINE_BREAKS = re.compile(r"[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# Characters that carry no text: NUL and other C0/C1 controls (tab and newline kept), BOM / zero-width no-break space.
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufeff]")
# Either of the above, so text that has none (the usual case) is scanned once.
_SPECIAL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
# A run of punctuation standing alone between spaces (` – `, ` ... `), which is no word.
_LONE_PUNCTUATION = re.compile(r"\s[^\w\s]+(?=\s)")


def normalise_text(raw: str) -> str:
    """Return `raw` in the stored form: NFC, `\\n` line endings, no BOM, NUL or other control characters.

    Normalising an already normalised text returns it unchanged, so the rule can be checked by re-applying it.
    """
    text = raw
    if _SPECIAL.search(text):
        text = _INVISIBLE.sub("", _LINE_BREAKS.sub("\n", text.replace("\r\n", "\n")))
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def is_normalised(text: str) -> bool:
    """Tell whether `text` already follows the stored-text rule."""
    return _SPECIAL.search(text) is None and unicodedata.is_normalized("NFC", text)


def text_sha256(text: str) -> str:
    """Return the hex SHA-256 of the text's UTF-8 bytes, the identity used to skip repeated imports."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def count_words(text: str) -> int:
    """Count words as a word processor does: whitespace-separated pieces (`zo'n`, `co-ouder` are one word),
    leaving out pieces that hold only punctuation (` – `)."""
    return len(text.split()) - len(_LONE_PUNCTUATION.findall(f" {text} "))
