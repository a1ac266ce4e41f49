"""Coded fragments as an Excel workbook: an "All" sheet and one per theme, count sheets, the codebook.

Written in openpyxl's write-only mode so that hundreds of thousands of rows stream to disk: header row frozen,
autofilter, widths, wrapped text aligned to the top, rows as tall as their text, and each code's colour as the
fill of its code cell. The workbook's default format wraps and aligns to the top, so most cells need no style of
their own and go through openpyxl's fast path; only the coloured code cells (one reused cell per colour) do.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from workbench.domain.exports import FragmentSet
from workbench.exporters.cell_sizes import CHARACTERS_PER_WIDTH, ink_for, line_count, wrapped_lines
from workbench.exporters.fragment_table import FragmentTable
from workbench.exporters.manifest import ContentHash

MAX_CELL = 32_767
HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
HEADER_FONT = Font(name="Calibri", size=11, bold=True, color="1F3864")
HEADER_BORDER = Border(bottom=Side(style="medium", color="1F3864"))
TOP = Alignment(vertical="top")
WRAP = Alignment(vertical="top", wrap_text=True)
# Widths by column key (see FragmentTable.keys); a code level is 20 wide, any other column 16.
WIDTHS = {"document": 30, "case": 18, "speaker": 18, "time": 9, "code": 32, "fragment": 60, "context": 70,
          "coder": 12, "memo": 40, "status": 11, "start": 8, "end": 8}
# Columns whose text may hold line breaks.
MULTILINE = {"fragment", "context", "memo", "definition", "when_to_use", "when_not_to_use", "example"}
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


class ReusedCell(Cell):
    """A styled cell a sheet fills anew for every row; openpyxl probes it with repr, so that is kept cheap."""

    __slots__ = ()

    def __init__(self, worksheet) -> None:
        super().__init__(worksheet, row=1, column=1)

    def __repr__(self) -> str:
        return "<ReusedCell>"


def _text(value: str) -> str:
    if ILLEGAL_CHARACTERS_RE.search(value):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    if len(value) > MAX_CELL:
        value = value[: MAX_CELL - 1] + "…"
    return value


class StyledSheet:
    """One write-only sheet whose columns each reuse a styled cell."""

    def __init__(self, workbook: Workbook, title: str, header: list[str], hasher: ContentHash,
                 widths: Mapping[str, float] | None = None, keys: list[str] | None = None):
        """`keys` name the columns for their widths and wrapping (the header is in the project's language)."""
        self.ws = workbook.create_sheet(title)
        self.header = header
        self.hasher = hasher
        self.rows = 0
        keys = keys or header
        for index, name in enumerate(keys, 1):
            width = (widths or {}).get(name) or WIDTHS.get(name) or (20 if name.startswith("level:") else 16)
            column = self.ws.column_dimensions[get_column_letter(index)]
            column.width = width
            column.alignment = WRAP  # LibreOffice shows cells without a format of their own in their column's
        self.ws.freeze_panes = "A2"
        self.ws.page_setup.orientation = "landscape"
        self.ws.page_setup.paperSize = 9  # A4
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.ws.page_setup.fitToWidth = 1
        self.ws.page_setup.fitToHeight = 0
        self.ws.print_title_rows = "1:1"
        self.widths = [self.ws.column_dimensions[get_column_letter(i)].width for i in range(1, len(header) + 1)]
        self.multiline = [i for i, name in enumerate(keys) if name in MULTILINE]
        self.single = [i for i, name in enumerate(keys) if name not in MULTILINE]
        self.per_line = [max(int(width * CHARACTERS_PER_WIDTH), 1) for width in self.widths]
        self.cells = [ReusedCell(self.ws) for _ in header]
        for cell in self.cells:
            cell.alignment = WRAP
        self.fills: dict[tuple[int, str], WriteOnlyCell] = {}
        head = []
        for name in header:
            cell = WriteOnlyCell(self.ws, value=name)
            cell.font, cell.fill, cell.border, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_BORDER, WRAP
            head.append(cell)
        self._height(1, [wrapped_lines(h, w) for h, w in zip(header, self.widths)])
        self.ws.append(head)
        hasher.row([title, header])

    def _height(self, row: int, lines: list[int]) -> None:
        """Give a row the height its wrapped cells need (spreadsheets do not measure rows when opening)."""
        tallest = max(lines, default=1)
        if tallest > 1:
            self.ws.row_dimensions[row] = {"ht": f"{min(15 * tallest + 2, 409)}", "customHeight": "1"}

    def filled(self, column: int, colour: str) -> WriteOnlyCell:
        """The cell of a column that carries a colour as its fill."""
        key = (column, colour)
        cell = self.fills.get(key)
        if cell is None:
            cell = ReusedCell(self.ws)
            cell.fill = PatternFill("solid", fgColor=colour[1:])
            cell.font = Font(name="Calibri", size=11, color=ink_for(colour))
            cell.alignment = WRAP
            self.fills[key] = cell
        return cell

    @staticmethod
    def _set(cell: WriteOnlyCell, value: Any) -> WriteOnlyCell:
        cell.value = value
        if cell.data_type == "f":
            cell.data_type = "s"  # text that starts with "=" stays text
        return cell

    def append(self, values: list[Any], colours: dict[int, str] | None = None) -> None:
        """One row: plain values go straight to openpyxl; coloured cells reuse a styled cell per colour."""
        row = list(values)
        # One look at all the row's text finds the rare values that need care (formula-like, too long, illegal).
        joined = "\t" + "\t".join([v for v in values if v.__class__ is str])
        if "\t=" in joined or len(joined) > MAX_CELL or ILLEGAL_CHARACTERS_RE.search(joined):
            for index, value in enumerate(row):
                if value.__class__ is str and (value[:1] == "=" or len(value) > MAX_CELL
                                               or ILLEGAL_CHARACTERS_RE.search(value)):
                    row[index] = self._set(self.cells[index], _text(value))
        tallest = 1
        per_line = self.per_line
        for index in self.multiline:
            value = values[index]
            if value.__class__ is str and (len(value) > per_line[index] or "\n" in value):
                tallest = max(tallest, line_count(value, self.widths[index]))
        for index in self.single:
            value = values[index]
            if value.__class__ is str and len(value) > per_line[index]:
                tallest = max(tallest, wrapped_lines(value, self.widths[index]))
        if colours:
            for index, colour in colours.items():
                value = row[index]
                row[index] = self._set(self.filled(index, colour), value.value if hasattr(value, "value") else value)
        self.rows += 1
        if tallest > 1:
            self._height(self.rows + 1, [tallest])
            self.ws.append(row)
            self.ws.row_dimensions.pop(self.rows + 1, None)
        else:
            self.ws.append(row)
        self.hasher.row(values)

    def finish(self) -> None:
        last = get_column_letter(len(self.header))
        self.ws.auto_filter.ref = f"A1:{last}{self.rows + 1}"


def described(workbook: Workbook, title: str, language_tag: str, creator: str = "") -> None:
    """The workbook's properties: its title, language and who made it (the program when no coder is known)."""
    import datetime as dt

    workbook.properties.creator = creator or "workbench"
    workbook.properties.title = title
    workbook.properties.language = language_tag
    workbook.properties.created = workbook.properties.modified = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def wrapped_by_default(workbook: Workbook) -> None:
    """Make the workbook's default cell format (xf 0) wrap its text and align to the top.

    Cells without a style of their own then wrap and line up with each other, while openpyxl writes them on its
    fast path for plain values (a styled cell costs several times as much to write).
    """
    default = workbook._cell_styles[0]
    default.alignmentId = workbook._alignments.add(WRAP)
    workbook._cell_styles._rebuild_dict()
    # LibreOffice shows unstyled cells in the "Normal" cell style, so that style wraps and aligns to the top too.
    for style in workbook._named_styles:
        if style.name == "Normal":
            style.alignment = WRAP


def top_aligned(workbook: Workbook) -> None:
    """Before saving: the formats openpyxl made along the way (dates, numbers) wrap and align to the top too,
    so that a date does not sit at the bottom of a tall row beside text at the top."""
    wrap = workbook._alignments.add(WRAP)
    for style in workbook._cell_styles:
        if style.alignmentId == 0:
            style.alignmentId = wrap
    workbook._cell_styles._rebuild_dict()


def _sheet_title(name: str, taken: set[str], fallback: str = "Theme") -> str:
    base = _SHEET_BAD.sub("-", name).strip("'") or fallback
    title, number = base[:31], 2
    while title.casefold() in taken:
        suffix = f" ({number})"
        title, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(title.casefold())
    return title


def _fragment_sheets(workbook: Workbook, table: FragmentTable, hasher: ContentHash) -> int:
    colours = table.colours()
    code_column = table.code_column
    words = table.labels
    taken = {words[key].casefold() for key in ("sheet_all", "sheet_code_document", "sheet_code_attribute",
                                                "sheet_codebook", "sheet_export")}
    sheets = [(words["sheet_all"], None)] + [(_sheet_title(theme, taken, words["sheet_theme"]), theme)
                                             for theme in table.themes()]
    for title, theme in sheets:
        sheet = StyledSheet(workbook, title, table.header, hasher, keys=table.keys)
        for fragment, row in table.rows(theme):
            sheet.append(row, {code_column: colours.get((fragment.codes or (fragment.code,))[0], "#808080")})
        sheet.finish()
    return len(sheets)


def _count_sheets(workbook: Workbook, table: FragmentTable, hasher: ContentHash) -> None:
    colours = table.colours()
    codes = table.code_rows()
    documents = table.documents()
    by_document = table.code_by_document()
    words = table.labels
    code_head = words["code_with_subcodes"] if table.data.subcodes else words["code_alone"]
    header = [code_head, *(title for _id, title in documents), words["total"], words["documents"]]
    keys = ["code", *(f"document:{doc_id}" for doc_id, _title in documents), "total", "documents"]
    sheet = StyledSheet(workbook, words["sheet_code_document"], header, hasher, {k: 14 for k in keys[1:]} | {"code": 40},
                        keys)
    for code in codes:
        counts: Mapping[int, int] = by_document.get(code.path, {})
        cells = [counts.get(doc_id, 0) for doc_id, _title in documents]
        sheet.append([code.path, *cells, sum(cells), sum(1 for c in cells if c)], {0: colours[code.path]})
    sheet.finish()

    columns = table.attribute_columns()
    header = [code_head, *(f"{name} = {value}" for name, value in columns)]
    keys = ["code", *(f"attribute:{index}" for index in range(len(columns)))]
    sheet = StyledSheet(workbook, words["sheet_code_attribute"], header, hasher,
                        {k: 16 for k in keys[1:]} | {"code": 40}, keys)
    by_attribute = table.code_by_attribute()
    for code in codes:
        by_value: Mapping[tuple[str, Any], int] = by_attribute.get(code.path, {})
        sheet.append([code.path, *(by_value.get(column, 0) for column in columns)], {0: colours[code.path]})
    sheet.finish()


def _codebook_sheet(workbook: Workbook, table: FragmentTable, hasher: ContentHash) -> None:
    from workbench.exporters.codebook_xlsx import KEYS, WIDTHS, codebook_rows

    words = table.labels
    keys = KEYS[:-1] + ["fragments"]
    sheet = StyledSheet(workbook, words["sheet_codebook"], [words[k] for k in keys], hasher,
                        WIDTHS | {"fragments": 10}, keys)
    counts = {code: sum(c.values()) for code, c in table.code_by_document().items()}
    codebook_rows(sheet, table.code_rows(), counts, words)
    sheet.finish()


def _about_sheet(workbook: Workbook, data: FragmentSet, table: FragmentTable) -> None:
    words = table.labels
    ws = workbook.create_sheet(words["sheet_export"])
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 80
    rows = [(words["project"], data.project), (words["exported"], data.exported_at),
            (words["codebook"], data.codebook_title), (words["codebook_version"], data.codebook_version),
            (words["pseudonymised"], words.yes_no(data.pseudonymised)),
            (words["fragments"], len(data.fragments)), (words["documents"], len(table.documents()))]
    rows += [(f"{words['filter']}: {words.filter_name(key)}", words.filter_value(key, value))
             for key, value in data.filters.items() if value not in (None, "", [], ())]
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    for key, value in rows:
        label = WriteOnlyCell(ws, value=key)
        label.font = Font(name="Calibri", size=11, bold=True)
        label.alignment = TOP
        cell = WriteOnlyCell(ws, value=_text(str(value)))
        cell.alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
        ws.append([label, cell])


def write_fragments_xlsx(path: Path, data: FragmentSet, hasher: ContentHash) -> dict[str, int]:
    """Write the workbook to `path`; returns what it holds."""
    workbook = Workbook(write_only=True)
    wrapped_by_default(workbook)
    table = FragmentTable(data)
    described(workbook, table.labels["workbook_title"].format(project=data.project), table.labels.tag)
    sheets = _fragment_sheets(workbook, table, hasher)
    _count_sheets(workbook, table, hasher)
    _codebook_sheet(workbook, table, hasher)
    _about_sheet(workbook, data, table)
    top_aligned(workbook)
    workbook.save(path)
    return {"fragments": len(data.fragments), "documents": len(table.documents()), "themes": sheets - 1,
            "codes": len(table.code_rows())}

