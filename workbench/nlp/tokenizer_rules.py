"""spaCy's blank-pipeline tokenizer rules (nl, en) kept as data, so sentences can be split without loading spaCy.

The rules live in `data/tokenizer_rules.json`; `python -m workbench.nlp.tokenizer_rules` regenerates that file
from the installed spaCy, and a test checks that it still matches. Where another spaCy version is installed
than the one the file was made with, its rules are read from that spaCy once and kept in the user's cache, so
sentences are always split as the installed spaCy splits them.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

RULES_FILE = Path(__file__).with_name("data") / "tokenizer_rules.json"
LANGUAGES = ("nl", "en")


@dataclass(frozen=True)
class TokenizerRules:
    """The affix patterns, special cases and sentence punctuation spaCy uses for one language."""

    prefix: re.Pattern[str]
    suffix: re.Pattern[str]
    infix: re.Pattern[str]
    url: re.Pattern[str] | None
    specials: Mapping[str, tuple[str, ...]]
    merges: Mapping[tuple[str, ...], str]  # tokens that spaCy's special-case matcher joins back into one special
    longest_merge: int
    punct_chars: frozenset[str]  # the sentencizer's sentence-final characters
    lower: re.Pattern[str]
    upper: re.Pattern[str]
    final_char: re.Pattern[str]
    final_char_bmp: re.Pattern[str]  # the same without characters beyond U+FFFF, which make a class ten times slower

    def tokens(self, chunk: str) -> list[str]:
        """Split one whitespace-free chunk into tokens as spaCy's `Tokenizer` does: special cases, prefixes,
        suffixes, URLs and infixes, then its matcher that re-joins split pieces of a special case."""
        specials = self.specials
        if chunk in specials:
            return list(specials[chunk])
        tokens = self._affix_tokens(chunk)
        return self._merge_specials(tokens) if self.merges and len(tokens) > 1 else tokens

    def _affix_tokens(self, chunk: str) -> list[str]:
        specials = self.specials
        prefixes: list[str] = []
        suffixes: list[str] = []
        string = chunk
        last_size = 0
        while string and len(string) != last_size:
            if string in specials:
                break
            last_size = len(string)
            match = self.prefix.search(string)
            pre_len = match.end() - match.start() if match else 0
            if pre_len and string[pre_len:] in specials:
                prefixes.append(string[:pre_len])
                string = string[pre_len:]
                break
            match = self.suffix.search(string[pre_len:])
            suf_len = match.end() - match.start() if match else 0
            if suf_len and string[:-suf_len] in specials:
                suffixes.append(string[-suf_len:])
                string = string[:-suf_len]
                break
            if pre_len and suf_len and pre_len + suf_len <= len(string):
                prefixes.append(string[:pre_len])
                suffixes.append(string[-suf_len:])
                string = string[pre_len:-suf_len]
            elif pre_len:
                prefixes.append(string[:pre_len])
                string = string[pre_len:]
            elif suf_len:
                suffixes.append(string[-suf_len:])
                string = string[:-suf_len]
        return prefixes + self._middle(string) + suffixes[::-1]

    def _merge_specials(self, tokens: list[str]) -> list[str]:
        """Join runs of tokens that spell a special case, longest and then leftmost first, as spaCy does."""
        found = [
            (end - start, start, end)
            for start in range(len(tokens) - 1)
            for end in range(start + 2, min(len(tokens), start + self.longest_merge) + 1)
            if tuple(tokens[start:end]) in self.merges
        ]
        if not found:
            return tokens
        found.sort(key=lambda item: (-item[0], item[1]))
        seen: set[int] = set()
        kept: dict[int, int] = {}
        for _, start, end in found:
            if start not in seen and end - 1 not in seen:
                kept[start] = end
            seen.update(range(start, end))
        merged: list[str] = []
        index = 0
        while index < len(tokens):
            if index in kept:
                merged.extend(self.specials[self.merges[tuple(tokens[index : kept[index]])]])
                index = kept[index]
            else:
                merged.append(tokens[index])
                index += 1
        return merged

    def _middle(self, string: str) -> list[str]:
        """Tokens of what is left after the affixes: a special case, a URL, or pieces between infixes."""
        if not string:
            return []
        if string in self.specials:
            return list(self.specials[string])
        if self.url is not None and self.url.match(string):
            return [string]
        pieces: list[str] = []
        start = 0
        for match in self.infix.finditer(string):
            infix_start, infix_end = match.span()
            if infix_start == 0:
                continue
            if infix_start != start:
                pieces.append(string[start:infix_start])
            if infix_start != infix_end:
                pieces.append(string[infix_start:infix_end])
            start = infix_end
        if string[start:]:
            pieces.append(string[start:])
        return pieces


def is_punct(token: str) -> bool:
    """spaCy's `is_punct`: every character is Unicode punctuation."""
    return all(unicodedata.category(char).startswith("P") for char in token)


