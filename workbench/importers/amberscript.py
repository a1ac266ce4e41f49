"""Amberscript JSON: `speakers[{spkid, name}]` and `segments[{speaker, words[{text, start, end, ...}]}]`.

Amberscript's text export is a timestamp line, then `Speaker N: text`; `paragraphs` reads it like any typed
transcript, and its subtitle exports carry no speakers and go through `subtitles`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from workbench.domain.transcripts import TurnSpan
from workbench.importers.failures import import_failed
from workbench.importers.turns import Cue, turns_from_cues


def looks_like_amberscript(data: Any) -> bool:
    """Amberscript JSON has `speakers` and `segments`, and its segments hold `words`, not `text`."""
    if not isinstance(data, Mapping) or not isinstance(data.get("segments"), list):
        return False
    segments = data["segments"]
    return isinstance(data.get("speakers"), list) and all(
        isinstance(segment, Mapping) and "words" in segment for segment in segments[:5]
    )


def read_amberscript_json(data: Mapping[str, Any], path: Path) -> tuple[str, tuple[TurnSpan, ...]]:
    """Turn parsed Amberscript JSON into text and turns: one cue per segment, its words joined by spaces."""
    names = {
        speaker.get("spkid"): speaker.get("name") or speaker.get("spkid")
        for speaker in data["speakers"]
        if isinstance(speaker, Mapping)
    }
    offset = data.get("startTimeOffset") or 0.0
    if not isinstance(offset, int | float):
        offset = 0.0
    cues = []
    for number, segment in enumerate(data["segments"], start=1):
        words = segment.get("words") if isinstance(segment, Mapping) else None
        if not isinstance(words, list) or not all(
            isinstance(word, Mapping) and isinstance(word.get("text"), str) for word in words
        ):
            raise import_failed(
                path,
                f"has a segment whose words are not a list of objects with 'text' (segment {number})",
                "export it again from Amberscript",
            )
        if not words:
            continue
        starts = [word["start"] for word in words if isinstance(word.get("start"), int | float)]
        ends = [word["end"] for word in words if isinstance(word.get("end"), int | float)]
        speaker = segment.get("speaker")
        cues.append(
            Cue(
                min(starts) + offset if starts else None,
                max(ends) + offset if ends else None,
                str(names.get(speaker, speaker)) if speaker is not None else None,
                " ".join(word["text"].strip() for word in words),
            )
        )
    text, turns = turns_from_cues(cues)
    if not turns:
        raise import_failed(path, "has no words in its segments", "there is nothing to import")
    return text, turns
