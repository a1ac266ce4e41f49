"""Place the selections of every text source in its stored text: choose the counting model that fits the
whole file, map each selection, and turn the result into documents, turns, codings and comments."""

from __future__ import annotations

import re
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from workbench.domain.project_exchange import (
    ExchangeCoding,
    ExchangeDocument,
    ExchangeNote,
    ExchangeTurn,
    derived_guid,
)
from workbench.domain.refi_positions import MODELS, preferred_model, quote_matches
from workbench.domain.spans import shorten
from workbench.importers.refi_sources import RawSelection, RawSource

_TIMES = re.compile(r"^\s*(\d+):(\d\d):(\d\d(?:\.\d+)?)\s*(?:[–-]\s*(\d+):(\d\d):(\d\d(?:\.\d+)?))?\s*$")
_BLOCK = re.compile(r"\S(?:.*\S)?", re.DOTALL)
_LABEL = re.compile(r"^([A-ZÀ-Þ][\w .'’-]{0,40}?):\s")


@dataclass
class Placed:
    """Sources turned into documents with their codings, and what could not be placed."""

    model: str
    documents: tuple[ExchangeDocument, ...] = ()
    codings: tuple[ExchangeCoding, ...] = ()
    comments: list[ExchangeNote] = field(default_factory=list)
    refs: list[tuple[str, str, str | None]] = field(default_factory=list)
    dropped: Counter[str] = field(default_factory=Counter)
    unmapped: tuple[str, ...] = ()
    remarks: list[str] = field(default_factory=list)


def _score(sources: list[RawSource], model: str) -> tuple[int, int]:
    placed = matched = 0
    for source in sources:
        for selection in source.selections:
            span = source.positions.span(selection.start, selection.end, model)
            if span is None or span[1] > len(source.positions.text):
                continue
            placed += 1
            matched += bool(quote_matches(source.positions.text, span, selection.name))
    return matched, placed


def choose_model(sources: list[RawSource], origin: str) -> str:
    """The counting model under which most selections agree with their quotes and fit their texts."""
    preferred = preferred_model(origin)
    return max(MODELS, key=lambda model: (*_score(sources, model), model == preferred))


def _seconds(hours: str, minutes: str, seconds: str) -> float:
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def _times(description: str) -> tuple[float | None, float | None] | None:
    match = _TIMES.match(description or "")
    if not match:
        return None
    start = _seconds(*match.group(1, 2, 3))
    end = _seconds(*match.group(4, 5, 6)) if match.group(4) else None
    return start, end


_PARAGRAPHS = re.compile(r"(?:[^\n]|\n(?![ \t]*\n))+")
_LINES = re.compile(r"[^\n]+")


def paragraph_turns(text: str, start: int, end: int) -> list[ExchangeTurn]:
    """Turns for a stretch without speaker codes: blank-line blocks, or lines when there are none."""
    stretch = text[start:end]
    pattern = _PARAGRAPHS if re.search(r"\n[ \t]*\n", stretch) else _LINES
    turns = []
    for piece in pattern.finditer(stretch):
        found = _BLOCK.search(piece.group(0))
        if found:
            turn_start = start + piece.start() + found.start()
            label = _LABEL.match(found.group(0))
            turns.append(ExchangeTurn(turn_start, turn_start + len(found.group(0)),
                                      label.group(1).strip() if label else None))
    return turns


def _turns(text: str, speaker_turns: list[ExchangeTurn]) -> tuple[ExchangeTurn, ...]:
    kept: list[ExchangeTurn] = []
    for turn in sorted(speaker_turns, key=lambda t: (t.start, t.end)):
        if not kept or turn.start >= kept[-1].end:
            kept.append(turn)
    result, position = [], 0
    for turn in kept:
        result.extend(paragraph_turns(text, position, turn.start))
        result.append(turn)
        position = turn.end
    result.extend(paragraph_turns(text, position, len(text)))
    return tuple(result)


