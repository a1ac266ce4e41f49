"""Tables of the monitoring log: phases, actors, log entries, learning agenda and follow-up actions."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, String, Text, Time
from sqlalchemy.orm import Mapped, mapped_column

from workbench.domain.monitoring_values import ACTION_STATUSES, ENTRY_TYPES, QUESTION_STATUSES, SIGNIFICANCES
from workbench.store.base import Base, Stamp, utcnow



def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Phase(Base):
    """A phase of the project year on a track (the pilot, the province track, phase 2)."""

    __tablename__ = "phases"
    __table_args__ = (CheckConstraint('"end" IS NULL OR "end" >= "start"', name="period"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    start: Mapped[dt.date] = mapped_column(Date)
    end: Mapped[dt.date | None] = mapped_column(Date)
    track: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")


class Actor(Base):
    """A person or organisation in the actor register, with the pseudonym used in exports."""

    __tablename__ = "actors"
    __table_args__ = (CheckConstraint("kind IN ('person', 'organisation')", name="kind"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="person")
    organisation_type: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(300), default="")
    pseudonym: Mapped[str] = mapped_column(String(300), default="")
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("actors.id", ondelete="SET NULL"))


class LogEntry(Base):
    """One moment of the project year: what happened, what it meant, and how significant it was."""

    __tablename__ = "log_entries"
    __table_args__ = (
        CheckConstraint('end_date IS NULL OR end_date >= "date"', name="period"),
        CheckConstraint(_one_of("type", ENTRY_TYPES), name="type"),
        CheckConstraint(_one_of("significance", SIGNIFICANCES), name="significance"),
        CheckConstraint("confidentiality IN ('normal', 'internal')", name="confidentiality"),
        Index("ix_log_entries_date", "date"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True)
    date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    time: Mapped[dt.time | None] = mapped_column(Time)
    type: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(500))
    location: Mapped[str] = mapped_column(String(300), default="")
    observation: Mapped[str] = mapped_column(Text, default="")
    interpretation: Mapped[str] = mapped_column(Text, default="")
    reflection: Mapped[str] = mapped_column(Text, default="")
    significance: Mapped[str] = mapped_column(String(20), default="none")
    significance_why: Mapped[str] = mapped_column(Text, default="")
    confidentiality: Mapped[str] = mapped_column(String(10), default="normal")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("coders.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(Stamp, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(Stamp, default=utcnow)


class LogEntryActor(Base):
    """An actor present at a log entry."""

    __tablename__ = "log_entry_actors"
    entry_id: Mapped[int] = mapped_column(ForeignKey("log_entries.id", ondelete="CASCADE"), primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actors.id", ondelete="RESTRICT"), primary_key=True)


class LogEntryLink(Base):
    """A link from a log entry to exactly one document, coding or code."""

    __tablename__ = "log_entry_links"
    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN document_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN coding_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN code_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_target",
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("log_entries.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    coding_id: Mapped[int | None] = mapped_column(ForeignKey("codings.id", ondelete="CASCADE"))
    code_id: Mapped[int | None] = mapped_column(ForeignKey("codes.id", ondelete="CASCADE"))


class LearningQuestion(Base):
    """A question on the dynamic learning agenda; its status lives in the history table."""

    __tablename__ = "learning_questions"
    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    raised_by: Mapped[str] = mapped_column(String(300), default="")
    raised_on: Mapped[dt.date] = mapped_column(Date)
    raised_entry_id: Mapped[int | None] = mapped_column(ForeignKey("log_entries.id", ondelete="SET NULL"))


class LearningQuestionStatus(Base):
    """A dated status change of a learning question, linked to the entry where it happened."""

    __tablename__ = "learning_question_statuses"
    __table_args__ = (CheckConstraint(_one_of("status", QUESTION_STATUSES), name="status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("learning_questions.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(20))
    date: Mapped[dt.date] = mapped_column(Date)
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("log_entries.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text, default="")


class FollowUpAction(Base):
    """A follow-up action agreed at a log entry."""

    __tablename__ = "follow_up_actions"
    __table_args__ = (CheckConstraint(_one_of("status", ACTION_STATUSES), name="status"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    action: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(300), default="")
    due: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open")
    entry_id: Mapped[int | None] = mapped_column(ForeignKey("log_entries.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(Stamp, default=utcnow)
