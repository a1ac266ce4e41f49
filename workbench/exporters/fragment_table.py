"""The table of coded fragments shared by the Excel and CSV exports: columns, one row per coding, counts."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from workbench.domain.code_fragments import per_code
from workbench.domain.codings import Fragment
from workbench.domain.export_labels import ExportLabels
from workbench.domain.exports import CodeInfo, FragmentSet

MAX_VALUES_PER_ATTRIBUTE = 25


def clock(seconds: float | None) -> str:
    """Seconds as `HH:MM:SS` (empty when unknown)."""
    if seconds is None:
        return ""
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def cell_value(value: Any, labels: ExportLabels | None = None) -> Any:
    """An attribute value as a spreadsheet shows it (dates stay dates, booleans become words of the language)."""
    if isinstance(value, bool):
        return (labels or ExportLabels("nl")).yes_no(value)
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None)
    return value


def _shared_levels(codes: tuple[str, ...]) -> list[str]:
    """The code levels a fragment's codes share: all of them for one code, the common ancestors for several."""
    split = [code.split("/") for code in codes]
    shared = []
    for parts in zip(*split):
        if len(set(parts)) > 1:
            break
        shared.append(parts[0])
    return shared


class FragmentTable:
    """Columns and rows for a FragmentSet."""

    def __init__(self, data: FragmentSet):
        self.data = data
        self.labels = ExportLabels(data.language)
        self.no_value = self.labels["no_value"]
        self.depth = max((len(c.levels) for c in data.codes), default=1)
        for fragment in data.fragments:
            self.depth = max(self.depth, *(code.count("/") + 1 for code in fragment.codes or (fragment.code,)))
        self.attributes = list(data.attribute_names)
        # Each column's key (for widths and wrapping) and its heading in the project's language; an attribute's
        # column is headed by the attribute's own name.
        self.keys = (
            ["document", "case", *(f"attribute:{name}" for name in self.attributes), "speaker", "time", "code"]
            + [f"level:{n}" for n in range(1, self.depth + 1)]
            + ["fragment", "context", "coder", "memo", "status", "start", "end"]
        )
        self.header = [self._heading(key) for key in self.keys]
        self.code_column = self.keys.index("code")
        self._rows: list[tuple[Fragment, list[Any]]] | None = None
        self._found: dict[str, list[list[Fragment]]] | None = None
        self.fragment_column = self.keys.index("fragment")

    def _heading(self, key: str) -> str:
        kind, _, rest = key.partition(":")
        if kind == "attribute":
            return rest
        return self.labels.level(int(rest)) if kind == "level" else self.labels[key]

    def row(self, f: Fragment) -> list[Any]:
        levels = _shared_levels(f.codes or (f.code,))
        return [
            f.document, "; ".join(self.data.cases.get(f.document_id, ())),
            *(cell_value(f.attributes.get(name), self.labels) for name in self.attributes),
            f.speaker or "", clock(f.t_start), f.code,
            *(levels + [""] * (self.depth - len(levels))),
            f.text, f.context, f.coder, f.memo, self.labels.status(f.status), f.start, f.end,
        ]

    def rows(self, theme: str | None = None) -> list[tuple[Fragment, list[Any]]]:
        """Every fragment's row, or those of one top-level theme (each row is built once)."""
        if self._rows is None:
            self._rows = [(fragment, self.row(fragment)) for fragment in self.data.fragments]
            self._by_theme: dict[str, list[tuple[Fragment, list[Any]]]] = defaultdict(list)
            for fragment, row in self._rows:
                self._by_theme[fragment.code.split("/", 1)[0]].append((fragment, row))
        return self._rows if theme is None else self._by_theme.get(theme, [])

    def themes(self) -> list[str]:
        """The top-level codes that hold fragments, in codebook order."""
        present = {f.code.split("/", 1)[0] for f in self.data.fragments}
        ordered = [c.path for c in self.data.codes if c.depth == 0 and c.path in present]
        return ordered + sorted(present - set(ordered))

    def documents(self) -> list[tuple[int, str]]:
        """The documents with fragments, in the order they first appear."""
        return list(dict.fromkeys((f.document_id, f.document) for f in self.data.fragments))

    def _per_code(self) -> dict[str, list[list[Fragment]]]:
        """Each code's fragments as `domain.code_fragments` counts them (with sub-codes unless the export is of
        codes alone), each as the codings it was joined from."""
        if self._found is None:
            codings = self.data.codings or self.data.fragments
            self._found = per_code(codings, [c.path for c in self.code_rows()], subcodes=self.data.subcodes,
                                   per_coder=self.data.per_coder)
        return self._found

    def code_by_document(self) -> dict[str, Counter[int]]:
        counts: dict[str, Counter[int]] = defaultdict(Counter)
        for code, found in self._per_code().items():
            for members in found:
                counts[code][members[0].document_id] += 1
        return counts

    def attribute_columns(self) -> list[tuple[str, Any]]:
        """(attribute, value) pairs for the code × attribute sheet: attributes with few distinct values."""
        columns: list[tuple[str, Any]] = []
        for name in self.attributes:
            values = {cell_value(f.attributes.get(name), self.labels) for f in self.data.fragments}
            values = {self.no_value if v in (None, "") else v for v in values}
            if len(values) <= MAX_VALUES_PER_ATTRIBUTE:
                columns.extend((name, v) for v in sorted(values, key=lambda v: (v == self.no_value, str(v))))
        return columns

    def code_by_attribute(self) -> dict[str, Counter[tuple[str, Any]]]:
        counts: dict[str, Counter[tuple[str, Any]]] = defaultdict(Counter)
        for code, found in self._per_code().items():
            for members in found:
                for name in self.attributes:
                    value = cell_value(members[0].attributes.get(name), self.labels)
                    counts[code][(name, self.no_value if value in (None, "") else value)] += 1
        return counts

    def code_rows(self) -> list[CodeInfo]:
        """Every code of the codebook, and any code a fragment names that the codebook lacks."""
        known = [c for c in self.data.codes]
        paths = {c.path for c in known}
        extra = sorted({code for f in self.data.fragments for code in f.codes or (f.code,)} - paths)
        return known + [CodeInfo(p, p.rsplit("/", 1)[-1], p.count("/"), "#808080") for p in extra]

    def colours(self) -> dict[str, str]:
        return {c.path: c.colour for c in self.code_rows()}