class _Placer:
    def __init__(self, model: str, speakers: dict[str, str], code_guids: set[str]):
        self.model = model
        self.speakers = speakers
        self.code_guids = code_guids
        self.placed = Placed(model)
        self.unmapped: list[str] = []
        self.codings: list[ExchangeCoding] = []

    def comment(self, selection: RawSelection, text: str, kind: str, target: str | None, quote: str) -> None:
        note = ExchangeNote(derived_guid("comment", selection.guid), f"Comment on '{shorten(quote, 40)}'", text,
                            selection.user, selection.created, selection.created, kind, target)
        self.placed.comments.append(note)

    def selection(self, source: RawSource, document_guid: str, selection: RawSelection,
                  turns: list[ExchangeTurn]) -> None:
        if not selection.codings and not selection.description and not selection.notes:
            self.placed.dropped["Selections without codes or notes"] += 1
            return
        text = source.positions.text
        span = source.positions.span(selection.start, selection.end, self.model)
        if span is None or span[1] > len(text):
            label = f" ('{shorten(selection.name, 40)}')" if selection.name else ""
            self.unmapped.append(
                f"{source.title or document_guid}: selection {selection.start}–{selection.end}{label} does not fit "
                f"its text of {len(text)} characters, so its {len(selection.codings)} coding(s) were not imported."
            )
            return
        start, end = span
        coded: list[str] = []
        times = _times(selection.description)
        for coding in selection.codings:
            if coding.code_guid in self.speakers:
                t_start, t_end = times if times else (None, None)
                turns.append(ExchangeTurn(start, end, self.speakers[coding.code_guid], t_start, t_end))
            elif coding.code_guid in self.code_guids:
                self.codings.append(ExchangeCoding(coding.guid, document_guid, coding.code_guid, coding.user,
                                                   start, end, coding.created or selection.created))
                coded.append(coding.guid)
                self.placed.refs.extend((note, "coding", coding.guid) for note in coding.notes)
            else:
                self.placed.dropped["Codings with a code that is not in the codebook"] += 1
        target = ("coding", coded[0]) if coded else ("document", document_guid)
        if selection.description and times is None:
            self.comment(selection, selection.description, *target, text[start:end])
        self.placed.refs.extend((note, *target) for note in selection.notes)

    def source(self, source: RawSource, values: Callable, seen: set[str]) -> ExchangeDocument | None:
        text = source.positions.text
        if not text.strip():
            self.placed.dropped["Text sources with no text"] += 1
            return None
        guid = source.guid if source.guid not in seen else str(uuid.uuid4())
        seen.add(guid)
        turns: list[ExchangeTurn] = []
        for selection in source.selections:
            self.selection(source, guid, selection, turns)
        for coding in source.whole:
            if coding.code_guid in self.code_guids:
                self.codings.append(ExchangeCoding(coding.guid, guid, coding.code_guid, coding.user, 0, len(text),
                                                   coding.created))
                self.placed.refs.extend((note, "coding", coding.guid) for note in coding.notes)
        self.placed.refs.extend((note, "document", guid) for note in source.notes)
        if source.remark:
            self.placed.remarks.append(f"{source.title}: the text was read as {source.remark}, not UTF-8.")
        return ExchangeDocument(guid=guid, title=(source.title or f"Document {len(seen)}")[:500], text=text,
                                user_guid=source.user, created_at=source.created, turns=_turns(text, turns),
                                attributes=values(source.values), description=source.description)


def place_sources(sources: list[RawSource], origin: str, speakers: dict[str, str], code_guids: set[str],
                  values: Callable) -> Placed:
    """Documents, codings, comments and note references for all sources, under one counting model."""
    model = choose_model(sources, origin)
    placer = _Placer(model, speakers, code_guids)
    if model != preferred_model(origin) and any(s.selections for s in sources):
        placer.placed.remarks.append(f"Positions were read as {model}, which fits this file better than the "
                                     f"{preferred_model(origin)} its origin suggests.")
    seen: set[str] = set()
    documents = [d for d in (placer.source(s, values, seen) for s in sources) if d is not None]
    placer.placed.documents = tuple(documents)
    placer.placed.codings = tuple(placer.codings)
    placer.placed.unmapped = tuple(placer.unmapped)
    return placer.placed
