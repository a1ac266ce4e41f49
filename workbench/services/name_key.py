"""The key of the name register (real name -> pseudonym), written on its own and only on request."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from workbench.domain.errors import InvalidInput
from workbench.services.context import ServiceContext

HEADER = ("real_name", "kind", "pseudonym", "variants")


def _rows(ctx: ServiceContext) -> list[tuple[str, str, str, str]]:
    from workbench.services.pseudonyms import register_entries

    with ctx.read() as s:
        entries, _band = register_entries(s)
    return [(e.real_name, e.entity_kind, e.pseudonym, "; ".join(e.variants))
            for e in sorted(entries, key=lambda e: (e.entity_kind, e.real_name.casefold()))]


def _xlsx(rows) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Sleutel"
    sheet.append(list(HEADER))
    for row in rows:
        sheet.append(list(row))
    for column, width in zip("ABCD", (34, 14, 28, 40)):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_key(ctx: ServiceContext, out: Path) -> tuple[Path, int]:
    """Write every entity with its pseudonym to a .csv or .xlsx file with mode 0600; returns the path and count."""
    from workbench.exporters.export_files import write_bytes

    out = Path(out).expanduser()
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise InvalidInput(f"{out.name} is neither .csv nor .xlsx; name the key file key.csv or key.xlsx.")
    rows = _rows(ctx)
    if suffix == ".xlsx":
        data = _xlsx(rows)
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(HEADER)
        writer.writerows(rows)
        data = ("\ufeff" + buffer.getvalue()).encode("utf-8")
    written = write_bytes(out, data)
    written.chmod(0o600)
    return written, len(rows)
