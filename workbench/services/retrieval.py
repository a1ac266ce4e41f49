"""Retrieve the fragments of codes with their context, speaker, time, memo and document attributes.

One query does the work: indexed look-ups find each coding's first turn and the sentences or turns its
context spans; the texts come from the in-memory text cache and are sliced in Python.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.codings import CONTEXTS, Fragment
from workbench.domain.errors import InvalidInput
from workbench.domain.filters import EVERYTHING, Selection
from workbench.services.coding_rows import coding_memos
from workbench.services.context import ServiceContext
from workbench.services.lookup import CodeTree, coder_names
from workbench.services.selection import Scope, attribute_values, chunks, resolve_scope
from workbench.services.texts import document_texts
from workbench.services.visibility import visible_selection
from workbench.store.schema import Coding, Document, Sentence, Turn

codings = Coding.__table__
sentences = Sentence.__table__
turns = Turn.__table__
documents = Document.__table__


def _unit_edge(table, column, offset, inclusive: bool):
    """`column` of the unit of `table` in the coding's document that starts last at (or before) `offset`."""
    condition = table.c.start <= offset if inclusive else table.c.start < offset
    return (
        select(column)
        .where(table.c.document_id == codings.c.document_id, condition)
        .order_by(table.c.start.desc())
        .limit(1)
        .scalar_subquery()
    )


def _located(scope: Scope, code_ids: list[int], context: str):
    """Codings of the codes with their first turn's id and the edges of their context, all by index look-ups."""
    columns = [
        codings.c.id, codings.c.document_id, codings.c.code_id, codings.c.coder_id, codings.c.start,
        codings.c.end, codings.c.status, _unit_edge(turns, turns.c.id, codings.c.start, True),
    ]
    if context == "none":
        columns += [codings.c.start, codings.c.end]
    else:
        units = sentences if context == "sentence" else turns
        columns += [
            _unit_edge(units, units.c.start, codings.c.start, True),
            _unit_edge(units, units.c.end, codings.c.end, False),
        ]
    conditions = scope.coding_conditions() + [codings.c.code_id.in_(code_ids)]
    return select(*columns).where(*conditions).order_by(
        codings.c.document_id, codings.c.start, codings.c.end, codings.c.id
    )


class RetrievalService:
    """Fragments of one or more codes, filtered by a Selection."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def fragments(
        self, codes: Sequence[str], *, subcodes: bool = False, context: str = "sentence",
        selection: Selection = EVERYTHING,
    ) -> list[Fragment]:
        """The codings of `codes` (and their sub-codes when asked) with their context.

        `context` is `sentence` (the sentences the coding touches), `turn` (the whole turns) or `none`.
        """
        if context not in CONTEXTS:
            raise InvalidInput(f"The context '{context}' is not one of {', '.join(CONTEXTS)}.")
        if not codes:
            raise InvalidInput("No code was given; name at least one code to retrieve its fragments.")
        with self.ctx.read() as s:
            tree = CodeTree.load(s)
            code_ids = tree.resolve_many(codes, subcodes)
            scope = resolve_scope(s, visible_selection(self.ctx, selection, s))
            if scope.document_ids is not None and not scope.document_ids:
                return []
            rows = s.execute(_located(scope, code_ids, context)).all()
            return self._build(s, tree, rows, scope.speakers)

    def _build(self, s: Session, tree: CodeTree, rows, speakers: frozenset[str] | None) -> list[Fragment]:
        turn_info = {}
        for part in chunks(sorted({row[7] for row in rows if row[7] is not None})):
            query = select(turns.c.id, turns.c.speaker, turns.c.t_start, turns.c.t_end).where(turns.c.id.in_(part))
            turn_info.update((row[0], row[1:]) for row in s.execute(query))
        if speakers is not None:
            rows = [row for row in rows if turn_info.get(row[7], (None,))[0] in speakers]
        doc_ids = sorted({row[1] for row in rows})
        documents_info = {}
        for part in chunks(doc_ids):
            query = select(documents.c.id, documents.c.title, documents.c.guid).where(documents.c.id.in_(part))
            documents_info.update((row[0], row[1:]) for row in s.execute(query))
        texts = document_texts(s, {doc_id: guid for doc_id, (_title, guid) in documents_info.items()})
        coders = coder_names(s)
        memos = coding_memos(s, [row[0] for row in rows])
        attributes = attribute_values(s, doc_ids)
        paths = {code_id: entry.path for code_id, entry in tree.entries.items()}
        no_turn = (None, None, None)
        fragments = []
        for coding_id, doc_id, code_id, coder_id, start, end, status, turn_id, lo, hi in rows:
            # A coding reaching into the space between units keeps its own edge: the context always holds it.
            lo = start if lo is None or lo > start else lo
            hi = end if hi is None or hi < end else hi
            text = texts[doc_id]
            speaker, t_start, t_end = turn_info.get(turn_id, no_turn)
            fragments.append(Fragment(
                coding_id=coding_id, document_id=doc_id, document=documents_info[doc_id][0], code=paths[code_id],
                coder=coders.get(coder_id, ""), start=start, end=end, text=text[start:end], context_start=lo,
                context_end=hi, context=text[lo:hi], speaker=speaker, t_start=t_start, t_end=t_end, status=status,
                memo=memos.get(coding_id, ""), attributes=dict(attributes.get(doc_id, {})),
            ))
        return fragments
