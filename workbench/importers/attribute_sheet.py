"""An attribute sheet (`--attributes sheet.xlsx|csv`): one row per transcript file, one column per attribute.

A header row names the columns; one column names the file (`bestand`, `file`, `document`, ...), the others
are attributes such as organisation, role, interview date, interviewer or case.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from workbench.importers.failures import import_failed
from workbench.importers.text import decode

_FILE_COLUMNS = frozenset(
    "bestand bestandsnaam file filename document transcript naam name bron source".split()
)


@dataclass(frozen=True)
class AttributeSheet:
    """Attribute values by file: look them up with `for_file(path)`."""

    columns: tuple[str, ...]
    rows: Mapping[str, Mapping[str, str]]  # keyed by the file name's casefolded stem

    def for_file(self, path: Path) -> Mapping[str, str]:
        """The attributes the sheet gives the file at `path` (matched by name, with or without extension)."""
        return self.rows.get(path.stem.casefold(), MappingProxyType({}))


def read_attribute_sheet(path: Path) -> AttributeSheet:
    """Read an .xlsx or .csv attribute sheet; raise ImportFailed naming the sheet when it cannot be used."""
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise import_failed(path, f"is not an attribute sheet ({suffix or 'no extension'})", "give an .xlsx or .csv file")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise import_failed(path, f"cannot be read ({error.strerror or error})", "check the path") from None
    table = _xlsx_rows(data, path) if suffix == ".xlsx" else _csv_rows(data, path)
    return _sheet(table, path)


def _xlsx_rows(data: bytes, path: Path) -> list[list[str]]:
    import openpyxl

    from workbench.importers.archive_guard import check_zip_bytes

    check_zip_bytes(data, str(path), advice="save it again as .xlsx")
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise import_failed(path, "is not a readable Excel workbook", "save it again as .xlsx") from None
    try:
        return [[_cell(value) for value in row] for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


def _csv_rows(data: bytes, path: Path) -> list[list[str]]:
    text = decode(data, path).lstrip("\ufeff")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        dialect = csv.excel
    return [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), dialect)]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _sheet(table: Iterable[list[str]], path: Path) -> AttributeSheet:
    rows = [row for row in table if any(cell for cell in row)]
    if not rows:
        raise import_failed(path, "is empty", "give a header row and one row per transcript file")
    header = rows[0]
    file_column = next((i for i, name in enumerate(header) if name.strip().casefold() in _FILE_COLUMNS), None)
    if file_column is None:
        raise import_failed(
            path, "has no column naming the transcript files", "call that column 'bestand' or 'file'"
        )
    columns = [(i, name.strip()) for i, name in enumerate(header) if i != file_column and name.strip()]
    by_file: dict[str, Mapping[str, str]] = {}
    for number, row in enumerate(rows[1:], start=2):
        name = row[file_column].strip() if file_column < len(row) else ""
        if not name:
            continue
        key = Path(name).stem.casefold()
        if key in by_file:
            raise import_failed(path, f"names the file {name!r} twice (row {number})", "keep one row per file")
        values = {column: row[i].strip() for i, column in columns if i < len(row) and row[i].strip()}
        by_file[key] = MappingProxyType(values)
    return AttributeSheet(tuple(name for _, name in columns), MappingProxyType(by_file))
