"""Build a transcript's text and turn spans, from timed cues (subtitles, speech recognition) or from paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from workbench.domain.transcripts import PARAGRAPH_SEPARATOR, TURN_SEPARATOR, TurnSpan

_SPACES = re.compile(r"[ \t]{2,}|\t")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


@dataclass(frozen=True, slots=True)
class Cue:
    """One timed piece of a subtitle or speech-recognition file."""

    start: float | None
    end: float | None
    speaker: str | None
    text: str


@dataclass(slots=True)
class _OpenTurn:
    speaker: str | None
    t_start: float | None
    t_end: float | None = None
    paragraphs: list[str] = field(default_factory=list)


class TurnAssembler:
    """Collects turns paragraph by paragraph and lays them out as the stored text with exact spans."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._turns: list[TurnSpan] = []
        self._length = 0
        self._open: _OpenTurn | None = None

    @property
    def speaker(self) -> str | None:
        """The speaker of the open turn (None when no turn is open or it has no speaker)."""
        return self._open.speaker if self._open else None

    @property
    def is_open(self) -> bool:
        """Whether a turn is open for more paragraphs."""
        return self._open is not None

    def open(self, speaker: str | None, t_start: float | None = None, t_end: float | None = None) -> None:
        """Close the open turn and start a new one."""
        self.close()
        self._open = _OpenTurn(speaker, t_start, t_end)

    def add(self, paragraph: str, t_start: float | None = None, t_end: float | None = None) -> None:
        """Add a paragraph (one line) to the open turn, opening a speakerless one if none is open."""
        if self._open is None:
            self._open = _OpenTurn(None, t_start)
        elif self._open.t_start is None:
            self._open.t_start = t_start
        if t_end is not None:
            self._open.t_end = t_end
        paragraph = _single_spaced(paragraph)
        if paragraph:
            self._open.paragraphs.append(paragraph)

    def extend(self, text: str, t_end: float | None = None) -> None:
        """Continue the open turn's last paragraph with more of the same speech (the next cue)."""
        assert self._open is not None and self._open.paragraphs, "extend needs an open turn with text"
        self._open.paragraphs[-1] += " " + text
        if t_end is not None:
            self._open.t_end = t_end

    def close(self) -> None:
        """Write the open turn into the text; a turn without words is dropped."""
        turn, self._open = self._open, None
        if turn is None or not turn.paragraphs:
            return
        if self._parts:
            self._parts.append(TURN_SEPARATOR)
            self._length += len(TURN_SEPARATOR)
        body = PARAGRAPH_SEPARATOR.join(turn.paragraphs)
        self._parts.append(body)
        self._turns.append(TurnSpan(self._length, self._length + len(body), turn.speaker, turn.t_start, turn.t_end))
        self._length += len(body)

    def result(self) -> tuple[str, tuple[TurnSpan, ...]]:
        """Close the open turn; return the text and its turns."""
        self.close()
        return "".join(self._parts), tuple(self._turns)


def turns_from_cues(cues: Iterable[Cue]) -> tuple[str, tuple[TurnSpan, ...]]:
    """Lay out cues as turns: consecutive cues of one speaker become one turn (first start, last end).

    Cues without a speaker (Whisper without diarisation, subtitles) become turns without a speaker, a new one
    at every cue that begins a sentence: each speech-recognition segment keeps its own time, so a quote can be
    found again in the recording, while a subtitle line that goes on with the sentence before it stays in that
    sentence's turn (a sentence never spans two turns).
    """
    assembler = TurnAssembler()
    previous: Cue | None = None
    for cue in sorted(cues, key=lambda cue: cue.start if cue.start is not None else 0.0):
        text = _single_spaced(cue.text.replace("\n", " "))
        if not text:
            continue
        if previous is not None and _continues(previous, cue, assembler):
            assembler.extend(text, cue.end)
        else:
            assembler.open(cue.speaker, cue.start)
            assembler.add(text, t_end=cue.end)
        previous = cue
    return assembler.result()


def _continues(previous: Cue, cue: Cue, assembler: TurnAssembler) -> bool:
    """Whether `cue` belongs to the open turn: the same speaker, or, without speakers, the same sentence."""
    if not assembler.is_open or cue.speaker != previous.speaker:
        return False
    return cue.speaker is not None or cue.start is None or not _SENTENCE_END.search(previous.text.rstrip())


def _single_spaced(text: str) -> str:
    """Strip the text and turn each run of spaces and tabs into one space."""
    if "  " in text or "\t" in text:
        text = _SPACES.sub(" ", text)
    return text.strip()

