"""Adjudication: the team's decision on a disagreement, stored as codings of a consensus coder.

The consensus coder (a coder row named `consensus`, or the project setting `consensus_coder`) gets the kept
codings as applied codings with origin `adjudication`. A decision that the code does not apply in the stretch
is kept as one `rejected` consensus coding over it, so the stretch shows as decided and nothing counts as coded.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.agreement import CONSENSUS_CODER, Adjudication, Disagreement, parse_disagreement_id
from workbench.domain.codings import fingerprint
from workbench.domain.errors import InvalidInput, NotFound
from workbench.domain.spans import check_span, shorten
from workbench.services.context import ServiceContext
from workbench.services.lookup import CodeTree, resolve_coder
from workbench.store.schema import Code, Coder, Document, Memo
from workbench.store.schema import Coding as CodingRow

CONSENSUS_SETTING = "consensus_coder"
ORIGIN = "adjudication"
EVERYONE = ("both", "all")


def consensus_name(ctx: ServiceContext) -> str:
    """The name of the consensus coder: the project setting `consensus_coder`, else `consensus`."""
    return str(ctx.settings().get(CONSENSUS_SETTING) or CONSENSUS_CODER)


def consensus_spans(s: Session, ctx: ServiceContext, found: Iterable[Disagreement]) -> dict[tuple[int, int], list[tuple[int, int]]]:
    """The consensus coder's codings (any status) of the documents and codes of the disagreements."""
    pairs = {(d.document_id, d.code_id) for d in found}
    consensus = s.scalar(select(Coder.id).where(Coder.name == consensus_name(ctx)))
    if consensus is None or not pairs:
        return {}
    spans: dict[tuple[int, int], list[tuple[int, int]]] = {}
    rows = s.execute(
        select(CodingRow.document_id, CodingRow.code_id, CodingRow.start, CodingRow.end).where(
            CodingRow.coder_id == consensus, CodingRow.document_id.in_({doc for doc, _ in pairs})
        )
    )
    for doc_id, code_id, start, end in rows:
        if (doc_id, code_id) in pairs:
            spans.setdefault((doc_id, code_id), []).append((start, end))
    return spans


def adjudicate(
    ctx: ServiceContext, disagreement: str, *, keep: Sequence[str] = (), span: tuple[int, int] | None = None,
    consensus: str | None = None,
) -> Adjudication:
    """Record the consensus for one disagreement (named by its `DOC:CODE:START-END` id)."""
    parsed = parse_disagreement_id(disagreement)
    if parsed is None:
        raise InvalidInput(
            f"'{disagreement}' is not a disagreement id (DOC:CODE:START-END); `workbench disagreements` lists them."
        )
    keep = [name.strip() for item in keep for name in str(item).split(",") if name.strip()]
    if bool(keep) == (span is not None):
        raise InvalidInput("Say what to keep: one or more coders (or both), or a new span, but not both.")
    doc_id, code_id, start, end = parsed
    name = consensus or consensus_name(ctx)
    if name.casefold() in {k.casefold() for k in keep}:
        raise InvalidInput(f"'{name}' is the consensus coder; keep the codings of one of the coders who were compared.")
    consensus_id = ctx.coder_id(name)
    with ctx.change("agreement.adjudicate", target=f"disagreement:{disagreement}") as unit:
        s = unit.session
        document = s.get(Document, doc_id)
        if document is None:
            raise NotFound(f"There is no document with id {doc_id}; the disagreement list is out of date, list it again.")
        if s.get(Code, code_id) is None:
            raise NotFound(f"There is no code with id {code_id}; the disagreement list is out of date, list it again.")
        check_span(start, end, len(document.text), document.title)
        path = CodeTree.load(s).path(code_id)
        if span is not None:
            check_span(span[0], span[1], len(document.text), document.title)
            spans, decision = [tuple(span)], "new span"
        else:
            spans, decision = _kept_spans(s, keep, consensus_id, doc_id, code_id, start, end)
        low = min([start] + [a for a, _ in spans])
        high = max([end] + [b for _, b in spans])
        existing = list(s.scalars(select(CodingRow).where(
            CodingRow.document_id == doc_id, CodingRow.code_id == code_id, CodingRow.coder_id == consensus_id,
            CodingRow.start < high, CodingRow.end > low,
        )))
        wanted = {(a, b): "applied" for a, b in spans} or {(start, end): "rejected"}
        kept_rows, removed = [], 0
        by_span = {(row.start, row.end): row for row in existing}
        row: CodingRow | None  # a coding of the span, when the consensus coder has one
        for row in existing:
            if (row.start, row.end) not in wanted:
                for memo in s.scalars(select(Memo).where(Memo.coding_id == row.id)):
                    s.delete(memo)
                s.delete(row)
                removed += 1
        s.flush()
        for (a, b), status in sorted(wanted.items()):
            row = by_span.get((a, b))
            if row is None:
                row = CodingRow(
                    guid=str(uuid.uuid4()), document_id=doc_id, code_id=code_id, coder_id=consensus_id, start=a,
                    end=b, status=status, origin=ORIGIN, fingerprint=fingerprint(document.text, a, b),
                )
                s.add(row)
            else:
                row.status, row.origin = status, ORIGIN
            kept_rows.append(row)
        s.flush()
        quoted = shorten(document.text[start:end])
        outcome = f"kept {decision}" if spans else f"decided {path} does not apply"
        unit.describe(summary=f"Adjudicated {path} at '{quoted}' in {document.title}: {outcome}")
        return Adjudication(
            disagreement=disagreement, coder=name, decision=decision if spans else "does not apply",
            spans=tuple(sorted(wanted)) if spans else (), coding_ids=tuple(row.id for row in kept_rows), removed=removed,
        )


def _kept_spans(s: Session, keep: Sequence[str], consensus_id: int, doc_id: int, code_id: int, start: int, end: int):
    """The spans of the kept coders' applied codings of the code inside the stretch, and how to describe them."""
    if any(k.casefold() in EVERYONE for k in keep):
        coder_ids = None
        decision = "all coders' codings"
    else:
        coder_ids = [resolve_coder(s, k) for k in keep]
        decision = " and ".join(f"{k}'s codings" for k in keep)
    conditions = [
        CodingRow.document_id == doc_id, CodingRow.code_id == code_id, CodingRow.status == "applied",
        CodingRow.coder_id != consensus_id, CodingRow.start < end, CodingRow.end > start,
    ]
    if coder_ids is not None:
        conditions.append(CodingRow.coder_id.in_(coder_ids))
    spans = sorted({(row.start, row.end) for row in s.execute(select(CodingRow.start, CodingRow.end).where(*conditions))})
    return spans, decision
