"""Candidates for the name register: likely names in the transcripts, log and memos that it does not hide yet."""

from __future__ import annotations

import re
from typing import cast

from sqlalchemy import select

from workbench.domain.name_candidates import SPEAKER, NameCandidate, Place, find_candidates
from workbench.domain.name_rules import fold
from workbench.services.context import ServiceContext
from workbench.store.monitoring_schema import LogEntry
from workbench.store.schema import Code, Document, Memo, Turn

_SPLIT = re.compile(r"[^\w]+")


class NameSuggestionService:
    """Lists likely names the register lacks, so it is complete before anything is exported."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def suggest(self) -> tuple[NameCandidate, ...]:
        """Speaker labels naming a person, then capitalised words, e-mail addresses and phone numbers, each with
        where it occurs."""
        from workbench.nlp.word_lists import is_ordinary_word
        from workbench.services.pseudonyms import PseudonymService, build_replacer

        with self.ctx.read() as s:
            replacer = build_replacer(s)
            codebook = {fold(word) for row in s.execute(select(Code.name, Code.name_en))
                        for value in row if value for word in _SPLIT.split(value) if word}
            sources = [(title, text) for title, text in s.execute(select(Document.title, Document.text)
                                                                   .order_by(Document.title))]
            sources += [(f"log: {title}", " \n".join(v for v in values if v))
                        for title, *values in s.execute(select(LogEntry.title, LogEntry.title, LogEntry.location,
                                                               LogEntry.observation, LogEntry.interpretation,
                                                               LogEntry.reflection).order_by(LogEntry.date))]
            sources += [(f"memo: {title or '-'}", text) for title, text in s.execute(select(Memo.title, Memo.text))]
            turns: dict[str, list[Place]] = {}
            for speaker, title, start in s.execute(select(Turn.speaker, Document.title, Turn.start)
                                                   .join(Document, Document.id == Turn.document_id)
                                                   .where(Turn.speaker.is_not(None)).order_by(Document.title, Turn.start)):
                turns.setdefault(" ".join(cast(str, speaker).split()), []).append(Place(title, start, cast(str, speaker)))

        def hidden(text: str) -> list[tuple[int, int]]:
            return [(start, end) for start, end, _form in replacer.matches(text)]

        speakers = tuple(NameCandidate(label, SPEAKER, len(turns.get(label, ())), tuple(turns.get(label, ())))
                         for label in PseudonymService(self.ctx).unregistered_speakers())
        return speakers + tuple(find_candidates(sources, is_ordinary_word, codebook, hidden))
