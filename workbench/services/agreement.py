"""Inter-coder agreement: the per-code table, the list of disagreements, and adjudication into a consensus."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from sqlalchemy import select

from workbench.domain.agreement import (
    DEFAULT_THRESHOLD,
    Adjudication,
    AgreementReport,
    CoderSide,
    Disagreement,
)
from workbench.domain.agreement_assess import assess
from workbench.domain.disagreements import find_disagreements
from workbench.services.adjudication import adjudicate, consensus_name, consensus_spans
from workbench.services.agreement_data import Request, gather
from workbench.services.context import ServiceContext
from workbench.services.visibility import end_blind_coding
from workbench.store.schema import Coder, Coding, Document


class AgreementService:
    """Compare two or more coders on chosen documents and codes, review where they differ, and decide."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def coders(self, *, include_consensus: bool = False) -> list[str]:
        """The names of the coders who applied codes, to choose whom to compare; the consensus coder only on request.

        Only names are read, so this shows nothing of anyone's codings under blind coding.
        """
        with self.ctx.read() as s:
            names = list(s.scalars(
                select(Coder.name).join(Coding, Coding.coder_id == Coder.id)
                .where(Coding.status == "applied").distinct().order_by(Coder.name)
            ))
        consensus = consensus_name(self.ctx)
        return [name for name in names if include_consensus or name != consensus]

    def report(
        self, coders: str | Sequence[str], *, unit: str = "character", threshold: float = DEFAULT_THRESHOLD,
        documents: Sequence[str | int] = (), codes: Sequence[str] = (), subcodes: bool = True,
        overlap_basis: str = "union", both_sides: bool = True,
    ) -> AgreementReport:
        """Agreement per code and in total at a unit: character, segment, sentence, turn or document.

        Documents default to those at least two of the coders coded; codes to those they applied there. Only
        applied codings count. Running it ends blind coding (see `workbench.services.visibility`).
        """
        request = self._request(coders, unit, threshold, documents, codes, subcodes, overlap_basis, both_sides)
        with self.ctx.read() as s:
            gathered = gather(s, request)
        end_blind_coding(self.ctx)
        return assess(gathered.data)

    def disagreements(
        self, coders: str | Sequence[str], *, unit: str = "character", threshold: float = DEFAULT_THRESHOLD,
        documents: Sequence[str | int] = (), codes: Sequence[str] = (), subcodes: bool = True,
        overlap_basis: str = "union", unresolved_only: bool = False,
    ) -> list[Disagreement]:
        """The stretches where the coders differ, each coder's codings side by side, judged at the unit.

        A disagreement is `resolved` once the consensus coder has decided it (see `adjudicate`).
        """
        request = self._request(coders, unit, threshold, documents, codes, subcodes, overlap_basis, True)
        with self.ctx.read() as s:
            gathered = gather(s, request)
            found = find_disagreements(gathered.data, gathered.refs)
            texts = {row.id: row.text for row in s.execute(
                select(Document.id, Document.text).where(Document.id.in_({d.document_id for d in found} or {-1}))
            )}
            decided = consensus_spans(s, self.ctx, found) if consensus_name(self.ctx) not in gathered.coder_ids else {}
        end_blind_coding(self.ctx)
        result = []
        for item in found:
            text = texts.get(item.document_id, "")
            sides = tuple(
                CoderSide(side.coder, side.codings, tuple(text[start:end] for _id, start, end in side.codings))
                for side in item.sides
            )
            resolved = any(
                start < item.end and end > item.start for start, end in decided.get((item.document_id, item.code_id), ())
            )
            if unresolved_only and resolved:
                continue
            result.append(dataclasses.replace(item, text=text[item.start:item.end], sides=sides, resolved=resolved))
        return result

    def adjudicate(
        self, disagreement: str, *, keep: Sequence[str] = (), span: tuple[int, int] | None = None,
        consensus: str | None = None,
    ) -> Adjudication:
        """Decide a disagreement for the consensus coder: keep one coder's codings, several coders' (`both`),
        or a new span; keeping a coder who did not apply the code there records that it does not apply.

        The consensus coder's earlier codings of the code in that stretch are replaced; the change is undoable.
        """
        return adjudicate(self.ctx, disagreement, keep=keep, span=span, consensus=consensus)

    @staticmethod
    def _request(coders, unit, threshold, documents, codes, subcodes, overlap_basis, both_sides) -> Request:
        names: list[str] = []
        for item in [coders] if isinstance(coders, str) else coders:
            names.extend(part.strip() for part in str(item).split(",") if part.strip())
        return Request(
            coders=tuple(names), unit=unit, threshold=float(threshold), documents=tuple(str(d) for d in documents),
            codes=tuple(codes), subcodes=subcodes, overlap_basis=overlap_basis, both_sides=both_sides,
        )
