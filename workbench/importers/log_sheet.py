"""Read a researcher's existing spreadsheet log (.xlsx or .csv), matching columns to fields by their headers."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

from workbench.domain.errors import ImportFailed
from workbench.domain.monitoring_drafts import FIELDS
from workbench.domain.monitoring_sheet import (
    REQUIRED_FIELDS, TEXT_FIELDS_JOINED, LogSheet, SheetColumn, SheetRow, field_for_header,
)

SHEET_NAMES = ("logboek", "log", "monitoring", "monitoringslog", "tijdlijn", "timeline")
HEADER_SEARCH_ROWS = 10  # a title or note may sit above the header row


def _cell(value: Any) -> Any:
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        return value.strip()
    return value


def _xlsx_rows(path: Path, sheet: str | None) -> tuple[str, list[tuple[int, list[Any]]]]:
    import zipfile

    from openpyxl import load_workbook

    from workbench.importers.archive_guard import check_zip_file

    check_zip_file(path, path.name, advice="save it again as .xlsx or .csv")
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ImportFailed(f"{path.name} cannot be read as an Excel workbook ({exc}); save it again as .xlsx or .csv.") from None
    try:
        names = book.sheetnames
        if sheet is not None:
            chosen = next((n for n in names if n.casefold() == sheet.casefold()), None)
            if chosen is None:
                raise ImportFailed(f"{path.name} has no sheet '{sheet}'; its sheets are: {', '.join(names)}.")
        else:
            chosen = next((n for n in names if n.casefold() in SHEET_NAMES), names[0])
        rows = [(number, [_cell(v) for v in values])
                for number, values in enumerate(book[chosen].iter_rows(values_only=True), start=1)]
        return chosen, rows
    finally:
        book.close()


def _decode(data: bytes, name: str) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFailed(f"{name} is neither UTF-8 nor Windows-1252 text; save it again as UTF-8 CSV.")


def _csv_rows(path: Path) -> list[tuple[int, list[Any]]]:
    text = _decode(path.read_bytes(), path.name)
    sample = text[:8192]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        # Numbered by record, as a spreadsheet program shows them, even when a quoted cell spans lines.
        return [(number, [_cell(v) for v in row]) for number, row in enumerate(reader, start=1)]
    except csv.Error as exc:
        raise ImportFailed(f"{path.name} is not valid CSV near line {reader.line_num} ({exc}).") from None


def _header_row(rows: list[tuple[int, list[Any]]], mapping: dict[str, str] | None) -> int:
    for index, (_number, values) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if sum(1 for v in values if v not in (None, "") and field_for_header(v, mapping)) >= 2:
            return index
    return next((i for i, (_n, values) in enumerate(rows) if any(v not in (None, "") for v in values)), 0)


def read_log_sheet(path: Path, *, mapping: dict[str, str] | None = None, sheet: str | None = None) -> LogSheet:
    """The sheet's columns mapped to entry fields and its filled rows; ImportFailed when required columns are missing."""
    path = Path(path)
    if not path.is_file():
        raise ImportFailed(f"There is no file {path}; check the path.")
    for header, wanted in (mapping or {}).items():
        if wanted not in FIELDS:
            raise ImportFailed(f"The column mapping '{header}={wanted}' names no entry field; the fields are: {', '.join(FIELDS)}.")
    suffix = path.suffix.casefold()
    if suffix in (".xlsx", ".xlsm"):
        sheet_name, rows = _xlsx_rows(path, sheet)
    elif suffix in (".csv", ".tsv", ".txt"):
        sheet_name, rows = path.stem, _csv_rows(path)
    else:
        raise ImportFailed(f"{path.name} is not a spreadsheet workbench can read; save the log as .xlsx or .csv.")
    if not rows:
        raise ImportFailed(f"{path.name} is empty; it needs a header row (Datum, Soort, Titel, ...) and one row per entry.")
    start = _header_row(rows, mapping)
    headers = rows[start][1]
    columns, taken = [], set()
    for position, header in enumerate(headers):
        if header in (None, ""):
            continue
        field = field_for_header(header, mapping)
        if field in taken and field not in TEXT_FIELDS_JOINED:
            field = None  # a second column for a one-value field is shown as ignored rather than silently merged
        columns.append(SheetColumn(position, str(header), field))
        if field:
            taken.add(field)
    missing = [f for f in REQUIRED_FIELDS if f not in taken]
    if missing:
        named = " and no ".join(f"{f.replace('_', ' ')} column (a header such as '{_example(f)}')" for f in missing)
        raise ImportFailed(f"{path.name} has no {named} in its header row; rename the column or map it with --map HEADER={missing[0]}.")
    return LogSheet(str(path), sheet_name, tuple(columns), tuple(_rows(rows[start + 1:], columns)))


def _example(field: str) -> str:
    return {"date": "Datum", "title": "Titel"}.get(field, field)


def _rows(rows: list[tuple[int, list[Any]]], columns: list[SheetColumn]) -> list[SheetRow]:
    result = []
    for number, values in rows:
        if all(v in (None, "") for v in values):
            continue
        filled: dict[str, Any] = {}
        for column in columns:
            if column.field is None or column.position >= len(values):
                continue
            value = values[column.position]
            if value in (None, ""):
                continue
            if column.field in filled and column.field in TEXT_FIELDS_JOINED:
                filled[column.field] = f"{filled[column.field]}\n\n{value}"
            else:
                filled.setdefault(column.field, value)
        result.append(SheetRow(number, filled))
    return result
