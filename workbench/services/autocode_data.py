"""Read what auto-coding needs: the codes' rules, structure rules, documents with turns and sentences, suggestions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from workbench.domain.autocode import ORIGIN_PREFIX, StructureRule, Suggestion, structure_rules_from_settings
from workbench.domain.codebook import AutocodeRules
from workbench.services.codebook_rows import rules_of
from workbench.services.lookup import CodeTree, codable, coder_names
from workbench.services.selection import chunks
from workbench.store.schema import Code, Coding, Document, ProjectSettings, Sentence, Turn

STRUCTURE_SETTING = "autocode_structure"
# Origins of codings a tool proposed: auto-coding rules and search hits stored as suggestions.
TOOL_ORIGINS = (ORIGIN_PREFIX, "search")
BATCH = 50  # documents read at a time


@dataclass(frozen=True)
class DocumentUnits:
    """A document's text with its turns (and speakers) and sentences."""

    id: int
    title: str
    language: str
    text: str
    turns: tuple[tuple[int, int, str | None], ...]
    sentences: tuple[tuple[int, int], ...]

    @property
    def turn_spans(self) -> list[tuple[int, int]]:
        return [(start, end) for start, end, _speaker in self.turns]


def code_rules(s: Session, tree: CodeTree, code_ids: set[int] | None) -> tuple[tuple[int, AutocodeRules], ...]:
    """The codable, current codes that have rules, in codebook order, limited to `code_ids` when given."""
    rows = {row.id: row for row in s.scalars(select(Code))}
    result = []
    for entry in tree.ordered():
        if code_ids is not None and entry.id not in code_ids:
            continue
        rules = rules_of(rows[entry.id])
        if entry.codable and not entry.retired and not rules.empty:
            result.append((entry.id, rules))
    return tuple(result)


def structure_rules(s: Session, tree: CodeTree, given: Sequence[StructureRule], code_ids: set[int] | None) -> list[tuple[int, StructureRule]]:
    """The project's structure rules (setting `autocode_structure`) and the given ones, with their code ids."""
    row = s.scalar(select(ProjectSettings).limit(1))
    stored = structure_rules_from_settings((row.settings or {}).get(STRUCTURE_SETTING) if row else None)
    resolved = []
    for rule in [*stored, *given]:
        entry = codable(tree.resolve(rule.code))
        if code_ids is None or entry.id in code_ids:
            resolved.append((entry.id, rule))
    return list(dict.fromkeys(resolved))


def all_document_ids(s: Session) -> list[int]:
    return list(s.scalars(select(Document.id).order_by(Document.id)))


def read_documents(s: Session, doc_ids: Sequence[int]) -> Iterator[DocumentUnits]:
    """The documents with their units, read in batches, in the order given."""
    for part in chunks(doc_ids, BATCH):
        turns: dict[int, list[tuple[int, int, str | None]]] = defaultdict(list)
        sentences: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for turn in s.execute(select(Turn.document_id, Turn.start, Turn.end, Turn.speaker).where(Turn.document_id.in_(part))):
            turns[turn.document_id].append((turn.start, turn.end, turn.speaker))
        for sentence in s.execute(select(Sentence.document_id, Sentence.start, Sentence.end).where(Sentence.document_id.in_(part))):
            sentences[sentence.document_id].append((sentence.start, sentence.end))
        docs = {row.id: row for row in s.execute(
            select(Document.id, Document.title, Document.language, Document.text).where(Document.id.in_(part))
        )}
        for doc_id in part:
            row = docs.get(doc_id)
            if row is not None:
                yield DocumentUnits(row.id, row.title, row.language or "nl", row.text,
                                    tuple(sorted(turns[doc_id])), tuple(sorted(sentences[doc_id])))


def own_codings(s: Session, coder_id: int, doc_ids: Sequence[int], code_ids: set[int]) -> dict[tuple[int, int], list[tuple[int, int, str]]]:
    """A coder's codings (any status) of the codes in the documents: `{(doc, code): [(start, end, status)]}`."""
    found: dict[tuple[int, int], list[tuple[int, int, str]]] = defaultdict(list)
    for part in chunks(doc_ids):
        query = select(Coding.document_id, Coding.code_id, Coding.start, Coding.end, Coding.status).where(
            Coding.coder_id == coder_id, Coding.document_id.in_(part)
        )
        for row in s.execute(query):
            if row.code_id in code_ids:
                found[(row.document_id, row.code_id)].append((row.start, row.end, row.status))
    return found


def read_suggestions(s: Session, conditions: Sequence[ColumnElement[bool]], tree: CodeTree | None = None) -> list[Suggestion]:
    """Suggestions (waiting, or accepted and rejected ones a tool made) matching the conditions, with text, code
    path and rule, in document order."""
    tree = tree or CodeTree.load(s)
    coders = coder_names(s)
    rows = s.execute(
        select(Coding, Document.title, func.substr(Document.text, Coding.start + 1, Coding.end - Coding.start))
        .join(Document, Document.id == Coding.document_id)
        .where(or_(Coding.status == "suggested", *(Coding.origin.like(prefix + "%") for prefix in TOOL_ORIGINS)), *conditions)
        .order_by(Coding.document_id, Coding.start, Coding.end, Coding.id)
    ).all()
    return [
        Suggestion(
            id=c.id, document_id=c.document_id, document=title, code_id=c.code_id, code=tree.path(c.code_id),
            coder=coders.get(c.coder_id, ""), start=c.start, end=c.end, text=text,
            rule=c.origin.removeprefix(ORIGIN_PREFIX), status=c.status,
        )
        for c, title, text in rows
    ]
