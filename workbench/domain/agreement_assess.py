"""Compute an agreement report from each coder's coded intervals (pure: the service only gathers the data)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

from workbench.domain.agreement import (
    DEFAULT_THRESHOLD,
    METHODS,
    AgreementReport,
    CodeAgreement,
    DocumentAgreement,
    Measures,
    MissingDocument,
    OverallAgreement,
)
from workbench.domain.agreement_stats import (
    brennan_prediger,
    cohen_kappa,
    krippendorff_alpha,
    mean,
    percent,
    scott_pi,
    weighted_mean,
)
from workbench.domain.agreement_units import (
    DocumentFrame,
    Interval,
    Patterns,
    SegmentCount,
    add_patterns,
    character_patterns,
    presence_patterns,
    segment_count,
)


@dataclass(frozen=True)
class AgreementInput:
    """Everything an agreement report is computed from.

    `coverage[(coder, document_id, code_id)]` lists a coder's applied intervals of a code in a document;
    `coded_documents[coder]` holds the documents that coder coded at all (elsewhere their values are missing).
    """

    coders: tuple[str, ...]
    frames: tuple[DocumentFrame, ...]
    codes: tuple[tuple[int, str], ...]
    coverage: Mapping[tuple[str, int, int], Sequence[Interval]]
    coded_documents: Mapping[str, frozenset[int]]
    unit: str = "character"
    threshold: float = DEFAULT_THRESHOLD
    overlap_basis: str = "union"
    both_sides: bool = True

    def coverage_of(self, frame: DocumentFrame, code_id: int) -> list[Sequence[Interval] | None]:
        """Each coder's intervals of a code in a document, None for a coder who did not code the document."""
        return [
            self.coverage.get((coder, frame.document_id, code_id), ())
            if frame.document_id in self.coded_documents.get(coder, frozenset()) else None
            for coder in self.coders
        ]


def measures(patterns: Patterns, coders: Sequence[str]) -> Measures:
    """Unit counts, percent agreement, mean pairwise Cohen κ and Scott π, and Krippendorff α of binary patterns."""
    units = agreements = 0
    coded_by = {coder: 0 for coder in coders}
    for pattern, count in patterns.items():
        present = [value for value in pattern if value is not None]
        for coder, value in zip(coders, pattern):
            if value:
                coded_by[coder] += count
        if len(present) >= 2:
            units += count
            agreements += count if len(set(present)) == 1 else 0
    tables = [_pair(patterns, i, j) for i in range(len(coders)) for j in range(i + 1, len(coders))]
    tables = [table for table in tables if sum(table.values()) > 0]
    return Measures(
        units=units,
        agreements=agreements,
        disagreements=units - agreements,
        coded_by=coded_by,
        percent_agreement=percent(agreements / units) if units else None,
        cohen_kappa=mean(cohen_kappa(table) for table in tables),
        scott_pi=mean(scott_pi(table) for table in tables),
        krippendorff_alpha=krippendorff_alpha(list(patterns), list(patterns.values())),
    )


def _pair(patterns: Patterns, i: int, j: int) -> dict[tuple[Hashable, Hashable], float]:
    table: dict[tuple[Hashable, Hashable], float] = {}
    for pattern, count in patterns.items():
        a, b = pattern[i], pattern[j]
        if a is not None and b is not None:
            table[(a, b)] = table.get((a, b), 0) + count
    return table


def assess(data: AgreementInput) -> AgreementReport:
    """The per-code table and the totals at the input's unit."""
    if data.unit == "character":
        rows, overall = _characters(data)
    elif data.unit == "segment":
        rows, overall = _segments(data)
    else:
        rows, overall = _presence(data)
    missing = tuple(
        MissingDocument(coder, frame.document_id, frame.title)
        for frame in data.frames
        for coder in data.coders
        if frame.document_id not in data.coded_documents.get(coder, frozenset())
    )
    return AgreementReport(
        unit=data.unit,
        coders=data.coders,
        threshold=data.threshold if data.unit == "segment" else None,
        method=METHODS[data.unit],
        documents=tuple(frame.title for frame in data.frames),
        codes=tuple(rows),
        overall=overall,
        missing=missing,
    )


def _row(code_id: int, path: str, m: Measures, documents: tuple[DocumentAgreement, ...] = ()) -> CodeAgreement:
    return CodeAgreement(
        code_id=code_id, code=path, units=m.units, agreements=m.agreements, disagreements=m.disagreements,
        coded_by=m.coded_by, percent_agreement=m.percent_agreement, cohen_kappa=m.cohen_kappa,
        scott_pi=m.scott_pi, brennan_prediger=m.brennan_prediger, krippendorff_alpha=m.krippendorff_alpha,
        documents=documents,
    )