def rules_for(language: str) -> TokenizerRules:
    """The compiled rules for `language` (`nl` or `en`; anything else gets the Dutch rules)."""
    return _compiled(language if language in LANGUAGES else "nl")


@lru_cache(maxsize=None)
def _compiled(language: str) -> TokenizerRules:
    return _compile(_load()[language])


def _compile(data: Mapping[str, Any], with_specials: bool = True) -> TokenizerRules:
    marks = "".join(re.escape(char) for char in data["punct_chars"])
    return TokenizerRules(
        prefix=re.compile(data["prefix"]),
        suffix=re.compile(data["suffix"]),
        infix=re.compile(data["infix"]),
        url=re.compile(data["url"]) if data["url"] else None,
        specials={key: tuple(pieces) for key, pieces in data["specials"].items()} if with_specials else {},
        merges={tuple(pieces): key for key, pieces in data["merges"].items()} if with_specials else {},
        longest_merge=max((len(pieces) for pieces in data["merges"].values()), default=0) if with_specials else 0,
        punct_chars=frozenset(data["punct_chars"]),
        lower=re.compile(f"[{data['alpha_lower']}0-9]"),
        upper=re.compile(f"[{data['alpha_upper']}]"),
        final_char=re.compile(f"[{marks}]"),
        final_char_bmp=re.compile(f"[{''.join(re.escape(char) for char in data['punct_chars'] if ord(char) <= 0xFFFF)}]"),
    )


@lru_cache(maxsize=1)
def _load() -> dict[str, Any]:
    """The shipped rules when they were made with the installed spaCy; else that spaCy's own, cached."""
    with RULES_FILE.open(encoding="utf-8") as stream:
        shipped: dict[str, Any] = json.load(stream)
    installed = installed_spacy()
    if installed is None or shipped["spacy_version"] == installed:
        return shipped
    cached = cache_file(installed)
    try:
        return json.loads(cached.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    exported = export_rules()
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".partial")
        partial.write_text(json.dumps(exported), encoding="utf-8")
        partial.replace(cached)  # whole or not at all, even with two imports starting at once
    except OSError:
        pass  # a read-only home: the rules are read from spaCy again next time
    return exported


def installed_spacy() -> str | None:
    """The installed spaCy's version, read from its package metadata (spaCy itself is not imported)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("spacy")
    except PackageNotFoundError:
        return None


def cache_file(spacy_version: str) -> Path:
    """Where the rules read from a spaCy version are kept."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "workbench" / f"tokenizer-rules-spacy-{spacy_version}.json"


def export_rules() -> dict[str, Any]:
    """Read the rules from the installed spaCy (imported here, on purpose, and only here)."""
    import spacy
    from spacy.attrs import ORTH
    from spacy.lang.char_classes import ALPHA_LOWER, ALPHA_UPPER
    from spacy.pipeline.sentencizer import Sentencizer
    from spacy.tokenizer import Tokenizer

    exported: dict[str, Any] = {"spacy_version": spacy.__version__}
    for language in LANGUAGES:
        tokenizer: Tokenizer = spacy.blank(language).tokenizer
        if tokenizer.token_match is not None:
            raise RuntimeError(f"spaCy's {language} tokenizer now has a token_match; teach TokenizerRules about it")
        exported[language] = {
            "prefix": tokenizer.prefix_search.__self__.pattern,
            "suffix": tokenizer.suffix_search.__self__.pattern,
            "infix": tokenizer.infix_finditer.__self__.pattern,
            "url": tokenizer.url_match.__self__.pattern if tokenizer.url_match else None,
            "specials": {key: [piece[ORTH] for piece in pieces] for key, pieces in sorted(tokenizer.rules.items())},
            "punct_chars": sorted(Sentencizer.default_punct_chars),
            "alpha_lower": ALPHA_LOWER,
            "alpha_upper": ALPHA_UPPER,
            "merges": {},
        }
        exported[language]["merges"] = _special_merges(exported[language])
    return exported


def _special_merges(data: Mapping[str, Any]) -> dict[str, list[str]]:
    """For each special case that affixes would split, the tokens it splits into (what spaCy's matcher looks for)."""
    plain = _compile(data, with_specials=False)
    merges = {}
    for key in data["specials"]:
        pieces = plain.tokens(key)
        if len(pieces) > 1:
            merges[key] = pieces
    return merges


if __name__ == "__main__":
    RULES_FILE.parent.mkdir(exist_ok=True)
    RULES_FILE.write_text(json.dumps(export_rules(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {RULES_FILE}")
