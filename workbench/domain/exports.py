"""What an export was asked to hold and what it wrote."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workbench.domain.codings import Fragment
from workbench.domain.filters import EVERYTHING, Selection

FRAGMENT_FORMATS = ("xlsx", "csv")
QUOTE_CHOICES = ("spread", "longest", "first")
GROUPINGS = ("document", "attribute")


@dataclass(frozen=True)
class FragmentFilter:
    """Which codings an export holds: codes (with their sub-codes unless `subcodes` is off), a code query, and a
    selection; `per_coder` keeps each coder's fragments apart instead of joining them (`domain.code_fragments`).

    No codes and no query means every code.
    """

    codes: tuple[str, ...] = ()
    query: str | None = None
    selection: Selection = EVERYTHING
    context: str = "sentence"
    subcodes: bool = True  # a code stands for itself and its sub-codes; False: the code alone
    per_coder: bool = False  # one fragment per coder instead of one joined over the coders

    def describe(self) -> dict[str, Any]:
        """The filter as the manifest and the title page show it."""
        s = self.selection
        return {
            "codes": list(self.codes), "query": self.query or "", "documents": list(s.documents),
            "attributes": [f"{k}={v}" for k, v in s.attributes], "speakers": list(s.speakers),
            "coders": list(s.coders), "statuses": list(s.statuses),
            "date_from": s.date_from.isoformat() if s.date_from else "",
            "date_to": s.date_to.isoformat() if s.date_to else "", "context": self.context,
            "subcodes": self.subcodes, "per_coder": self.per_coder,
        }


@dataclass(frozen=True)
class ThemeOptions:
    """How a theme summary is laid out."""

    by_attribute: str | None = None
    group_by: str = "document"
    quotes_per_code: int | None = None
    choose: str = "spread"
    charts: bool = True
    title: str | None = None


@dataclass(frozen=True)
class ExportResult:
    """One written export: where, how much, and the content hash its manifest records."""

    kind: str
    path: str
    manifest: str | None
    content_sha256: str
    counts: dict[str, int] = field(default_factory=dict)
    pseudonymised: bool = False
    notes: tuple[str, ...] = ()
    deidentification: str | None = None  # the report written beside a pseudonymised export


@dataclass(frozen=True)
class CodeInfo:
    """A code as the exports describe it: its path, level, colour and definition."""

    path: str
    name: str
    depth: int
    colour: str
    definition: str = ""
    when_to_use: str = ""
    when_not_to_use: str = ""
    example: str = ""
    codable: bool = True
    memos: tuple[str, ...] = ()

    @property
    def levels(self) -> tuple[str, ...]:
        return tuple(self.path.split("/"))


@dataclass(frozen=True)
class FragmentSet:
    """Everything a fragment or theme export needs, already filtered and (when asked) pseudonymised."""

    project: str
    fragments: tuple[Fragment, ...]
    codes: tuple[CodeInfo, ...]
    cases: dict[int, tuple[str, ...]] = field(default_factory=dict)
    attribute_names: tuple[str, ...] = ()
    filters: dict[str, Any] = field(default_factory=dict)
    codebook_version: str = ""
    codebook_title: str = ""
    language: str = "nl"
    pseudonymised: bool = False
    exported_at: str = ""
    # The single codings the fragments were joined from, for counting each code apart; the memos on documents.
    codings: tuple[Fragment, ...] = ()
    document_memos: dict[int, tuple[str, ...]] = field(default_factory=dict)
    subcodes: bool = True
    per_coder: bool = False
