"""A transcript as read from a file: its normalised text, speaker turns with their times, and metadata."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from workbench.domain.text import is_normalised

# Short ids of the layouts the importers recognise, with the name shown to users.
FORMATS: Mapping[str, str] = MappingProxyType(
    {
        "txt": "plain text",
        "md": "Markdown",
        "docx": "Word document",
        "docx-teams": "Microsoft Teams transcript (Word)",
        "vtt": "WebVTT subtitles",
        "vtt-teams": "Microsoft Teams transcript (WebVTT)",
        "vtt-zoom": "Zoom transcript (WebVTT)",
        "srt": "SubRip subtitles",
        "whisper-json": "Whisper / WhisperX JSON",
        "whisper-tsv": "Whisper TSV",
        "amberscript-txt": "Amberscript text",
        "amberscript-json": "Amberscript JSON",
        "odt": "OpenDocument text",
        "rtf": "Rich Text Format",
        "pdf": "PDF (text layer)",
    }
)

# Text between turns and between the paragraphs of one turn.
TURN_SEPARATOR = "\n\n"
PARAGRAPH_SEPARATOR = "\n"


@dataclass(frozen=True, slots=True)
class TurnSpan:
    """One speaker turn: `[start, end)` in the document text, who spoke, and when (seconds) if the file says."""

    start: int
    end: int
    speaker: str | None
    t_start: float | None
    t_end: float | None


@dataclass(frozen=True, slots=True)
class SentenceSpan:
    """One sentence: `[start, end)` in the document text, inside a single turn."""

    start: int
    end: int


@dataclass(frozen=True)
class ParsedTranscript:
    """What an importer read from one file, before it is stored.

    `text` holds only what was said: turns are separated by a blank line, paragraphs inside a turn by a line
    break; speaker labels and timestamps live in `turns`, never in the text. `metadata` holds what the file
    states about the interview, such as `date` (ISO) and `place`.
    """

    title: str
    format: str
    text: str
    turns: tuple[TurnSpan, ...]
    metadata: Mapping[str, str]
    language: str | None

    def __post_init__(self) -> None:
        object.__setattr__(self, "metadata", MappingProxyType(dict(self.metadata)))
        if self.format not in FORMATS:
            raise ValueError(f"unknown transcript format {self.format!r}")
        if not is_normalised(self.text):
            raise ValueError("transcript text is not normalised")
        check_spans(self.turns, len(self.text))

    @property
    def speakers(self) -> tuple[str, ...]:
        """The distinct speaker labels, in order of first appearance."""
        return tuple(dict.fromkeys(t.speaker for t in self.turns if t.speaker is not None))

    def with_speaker_names(self, names: Mapping[str, str]) -> ParsedTranscript:
        """Return a copy whose speaker labels are replaced by `names` (`{"I": "Interviewer"}`); others stay."""
        if not names:
            return self
        folded = {label.casefold(): name for label, name in names.items()}

        def rename(label: str | None) -> str | None:
            if label is None:
                return None
            return names.get(label, folded.get(label.casefold(), label))

        turns = tuple(dataclasses.replace(t, speaker=rename(t.speaker)) for t in self.turns)
        return dataclasses.replace(self, turns=turns)


def check_spans(spans: tuple[TurnSpan, ...] | tuple[SentenceSpan, ...], length: int) -> None:
    """Raise ValueError unless the spans are non-empty, inside `[0, length]`, ascending and non-overlapping."""
    previous_end = 0
    for span in spans:
        if not (previous_end <= span.start < span.end <= length):
            raise ValueError(f"span [{span.start}, {span.end}) is empty, out of order or outside the text")
        previous_end = span.end