def _overall(codes: int, m: Measures) -> OverallAgreement:
    return OverallAgreement(
        codes=codes, units=m.units, agreements=m.agreements, disagreements=m.disagreements,
        percent_agreement=m.percent_agreement, cohen_kappa=m.cohen_kappa, scott_pi=m.scott_pi,
        brennan_prediger=m.brennan_prediger, krippendorff_alpha=m.krippendorff_alpha,
    )


def _characters(data: AgreementInput) -> tuple[list[CodeAgreement], OverallAgreement]:
    """NVivo's comparison: a row per code and document, totals weighted by document size, α on pooled characters."""
    rows: list[CodeAgreement] = []
    everything: Patterns = {}
    all_documents: list[DocumentAgreement] = []
    for code_id, path in data.codes:
        pooled: Patterns = {}
        documents: list[DocumentAgreement] = []
        for frame in data.frames:
            patterns = character_patterns(frame.length, data.coverage_of(frame, code_id))
            m = measures(patterns, data.coders)
            if not m.units:
                continue
            add_patterns(pooled, patterns)
            kappa = m.cohen_kappa
            if kappa is None and m.disagreements == 0:
                kappa = 1.0  # NVivo: complete agreement (also when neither coder used the code) counts as κ = 1
            documents.append(DocumentAgreement(
                document_id=frame.document_id, document=frame.title, characters=frame.length, units=m.units,
                agreements=m.agreements, disagreements=m.disagreements, coded_by=m.coded_by,
                percent_agreement=m.percent_agreement, cohen_kappa=kappa,
            ))
        add_patterns(everything, pooled)
        all_documents.extend(documents)
        rows.append(_row(code_id, path, _size_weighted(pooled, documents, data.coders), tuple(documents)))
    return rows, _overall(len(rows), _size_weighted(everything, all_documents, data.coders))


def _size_weighted(pooled: Patterns, documents: Sequence[DocumentAgreement], coders: Sequence[str]) -> Measures:
    m = measures(pooled, coders)
    return Measures(
        units=m.units, agreements=m.agreements, disagreements=m.disagreements, coded_by=m.coded_by,
        percent_agreement=weighted_mean((d.percent_agreement, d.units) for d in documents),
        cohen_kappa=weighted_mean((d.cohen_kappa, d.units) for d in documents),
        krippendorff_alpha=m.krippendorff_alpha,
    )


def _presence(data: AgreementInput) -> tuple[list[CodeAgreement], OverallAgreement]:
    """Sentence, turn or document presence: binary patterns per code, pooled over codes for the totals."""
    rows: list[CodeAgreement] = []
    everything: Patterns = {}
    for code_id, path in data.codes:
        pooled: Patterns = {}
        for frame in data.frames:
            add_patterns(pooled, presence_patterns(frame.spans(data.unit), data.coverage_of(frame, code_id)))
        add_patterns(everything, pooled)
        rows.append(_row(code_id, path, measures(pooled, data.coders)))
    return rows, _overall(len(rows), measures(everything, data.coders))


def _segments(data: AgreementInput) -> tuple[list[CodeAgreement], OverallAgreement]:
    """MAXQDA's segment comparison; chance agreement 1/q with q the codes that appear in the table."""
    counts: list[tuple[int, str, SegmentCount, dict[str, int]]] = []
    for code_id, path in data.codes:
        total = SegmentCount()
        coded_by = {coder: 0 for coder in data.coders}
        for frame in data.frames:
            coverage = data.coverage_of(frame, code_id)
            total = total + segment_count(coverage, data.threshold, data.overlap_basis, both_sides=data.both_sides)
            for coder, cov in zip(data.coders, coverage):
                coded_by[coder] += len(cov or ())
        counts.append((code_id, path, total, coded_by))
    categories = sum(1 for *_rest, total, _by in counts if total.agreements + total.disagreements)
    rows = [_row(code_id, path, _segment_measures(total, coded_by, categories)) for code_id, path, total, coded_by in counts]
    grand = SegmentCount()
    for *_rest, total, _by in counts:
        grand = grand + total
    return rows, _overall(len(rows), _segment_measures(grand, {}, categories))


def _segment_measures(count: SegmentCount, coded_by: dict[str, int], categories: int) -> Measures:
    units = count.agreements + count.disagreements
    share = count.agreements / units if units else None
    return Measures(
        units=units, agreements=count.agreements, disagreements=count.disagreements, coded_by=coded_by,
        percent_agreement=percent(share), brennan_prediger=brennan_prediger(share, categories),
    )
