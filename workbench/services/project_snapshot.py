"""Read the whole project from the store as an ExchangeProject, for the REFI-QDA export."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from workbench.domain.codebook import Codebook, CodeSpec
from workbench.domain.project_exchange import (
    ExchangeCase,
    ExchangeCoding,
    ExchangeDocument,
    ExchangeNote,
    ExchangeProject,
    ExchangeTurn,
    ExchangeUser,
    ExchangeVariable,
)
from workbench.services.codebook_rows import project_codebook
from workbench.services.selection import typed_value
from workbench.store.schema import (
    Attribute,
    AttributeValue,
    Case,
    CaseDocument,
    Code,
    Coder,
    Coding,
    Document,
    Event,
    Memo,
    ProjectSettings,
    Turn,
)


def _with_colours(specs: tuple[CodeSpec, ...], colours: dict[str, str]) -> tuple[CodeSpec, ...]:
    """The tree with every code's shown colour written out (other programs have no inherited colours)."""
    return tuple(replace(spec, colour=spec.colour or colours.get(spec.guid),
                         children=_with_colours(spec.children, colours)) for spec in specs)


def codebook_for_export(s: Session) -> Codebook:
    """The project's codebook with the colours the codes are shown in."""
    codebook = project_codebook(s)
    colours = dict(s.execute(select(Code.guid, Code.colour)).all())
    return replace(codebook, codes=_with_colours(codebook.codes, colours))


def _attribute_pairs(s: Session, owner_column) -> dict[int, list[tuple[str, Any]]]:
    query = (
        select(owner_column.label("owner"), Attribute.name, Attribute.type, AttributeValue.value_text,
               AttributeValue.value_number, AttributeValue.value_date, AttributeValue.value_bool)
        .join(Attribute, Attribute.id == AttributeValue.attribute_id)
        .where(owner_column.is_not(None))
        .order_by(Attribute.name)
    )
    pairs: dict[int, list[tuple[str, Any]]] = defaultdict(list)
    for row in s.execute(query):
        value = typed_value(row)
        if value is not None:
            pairs[row.owner].append((row.name, value))
    return pairs


def _notes(s: Session, guids: dict[str, dict[int, str]], coders: dict[int | None, str],
           exported_codings: set[int]) -> list[ExchangeNote]:
    notes = []
    for memo in s.scalars(select(Memo).where(Memo.log_entry_id.is_(None)).order_by(Memo.id)):
        if memo.document_id is not None:
            kind, target = "document", guids["document"].get(memo.document_id)
        elif memo.code_id is not None:
            kind, target = "code", guids["code"].get(memo.code_id)
        elif memo.coding_id is not None:
            if memo.coding_id not in exported_codings:
                continue
            kind, target = "coding", guids["coding"].get(memo.coding_id)
        else:
            kind, target = "project", None
        notes.append(ExchangeNote(memo.guid, memo.title or "", memo.text or "", coders.get(memo.author_id),
                                  memo.created_at, memo.updated_at, kind, target))
    return notes


def read_project(s: Session, coding_conditions: Sequence[ColumnElement[bool]] = ()) -> ExchangeProject:
    """Everything the export carries: applied codings only (suggestions are not coding yet)."""
    settings = s.scalar(select(ProjectSettings).limit(1))
    coders: dict[int | None, str] = dict(s.execute(select(Coder.id, Coder.guid)).all())
    users = [ExchangeUser(guid, name) for guid, name in s.execute(select(Coder.guid, Coder.name).order_by(Coder.id))]
    codebook = codebook_for_export(s)
    code_guids = dict(s.execute(select(Code.id, Code.guid)).all())

    variables = [ExchangeVariable(a.guid, a.name, a.type, a.description or "")
                 for a in s.scalars(select(Attribute).order_by(Attribute.name))]
    document_values = _attribute_pairs(s, AttributeValue.document_id)
    case_values = _attribute_pairs(s, AttributeValue.case_id)

    turns: dict[int, list[ExchangeTurn]] = defaultdict(list)
    for t in s.execute(select(Turn.document_id, Turn.start, Turn.end, Turn.speaker, Turn.t_start, Turn.t_end)
                       .order_by(Turn.document_id, Turn.start)):
        turns[t.document_id].append(ExchangeTurn(t.start, t.end, t.speaker, t.t_start, t.t_end))
    documents = []
    document_guids: dict[int, str] = {}
    for d in s.scalars(select(Document).order_by(Document.id)):
        document_guids[d.id] = d.guid
        documents.append(ExchangeDocument(
            guid=d.guid, title=d.title, text=d.text, language=d.language, user_guid=coders.get(d.imported_by),
            created_at=d.imported_at, turns=tuple(turns.get(d.id, ())),
            attributes=tuple(document_values.get(d.id, ())),
        ))

    members: dict[int, list[str]] = defaultdict(list)
    for case_id, document_id in s.execute(select(CaseDocument.case_id, CaseDocument.document_id)
                                          .order_by(CaseDocument.case_id, CaseDocument.document_id)):
        members[case_id].append(document_guids[document_id])
    cases = [ExchangeCase(c.guid, c.name, c.description or "", tuple(members.get(c.id, ())),
                          tuple(case_values.get(c.id, ())))
             for c in s.scalars(select(Case).order_by(Case.id))]

    query = (select(Coding.id, Coding.guid, Coding.document_id, Coding.code_id, Coding.coder_id, Coding.start,
                    Coding.end, Coding.created_at)
             .where(Coding.status == "applied", *coding_conditions)
             .order_by(Coding.document_id, Coding.start, Coding.end, Coding.id))
    codings = []
    coding_guids: dict[int, str] = {}
    for c in s.execute(query):
        coding_guids[c.id] = c.guid
        codings.append(ExchangeCoding(c.guid, document_guids[c.document_id], code_guids[c.code_id],
                                      coders.get(c.coder_id), c.start, c.end, c.created_at))

    guids = {"document": document_guids, "code": code_guids, "coding": coding_guids}
    notes = _notes(s, guids, coders, set(coding_guids))
    modified = s.scalar(select(func.max(Event.at)))
    first_coder = s.scalar(select(Coder.guid).order_by(Coder.id).limit(1))
    return ExchangeProject(
        name=settings.name if settings else "Project", codebook=codebook,
        created_at=settings.created_at if settings else None, modified_at=modified, creating_user=first_coder,
        users=tuple(users), variables=tuple(variables), cases=tuple(cases), documents=tuple(documents),
        codings=tuple(codings), notes=tuple(notes),
    )
