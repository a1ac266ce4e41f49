"""Gather what an agreement comparison needs from the store: coders, documents, codes and applied codings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.domain.agreement import DEFAULT_THRESHOLD, OVERLAP_BASES, UNITS
from workbench.domain.agreement_assess import AgreementInput
from workbench.domain.agreement_units import DocumentFrame
from workbench.domain.code_fragments import codes_meant, read_code_name
from workbench.domain.errors import InvalidInput
from workbench.services.lookup import CodeTree, resolve_coder, resolve_documents
from workbench.services.selection import chunks
from workbench.store.schema import Coding, Document, Sentence, Turn


@dataclass(frozen=True)
class Request:
    """What the user asked to compare."""

    coders: tuple[str, ...]
    unit: str = "character"
    threshold: float = DEFAULT_THRESHOLD
    documents: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    subcodes: bool = True
    overlap_basis: str = "union"
    both_sides: bool = True


def check(request: Request) -> None:
    """Raise InvalidInput for a unit, threshold, basis or coder list that cannot be compared."""
    if request.unit not in UNITS:
        raise InvalidInput(f"The unit '{request.unit}' is not one of {', '.join(UNITS)}.")
    if not 0 < request.threshold <= 100:
        raise InvalidInput(f"The overlap threshold {request.threshold:g} is not a percentage; give a number above 0 and at most 100.")
    if request.overlap_basis not in OVERLAP_BASES:
        raise InvalidInput(f"The overlap basis '{request.overlap_basis}' is not one of {', '.join(OVERLAP_BASES)}.")
    names = [name.strip() for name in request.coders if name.strip()]
    if len(names) < 2 or len({n.casefold() for n in names}) < len(names):
        raise InvalidInput("Agreement needs two or more different coders; name them like --coders anna,bram.")


@dataclass(frozen=True)
class Gathered:
    """The comparison's input plus each coding's id, for listing disagreements."""

    data: AgreementInput
    coder_ids: dict[str, int]
    refs: dict[tuple[str, int, int], list[tuple[int, int, int]]]


def gather(s: Session, request: Request) -> Gathered:
    """Resolve the request's names and read the applied codings, documents and (when needed) units."""
    check(request)
    coder_ids = {name: resolve_coder(s, name.strip()) for name in request.coders}
    coders = tuple(coder_ids)
    tree = CodeTree.load(s)
    wanted_docs = resolve_documents(s, request.documents) if request.documents else None
    wanted_codes = None
    if request.codes:
        wanted_codes = []
        for ref in request.codes:  # a name with its sub-codes, `=NAME` alone (`domain.code_fragments`)
            name, with_subcodes = read_code_name(ref)
            wanted_codes += codes_meant(tree.resolve(name).id, request.subcodes and with_subcodes, tree.descendants)

    conditions = [Coding.status == "applied", Coding.coder_id.in_(list(coder_ids.values()))]
    if wanted_docs is not None:
        conditions.append(Coding.document_id.in_(wanted_docs))
    rows = s.execute(
        select(Coding.id, Coding.document_id, Coding.code_id, Coding.coder_id, Coding.start, Coding.end)
        .where(*conditions).order_by(Coding.document_id, Coding.start, Coding.id)
    ).all()
    name_of = {coder_id: name for name, coder_id in coder_ids.items()}
    coded: dict[str, set[int]] = defaultdict(set)
    for row in rows:
        coded[name_of[row.coder_id]].add(row.document_id)

    if wanted_docs is None:
        counts: dict[int, int] = defaultdict(int)
        for docs in coded.values():
            for doc_id in docs:
                counts[doc_id] += 1
        doc_ids = sorted(doc_id for doc_id, n in counts.items() if n >= 2)
        if not doc_ids:
            raise InvalidInput(
                f"{_names(coders)} have not coded any document in common yet; agreement needs at least two of them "
                "to code the same document."
            )
    else:
        doc_ids = list(wanted_docs)

    chosen = set(doc_ids)
    used = {row.code_id for row in rows if row.document_id in chosen}
    code_ids = set(wanted_codes) if wanted_codes is not None else used
    if not code_ids:
        raise InvalidInput(f"{_names(coders)} have not applied any code to the chosen documents; there is nothing to compare.")
    codes = tuple((entry.id, entry.path) for entry in tree.ordered() if entry.id in code_ids)

    coverage: dict[tuple[str, int, int], list[tuple[int, int]]] = defaultdict(list)
    refs: dict[tuple[str, int, int], list[tuple[int, int, int]]] = defaultdict(list)
    for row in rows:
        if row.document_id in chosen and row.code_id in code_ids:
            key = (name_of[row.coder_id], row.document_id, row.code_id)
            coverage[key].append((row.start, row.end))
            refs[key].append((row.id, row.start, row.end))

    frames = _frames(s, doc_ids, request.unit)
    data = AgreementInput(
        coders=coders, frames=frames, codes=codes, coverage=dict(coverage),
        coded_documents={name: frozenset(coded.get(name, set()) & chosen) for name in coders},
        unit=request.unit, threshold=float(request.threshold), overlap_basis=request.overlap_basis,
        both_sides=request.both_sides,
    )
    return Gathered(data, coder_ids, dict(refs))


def _names(coders: Sequence[str]) -> str:
    return ", ".join(coders[:-1]) + " and " + coders[-1]


def _frames(s: Session, doc_ids: Sequence[int], unit: str) -> tuple[DocumentFrame, ...]:
    """Each document's title and length, with its sentences and turns when the unit needs them."""
    info: dict[int, tuple[str, int]] = {}
    sentences: dict[int, list[tuple[int, int]]] = defaultdict(list)
    turns: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for part in chunks(doc_ids):
        for row in s.execute(select(Document.id, Document.title, func.length(Document.text)).where(Document.id.in_(part))):
            info[row[0]] = (row[1], int(row[2] or 0))
        if unit in ("sentence", "turn"):
            for doc_id, start, end in s.execute(select(Turn.document_id, Turn.start, Turn.end).where(Turn.document_id.in_(part))):
                turns[doc_id].append((start, end))
        if unit == "sentence":
            for doc_id, start, end in s.execute(
                select(Sentence.document_id, Sentence.start, Sentence.end).where(Sentence.document_id.in_(part))
            ):
                sentences[doc_id].append((start, end))
    return tuple(
        DocumentFrame(doc_id, info[doc_id][0], info[doc_id][1], tuple(sorted(sentences[doc_id])), tuple(sorted(turns[doc_id])))
        for doc_id in doc_ids if doc_id in info
    )
