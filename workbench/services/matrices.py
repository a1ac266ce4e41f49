"""Code frequencies by document, attribute value, speaker or coder; co-occurrence; the code x case matrix."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.code_fragments import read_code_name
from workbench.domain.errors import InvalidInput, NotFound
from workbench.domain.filters import EVERYTHING, Selection
from workbench.domain.matrices import COOCCURRENCE_UNITS, MEASURES, Cooccurrence, Matrix
from workbench.domain import arrays, tallies
from workbench.services.coding_sets import CODE, CODER, DOC, END, START, load_spans
from workbench.services.context import ServiceContext
from workbench.services.cooccurrence import cooccurrence_tables
from workbench.services.layouts import turn_speakers
from workbench.services.lookup import CodeTree, coder_names
from workbench.services.selection import attribute_values, resolve_scope
from workbench.services.texts import word_offsets_for
from workbench.services.visibility import visible_selection
from workbench.store.schema import Attribute, Case, CaseDocument, Document

NO_VALUE = "(none)"


def _document_labels(s: Session, ids) -> dict[int, str]:
    rows = s.execute(select(Document.id, Document.title).where(Document.id.in_(sorted(ids)))).all() if ids else []
    seen: dict[str, int] = defaultdict(int)
    for _id, title in rows:
        seen[title] += 1
    return {doc_id: title if seen[title] == 1 else f"{title} (#{doc_id})" for doc_id, title in rows}


class MatrixService:
    """Tables over the selected codings; rows are codes in codebook order."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def _rows(self, tree: CodeTree, codes: Sequence[str] | None, subcodes: bool) -> tuple[list[int], dict[int, list[int]]]:
        """The row codes, and for each code id the rows it counts towards (itself, or its ancestors when rolled up)."""
        alone: set[int] = set()
        rows = []
        for ref in codes or ():
            name, with_subcodes = read_code_name(ref)
            rows.append(tree.resolve(name).id)
            if not with_subcodes:
                alone.add(rows[-1])
        rows = list(dict.fromkeys(rows or [e.id for e in tree.ordered()]))
        position = {code: i for i, code in enumerate(rows)}
        targets: dict[int, list[int]] = defaultdict(list)
        for code in tree.entries:
            if code in position:
                targets[code].append(position[code])
            if subcodes:
                for ancestor in tree.ancestors(code):
                    if ancestor in position and ancestor not in alone:
                        targets[code].append(position[ancestor])
        return rows, targets

    def frequencies(self, *, by: str = "documents", measure: str = "fragments", codes: Sequence[str] | None = None,
                    subcodes: bool = True, selection: Selection = EVERYTHING) -> Matrix:
        """Fragments, codings, documents or coded words per code and column (`documents`, `speakers`, `coders`,
        `attr:KEY`, `cases`); a code's row holds its sub-codes' codings too unless `subcodes` is off."""
        if measure not in MEASURES:
            raise InvalidInput(f"The measure '{measure}' is not one of {', '.join(MEASURES)}.")
        with self.ctx.read() as s:
            tree = CodeTree.load(s)
            rows, targets = self._rows(tree, codes, subcodes)
            scope = resolve_scope(s, visible_selection(self.ctx, selection, s))
            spans = load_spans(s, scope, [c for c, rs in targets.items() if rs] if codes else None)
            in_scope = scope.document_ids if scope.document_ids is not None else set(s.scalars(select(Document.id)))
            table = arrays.table(spans, 5)
            labels, keys, mapping = self._columns(s, by, table, in_scope)
            coding, row = arrays.expand(table[:, CODE], targets)
            entry, column = arrays.expand(keys[coding], mapping)
            coding, row = coding[entry], row[entry]
            word_starts = word_offsets_for(s, set(table[:, DOC].tolist())) if measure == "words" else None
            values, totals = tallies.frequencies(
                coding, row, column, table[coding, DOC], table[coding, START], table[coding, END],
                (len(rows), len(labels)), measure, word_starts,
            )
            return Matrix(measure, by, tuple(tree.path(r) for r in rows), tuple(labels),
                          tuple(map(tuple, values)), tuple(totals), subcodes)

    def _columns(self, s: Session, by: str, table, in_scope) -> tuple[list[str], Any, dict[int, list[int]]]:
        """The column labels, a key per coding, and the columns of each key.

        Documents, cases and attribute values are columns even where nothing is coded; speakers and coders
        are the ones that occur among the codings.
        """
        docs = table[:, DOC]
        if by == "documents":
            names = _document_labels(s, in_scope)
            order = sorted(in_scope)
            return [names[d] for d in order], docs, {doc: [i] for i, doc in enumerate(order)}
        if by == "coders":
            coders = coder_names(s)
            present = sorted(set(table[:, CODER].tolist()), key=lambda c: coders[c])
            return [coders[c] for c in present], table[:, CODER], {c: [i] for i, c in enumerate(present)}
        if by == "speakers":
            turns = turn_speakers(s, set(docs.tolist()))
            ordered = [(doc, start, end) for doc in sorted(turns) for start, end, _ in turns[doc]]
            speakers = [speaker for doc in sorted(turns) for _, _, speaker in turns[doc]]
            turn = tallies.speaker_of(docs, table[:, START], ordered)
            labels = sorted({speaker or NO_VALUE for speaker in speakers} | ({NO_VALUE} if (turn < 0).any() else set()))
            index = {label: i for i, label in enumerate(labels)}
            label_of_turn = arrays.ints([index[speaker or NO_VALUE] for speaker in speakers] + [index.get(NO_VALUE, 0)])
            said = label_of_turn[turn]  # turn -1 (before any turn) picks the last entry, "(none)"
            used = sorted(set(said.tolist()))
            return [labels[i] for i in used], said, {label: [i] for i, label in enumerate(used)}
        if by == "cases":
            members: dict[int, list[str]] = defaultdict(list)
            query = select(CaseDocument.document_id, Case.name).join(Case, Case.id == CaseDocument.case_id)
            for doc_id, name in s.execute(query).all():
                if doc_id in in_scope:
                    members[doc_id].append(name)
            labels = sorted({n for names in members.values() for n in names})
            index = {label: i for i, label in enumerate(labels)}
            return labels, docs, {doc: [index[n] for n in names] for doc, names in members.items()}
        if by.startswith("attr:") and by[5:].strip():
            key = by[5:].strip().casefold()
            if key not in {name.casefold() for name in s.scalars(select(Attribute.name))}:
                raise NotFound(
                    f"No document has an attribute named '{by[5:].strip()}'; `workbench attribute list` shows them."
                )
            attributes = attribute_values(s, in_scope)
            values = {
                doc: next((_label(v) for k, v in attributes.get(doc, {}).items() if k.casefold() == key), NO_VALUE)
                for doc in in_scope
            }
            labels = sorted(set(values.values()))
            index = {label: i for i, label in enumerate(labels)}
            return labels, docs, {doc: [index[value]] for doc, value in values.items()}
        raise InvalidInput(f"Cannot make columns by '{by}'; use documents, speakers, coders, cases or attr:KEY.")

    def cooccurrence(self, *, unit: str = "span", codes: Sequence[str] | None = None, subcodes: bool = True,
                     selection: Selection = EVERYTHING) -> Cooccurrence:
        """How often each pair of codes occurs together at `unit` (span, sentence, turn or document)."""
        if unit not in COOCCURRENCE_UNITS:
            raise InvalidInput(f"The unit '{unit}' is not one of {', '.join(COOCCURRENCE_UNITS)}.")
        with self.ctx.read() as s:
            tree = CodeTree.load(s)
            rows, targets = self._rows(tree, codes, subcodes)
            scope = resolve_scope(s, visible_selection(self.ctx, selection, s))
            spans = load_spans(s, scope, [c for c, rs in targets.items() if rs] if codes else None, coders=False)
            if not codes:  # without a list, only the codes that occur
                used = sorted({row for code in {sp[CODE] for sp in spans} for row in targets.get(code, ())})
                remap = {old: new for new, old in enumerate(used)}
                rows = [rows[i] for i in used]
                targets = {code: [remap[r] for r in rs if r in remap] for code, rs in targets.items()}
            counts, similarity = cooccurrence_tables(s, unit, spans, targets, len(rows))
            return Cooccurrence(unit, tuple(tree.path(r) for r in rows), tuple(map(tuple, counts)),
                                tuple(map(tuple, similarity)), subcodes)

    def case_matrix(self, *, codes: Sequence[str] | None = None, subcodes: bool = True,
                    selection: Selection = EVERYTHING) -> Matrix:
        """1 where a case (or, in a project without cases, a document) holds the code, else 0."""
        with self.ctx.read() as s:
            has_cases = s.scalar(select(CaseDocument.case_id).limit(1)) is not None
        by = "cases" if has_cases else "documents"
        counts = self.frequencies(by=by, measure="codings", codes=codes, subcodes=subcodes, selection=selection)
        values = tuple(tuple(1 if v else 0 for v in row) for row in counts.values)
        return Matrix("presence", by, counts.rows, counts.columns, values, tuple(sum(row) for row in values), subcodes)


def _label(value) -> str:
    if value is None:
        return NO_VALUE
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
