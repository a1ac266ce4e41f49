"""Documents (with turns and sentences), codes and codings made straight through the ORM, for the agreement
and auto-coding service tests, so they depend on nothing but the store.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import pytest
from sqlalchemy import func, select

from workbench.domain.codings import fingerprint
from workbench.domain.text import count_words, text_sha256
from workbench.domain.transcripts import TURN_SEPARATOR, TurnSpan
from workbench.nlp.sentences import split_sentences
from workbench.store.schema import Code, Coder, Coding, Document, Sentence, Turn


@pytest.fixture
def bare_project(db_url, tmp_path):
    """A project without the default codebook, on each backend, coded by 'anna'."""
    from workbench.project import Project

    db = None if db_url.startswith("sqlite") else db_url
    with Project.init(tmp_path / "project", name="Agreement", db=db, coder="anna", seed=False) as opened:
        yield opened


def add_document(project, title: str, turns: Sequence[tuple[str | None, str]], language: str = "nl") -> int:
    """A document whose turns are `(speaker, text)`, separated by a blank line, with its sentences."""
    parts, spans, offset = [], [], 0
    for speaker, said in turns:
        spans.append(TurnSpan(offset, offset + len(said), speaker, None, None))
        parts.append(said)
        offset += len(said) + len(TURN_SEPARATOR)
    text = TURN_SEPARATOR.join(parts)
    with project.db.transaction() as s:
        doc = Document(
            guid=str(uuid.uuid4()), title=title, original_filename=f"{title}.txt", format="txt", language=language,
            # Tests may give two documents the same text, so the title goes into the (unique) hash.
            text=text, text_sha256=text_sha256(f"{title}\n{text}"), word_count=count_words(text), metadata_={},
        )
        s.add(doc)
        s.flush()
        for span in spans:
            s.add(Turn(document_id=doc.id, start=span.start, end=span.end, speaker=span.speaker))
        for start, end in split_sentences(text, spans, language):
            s.add(Sentence(document_id=doc.id, start=start, end=end))
        return doc.id


def add_code(project, name: str, parent: str | None = None, rules: dict | None = None, codable: bool = True) -> int:
    """A code (under the named parent), optionally with auto-coding rules as the codebook stores them."""
    with project.db.transaction() as s:
        parent_id = s.scalar(select(Code.id).where(Code.name == parent)) if parent else None
        position = s.scalar(select(func.count()).select_from(Code).where(Code.parent_id.is_(parent_id)
                                                                         if parent_id is None else Code.parent_id == parent_id))
        row = Code(guid=str(uuid.uuid4()), parent_id=parent_id, name=name, colour="#336699", codable=codable,
                   rules=rules or {}, sort_order=position)
        s.add(row)
        s.flush()
        return row.id


def coder_id(project, name: str) -> int:
    """The id of a coder, created when new."""
    return project.ctx.coder_id(name)


def add_coding(project, document_id: int, code_id: int, coder: str, start: int, end: int,
               status: str = "applied", origin: str = "manual") -> int:
    """One coding of `[start, end)` by the named coder."""
    who = coder_id(project, coder)
    with project.db.transaction() as s:
        text = s.scalar(select(Document.text).where(Document.id == document_id))
        row = Coding(guid=str(uuid.uuid4()), document_id=document_id, code_id=code_id, coder_id=who, start=start,
                     end=end, status=status, origin=origin, fingerprint=fingerprint(text, start, end))
        s.add(row)
        s.flush()
        return row.id


def text_of(project, document_id: int) -> str:
    with project.db.transaction(write=False) as s:
        return s.scalar(select(Document.text).where(Document.id == document_id))


def span_of(project, document_id: int, phrase: str, occurrence: int = 1) -> tuple[int, int]:
    """The offsets of the n-th occurrence of a phrase in a document."""
    text = text_of(project, document_id)
    start = -1
    for _ in range(occurrence):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def sentences_of(project, document_id: int) -> list[tuple[int, int]]:
    with project.db.transaction(write=False) as s:
        return [tuple(r) for r in s.execute(
            select(Sentence.start, Sentence.end).where(Sentence.document_id == document_id).order_by(Sentence.start)
        )]


def turns_of(project, document_id: int) -> list[tuple[int, int]]:
    with project.db.transaction(write=False) as s:
        return [tuple(r) for r in s.execute(
            select(Turn.start, Turn.end).where(Turn.document_id == document_id).order_by(Turn.start)
        )]


def codings_of(project, coder: str, **where) -> list[Coding]:
    """A coder's coding rows (detached), optionally filtered by column values."""
    with project.db.transaction(write=False) as s:
        who = s.scalar(select(Coder.id).where(Coder.name == coder))
        query = select(Coding).where(Coding.coder_id == who)
        for key, value in where.items():
            query = query.where(getattr(Coding, key) == value)
        rows = list(s.scalars(query.order_by(Coding.document_id, Coding.start, Coding.id)))
        s.expunge_all()
        return rows


INTERVIEW = [
    ("Interviewer", "Hoe is de samenwerking met de gemeente?"),
    ("Respondent", "Het vertrouwen zit bij personen. Ik bel gewoon Marieke, die kent ons. "
                   "Maar de subsidie is steeds voor een jaar."),
    ("Interviewer", "En de financiering op langere termijn?"),
    ("Respondent", "Huurinkomsten zijn ons enige verdienmodel. Daar moeten we vanaf. "
                   "Het vertrouwen van de buurt is groot."),
]
