"""Find the stretches where coders applied a code differently, at the unit agreement was measured on.

Codings of one code in one document are grouped into stretches: codings that overlap or touch (for presence
units: whose sentences, turns or document overlap) belong together. A stretch is a disagreement when the coders
who coded the document did not do the same there, judged by the unit: other characters (character), a segment
without a match over the threshold (segment), other sentences or turns (sentence, turn), or the code missing
from a coder's document altogether (document). Coders who did not code the document at all are left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from workbench.domain.agreement import CoderSide, Disagreement, disagreement_id
from workbench.domain.agreement_assess import AgreementInput
from workbench.domain.agreement_units import DocumentFrame, matched, touched
from workbench.domain.spans import Units, merge

CodingRef = tuple[int, int, int]  # (coding id, start, end)


def find_disagreements(data: AgreementInput, codings: Mapping[tuple[str, int, int], Sequence[CodingRef]]) -> list[Disagreement]:
    """Every disagreement on the input's documents and codes, in document, code and offset order."""
    found: list[Disagreement] = []
    for frame in data.frames:
        present = [c for c in data.coders if frame.document_id in data.coded_documents.get(c, frozenset())]
        if len(present) < 2:
            continue
        for code_id, path in data.codes:
            by_coder = {c: sorted(codings.get((c, frame.document_id, code_id), ()), key=lambda r: (r[1], r[2])) for c in present}
            for start, end, members in _stretches(frame, data.unit, by_coder):
                if not _differs(frame, data, by_coder, members):
                    continue
                sides = tuple(CoderSide(coder, tuple(members.get(coder, ()))) for coder in present)
                kind = "missing" if any(not side.codings for side in sides) else "boundaries"
                found.append(Disagreement(
                    id=disagreement_id(frame.document_id, code_id, start, end), document_id=frame.document_id,
                    document=frame.title, code_id=code_id, code=path, start=start, end=end, text="",
                    kind=kind, sides=sides,
                ))
    return found


def _reach(frame: DocumentFrame, unit: str, ref: CodingRef) -> tuple[int, int]:
    """The stretch a coding stands for at this unit: itself, or the units it touches."""
    if unit in ("character", "segment"):
        return ref[1], ref[2]
    spans = Units(frame.spans(unit))
    covered = spans.cover(ref[1], ref[2])
    return (covered.start, covered.end) if covered else (ref[1], ref[2])


def _stretches(frame: DocumentFrame, unit: str, by_coder: Mapping[str, Sequence[CodingRef]]):
    """Group the codings into stretches; yields (start, end, {coder: codings in the stretch})."""
    items = sorted(
        ((*_reach(frame, unit, ref), coder, ref) for coder, refs in by_coder.items() for ref in refs),
        key=lambda item: (item[0], item[1]),
    )
    touching = unit != "segment"
    current: list = []
    end = -1
    for item in items:
        joins = item[0] <= end if touching else item[0] < end
        if current and not joins:
            yield _emit(current)
            current = []
        current.append(item)
        end = max(end, item[1]) if len(current) > 1 else item[1]
    if current:
        yield _emit(current)


def _emit(items: list) -> tuple[int, int, dict[str, list[CodingRef]]]:
    members: dict[str, list[CodingRef]] = {}
    for _start, _end, coder, ref in items:
        members.setdefault(coder, []).append(ref)
    return min(i[0] for i in items), max(i[1] for i in items), members


def _differs(frame: DocumentFrame, data: AgreementInput, by_coder: Mapping[str, Sequence[CodingRef]],
             members: Mapping[str, Sequence[CodingRef]]) -> bool:
    coders = list(by_coder)
    if data.unit == "document":
        return len({bool(by_coder[c]) for c in coders}) > 1
    if data.unit == "character":
        shapes = {tuple(merge((r[1], r[2]) for r in members.get(c, ()))) for c in coders}
        return len(shapes) > 1
    if data.unit == "segment":
        for coder in coders:
            own = [(r[1], r[2]) for r in members.get(coder, ())]
            for other in coders:
                if other != coder and own and not all(
                    matched(own, [(r[1], r[2]) for r in members.get(other, ())], data.threshold, data.overlap_basis)
                ):
                    return True
        return any(not members.get(c) for c in coders)
    units = Units(frame.spans(data.unit))
    sets = {frozenset(touched(units, [(r[1], r[2]) for r in members.get(c, ())])) for c in coders}
    return len(sets) > 1
