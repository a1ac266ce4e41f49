"""WebVTT and SubRip transcripts: Teams (`<v Name>`), Zoom (`Name: text`), Amberscript and Whisper cues."""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import srt
import webvtt

from workbench.domain.transcripts import TurnSpan
from workbench.importers.failures import import_failed
from workbench.importers.speakers import accepted_labels, split_label
from workbench.importers.turns import Cue, turns_from_cues

_VTT_TIME = r"(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}"
_VTT_TIMING = re.compile(rf"{_VTT_TIME}[ \t]+-->[ \t]+{_VTT_TIME}(?:[ \t]+.*)?")
_VOICE = re.compile(r"<v(?:\.[^\s>]+)*[ \t]+([^>]*)>")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>|<\d[^>]*>")

Parsed = tuple[str, str, tuple[TurnSpan, ...]]  # format id, text, turns


def read_vtt(text: str, path: Path, extra_patterns: Sequence[re.Pattern[str]] = ()) -> Parsed:
    """Read a WebVTT file (text already normalised); the speaker comes from voice tags or `Name:` prefixes."""
    if not text.lstrip().startswith("WEBVTT"):
        raise import_failed(path, "is not a WebVTT file: it does not start with 'WEBVTT'", "check the file")
    _check_vtt_timings(text, path)
    try:
        captions = webvtt.from_string(text, strict=True).captions
    except (webvtt.errors.MalformedFileError, webvtt.errors.MalformedCaptionError) as error:
        raise import_failed(path, f"is not a valid WebVTT file ({error})", "export it again") from None
    cues: list[Cue] = []
    voiced = False
    for caption in captions:
        start, end = caption.start_time.in_milliseconds() / 1000, caption.end_time.in_milliseconds() / 1000
        pieces = _voices(caption.raw_text)
        voiced = voiced or any(name is not None for name, _ in pieces)
        cues.extend(Cue(start, end, name, content) for name, content in pieces)
    if voiced:
        return ("vtt-teams", *_laid_out(cues, path))
    cues, labelled = _labelled(cues, extra_patterns)
    return ("vtt-zoom" if labelled else "vtt", *_laid_out(cues, path))


def read_srt(text: str, path: Path, extra_patterns: Sequence[re.Pattern[str]] = ()) -> Parsed:
    """Read a SubRip file (text already normalised); `SPEAKER_00:` or `Name:` prefixes give the speaker."""
    try:
        subtitles = list(srt.parse(text, ignore_errors=False))
    except srt.SRTParseError as error:
        raise import_failed(path, *_srt_problem(text, error.expected_start)) from None
    cues = [
        Cue(item.start.total_seconds(), item.end.total_seconds(), None, html.unescape(_TAG.sub("", item.content)))
        for item in subtitles
    ]
    cues, _ = _labelled(cues, extra_patterns)
    return ("srt", *_laid_out(cues, path))


def _check_vtt_timings(text: str, path: Path) -> None:
    """Every cue block needs a valid timing line as its first or second line; name the first bad one."""
    lines = text.split("\n")
    index = next((i for i, line in enumerate(lines) if not line.strip()), len(lines))  # past the header
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        start = index
        while index < len(lines) and lines[index].strip():
            index += 1
        block = [line.strip() for line in lines[start:index]]
        if block[0].startswith(("NOTE", "STYLE", "REGION")):
            continue
        timing = next((i for i, line in enumerate(block) if "-->" in line), None)
        if timing is not None and timing <= 1 and _VTT_TIMING.fullmatch(block[timing]):
            continue
        bad = timing if timing is not None else min(1, len(block) - 1)
        raise import_failed(
            path,
            f"has a malformed cue timing on line {start + bad + 1} ({block[bad][:60]!r})",
            "a WebVTT timing line reads '00:01:02.500 --> 00:01:04.000'",
        )


def _srt_problem(text: str, offset: int) -> tuple[str, str]:
    """Describe where SubRip parsing stopped: the line there that should have been a timing line."""
    if not text[offset:].strip():
        return "has no subtitles", "there is nothing to import"
    lines = text[offset:].split("\n")
    index = next((i for i, line in enumerate(lines[:3]) if "-->" in line), 1 if len(lines) > 1 else 0)
    line_number = text.count("\n", 0, offset) + index + 1
    return (
        f"has a malformed subtitle timing on line {line_number} ({lines[index].strip()[:60]!r})",
        "a SubRip timing line reads '00:01:02,500 --> 00:01:04,000'",
    )


def _voices(raw: str) -> list[tuple[str | None, str]]:
    """Split a cue's text by WebVTT voice spans (`<v Jansen, Marieke>`, closed or not) into (speaker, text)."""
    matches = list(_VOICE.finditer(raw))
    if not matches:
        return [(None, _clean(raw))]
    pieces: list[tuple[str | None, str]] = []
    if raw[: matches[0].start()].strip():
        pieces.append((None, _clean(raw[: matches[0].start()])))
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(raw)
        name = html.unescape(match.group(1)).strip().lstrip("@").strip() or None
        pieces.append((name, _clean(raw[match.end() : end])))
    return pieces


def _clean(cue_text: str) -> str:
    return html.unescape(_TAG.sub("", cue_text)).strip()


def _labelled(cues: list[Cue], extra_patterns: Sequence[re.Pattern[str]]) -> tuple[list[Cue], bool]:
    """Give cues the speaker of a `Name: text` prefix, where the document shows such prefixes are speakers."""
    split = [split_label(cue.text.strip(), extra_patterns) for cue in cues]
    found = Counter(label.name for label, _ in split if label is not None)
    forced = {label.name for label, _ in split if label is not None and label.forced}
    speakers = accepted_labels(found, forced, len(cues))
    if not speakers:
        return cues, False
    labelled = [
        Cue(cue.start, cue.end, label.name, rest) if label is not None and label.name in speakers else cue
        for cue, (label, rest) in zip(cues, split)
    ]
    return labelled, True


def _laid_out(cues: list[Cue], path: Path) -> tuple[str, tuple[TurnSpan, ...]]:
    text, turns = turns_from_cues(cues)
    if not turns:
        raise import_failed(path, "has no text in its cues", "there is nothing to import")
    return text, turns
