"""The project's tables as SQLAlchemy 2.0 typed models; invariants live in constraints."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from workbench.store.base import Base, Stamp, utcnow
from workbench.store.monitoring_schema import (
    Actor,
    FollowUpAction,
    LearningQuestion,
    LearningQuestionStatus,
    LogEntry,
    LogEntryActor,
    LogEntryLink,
    Phase,
)


class ProjectSettings(Base):
    """One row: the project's name, default language and free-form settings."""

    __tablename__ = "project_settings"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    default_language: Mapped[str] = mapped_column(String(8), default="nl")
    created_at: Mapped[dt.datetime] = mapped_column(Stamp, default=utcnow)
    settings: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Coder(Base):
    """A person (or the auto-coder, or a consensus) who codes and writes."""

    __tablename__ = "coders"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(Stamp, default=utcnow)


class Document(Base):
    """An imported transcript; `text` is normalised once and never changes."""

    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    original_filename: Mapped[str | None] = mapped_column(String(1000))
    format: Mapped[str] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    text_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    imported_at: Mapped[dt.datetime] = mapped_column(Stamp, default=utcnow)
    imported_by: Mapped[int | None] = mapped_column(ForeignKey("coders.id", ondelete="SET NULL"))
    word_count: Mapped[int] = mapped_column(Integer, default=0)
    metadata_: Mapped[dict[str, Any]] = mapped_column("metadata", default=dict)

    turns: Mapped[list[Turn]] = relationship(
        back_populates="document", cascade="all, delete-orphan", passive_deletes=True, order_by="Turn.start"
    )


