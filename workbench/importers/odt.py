"""OpenDocument text (.odt, LibreOffice): paragraphs, headings, lists and tables in document order."""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from lxml import etree
from odfdo import Document, Element

from workbench.importers.archive_guard import check_zip_file
from workbench.importers.failures import import_failed
from workbench.importers.paragraphs import ParagraphDocument, read_paragraphs
from workbench.importers.tables import row_lines

_CONTAINERS = frozenset(
    ("text:list", "text:list-item", "text:list-header", "text:section", "table:table-rows", "table:table-header-rows",
     "table:table-row-group", "text:index-body")
)  # fmt: skip
_ODT_ERRORS = (TypeError, KeyError, ValueError, zipfile.BadZipFile, zlib.error, EOFError, etree.LxmlError)


def read_odt(path: Path, extra_patterns: Sequence[re.Pattern[str]] = ()) -> ParagraphDocument:
    """Read an .odt file into text and turns."""
    lines, headings = odt_lines(path)
    return read_paragraphs(lines, headings=headings, extra_patterns=extra_patterns)


def odt_lines(path: Path) -> tuple[list[str], set[int]]:
    """An .odt file's paragraphs as lines, in order (lists and tables included), and which lines are headings."""
    check_zip_file(path, str(path), advice="open it in LibreOffice and save it again as .odt")
    try:
        document = Document(str(path))
        if document.get_type() != "text":
            raise ValueError(document.get_type())
        paragraphs = list(_paragraphs(document.body))
    except _ODT_ERRORS:
        raise import_failed(
            path, "is not a readable OpenDocument text: it is damaged, truncated or another kind of file",
            "open it in LibreOffice and save it again as .odt",
        ) from None
    lines: list[str] = []
    headings: set[int] = set()
    for text, is_heading in paragraphs:
        if is_heading:
            headings.add(len(lines))
        lines.extend(text.split("\n"))
    return lines, headings


def _paragraphs(element: Element) -> Iterator[tuple[str, bool]]:
    """Yield (text, is_heading) for each paragraph in order; a table row becomes one paragraph."""
    for child in element.children:
        tag = child.tag
        if tag in ("text:p", "text:h"):
            yield child.text_recursive, tag == "text:h"
        elif tag == "table:table":
            yield from _table(child)
            yield "", False
        elif tag in _CONTAINERS:
            yield from _paragraphs(child)


def _table(table: Element) -> Iterator[tuple[str, bool]]:
    for child in table.children:
        if child.tag == "table:table-row":
            cells = ["\n".join(text for text, _ in _paragraphs(cell)) for cell in child.children]
            for line in row_lines(cells):
                yield line, False
        elif child.tag in _CONTAINERS:
            yield from _table(child)
