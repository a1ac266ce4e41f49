"""Whisper and WhisperX output: `.json` (segments with start, end, text and, from WhisperX, speaker) and `.tsv`."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from workbench.domain.transcripts import TurnSpan
from workbench.importers.failures import import_failed
from workbench.importers.turns import Cue, turns_from_cues


def looks_like_whisper(data: Any) -> bool:
    """Whisper JSON is an object with a `segments` list (or just that list) of objects holding `text`."""
    segments = data.get("segments") if isinstance(data, Mapping) else data
    return (
        isinstance(segments, list)
        and bool(segments)
        and all(isinstance(segment, Mapping) and "text" in segment for segment in segments[:5])
    )


def read_whisper_json(data: Any, path: Path) -> tuple[str, tuple[TurnSpan, ...], str | None]:
    """Turn parsed Whisper / WhisperX JSON into text and turns; also return the language it names, if any."""
    segments = data.get("segments") if isinstance(data, Mapping) else data
    if not isinstance(segments, list):
        raise import_failed(path, "has no list of segments", "Whisper JSON holds {\"segments\": [...]}")
    cues = []
    for number, segment in enumerate(segments, start=1):
        if not isinstance(segment, Mapping):
            raise import_failed(path, f"has a segment that is not an object (segment {number})", "export it again")
        start, end = _seconds(segment.get("start")), _seconds(segment.get("end"))
        text = segment.get("text")
        speaker = segment.get("speaker")
        if start is None or end is None or not isinstance(text, str):
            raise import_failed(
                path,
                f"has a segment without a numeric start, end or text (segment {number})",
                "Whisper segments read like {\"start\": 1.5, \"end\": 4.0, \"text\": \"...\"}",
            )
        cues.append(Cue(start, end, speaker if isinstance(speaker, str) and speaker else None, text))
    text, turns = turns_from_cues(cues)
    if not turns:
        raise import_failed(path, "has no text in its segments", "there is nothing to import")
    language = data.get("language") if isinstance(data, Mapping) else None
    return text, turns, language if isinstance(language, str) else None


def read_whisper_tsv(text: str, path: Path) -> tuple[str, tuple[TurnSpan, ...]]:
    """Read Whisper's TSV: a `start<TAB>end<TAB>text` header, then one segment a line, times in milliseconds."""
    lines = text.split("\n")
    header = [cell.strip().lower() for cell in lines[0].split("\t")]
    if header[:3] != ["start", "end", "text"]:
        raise import_failed(
            path, "is not a Whisper TSV file: its first line is not 'start<TAB>end<TAB>text'", "check the file"
        )
    cues = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t", 2)
        if len(cells) < 3 or not cells[0].strip().isdigit() or not cells[1].strip().isdigit():
            raise import_failed(
                path,
                f"has a malformed line {number} ({line[:60]!r})",
                "each line holds start and end in milliseconds and the text, separated by tabs",
            )
        cues.append(Cue(int(cells[0]) / 1000, int(cells[1]) / 1000, None, cells[2]))
    text, turns = turns_from_cues(cues)
    if not turns:
        raise import_failed(path, "has no segments", "there is nothing to import")
    return text, turns


def _seconds(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)