class Turn(Base):
    """A speaker turn: a span of the document text with who spoke and when."""

    __tablename__ = "turns"
    __table_args__ = (
        CheckConstraint('"start" >= 0 AND "start" < "end"', name="span"),
        Index("ix_turns_document_start", "document_id", "start"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    speaker: Mapped[str | None] = mapped_column(String(200))
    t_start: Mapped[float | None] = mapped_column(Float)
    t_end: Mapped[float | None] = mapped_column(Float)

    document: Mapped[Document] = relationship(back_populates="turns")


class Sentence(Base):
    """A sentence span inside one turn."""

    __tablename__ = "sentences"
    __table_args__ = (
        CheckConstraint('"start" >= 0 AND "start" < "end"', name="span"),
        Index("ix_sentences_document_start", "document_id", "start"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)


class Case(Base):
    """A unit of analysis such as a participant or an organisation."""

    __tablename__ = "cases"
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")


class CaseDocument(Base):
    """Which documents belong to which case."""

    __tablename__ = "case_documents"
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)


class Attribute(Base):
    """A typed attribute (variable) that documents and cases can carry."""

    __tablename__ = "attributes"
    __table_args__ = (CheckConstraint("type IN ('text', 'number', 'date', 'boolean')", name="type"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    type: Mapped[str] = mapped_column(String(10), default="text")
    description: Mapped[str] = mapped_column(Text, default="")


class AttributeValue(Base):
    """One attribute's value on exactly one document or one case."""

    __tablename__ = "attribute_values"
    __table_args__ = (
        CheckConstraint(
            "(document_id IS NULL) <> (case_id IS NULL)", name="one_owner"
        ),
        UniqueConstraint("attribute_id", "document_id", name="uq_attribute_values_document"),
        UniqueConstraint("attribute_id", "case_id", name="uq_attribute_values_case"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    attribute_id: Mapped[int] = mapped_column(ForeignKey("attributes.id", ondelete="CASCADE"))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    value_text: Mapped[str | None] = mapped_column(Text)
    value_number: Mapped[float | None] = mapped_column(Float)
    value_date: Mapped[dt.date | None] = mapped_column(Date)
    value_bool: Mapped[bool | None] = mapped_column(Boolean)


class Code(Base):
    """A code in the codebook tree; a retired code keeps its codings."""

    __tablename__ = "codes"
    __table_args__ = (
        UniqueConstraint("parent_id", "name", name="uq_codes_parent_name"),
        # NULL parents never collide in a UNIQUE constraint, so top-level names get their own index.
        Index(
            "uq_codes_root_name", "name", unique=True,
            sqlite_where=text("parent_id IS NULL"), postgresql_where=text("parent_id IS NULL"),
        ),
        CheckConstraint("shortcut IS NULL OR (shortcut >= 1 AND shortcut <= 9)", name="shortcut"),
        CheckConstraint("length(colour) = 7", name="colour"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("codes.id", ondelete="RESTRICT"))
    name: Mapped[str] = mapped_column(String(300))
    name_en: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    when_to_use: Mapped[str] = mapped_column(Text, default="")
    when_not_to_use: Mapped[str] = mapped_column(Text, default="")
    example: Mapped[str] = mapped_column(Text, default="")
    colour: Mapped[str] = mapped_column(String(7), default="#808080")
    shortcut: Mapped[int | None] = mapped_column(Integer)
    codable: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    retired: Mapped[bool] = mapped_column(Boolean, default=False)
    rules: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(Stamp, default=utcnow)


class Coding(Base):
    """A code applied (or suggested) to `[start, end)` of a document by a coder."""

    __tablename__ = "codings"
    __table_args__ = (
        CheckConstraint('"start" >= 0 AND "start" < "end"', name="span"),
        CheckConstraint("status IN ('applied', 'suggested', 'rejected')", name="status"),
        UniqueConstraint("document_id", "code_id", "coder_id", "start", "end", name="uq_codings_span"),
        Index("ix_codings_document_start", "document_id", "start"),
        Index("ix_codings_code", "code_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    code_id: Mapped[int] = mapped_column(ForeignKey("codes.id", ondelete="RESTRICT"))
    coder_id: Mapped[int] = mapped_column(ForeignKey("coders.id", ondelete="RESTRICT"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), default="applied")
    origin: Mapped[str] = mapped_column(String(100), default="manual")
    created_at: Mapped[dt.datetime] = mapped_column(Stamp, default=utcnow)
    fingerprint: Mapped[str] = mapped_column(String(200), default="")


class Memo(Base):
    """A memo on the project (no target), a document, a code, a coding or a log entry."""

    __tablename__ = "memos"
    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN document_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN code_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN coding_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN log_entry_id IS NULL THEN 0 ELSE 1 END) <= 1",
            name="one_target",
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    text: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("coders.id", ondelete="SET NULL"))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    code_id: Mapped[int | None] = mapped_column(ForeignKey("codes.id", ondelete="CASCADE"), index=True)
    coding_id: Mapped[int | None] = mapped_column(ForeignKey("codings.id", ondelete="CASCADE"), index=True)
    log_entry_id: Mapped[int | None] = mapped_column(ForeignKey("log_entries.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(Stamp, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(Stamp, default=utcnow)


class Pseudonym(Base):
    """The name register: a real name and the pseudonym that replaces it in exports."""

    __tablename__ = "pseudonyms"
    id: Mapped[int] = mapped_column(primary_key=True)
    real_name: Mapped[str] = mapped_column(String(300), unique=True)
    pseudonym: Mapped[str] = mapped_column(String(300))
    variants: Mapped[list[Any]] = mapped_column(default=list)
    # person, organisation, place, contact, or age (an age-band rule); empty: guessed from the name.
    kind: Mapped[str] = mapped_column(String(20), default="", server_default="")


class Event(Base):
    """Append-only history of every change: who, when, what, and the rows before and after.

    `payload` holds `{"summary": str, "changes": [...], "undoable": bool}`; an undo or redo is itself an event
    whose `reverts_id` points at the event it reverses.
    """

    __tablename__ = "events"
    __table_args__ = (Index("ix_events_coder_id_id", "coder_id", "id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(Stamp, default=utcnow)
    coder_id: Mapped[int | None] = mapped_column(ForeignKey("coders.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(60))
    target: Mapped[str] = mapped_column(String(200), default="")
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    reverts_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"), index=True)


__all__ = [
    "Actor", "Attribute", "AttributeValue", "Base", "Case", "CaseDocument", "Code", "Coder", "Coding",
    "Document", "Event", "FollowUpAction", "LearningQuestion", "LearningQuestionStatus", "LogEntry",
    "LogEntryActor", "LogEntryLink", "Memo", "Phase", "ProjectSettings", "Pseudonym", "Sentence", "Turn",
]
