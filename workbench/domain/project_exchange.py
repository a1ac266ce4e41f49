"""A whole project as REFI-QDA exchanges it: users, codebook, variables, cases, documents, codings, notes.

The services build one from the store to export it, and the importer builds one from another program's
`.qdpx` to store it; offsets are always code points into the document's stored text, end exclusive.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from workbench.domain.codebook import Codebook

# Fixed GUIDs make re-exports stable; GUIDs derived from content use this namespace.
GUID_NAMESPACE = uuid.UUID("6f0d3c52-5a4e-4f61-9d83-2c1a7e0b9f10")
# The category code under which each speaker is a code on their turns, as MAXQDA exports speakers.
SPEAKERS_GUID = str(uuid.uuid5(GUID_NAMESPACE, "speakers"))
SPEAKERS_NAME = "Sprekers"
SPEAKERS_DESCRIPTION = "Who speaks: each speaker is a code on their turns (written by workbench)."
NOTE_TARGETS = ("project", "document", "code", "coding")
ATTRIBUTE_TYPES = ("text", "number", "date", "boolean")


def derived_guid(*parts: object) -> str:
    """A GUID that is the same every time for the same parts."""
    return str(uuid.uuid5(GUID_NAMESPACE, "\x1f".join(str(p) for p in parts)))


@dataclass(frozen=True)
class ExchangeUser:
    guid: str
    name: str


@dataclass(frozen=True)
class ExchangeVariable:
    """An attribute declaration: name and type (text, number, date, boolean)."""

    guid: str
    name: str
    type: str
    description: str = ""


@dataclass(frozen=True)
class ExchangeTurn:
    start: int
    end: int
    speaker: str | None
    t_start: float | None = None
    t_end: float | None = None


@dataclass(frozen=True)
class ExchangeDocument:
    """A text source with its stored text, turns and attribute values (`(name, value)` pairs)."""

    guid: str
    title: str
    text: str
    language: str = ""
    user_guid: str | None = None
    created_at: dt.datetime | None = None
    turns: tuple[ExchangeTurn, ...] = ()
    attributes: tuple[tuple[str, Any], ...] = ()
    description: str = ""


@dataclass(frozen=True)
class ExchangeCoding:
    guid: str
    document_guid: str
    code_guid: str
    user_guid: str | None
    start: int
    end: int
    created_at: dt.datetime | None = None


@dataclass(frozen=True)
class ExchangeNote:
    """A memo and what it is about: `target_kind` is one of NOTE_TARGETS, `target_guid` None for the project."""

    guid: str
    title: str
    text: str
    author_guid: str | None
    created_at: dt.datetime | None
    modified_at: dt.datetime | None
    target_kind: str = "project"
    target_guid: str | None = None


@dataclass(frozen=True)
class ExchangeCase:
    guid: str
    name: str
    description: str = ""
    document_guids: tuple[str, ...] = ()
    attributes: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class ExchangeProject:
    """Everything one `.qdpx` carries."""

    name: str
    codebook: Codebook
    origin: str = ""
    created_at: dt.datetime | None = None
    modified_at: dt.datetime | None = None
    creating_user: str | None = None
    users: tuple[ExchangeUser, ...] = ()
    variables: tuple[ExchangeVariable, ...] = ()
    cases: tuple[ExchangeCase, ...] = ()
    documents: tuple[ExchangeDocument, ...] = ()
    codings: tuple[ExchangeCoding, ...] = ()
    notes: tuple[ExchangeNote, ...] = ()


@dataclass(frozen=True)
class ImportedProject:
    """A project read from another program's file, with what could not be carried over."""

    project: ExchangeProject
    source: str
    position_model: str = ""
    dropped: tuple[str, ...] = ()
    unmapped: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProjectImportReport:
    """What importing a project added to this one."""

    source: str
    origin: str
    documents: int
    documents_merged: int
    codes_added: int
    codes_matched: int
    codings: int
    codings_skipped: int
    memos: int
    cases: int
    attributes: int
    coders: int
    position_model: str
    dropped: tuple[str, ...] = ()
    unmapped: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
