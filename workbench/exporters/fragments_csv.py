"""Coded fragments as CSV: the columns of the Excel "All" sheet, UTF-8 with a BOM so Excel reads accents.

A value that starts with `=`, `+` or `@` gets a leading apostrophe, so a spreadsheet never runs it as a
formula (the coded text itself is unchanged in the Excel export).
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

from workbench.domain.exports import FragmentSet
from workbench.exporters.fragment_table import FragmentTable
from workbench.exporters.manifest import ContentHash

DELIMITERS = {",": ",", ";": ";", "tab": "\t"}


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, str) and value[:1] in ("=", "+", "@"):
        return "'" + value
    return value


def write_fragments_csv(path: Path, data: FragmentSet, hasher: ContentHash, delimiter: str = ",") -> dict[str, int]:
    """Write one row per coding to `path`; returns what it holds."""
    table = FragmentTable(data)
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=DELIMITERS.get(delimiter, delimiter), lineterminator="\r\n")
        writer.writerow(table.header)
        hasher.row(table.header)
        for _fragment, row in table.rows():
            writer.writerow([_plain(v) for v in row])
            hasher.row(row)
    return {"fragments": len(data.fragments), "documents": len(table.documents())}
