"""What a theme summary says, before it is typeset: per code its definition, counts by an attribute,
the quotes chosen and grouped, and its memos, in the project's language."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from workbench.domain.code_fragments import join_fragments, per_code
from workbench.domain.codings import Fragment
from workbench.domain.exports import CodeInfo, FragmentSet, ThemeOptions

MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
LABELS = {
    "nl": {"subtitle": "Themasamenvatting", "contents": "Inhoud", "definition": "Definitie",
           "when_to_use": "Wanneer gebruiken", "when_not_to_use": "Wanneer niet gebruiken", "example": "Voorbeeld",
           "fragments": "Fragmenten", "documents": "Documenten", "total": "Totaal", "quotes": "Citaten",
           "memos": "Memo's", "none": "Geen fragmenten in deze selectie.", "including": "Tellingen inclusief subcodes.",
           "alone": "Tellingen van de code zelf, zonder subcodes.", "coded_by": "gecodeerd door",
           "coding_memo": "Memo bij de codering", "document_memo": "Memo bij het document",
           "page": "Pagina", "date": "Datum", "codebook": "Codeboek", "filters": "Filters", "everything": "geen",
           "pseudonymised": "Namen zijn vervangen door pseudoniemen.", "document": "Document",
           "shown": "{shown} van {available} citaten, {how}.", "spread": "gespreid over de documenten",
           "longest": "de langste", "first": "de eerste", "toc_hint": "Werk de inhoudsopgave bij met F9.",
           "no_value": "(geen)", "chart": "Fragmenten per {attribute}"},
    "en": {"subtitle": "Theme summary", "contents": "Contents", "definition": "Definition",
           "when_to_use": "When to use", "when_not_to_use": "When not to use", "example": "Example",
           "fragments": "Fragments", "documents": "Documents", "total": "Total", "quotes": "Quotes",
           "memos": "Memos", "none": "No fragments in this selection.", "including": "Counts include the sub-codes.",
           "alone": "Counts of the code alone, without its sub-codes.", "coded_by": "coded by",
           "coding_memo": "Coding memo", "document_memo": "Document memo",
           "page": "Page", "date": "Date", "codebook": "Codebook", "filters": "Filters", "everything": "none",
           "pseudonymised": "Names have been replaced by pseudonyms.", "document": "Document",
           "shown": "{shown} of {available} quotes, {how}.", "spread": "spread over the documents",
           "longest": "the longest", "first": "the first", "toc_hint": "Update the table of contents with F9.",
           "no_value": "(none)", "chart": "Fragments by {attribute}"},
}
ORGANISATION_NAMES = ("organisatietype", "type organisatie", "organisatie", "organisation type", "organisation",
                      "organization", "organisatiesoort")
MAX_GROUPS = 12


def long_date(day: dt.date | None, language: str) -> str:
    """`8 oktober 2024` (or `8 October 2024`)."""
    if day is None:
        return ""
    return f"{day.day} {MONTHS.get(language, MONTHS['en'])[day.month - 1]} {day.year}"


def clock(seconds: float | None) -> str:
    if seconds is None:
        return ""
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def _plain(value: Any, language: str) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return ("ja" if value else "nee") if language == "nl" else ("yes" if value else "no")
    if isinstance(value, dt.date):
        return long_date(value, language)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def default_attribute(data: FragmentSet) -> str | None:
    """The attribute to count by when none is chosen: the organisation type, else one with few values."""
    names = list(data.attribute_names)
    for wanted in ORGANISATION_NAMES:
        for name in names:
            if name.casefold() == wanted:
                return name
    for name in names:
        values = {str(f.attributes.get(name)) for f in data.fragments}
        if 1 < len(values) <= MAX_GROUPS:
            return name
    return None


@dataclass(frozen=True)
class Quote:
    """A fragment as quoted: its text, where it was said, who coded it, and the memos about it; a document's
    memos go with the first quote from that document in a section."""

    text: str
    attribution: str
    document_id: int
    start: int
    coders: tuple[str, ...] = ()
    memos: tuple[str, ...] = ()
    document_memos: tuple[str, ...] = ()


@dataclass(frozen=True)
class CountRow:
    label: str
    fragments: int
    documents: int


@dataclass(frozen=True)
class ThemeSection:
    """One code's part of the summary."""

    code: CodeInfo
    level: int
    counts: tuple[CountRow, ...]
    total: CountRow
    groups: tuple[tuple[str, tuple[Quote, ...]], ...]
    shown: int
    available: int
    has_children: bool
    subcodes: bool = True  # whether the counts hold the sub-codes' fragments


@dataclass(frozen=True)
class ThemePlan:
    title: str
    language: str
    facts: tuple[tuple[str, str], ...]
    attribute: str | None
    sections: tuple[ThemeSection, ...]
    pseudonymised: bool
    choice: str = "spread"
    values: tuple[str, ...] = ()

    @property
    def labels(self) -> dict[str, str]:
        return LABELS.get(self.language, LABELS["en"])


def choose_quotes(fragments: list[Fragment], limit: int | None, how: str) -> list[Fragment]:
    """At most `limit` fragments: the longest, the first, or the longest of each document in turn."""
    if limit is None or len(fragments) <= limit:
        return fragments
    if how == "longest":
        chosen = sorted(fragments, key=lambda f: (-len(f.text), f.document_id, f.start))[:limit]
    elif how == "first":
        chosen = fragments[:limit]
    else:
        per_document: dict[int, list[Fragment]] = defaultdict(list)
        for fragment in fragments:
            per_document[fragment.document_id].append(fragment)
        queues = [sorted(found, key=lambda f: (-len(f.text), f.start))
                  for _doc, found in sorted(per_document.items(), key=lambda item: (-len(item[1]), item[0]))]
        chosen, depth = [], 0
        while len(chosen) < limit:
            layer = [queue[depth] for queue in queues if depth < len(queue)]
            if not layer:
                break
            chosen.extend(layer[: limit - len(chosen)])
            depth += 1
    keep = {id(f) for f in chosen}
    return [f for f in fragments if id(f) in keep]


