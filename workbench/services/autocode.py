"""Auto-coding suggestions from the codebook's rules and from the transcript's structure.

Suggestions belong to the coder who runs auto-coding (the project's current coder), stored as codings with
status `suggested` and origin `autocode:<rule>` (`autocode:keyword:korte lijntjes`, `autocode:speaker:R`):
accepting one simply makes it that coder's applied coding, so it counts in agreement as their judgement and
under blind coding each coder sees only their own suggestions. Rejecting keeps the row as `rejected`, and a
run never suggests a span the coder already has with that code (in any status), so rejected suggestions do
not come back; nor does it suggest a span overlapping the coder's applied coding of that code.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from sqlalchemy import func, select

from workbench.domain.autocode import (
    ORIGIN_PREFIX,
    AutocodeReport,
    CodeSuggestions,
    Evaluation,
    Hit,
    StructureRule,
    Suggestion,
    first_per_span,
    overlaps,
    structure_hits,
)
from workbench.domain.codings import fingerprint
from workbench.domain.errors import InvalidInput, NotFound
from workbench.domain.wording import counted
from workbench.services.autocode_data import (
    all_document_ids,
    code_rules,
    own_codings,
    read_documents,
    read_suggestions,
    structure_rules,
)
from workbench.services.autocode_eval import evaluate
from workbench.services.autocode_store import insert_codings
from workbench.services.context import ServiceContext
from workbench.services.lookup import CodeTree, resolve_document, resolve_documents
from workbench.store.base import utcnow
from workbench.store.schema import Coding, Document

Progress = Callable[[int, int], None]


class AutocodeService:
    """Run the rules, list the suggestions, accept or reject them, and evaluate the rules."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    # -- running ----------------------------------------------------------------------------------------

    def _scope(self, documents: Sequence[str | int], codes: Sequence[str], structure: Sequence[StructureRule]):
        with self.ctx.read() as s:
            tree = CodeTree.load(s)
            code_ids = set(tree.resolve_many(codes, subcodes=True)) if codes else None
            rules = code_rules(s, tree, code_ids)
            structural = structure_rules(s, tree, structure, code_ids)
            doc_ids = resolve_documents(s, documents) if documents else all_document_ids(s)
            paths = {entry.id: entry.path for entry in tree.ordered()}
        if not rules and not structural:
            raise InvalidInput(
                "None of the chosen codes has auto-coding rules; add keywords, lemmas or regexes under rules: in the "
                "codebook, or give a --speaker or --heading rule."
            )
        return rules, structural, doc_ids, paths

    def hits(self, documents: Sequence[str | int] = (), codes: Sequence[str] = (),
             structure: Sequence[StructureRule] = (), progress: Progress | None = None) -> dict[int, list[Hit]]:
        """Where the rules hit each document (nothing is stored): `{document id: hits}`."""
        rules, structural, doc_ids, _paths = self._scope(documents, codes, structure)
        return dict(self._hits(rules, structural, doc_ids, progress))

    def _hits(self, rules, structural, doc_ids, progress):
        from workbench.nlp.matcher import match_rules

        done = 0
        with self.ctx.read() as s:
            for doc in read_documents(s, doc_ids):
                found = match_rules(doc.text, doc.turn_spans, doc.sentences, rules, doc.language) if rules else []
                found += structure_hits(doc.text, doc.turns, structural)
                done += 1
                if progress is not None:
                    progress(done, len(doc_ids))
                yield doc.id, first_per_span(found)

    def run(self, documents: Sequence[str | int] = (), codes: Sequence[str] = (),
            structure: Sequence[StructureRule] = (), progress: Progress | None = None) -> AutocodeReport:
        """Store new suggestions for the current coder and report the suggestions per code."""
        rules, structural, doc_ids, paths = self._scope(documents, codes, structure)
        code_ids = {code_id for code_id, _ in rules} | {code_id for code_id, _ in structural}
        found = dict(self._hits(rules, structural, doc_ids, progress))
        me = self.ctx.coder_id()
        new: Counter = Counter()
        skipped = 0
        with self.ctx.change("autocode.run", target="autocode") as unit:
            s = unit.session
            existing = own_codings(s, me, doc_ids, code_ids)
            taken = {key: {(start, end) for start, end, _status in spans} for key, spans in existing.items()}
            applied = {key: [(start, end) for start, end, status in spans if status == "applied"]
                       for key, spans in existing.items()}
            rows: list[dict] = []
            for doc_id, hits in found.items():
                text = None
                for hit in hits:  # one per code and span already
                    key, span = (doc_id, hit.code_id), (hit.start, hit.end)
                    if span in taken.get(key, ()) or any(overlaps(other, span) for other in applied.get(key, ())):
                        skipped += 1
                        continue
                    text = text if text is not None else _text(s, doc_id)
                    rows.append(dict(
                        guid=str(uuid.uuid4()), document_id=doc_id, code_id=hit.code_id, coder_id=me, start=hit.start,
                        end=hit.end, status="suggested", origin=hit.origin, created_at=utcnow(),
                        fingerprint=fingerprint(text, hit.start, hit.end),
                    ))
                    new[hit.code_id] += 1
            insert_codings(s, rows)
            total = len(rows)
            unit.describe(summary=f"Auto-coding suggested {counted(total, 'coding')} in {len(found)} documents")
        counts = self._counts(me, code_ids)
        ordered = [code_id for code_id in paths if code_id in code_ids]
        return AutocodeReport(
            coder=self.ctx.coder, documents=len(found), new=total, skipped=skipped,
            codes=tuple(
                CodeSuggestions(code_id, paths[code_id], new[code_id], counts[(code_id, "suggested")],
                                counts[(code_id, "applied")], counts[(code_id, "rejected")])
                for code_id in ordered
            ),
        )

    def _counts(self, coder_id: int, code_ids: set[int]) -> Counter:
        with self.ctx.read() as s:
            rows = s.execute(
                select(Coding.code_id, Coding.status, func.count()).where(
                    Coding.coder_id == coder_id, Coding.origin.like(ORIGIN_PREFIX + "%")
                ).group_by(Coding.code_id, Coding.status)
            )
            return Counter({(code_id, status): n for code_id, status, n in rows if code_id in code_ids})

    # -- reviewing -----------------------------------------------------------------------------------

    def suggestions(self, *, document: str | int | None = None, code: str | None = None,
                    status: str = "suggested") -> list[Suggestion]:
        """The current coder's suggestions with a status (`suggested`, `applied`, `rejected` or `all`).

        Waiting suggestions come from auto-coding and from search (`origin` search); accepted and rejected ones
        are those whose origin shows a tool made them.
        """
        with self.ctx.read() as s:
            tree = CodeTree.load(s)
            # A coder who has not worked yet has no suggestions, and listing them registers nobody.
            conditions = [Coding.coder_id == self.ctx.known_coder_id(s)]
            if status != "all":
                if status not in ("suggested", "applied", "rejected"):
                    raise InvalidInput(f"The status '{status}' is not one of suggested, applied, rejected, all.")
                conditions.append(Coding.status == status)
            if document is not None:
                conditions.append(Coding.document_id == resolve_document(s, document)[0])
            if code is not None:
                conditions.append(Coding.code_id == tree.resolve(code).id)
            return read_suggestions(s, conditions, tree)

    def next_suggestion(self, document: str | int, offset: int, *, backwards: bool = False) -> Suggestion | None:
        """The waiting suggestion after `offset` in a document (before it with `backwards`), for stepping through."""
        waiting = self.suggestions(document=document)
        if backwards:
            before = [item for item in waiting if item.start < offset]
            return before[-1] if before else None
        return next((item for item in waiting if item.start > offset), None)

    def suggestion_at(self, document: str | int, offset: int) -> Suggestion | None:
        """The waiting suggestion under an offset (the shortest, when several cover it)."""
        covering = [item for item in self.suggestions(document=document) if item.start <= offset < item.end]
        return min(covering, key=lambda item: (item.end - item.start, item.start), default=None)

    def accept(self, ids: Iterable[int]) -> list[Suggestion]:
        """Accept the current coder's suggestions, from auto-coding or search (a rejected one may be accepted after
        all): they become applied codings."""
        return self._decide(list(ids), "applied")

    def reject(self, ids: Iterable[int]) -> list[Suggestion]:
        """Reject suggestions: they stay as rejected and are not suggested again."""
        return self._decide(list(ids), "rejected")

    def accept_code(self, code: str, *, document: str | int | None = None) -> list[Suggestion]:
        """Accept every waiting suggestion of one code (in one document, when given)."""
        return self._decide([item.id for item in self.suggestions(document=document, code=code)], "applied")

    def reject_code(self, code: str, *, document: str | int | None = None) -> list[Suggestion]:
        """Reject every waiting suggestion of one code (in one document, when given)."""
        return self._decide([item.id for item in self.suggestions(document=document, code=code)], "rejected")

    def _decide(self, ids: list[int], status: str) -> list[Suggestion]:
        if not ids:
            return []
        allowed = ("suggested", "rejected") if status == "applied" else ("suggested",)
        verb = "Accepted" if status == "applied" else "Rejected"
        with self.ctx.change(f"autocode.{'accept' if status == 'applied' else 'reject'}") as unit:
            s = unit.session
            me = unit.coder_id
            rows = {row.id: row for row in s.scalars(select(Coding).where(Coding.id.in_(ids)))}
            for coding_id in ids:
                row = rows.get(coding_id)
                if row is None or row.coder_id != me or row.status not in allowed:
                    raise NotFound(
                        f"Coding {coding_id} is not a {' or '.join(allowed)} suggestion of yours ({self.ctx.coder}); "
                        "`workbench suggestions list` shows them."
                    )
                row.status = status
            target = f"coding:{ids[0]}" if len(ids) == 1 else f"codings:{len(ids)}"
            unit.describe(target=target, summary=f"{verb} {counted(len(ids), 'suggestion')}")
        with self.ctx.read() as s:
            return read_suggestions(s, [Coding.id.in_(ids)])

    # -- evaluation ----------------------------------------------------------------------------------

    def evaluate(self, *, coder: str | None = None, documents: Sequence[str | int] = (), codes: Sequence[str] = (),
                 structure: Sequence[StructureRule] = (), progress: Progress | None = None) -> Evaluation:
        """Precision, recall and F1 of the rules against a coder's applied codings (see `autocode_eval`)."""
        return evaluate(self, coder=coder, documents=documents, codes=codes, structure=structure, progress=progress)


def _text(s, doc_id: int) -> str:
    return s.scalar(select(Document.text).where(Document.id == doc_id))
