"""How well the auto-coding rules work: their hits compared with a coder's applied codings.

Matching rule: a suggestion counts as correct when it shares at least one character with an applied coding of
the same code in the same document by that coder; an applied coding counts as found when at least one
suggestion of its code overlaps it. Precision = correct / suggestions, recall = found / applied codings,
F1 their harmonic mean; the overall row adds up the counts of all codes (micro-average). The rules' hits are
computed afresh (nothing is stored) on the documents the coder coded, so suggestions already accepted,
rejected or skipped make no difference; applied codings include accepted suggestions.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select

from workbench.domain.autocode import CodeScore, Evaluation, StructureRule, match_counts, score
from workbench.domain.errors import InvalidInput
from workbench.services.lookup import resolve_coder, resolve_documents
from workbench.services.selection import chunks
from workbench.services.visibility import blind_coding
from workbench.store.schema import Coding


def evaluate(service, *, coder: str | None, documents: Sequence[str | int], codes: Sequence[str],
             structure: Sequence[StructureRule], progress=None) -> Evaluation:
    """Score the rules per code and overall against `coder`'s applied codings (default: the current coder)."""
    ctx = service.ctx
    name = coder or ctx.coder
    if name.casefold() != ctx.coder.casefold() and blind_coding(ctx):
        raise InvalidInput(
            f"Blind coding is on, so the rules can be compared only with your own codings ({ctx.coder}) until "
            f"agreement is run; leave out the coder {name}."
        )
    with ctx.read() as s:
        coder_id = resolve_coder(s, name)
        if documents:
            doc_ids = resolve_documents(s, documents)
        else:
            doc_ids = sorted(set(s.scalars(
                select(Coding.document_id).where(Coding.coder_id == coder_id, Coding.status == "applied")
            )))
    if not doc_ids:
        raise InvalidInput(
            f"{name} has not applied any code yet; the evaluation compares the rules with a coder's applied codings."
        )
    rules, structural, _all_docs, paths = service._scope([str(d) for d in doc_ids], codes, structure)
    code_ids = [c for c in paths if c in {i for i, _ in rules} | {i for i, _ in structural}]
    suggested: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for doc_id, hits in service._hits(rules, structural, doc_ids, progress):
        for hit in hits:
            suggested[(doc_id, hit.code_id)].append((hit.start, hit.end))
    applied: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    with ctx.read() as s:
        for part in chunks(doc_ids):
            query = select(Coding.document_id, Coding.code_id, Coding.start, Coding.end).where(
                Coding.coder_id == coder_id, Coding.status == "applied", Coding.document_id.in_(part)
            )
            for row in s.execute(query):
                applied[(row.document_id, row.code_id)].append((row.start, row.end))
    rows = []
    totals = [0, 0, 0, 0]
    for code_id in code_ids:
        counts = [0, 0, 0, 0]  # suggested, correct, applied, found
        for doc_id in doc_ids:
            mine, theirs = suggested.get((doc_id, code_id), []), applied.get((doc_id, code_id), [])
            correct, found = match_counts(mine, theirs)
            for i, value in enumerate((len(mine), correct, len(theirs), found)):
                counts[i] += value
        totals = [a + b for a, b in zip(totals, counts)]
        rows.append(CodeScore(code_id, paths[code_id], score(*counts)))
    return Evaluation(coder=name, documents=len(doc_ids), codes=tuple(rows), overall=score(*totals))
