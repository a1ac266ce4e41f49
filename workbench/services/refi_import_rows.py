"""Store an imported project in this one, inside one unit of work: coders, codes, attributes, documents
with turns and sentences, cases, codings and memos. Known things are matched, not duplicated:
coders by GUID or name, codes by GUID or path, attributes by name, documents by their text."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from workbench.domain.codebook import iter_codes, name_key, normalise_guid
from workbench.domain.codings import fingerprint
from workbench.domain.project_exchange import ExchangeDocument, ImportedProject
from workbench.domain.text import count_words, text_sha256
from workbench.domain.transcripts import TurnSpan
from workbench.nlp.language import detect_language
from workbench.nlp.sentences import split_sentences
from workbench.services.codebook_rows import Placement, all_rows, fill_row
from workbench.services.document_rows import bulk_insert, unique_title
from workbench.services.selection import chunks
from workbench.store.base import utcnow
from workbench.store.schema import (
    Attribute,
    AttributeValue,
    Case,
    CaseDocument,
    Code,
    Coder,
    Coding,
    Document,
    Memo,
    Sentence,
    Turn,
)


@dataclass
class Stored:
    """Counts of what was added, and ids by imported GUID."""

    documents: int = 0
    merged: int = 0
    codes_added: int = 0
    codes_matched: int = 0
    codings: int = 0
    codings_skipped: int = 0
    memos: int = 0
    cases: int = 0
    attributes: int = 0
    coders: int = 0
    document_ids: dict[str, int] = field(default_factory=dict)


def _free(guid: str | None, taken: set[str]) -> str:
    """The GUID itself when no row has it yet, else a new one."""
    value = normalise_guid(guid or "") or str(uuid.uuid4())
    if value in taken:
        value = str(uuid.uuid4())
    taken.add(value)
    return value


def _guids(s: Session, column) -> set[str]:
    return {normalise_guid(g) or g for g in s.scalars(select(column))}


def _value_columns(kind: str, value: Any) -> dict[str, Any]:
    if kind == "boolean" and isinstance(value, bool):
        return {"value_bool": value}
    if kind == "number" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return {"value_number": float(value)}
    if kind == "date" and isinstance(value, dt.date):
        return {"value_date": value}
    return {"value_text": value.isoformat() if isinstance(value, dt.date) else str(value)}


class ProjectWriter:
    """Writes one ImportedProject through a session; call `store()` once."""

    def __init__(self, s: Session, imported: ImportedProject, coder_id: int, language: str):
        self.s = s
        self.imported = imported
        self.project = imported.project
        self.coder_id = coder_id
        self.language = language
        self.out = Stored()
        self.users: dict[str, int] = {}
        self.codes: dict[str, int] = {}
        self.attributes: dict[str, tuple[int, str]] = {}
        self.codings: dict[str, int] = {}

    def store(self) -> Stored:
        self.store_users()
        self.store_codes()
        self.store_attributes()
        for document in self.project.documents:
            self.store_document(document)
        self.store_cases()
        self.store_codings()
        self.store_memos()
        return self.out

    def user(self, guid: str | None) -> int:
        return self.users.get(normalise_guid(guid or "") or "", self.coder_id)

    def store_users(self) -> None:
        rows = self.s.scalars(select(Coder)).all()
        by_guid = {normalise_guid(r.guid) or r.guid: r.id for r in rows}
        by_name = {r.name.casefold(): r.id for r in rows}
        taken = set(by_guid)
        for user in self.project.users:
            found = by_guid.get(user.guid) or by_name.get(user.name.casefold())
            if found is None:
                row = Coder(name=user.name[:200], guid=_free(user.guid, taken))
                self.s.add(row)
                self.s.flush()
                found = by_name[user.name.casefold()] = row.id
                self.out.coders += 1
            self.users[user.guid] = found

    def store_codes(self) -> None:
        rows = all_rows(self.s)
        by_guid = {normalise_guid(r.guid) or r.guid: r for r in rows}
        paths = Placement.of(rows)
        by_path = {tuple(name_key(n) for n in paths.paths[r.id]): r for r in rows}
        taken = set(by_guid)
        rows_by_imported: dict[str, Code] = {}
        for placed in iter_codes(self.project.codebook.codes):
            spec = placed.spec
            key = tuple(name_key(n) for n in placed.path)
            row = by_guid.get(spec.guid) or by_path.get(key)
            if row is not None:
                self.out.codes_matched += 1
            else:
                parent = rows_by_imported.get(placed.parent_guid) if placed.parent_guid else None
                siblings = self.s.scalars(select(Code.sort_order).where(
                    Code.parent_id == parent.id if parent else Code.parent_id.is_(None))).all()
                row = Code(guid=_free(spec.guid, taken), name=spec.name)
                fill_row(row, replace(spec, children=(), shortcut=None), parent.colour if parent else None)
                row.parent_id = parent.id if parent else None
                row.sort_order = max(siblings, default=-1) + 1
                self.s.add(row)
                self.s.flush()
                by_path[key] = row
                self.out.codes_added += 1
            rows_by_imported[spec.guid] = row
            self.codes[spec.guid] = row.id

    def store_attributes(self) -> None:
        rows = self.s.scalars(select(Attribute)).all()
        known = {r.name.casefold(): (r.id, r.type) for r in rows}
        taken = {normalise_guid(r.guid) or r.guid for r in rows}
        for variable in self.project.variables:
            found = known.get(variable.name.casefold())
            if found is None:
                row = Attribute(guid=_free(variable.guid, taken), name=variable.name, type=variable.type,
                                description=variable.description)
                self.s.add(row)
                self.s.flush()
                found = known[variable.name.casefold()] = (row.id, row.type)
                self.out.attributes += 1
            self.attributes[variable.name] = found

    def _values(self, pairs, owner: dict[str, int], existing: set[int]) -> list[dict[str, Any]]:
        rows = []
        for name, value in pairs:
            attribute_id, kind = self.attributes[name]
            if attribute_id not in existing:
                existing.add(attribute_id)
                rows.append({"attribute_id": attribute_id, **owner, **_value_columns(kind, value)})
        return rows

    def store_document(self, document: ExchangeDocument) -> None:
        sha = text_sha256(document.text)
        existing = self.s.scalar(select(Document.id).where(Document.text_sha256 == sha))
        if existing is not None:
            self.out.document_ids[document.guid] = existing
            self.out.merged += 1
            have = set(self.s.scalars(select(AttributeValue.attribute_id).where(AttributeValue.document_id == existing)))
            values = self._values(document.attributes, {"document_id": existing}, have)
            if values:
                self.s.execute(insert(AttributeValue), values)
            return
        if not hasattr(self, "_document_guids"):
            self._document_guids = _guids(self.s, Document.guid)
            self._titles = set(self.s.scalars(select(Document.title)))
        guid = _free(document.guid, self._document_guids)
        title = unique_title(document.title, self._titles)
        self._titles.add(title)
        language = detect_language(document.text) or self.language
        new_id = self.s.execute(insert(Document).returning(Document.id), [{
            "guid": guid, "title": title, "original_filename": None, "format": "refi-qda",
            "language": language, "text": document.text, "text_sha256": sha, "imported_at": utcnow(),
            "imported_by": self.coder_id, "word_count": count_words(document.text),
            "metadata_": {"imported_from": self.imported.source.rsplit("/", 1)[-1],
                          "origin": self.project.origin, "description": document.description},
        }]).scalar_one()
        self.out.document_ids[document.guid] = new_id
        self.out.documents += 1
        turns = [TurnSpan(t.start, t.end, t.speaker[:200] if t.speaker else None, t.t_start, t.t_end)
                 for t in document.turns]
        connection = self.s.connection()
        bulk_insert(connection, Turn.__table__, ("document_id", "start", "end", "speaker", "t_start", "t_end"),
                    [(new_id, t.start, t.end, t.speaker, t.t_start, t.t_end) for t in turns])
        bulk_insert(connection, Sentence.__table__, ("document_id", "start", "end"),
                    [(new_id, a, b) for a, b in split_sentences(document.text, turns, language)])
        values = self._values(document.attributes, {"document_id": new_id}, set())
        if values:
            self.s.execute(insert(AttributeValue), values)

    def store_cases(self) -> None:
        rows = self.s.scalars(select(Case)).all()
        by_guid = {normalise_guid(r.guid) or r.guid: r for r in rows}
        by_name = {r.name.casefold(): r for r in rows}
        taken = set(by_guid)
        for case in self.project.cases:
            row = by_guid.get(case.guid) or by_name.get(case.name.casefold())
            if row is None:
                row = Case(guid=_free(case.guid, taken), name=case.name, description=case.description)
                self.s.add(row)
                self.s.flush()
                by_name[case.name.casefold()] = row
                self.out.cases += 1
            linked = set(self.s.scalars(select(CaseDocument.document_id).where(CaseDocument.case_id == row.id)))
            for guid in case.document_guids:
                document_id = self.out.document_ids.get(guid)
                if document_id is not None and document_id not in linked:
                    linked.add(document_id)
                    self.s.add(CaseDocument(case_id=row.id, document_id=document_id))
            have = set(self.s.scalars(select(AttributeValue.attribute_id).where(AttributeValue.case_id == row.id)))
            values = self._values(case.attributes, {"case_id": row.id}, have)
            if values:
                self.s.execute(insert(AttributeValue), values)

    def store_codings(self) -> None:
        document_ids = set(self.out.document_ids.values())
        existing: dict[tuple[int, int, int, int, int], int] = {}
        for part in chunks(sorted(document_ids)):
            query = select(Coding.id, Coding.document_id, Coding.code_id, Coding.coder_id, Coding.start, Coding.end)
            for row in self.s.execute(query.where(Coding.document_id.in_(part))):
                existing[(row.document_id, row.code_id, row.coder_id, row.start, row.end)] = row.id
        texts: dict[int, str] = {}
        taken = set()
        wanted = [normalise_guid(c.guid) or c.guid for c in self.project.codings]
        for part in chunks(list(range(len(wanted)))):
            taken |= set(self.s.scalars(select(Coding.guid).where(Coding.guid.in_([wanted[i] for i in part]))))
        rows: list[dict[str, Any]] = []
        for coding in self.project.codings:
            document_id = self.out.document_ids.get(coding.document_guid)
            code_id = self.codes.get(coding.code_guid)
            if document_id is None or code_id is None:
                self.out.codings_skipped += 1
                continue
            key = (document_id, code_id, self.user(coding.user_guid), coding.start, coding.end)
            if key in existing:
                self.codings[coding.guid] = existing[key]
                self.out.codings_skipped += 1
                continue
            if document_id not in texts:
                texts[document_id] = self.s.execute(select(Document.text).where(Document.id == document_id)).scalar_one()
            guid = _free(coding.guid, taken)
            existing[key] = -1
            rows.append({"guid": guid, "document_id": document_id, "code_id": code_id, "coder_id": key[2],
                         "start": coding.start, "end": coding.end, "status": "applied", "origin": "refi-qda",
                         "created_at": coding.created_at or utcnow(),
                         "fingerprint": fingerprint(texts[document_id], coding.start, coding.end),
                         "_imported": coding.guid})
        for part in chunks(list(range(len(rows))), 5000):
            batch = [rows[i] for i in part]
            self.s.execute(insert(Coding), [{k: v for k, v in r.items() if k != "_imported"} for r in batch])
        by_guid: dict[str, int] = {}
        for part in chunks([r["guid"] for r in rows]):
            by_guid.update(dict(self.s.execute(select(Coding.guid, Coding.id).where(Coding.guid.in_(part))).all()))
        for added in rows:
            self.codings[added["_imported"]] = by_guid[added["guid"]]
        self.out.codings += len(rows)

    def store_memos(self) -> None:
        taken = _guids(self.s, Memo.guid)
        for note in self.project.notes:
            if not note.text.strip() and not note.title.strip():
                continue
            target: dict[str, int] = {}
            if note.target_kind == "document" and note.target_guid in self.out.document_ids:
                target = {"document_id": self.out.document_ids[note.target_guid]}
            elif note.target_kind == "code" and note.target_guid in self.codes:
                target = {"code_id": self.codes[note.target_guid]}
            elif note.target_kind == "coding" and note.target_guid in self.codings:
                target = {"coding_id": self.codings[note.target_guid]}
            created = note.created_at or utcnow()
            self.s.add(Memo(guid=_free(note.guid, taken), title=note.title[:300], text=note.text,
                            author_id=self.user(note.author_guid), created_at=created,
                            updated_at=note.modified_at or created, **target))
            self.out.memos += 1