class _Planner:
    def __init__(self, data: FragmentSet, dates: dict[int, dt.date | None], options: ThemeOptions):
        self.data, self.dates, self.options = data, dates, options
        self.language = data.language if data.language in LABELS else "en"
        self.attribute = options.by_attribute or default_attribute(data)
        self.codings = list(data.codings or data.fragments)
        self.order = [c.path for c in data.codes]
        self.values = self._values()

    def _value(self, fragment: Fragment) -> str:
        if self.attribute is None:
            return fragment.document
        return _plain(fragment.attributes.get(self.attribute), self.language) or LABELS[self.language]["no_value"]

    def _values(self) -> list[str]:
        found = Counter(self._value(f) for f in self.data.fragments)
        return sorted(found, key=lambda v: (v == LABELS[self.language]["no_value"], v.casefold()))

    def attribution(self, fragment: Fragment) -> str:
        """Document, speaker, the attribute's value, date and time: the document is always named."""
        parts = [fragment.document, fragment.speaker or ""]
        if self.attribute is not None:
            parts.append(_plain(fragment.attributes.get(self.attribute), self.language))
        parts += [long_date(self.dates.get(fragment.document_id), self.language), clock(fragment.t_start)]
        return ", ".join(dict.fromkeys(p for p in parts if p))

    def counts(self, found: list[list[Fragment]]) -> tuple[tuple[CountRow, ...], CountRow]:
        """Fragments and documents per value; `found` holds each fragment's codings (`code_fragments.per_code`)."""
        per_value: dict[str, list[int]] = defaultdict(list)
        for members in found:
            per_value[self._value(members[0])].append(members[0].document_id)
        rows = tuple(CountRow(value, len(per_value[value]), len(set(per_value[value])))
                     for value in self.values if per_value.get(value))
        total = CountRow(LABELS[self.language]["total"], len(found), len({m[0].document_id for m in found}))
        return rows, total

    def groups(self, fragments: list[Fragment]) -> tuple[tuple[str, tuple[Quote, ...]], ...]:
        grouped: dict[str, list[Quote]] = defaultdict(list)
        seen: set[int] = set()
        for fragment in fragments:
            if self.options.group_by == "attribute" and self.attribute is not None:
                key = f"{self.attribute}: {self._value(fragment)}"
            else:
                key = fragment.document
            first = fragment.document_id not in seen
            seen.add(fragment.document_id)
            grouped[key].append(Quote(
                fragment.text.strip(), self.attribution(fragment), fragment.document_id, fragment.start,
                fragment.coders or ((fragment.coder,) if fragment.coder else ()),
                fragment.memos or ((fragment.memo,) if fragment.memo else ()),
                self.data.document_memos.get(fragment.document_id, ()) if first else (),
            ))
        return tuple((key, tuple(quotes)) for key, quotes in grouped.items())

    def sections(self) -> tuple[ThemeSection, ...]:
        codes = list(self.data.codes)
        paths = {c.path for c in codes}
        extra = sorted({c.code for c in self.codings} - paths)
        codes += [CodeInfo(p, p.rsplit("/", 1)[-1], p.count("/"), "#808080") for p in extra]
        every = [c.path for c in codes]
        with_below = per_code(self.codings, every, subcodes=self.data.subcodes, per_coder=self.data.per_coder)
        alone = per_code(self.codings, every, subcodes=False, per_coder=self.data.per_coder)
        used = {c.code for c in self.codings}
        result = []
        for code in codes:
            below = with_below[code.path]
            if not below:
                continue
            own = join_fragments([c for members in alone[code.path] for c in members],
                                 per_coder=self.data.per_coder, code_order=self.order)
            chosen = choose_quotes(own, self.options.quotes_per_code, self.options.choose)
            counts, total = self.counts(below)
            result.append(ThemeSection(
                code=code, level=min(code.depth + 1, 3), counts=counts, total=total, groups=self.groups(chosen),
                shown=len(chosen), available=len(own),
                has_children=any(p.startswith(code.path + "/") for p in paths | used),
                subcodes=self.data.subcodes,
            ))
        return tuple(result)


def plan_summary(data: FragmentSet, dates: dict[int, dt.date | None], options: ThemeOptions) -> ThemePlan:
    """The whole summary's content, in the order it is typeset."""
    planner = _Planner(data, dates, options)
    labels = LABELS[planner.language]
    filters = [f"{key}: {', '.join(map(str, value)) if isinstance(value, (list, tuple)) else value}"
               for key, value in data.filters.items()
               if value not in (None, "", [], ()) and key not in ("statuses", "context", "subcodes", "per_coder")]
    version = f"{data.codebook_title} ({data.codebook_version})" if data.codebook_title else data.codebook_version
    try:
        day = long_date(dt.date.fromisoformat(data.exported_at[:10]), planner.language)
    except ValueError:
        day = data.exported_at
    facts = ((labels["date"], day), (labels["codebook"], version),
             (labels["filters"], "; ".join(filters) or labels["everything"]))
    return ThemePlan(options.title or data.project, planner.language, facts, planner.attribute,
                     planner.sections(), data.pseudonymised, options.choose, tuple(planner.values))
