"""Building blocks of the Word timeline: tables with widths, shaded cells, repeated headers and runs of text."""

from __future__ import annotations

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HEADER_FILL = "1F3B57"
BORDER = "BFC7D0"
MONTH_FILL = "E8EEF4"


# Word refuses properties out of schema order, so new ones are slotted in where the schema puts them.
_TBL_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize", "tblW",
              "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook")
_TC_ORDER = ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
             "tcFitText", "vAlign", "hideMark")


def _insert(parent, element, order: tuple[str, ...]) -> None:
    name = element.tag.split("}")[1]
    later = set(order[order.index(name) + 1:])
    for child in parent:
        if child.tag.split("}")[-1] in later:
            child.addprevious(element)
            return
    parent.append(element)


def shade(cell, fill: str) -> None:
    """Fill a table cell with a colour ('RRGGBB')."""
    properties = cell._tc.get_or_add_tcPr()
    for old in properties.findall(qn("w:shd")):
        properties.remove(old)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    _insert(properties, shading, _TC_ORDER)


def _borders(table) -> None:
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), "4")
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), BORDER)
        borders.append(element)
    _insert(properties, borders, _TBL_ORDER)


def _margins(table, top: float = 0.06, side: float = 0.12) -> None:
    margins = OxmlElement("w:tblCellMar")
    for edge, size in (("top", top), ("bottom", top), ("left", side), ("right", side)):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(int(Cm(size).twips)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    _insert(table._tbl.tblPr, margins, _TBL_ORDER)


def repeat_header(row) -> None:
    """Repeat a table's first row at the top of every page it runs onto."""
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    properties.append(element)


def keep_row_together(row) -> None:
    properties = row._tr.get_or_add_trPr()
    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    properties.append(element)


def new_table(document, headers: list[str], widths_cm: list[float]):
    """A bordered table with a dark header row that repeats on every page, columns at the given widths."""
    table = document.add_table(rows=1, cols=len(headers))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _borders(table)
    _margins(table)
    for column, width in zip(table.columns, widths_cm):
        column.width = Cm(width)
    header = table.rows[0]
    repeat_header(header)
    for cell, text, width in zip(header.cells, headers, widths_cm):
        cell.width = Cm(width)
        shade(cell, HEADER_FILL)
        paragraph = cell.paragraphs[0]
        run = paragraph.add_run(text)
        run.bold = True
        run.font.size = Pt(9)
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    return table


def add_row(table, widths_cm: list[float]):
    """A new body row whose cells carry the column widths (LibreOffice and Word both honour them)."""
    row = table.add_row()
    for cell, width in zip(row.cells, widths_cm):
        cell.width = Cm(width)
    return row


def write(cell, text: str, *, bold: bool = False, italic: bool = False, size: float = 9, colour: str | None = None,
          new_paragraph: bool = False, space_after: float = 2):
    """Put text in a cell: into its first empty paragraph, or a new one when asked; returns the paragraph."""
    paragraph = cell.paragraphs[-1]
    if new_paragraph and (paragraph.text or paragraph.runs):
        paragraph = cell.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(space_after)
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size = Pt(size)
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour.lstrip("#"))
    return paragraph


def labelled(cell, label: str, text: str, *, size: float = 9) -> None:
    """'Label: text' as one paragraph with the label in bold, skipped when the text is empty."""
    if not text:
        return
    paragraph = cell.paragraphs[-1]
    if paragraph.text or paragraph.runs:
        paragraph = cell.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(2)
    head = paragraph.add_run(f"{label}: ")
    head.bold = True
    head.font.size = Pt(size)
    body = paragraph.add_run(text)
    body.font.size = Pt(size)


def merged_row(table, text: str, fill: str = MONTH_FILL, widths_cm: list[float] | None = None) -> None:
    """A row spanning all columns, for a month heading inside a table."""
    row = add_row(table, widths_cm or [])
    cell = row.cells[0].merge(row.cells[-1])
    shade(cell, fill)
    paragraph = write(cell, text, bold=True, size=9, colour="#1F3B57", space_after=0)
    paragraph.paragraph_format.keep_with_next = True  # a month heading never ends a page on its own
    keep_row_together(row)


def page_number_field(paragraph) -> None:
    """Append a PAGE field, so the footer shows the page number."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)
