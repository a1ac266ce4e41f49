"""Sentence spans inside speaker turns, the same ones `spacy.blank(lang)` + `sentencizer` gives, without spaCy.

spaCy's sentencizer starts a new sentence at the first token after a sentence-final punctuation token (`.`,
`!`, `?`, ...) that is itself neither punctuation nor sentence-final. Only the chunks (runs of non-space)
holding such a character, and the chunk after one, need tokenising, so this finds those characters with one
regular expression and tokenises only their chunks, with spaCy's own rules (`tokenizer_rules`).

One difference remains: spaCy's special-case matcher also looks at token runs that span a space, and such a
run can stop an abbreviation in the next chunk from being re-joined (`tja: p.NDW21.`, where `:p` is an
emoticon). Those runs are not reproduced.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from workbench.domain.transcripts import TurnSpan
from workbench.nlp.tokenizer_rules import TokenizerRules, is_punct, rules_for

_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")
_WORD = re.compile(r"[^\W_]+")
_ELLIPSIS = re.compile(r"\.\.+")
_SPACE_RUN = re.compile(r"\s*")
_THROUGH_LAST_SPACE = re.compile(r".*\s", re.DOTALL)
_CHUNK_REST = re.compile(r"\S*")


def split_sentences(text: str, turns: Iterable[TurnSpan], language: str | None = "nl") -> list[tuple[int, int]]:
    """Return `[start, end)` sentence spans in `text`, inside each turn and never across two turns.

    Spans exclude surrounding whitespace and together cover every non-space character of every turn
    (turn spans themselves hold no leading or trailing whitespace).
    """
    rules = rules_for(language or "nl")
    finder = rules.final_char if _BEYOND_BMP.search(text) else rules.final_char_bmp
    spans: list[tuple[int, int]] = []
    for turn in turns:
        # Every sentence starts on a non-space character and ends at the last non-space before the next one.
        start = turn.start
        for next_start in _sentence_starts(text, turn.start, turn.end, rules, finder):
            end = next_start
            while text[end - 1].isspace():
                end -= 1
            spans.append((start, end))
            start = next_start
        spans.append((start, turn.end))
    return spans


def _sentence_starts(
    text: str, start: int, end: int, rules: TokenizerRules, finder: re.Pattern[str]
) -> list[int]:
    """Return the offsets where spaCy's sentencizer would start a new sentence inside `text[start:end]`."""
    starts: list[int] = []
    pos = start  # text before `pos` has been read, or holds no sentence-final character
    for mark in finder.finditer(text, start, end):
        mark_at = mark.start()
        if mark_at < pos:
            continue
        to_space = _THROUGH_LAST_SPACE.match(text, pos, mark_at)
        chunk_start = to_space.end() if to_space is not None else pos
        pos = _CHUNK_REST.match(text, mark_at, end).end()  # type: ignore[union-attr]
        pending = _plain_word_end(text, chunk_start, mark_at, pos, rules)
        if pending is None:
            pending = _scan(text[chunk_start:pos], chunk_start, False, rules, starts)
        while pending:
            # A sentence-final token was seen: the next token that is not punctuation starts a sentence.
            gap_end = _SPACE_RUN.match(text, pos, end).end()  # type: ignore[union-attr]
            if gap_end >= end:
                break
            after = text[gap_end]
            if gap_end - pos != 1 or text[pos] != " " or after.isalnum() or not is_punct(after):
                # Whitespace other than one plain space is a token of its own; either way a sentence starts.
                starts.append(gap_end)
                pos = gap_end  # sentence-final characters in this next chunk are still to be read
                break
            pos = _CHUNK_REST.match(text, gap_end, end).end()  # type: ignore[union-attr]
            pending = _scan(text[gap_end:pos], gap_end, True, rules, starts)
    return starts


def _plain_word_end(text: str, start: int, mark_at: int, end: int, rules: TokenizerRules) -> bool | None:
    """For a chunk that is a plain word and then `.`, `!`, `?` or `...`, tell whether it ends a sentence.

    These are most chunks with a sentence-final character; None means the chunk needs the full rules.
    """
    if mark_at == start or _WORD.fullmatch(text, start, mark_at) is None or text[start:end] in rules.specials:
        return None
    stop = text[mark_at:end]
    if stop in ("!", "?"):
        return True
    if stop != ".":
        # spaCy makes `...` one token, which does not end a sentence.
        return False if _ELLIPSIS.fullmatch(stop) else None
    last = text[mark_at - 1]
    if rules.lower.fullmatch(last):
        return True
    if rules.upper.fullmatch(last):
        # After a capital, spaCy splits the period off only when another capital precedes it (`HEEM.`, not `J.`).
        return mark_at - start > 1 and rules.upper.fullmatch(text[mark_at - 2]) is not None
    return None


def _scan(chunk: str, offset: int, pending: bool, rules: TokenizerRules, starts: list[int]) -> bool:
    """Run the sentencizer over one chunk's tokens, adding sentence starts; return whether one is pending."""
    for token in rules.tokens(chunk):
        if token in rules.punct_chars:
            pending = True
        elif pending and not is_punct(token):
            pending = False
            starts.append(offset)
        offset += len(token)
    return pending
