"""Inter-coder agreement as the front ends see it: per-code tables, totals, disagreements and adjudications."""

from __future__ import annotations

from dataclasses import dataclass, field

UNITS = ("character", "segment", "sentence", "turn", "document")
DEFAULT_UNIT = "character"
DEFAULT_THRESHOLD = 90.0
OVERLAP_BASES = ("union", "own")
CONSENSUS_CODER = "consensus"

# What each unit's figures mean, for the table's caption.
METHODS = {
    "character": "NVivo-style: per code and document over characters; totals weighted by document size.",
    "segment": "MAXQDA-style: a segment agrees when another coder's segment of the code overlaps it by the "
    "threshold, checked from every coder's side; κ with chance 1/number of codes (Brennan & Prediger).",
    "sentence": "Presence per sentence: a coder coded a sentence when a coding shares a character with it.",
    "turn": "Presence per speaker turn: a coder coded a turn when a coding shares a character with it.",
    "document": "Presence per document: a coder coded a document when the code occurs in it at all.",
}


@dataclass(frozen=True)
class Measures:
    """The figures of one comparison: unit counts and the agreement coefficients (None where undefined).

    `units` counts the units at least two coders judged; `agreements` those on which all of them agree.
    Percentages run from 0 to 100. With more than two coders, κ and π are means over coder pairs.
    """

    units: int = 0
    agreements: int = 0
    disagreements: int = 0
    coded_by: dict[str, int] = field(default_factory=dict)
    percent_agreement: float | None = None
    cohen_kappa: float | None = None
    scott_pi: float | None = None
    brennan_prediger: float | None = None
    krippendorff_alpha: float | None = None


@dataclass(frozen=True)
class DocumentAgreement:
    """One code in one document (the character unit's rows, as NVivo reports them)."""

    document_id: int
    document: str
    characters: int
    units: int
    agreements: int
    disagreements: int
    coded_by: dict[str, int]
    percent_agreement: float | None
    cohen_kappa: float | None


@dataclass(frozen=True)
class CodeAgreement:
    """One row of the per-code table."""

    code_id: int
    code: str
    units: int
    agreements: int
    disagreements: int
    coded_by: dict[str, int]
    percent_agreement: float | None
    cohen_kappa: float | None
    scott_pi: float | None
    brennan_prediger: float | None
    krippendorff_alpha: float | None
    documents: tuple[DocumentAgreement, ...] = ()


@dataclass(frozen=True)
class OverallAgreement:
    """The totals row: all chosen codes together."""

    codes: int
    units: int
    agreements: int
    disagreements: int
    percent_agreement: float | None
    cohen_kappa: float | None
    scott_pi: float | None
    brennan_prediger: float | None
    krippendorff_alpha: float | None


@dataclass(frozen=True)
class MissingDocument:
    """A chosen document a coder has not coded at all: their values there count as missing."""

    coder: str
    document_id: int
    document: str


@dataclass(frozen=True)
class AgreementReport:
    """Agreement between coders on chosen documents and codes at one unit."""

    unit: str
    coders: tuple[str, ...]
    threshold: float | None
    method: str
    documents: tuple[str, ...]
    codes: tuple[CodeAgreement, ...]
    overall: OverallAgreement
    missing: tuple[MissingDocument, ...] = ()


@dataclass(frozen=True)
class CoderSide:
    """What one coder did inside a disagreement: their codings of the code there, with the coded text."""

    coder: str
    codings: tuple[tuple[int, int, int], ...]  # (coding id, start, end)
    texts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Disagreement:
    """A stretch of one document where coders applied one code differently.

    `id` reads `DOC:CODE:START-END` (document id, code id, the stretch's offsets) and names it for adjudication.
    `kind` is `missing` when some coder did not apply the code there at all, else `boundaries`.
    """

    id: str
    document_id: int
    document: str
    code_id: int
    code: str
    start: int
    end: int
    text: str
    kind: str
    sides: tuple[CoderSide, ...]
    resolved: bool = False


@dataclass(frozen=True)
class Adjudication:
    """The consensus decided for one disagreement."""

    disagreement: str
    coder: str
    decision: str
    spans: tuple[tuple[int, int], ...]
    coding_ids: tuple[int, ...]
    removed: int


def disagreement_id(document_id: int, code_id: int, start: int, end: int) -> str:
    """The id a disagreement is named by."""
    return f"{document_id}:{code_id}:{start}-{end}"


def parse_disagreement_id(text: str) -> tuple[int, int, int, int] | None:
    """Document id, code id, start and end from a disagreement id, or None when the text is not one."""
    try:
        document, code, span = text.strip().split(":")
        start, end = span.split("-")
        values = int(document), int(code), int(start), int(end)
    except ValueError:
        return None
    return values if values[2] >= 0 and values[2] < values[3] else None
