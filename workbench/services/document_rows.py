"""Document rows: store one read file (document, turns, sentences, attributes) and read documents back."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping, Sequence
from typing import Any, cast

from sqlalchemy import Connection, Table, func, insert, select
from sqlalchemy.orm import Session

from workbench.domain.attributes import convert
from workbench.domain.documents import IMPORTED, SKIPPED, DocumentDetail, DocumentSummary, ImportResult
from workbench.domain.transcripts import SentenceSpan, TurnSpan
from workbench.services.context import Unit
from workbench.services.document_preparation import PreparedDocument
from workbench.services.plain_rows import plain_rows
from workbench.services.selection import VALUE_COLUMNS, typed_value
from workbench.store.base import utcnow
from workbench.store.schema import Attribute, AttributeValue, Coding, Document, Sentence, Turn

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TITLE_LENGTH = 500
_PLACEHOLDERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}
_DOCUMENTS, _TURNS, _SENTENCES = Document.__table__, Turn.__table__, Sentence.__table__
_ATTRIBUTES, _ATTRIBUTE_VALUES = Attribute.__table__, AttributeValue.__table__


class KnownRows:
    """What one import needs to know of the project, read once: texts by hash, titles, attributes.

    What a file's transaction adds counts only once it commits (`keep`) and is dropped when it rolls back
    (`forget`), so a failed file leaves no trace here either.
    """

    def __init__(self, session: Session):
        self._new_texts: dict[str, tuple[int, str]] = {}
        self._new_attributes: dict[str, tuple[int, str]] = {}
        self.load(session)

    def load(self, session: Session) -> None:
        """(Re)read what the project holds now."""
        self.texts: dict[str, tuple[int, str]] = {
            row.text_sha256: (row.id, row.title)
            for row in session.execute(select(Document.text_sha256, Document.id, Document.title))
        }
        self.titles = {title for _, title in self.texts.values()}
        self.attributes: dict[str, tuple[int, str]] = {
            row.name: (row.id, row.type) for row in session.execute(select(Attribute.id, Attribute.name, Attribute.type))
        }
        self.forget()

    def attribute(self, name: str) -> tuple[int, str] | None:
        """The id and type of an attribute, existing or added in the open transaction."""
        return self._new_attributes.get(name) or self.attributes.get(name)

    def added_text(self, sha256: str, document_id: int, title: str) -> None:
        """The open transaction stored a document with this text and title."""
        self._new_texts[sha256] = (document_id, title)

    def added_attribute(self, name: str, attribute_id: int, kind: str) -> None:
        """The open transaction created this attribute."""
        self._new_attributes[name] = (attribute_id, kind)

    def keep(self) -> None:
        """The open transaction committed: what it added is now part of the project."""
        self.texts.update(self._new_texts)
        self.titles.update(title for _, title in self._new_texts.values())
        self.attributes.update(self._new_attributes)
        self.forget()

    def forget(self) -> None:
        """The open transaction rolled back: forget what it added."""
        self._new_texts.clear()
        self._new_attributes.clear()


def store_prepared(
    unit: Unit, prepared: PreparedDocument, attributes: Mapping[str, str], known: KnownRows
) -> ImportResult:
    """Store one read file in the unit's transaction, or skip it when the same text is already there.

    The rows go in as bulk Core inserts on the unit's connection, past the ORM: an import is not undone row by
    row, so its event carries a summary rather than row images (and a second copy of the text).
    """
    same = known.texts.get(prepared.sha256)
    if same is not None:
        return ImportResult(
            prepared.path,
            SKIPPED,
            f"{prepared.path} has the same text as '{same[1]}' (id {same[0]}), which is already imported",
            document_id=same[0],
            title=same[1],
        )
    connection = unit.session.connection()
    title = unique_title(prepared.title, known.titles)
    document_id = connection.execute(
        insert(_DOCUMENTS)
        .values(
            guid=str(uuid.uuid4()),
            title=title,
            original_filename=prepared.path.replace("\\", "/").rsplit("/", 1)[-1],
            format=prepared.format,
            language=prepared.language,
            text=prepared.text,
            text_sha256=prepared.sha256,
            imported_at=utcnow(),
            imported_by=unit.coder_id,
            word_count=prepared.words,
            metadata=prepared.metadata,
        )
        .returning(_DOCUMENTS.c.id)
    ).scalar_one()
    bulk_insert(connection, _TURNS, ("document_id", "start", "end", "speaker", "t_start", "t_end"),
                [(document_id, *turn) for turn in prepared.turns])  # fmt: skip
    bulk_insert(connection, _SENTENCES, ("document_id", "start", "end"),
                [(document_id, start, end) for start, end in prepared.sentences])  # fmt: skip
    _set_attributes(connection, document_id, attributes, known)
    known.added_text(prepared.sha256, document_id, title)
    speakers = tuple(dict.fromkeys(who for _, _, who, _, _ in prepared.turns if who is not None))
    unit.describe(
        target=f"document:{document_id}",
        summary=f"Imported '{title}' ({prepared.format}, {len(prepared.turns)} turns, {prepared.words} words)",
        document_id=document_id,
        source=prepared.path,
    )
    return ImportResult(
        prepared.path, IMPORTED, document_id=document_id, title=title, format=prepared.format,
        language=prepared.language, turns=len(prepared.turns), speakers=speakers, words=prepared.words,
    )  # fmt: skip


def bulk_insert(connection: Connection, table: Table, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    """Insert many rows with one driver-level executemany: a third of the time a Core insert takes per row."""
    if not rows:
        return
    mark = _PLACEHOLDERS.get(connection.dialect.paramstyle)
    if mark is None:
        connection.execute(insert(table), [dict(zip(columns, row)) for row in rows])
        return
    quote = connection.dialect.identifier_preparer.quote
    names = ", ".join(quote(column) for column in columns)
    statement = f"INSERT INTO {quote(table.name)} ({names}) VALUES ({', '.join([mark] * len(columns))})"
    connection.exec_driver_sql(statement, rows)


def _set_attributes(connection: Connection, document_id: int, values: Mapping[str, str], known: KnownRows) -> None:
    """Give a new document its attribute values; a new attribute holds dates when its value is one."""
    rows = []
    for name, raw in values.items():
        found = known.attribute(name)
        if found is None:
            kind = "date" if _ISO_DATE.fullmatch(raw.strip()) else "text"
            created = connection.execute(
                insert(_ATTRIBUTES).values(guid=str(uuid.uuid4()), name=name, type=kind, description="")
                .returning(_ATTRIBUTES.c.id)
            ).scalar_one()
            found = (created, kind)
            known.added_attribute(name, created, kind)
        attribute_id, kind = found
        row = {"attribute_id": attribute_id, "document_id": document_id, **dict.fromkeys(VALUE_COLUMNS.values())}
        row[VALUE_COLUMNS[kind]] = convert(name, kind, raw)
        rows.append(row)
    if rows:
        connection.execute(insert(_ATTRIBUTE_VALUES), rows)


def unique_title(title: str, taken: set[str]) -> str:
    """The title, numbered (`Interview (2)`) when another document has it, so a title names one document."""
    title = " ".join(title.split())[: _TITLE_LENGTH - 6] or "Untitled"
    number, candidate = 1, title
    while candidate in taken:
        number += 1
        candidate = f"{title} ({number})"
    return candidate


def summaries(session: Session, visible: Sequence = ()) -> list[DocumentSummary]:
    """Every document with its counts, speakers and attributes, in import order (five queries, no texts);
    `visible` limits which codings are counted (under blind coding, one's own)."""
    rows = session.execute(
        select(Document.id, Document.title, Document.format, Document.language, Document.word_count).order_by(Document.id)
    ).all()
    turns = dict(session.execute(select(Turn.document_id, func.count()).group_by(Turn.document_id)).all())
    codings = dict(
        session.execute(
            select(Coding.document_id, func.count()).where(Coding.status == "applied", *visible)
            .group_by(Coding.document_id)
        ).all()
    )
    speakers: dict[int, list[tuple[int, str]]] = {}
    for document_id, speaker, first in session.execute(
        select(Turn.document_id, Turn.speaker, func.min(Turn.start))
        .where(Turn.speaker.is_not(None))
        .group_by(Turn.document_id, Turn.speaker)
    ):
        speakers.setdefault(document_id, []).append((first, cast(str, speaker)))
    attributes = _attributes(session)
    return [
        DocumentSummary(
            id=row.id, title=row.title, format=row.format, language=row.language, words=row.word_count,
            turns=turns.get(row.id, 0), speakers=tuple(name for _, name in sorted(speakers.get(row.id, []))),
            codings=codings.get(row.id, 0), attributes=attributes.get(row.id, {}),
        )  # fmt: skip
        for row in rows
    ]


def detail(session: Session, document_id: int) -> DocumentDetail:
    """One document in full."""
    document = session.get(Document, document_id)
    assert document is not None, "detail() is called with a resolved document id"
    # Plain tuples: a long interview has thousands of sentences, read each time the coding screen opens it.
    turns = plain_rows(session, select(Turn.start, Turn.end, Turn.speaker, Turn.t_start, Turn.t_end)
                       .where(Turn.document_id == document_id).order_by(Turn.start))
    sentences = plain_rows(session, select(Sentence.start, Sentence.end)
                           .where(Sentence.document_id == document_id).order_by(Sentence.start))
    return DocumentDetail(
        id=document.id,
        title=document.title,
        format=document.format,
        language=document.language,
        text=document.text,
        turns=tuple(TurnSpan(*row) for row in turns),
        sentences=tuple(SentenceSpan(*row) for row in sentences),
        attributes=_attributes(session, document_id).get(document_id, {}),
        metadata=dict(document.metadata_ or {}),
        words=document.word_count,
        original_filename=document.original_filename,
        imported_at=document.imported_at,
    )


def _attributes(session: Session, document_id: int | None = None) -> dict[int, dict[str, Any]]:
    query = (
        select(
            AttributeValue.document_id, Attribute.name, Attribute.type, AttributeValue.value_text,
            AttributeValue.value_number, AttributeValue.value_date, AttributeValue.value_bool,
        )  # fmt: skip
        .join(Attribute, Attribute.id == AttributeValue.attribute_id)
        .where(AttributeValue.document_id.is_not(None))
        .order_by(Attribute.name)
    )
    if document_id is not None:
        query = query.where(AttributeValue.document_id == document_id)
    found: dict[int, dict[str, Any]] = {}
    for row in session.execute(query):
        found.setdefault(row.document_id, {})[row.name] = typed_value(row)
    return found
