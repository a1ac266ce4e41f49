"""Typed transcripts, paragraph by paragraph: header fields, speaker labels, timestamps, then turns.

Shared by plain text, Markdown, Word, OpenDocument, RTF and PDF. A paragraph without a label continues the
previous speaker; consecutive paragraphs of one speaker are one turn. Without any speaker, a blank line
starts a new turn, so field notes keep their paragraphs as turns.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from workbench.domain.transcripts import TurnSpan
from workbench.importers.metadata import header_field
from workbench.importers.speakers import Label, accepted_labels, split_label
from workbench.importers.timestamps import Stamp, leading_stamp, trailing_stamp, without_inner_stamps
from workbench.importers.turns import TurnAssembler

_TITLE_SHAPE = re.compile(r"[^\n]{3,100}(?<![.!?:;,])")


@dataclass(frozen=True)
class ParagraphDocument:
    """The text and turns read from paragraphs, with the title and fields found in the header."""

    title: str | None
    text: str
    turns: tuple[TurnSpan, ...]
    metadata: Mapping[str, str]
    stamp_lines: int  # lines holding nothing but a timestamp (Amberscript puts one above each turn)


@dataclass(frozen=True, slots=True)
class _Line:
    raw: str  # the line without its leading timestamp, for when its label turns out not to name a speaker
    stamp: Stamp | None
    label: Label | None
    body: str
    end: float | None


def read_paragraphs(
    lines: Sequence[str],
    *,
    headings: Collection[int] = (),
    title: str | None = None,
    metadata: Mapping[str, str] | None = None,
    extra_patterns: Sequence[re.Pattern[str]] = (),
) -> ParagraphDocument:
    """Turn lines (one paragraph each; `""` for a blank line) into text and turns.

    `headings` holds the indices of heading lines: the first one before any content becomes the title (unless
    `title` is given); later ones stand as turns of their own.
    """
    fields = dict(metadata or {})
    first, title = _read_header(lines, headings, title, fields)
    parsed: list[_Line | str | None] = []  # a parsed line, a heading's text, or None for a blank line
    found: Counter[str] = Counter()
    forced: set[str] = set()
    bracket_only: set[str] = set()
    paragraphs = stamp_lines = 0
    for index in range(first, len(lines)):
        text = lines[index].strip()
        if not text:
            parsed.append(None)
        elif index in headings:
            parsed.append(text)
        else:
            line = _parse_line(text, extra_patterns)
            parsed.append(line)
            if line.label is not None:
                found[line.label.name] += 1
                if line.label.forced:
                    forced.add(line.label.name)
                if line.label.bracket_only:
                    bracket_only.add(line.label.name)
            if line.label is None and not line.body and line.stamp is not None:
                stamp_lines += 1
            else:
                paragraphs += 1
    speakers = accepted_labels(found, forced, paragraphs)
    speakers -= {name for name in bracket_only if found[name] < 2}
    text, turns = _assemble(parsed, speakers)
    return ParagraphDocument(title, text, turns, fields, stamp_lines)


def _read_header(
    lines: Sequence[str], headings: Collection[int], title: str | None, fields: dict[str, str]
) -> tuple[int, str | None]:
    """Read the title and header fields at the top; return where the content starts, and the title."""
    index = 0
    seen_field = False
    while index < len(lines):
        text = lines[index].strip()
        field = header_field(text) if text else None
        if not text:
            pass
        elif field is not None:
            name, value = field
            if name == "title":
                title = title or value
            else:
                fields.setdefault(name, value)
            seen_field = True
        elif index in headings and text == title:
            pass  # the Markdown front matter's title, repeated as the first heading
        elif title is None and not seen_field and (index in headings or _title_above_fields(lines, index)):
            title = text
        else:
            break
        index += 1
    return index, title


def _title_above_fields(lines: Sequence[str], index: int) -> bool:
    """A short first line with header fields right below it is the title (`Interview gemeente` / `Datum: ...`)."""
    if not _TITLE_SHAPE.fullmatch(lines[index].strip()) or split_label(lines[index].strip())[0] is not None:
        return False
    following = (line.strip() for line in lines[index + 1 : index + 4])
    return any(header_field(line) is not None for line in following if line)


def _parse_line(text: str, extra_patterns: Sequence[re.Pattern[str]]) -> _Line:
    stamp, rest = leading_stamp(text)
    label, body = split_label(rest, extra_patterns)
    if _said_not_stamped(stamp, body if label is None else ""):
        stamp, rest, body = None, text, text
    if label is not None and stamp is None:
        stamp, after = leading_stamp(body)  # `I: [00:12:34] ...`
        if _said_not_stamped(stamp, after):
            stamp = None
        else:
            body = after
    end, body = trailing_stamp(body)
    end_time = (end.end if end.end is not None else end.start) if end else None
    return _Line(rest, stamp, label, without_inner_stamps(body), end_time)


def _said_not_stamped(stamp: Stamp | None, text_after: str) -> bool:
    """`12:30 begon de vergadering`: a bare minutes:seconds time counts only before a label or on its own."""
    return stamp is not None and stamp.bare and not stamp.with_hours and bool(text_after)


def _unlabelled(raw: str) -> str:
    """The text of a line whose label names no speaker (`Let op: ...`): all of it but the timestamps."""
    return without_inner_stamps(trailing_stamp(raw)[1])


def _assemble(parsed: Sequence[_Line | str | None], speakers: set[str]) -> tuple[str, tuple[TurnSpan, ...]]:
    assembler = TurnAssembler()
    waiting: Stamp | None = None  # a timestamp on a line of its own, for the paragraph below it
    blank_before = False
    for line in parsed:
        if line is None:
            blank_before = True
            continue
        if isinstance(line, str):
            assembler.open(None)
            assembler.add(line)
            assembler.close()
            blank_before = False
            continue
        label = line.label if line.label is not None and line.label.name in speakers else None
        stamp = line.stamp or (label.stamp if label else None) or waiting
        body = line.body if label is not None or line.label is None else _unlabelled(line.raw)
        if label is None and not body:
            if line.stamp is not None:
                waiting = line.stamp
            continue
        waiting = None
        start = stamp.start if stamp else None
        end = line.end if line.end is not None else (stamp.end if stamp else None)
        # A paragraph with a time of its own starts a turn, of the same speaker if need be, so that it keeps it.
        if label is not None:
            if not (assembler.is_open and assembler.speaker == label.name) or start is not None:
                assembler.open(label.name, start)
        elif not assembler.is_open or start is not None or (assembler.speaker is None and blank_before):
            assembler.open(assembler.speaker if assembler.is_open else None, start)
        assembler.add(body, start, end)
        blank_before = False
    return assembler.result()
