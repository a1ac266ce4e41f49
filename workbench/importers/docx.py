"""Word transcripts: every paragraph in order, tables included; also the Microsoft Teams transcript layout."""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from workbench.importers.archive_guard import check_zip_file
from workbench.importers.failures import import_failed
from workbench.importers.metadata import parse_date
from workbench.importers.paragraphs import ParagraphDocument, read_paragraphs
from workbench.importers.speakers import split_label
from workbench.importers.tables import row_lines

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (_W + tag for tag in ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
_R, _T, _TAB, _BR, _CR, _NB_HYPHEN = (_W + tag for tag in ("r", "t", "tab", "br", "cr", "noBreakHyphen"))
_PPR, _PSTYLE, _VAL = _W + "pPr", _W + "pStyle", _W + "val"
# Elements inside a paragraph whose runs are part of its text (deleted text, `w:del`, is not).
_RUN_HOLDERS = frozenset(
    _W + tag for tag in ("hyperlink", "ins", "smartTag", "fldSimple", "customXml", "sdt", "sdtContent", "moveTo")
)
_TEAMS_HEADER = re.compile(r"\S.{0,60}?\s{2,}\d{1,3}:\d{2}(?::\d{2})?")
_DOCX_ERRORS = (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, zlib.error, EOFError, etree.LxmlError)


def read_docx(path: Path, extra_patterns: Sequence[re.Pattern[str]] = ()) -> tuple[str, ParagraphDocument]:
    """Read a .docx file; return its format id (`docx` or `docx-teams`) and what it says."""
    lines, headings = docx_lines(path)
    teams = _teams_start(lines)
    if teams is None:
        return "docx", read_paragraphs(lines, headings=headings, extra_patterns=extra_patterns)
    return "docx-teams", _read_teams(lines, teams, extra_patterns)


def docx_lines(path: Path) -> tuple[list[str], set[int]]:
    """A .docx file's paragraphs as lines, in order (tables row by row), and which lines are headings."""
    check_zip_file(path, str(path), advice="open it in Word and save it again as .docx")
    try:
        document = docx.Document(str(path))
        styles = {style.style_id: (style.name or "").casefold() for style in document.styles}
        paragraphs = list(_body_paragraphs(document.element.body, styles))
    except _DOCX_ERRORS:
        raise import_failed(
            path, "is not a readable Word document: it is damaged, truncated or another kind of file",
            "open it in Word and save it again as .docx",
        ) from None
    lines: list[str] = []
    headings: set[int] = set()
    for text, is_heading in paragraphs:
        if is_heading:
            headings.add(len(lines))
        lines.extend(text.split("\n"))
    return lines, headings


def _body_paragraphs(body: etree._Element, styles: dict[str, str]) -> Iterator[tuple[str, bool]]:
    """Yield (text, is_heading) for each paragraph in document order, table cells row by row."""
    for element in body:
        tag = element.tag
        if tag == _P:
            yield _paragraph_text(element), _is_heading(element, styles)
        elif tag == _TBL:
            for row in element.iterchildren(_TR):
                cells = ["\n".join(text for text, _ in _body_paragraphs(cell, styles)) for cell in row.iterchildren(_TC)]
                for line in row_lines(cells):
                    yield line, False
            yield "", False
        elif tag in (_SDT, _SDT_CONTENT):
            yield from _body_paragraphs(element, styles)


def _paragraph_text(paragraph: etree._Element) -> str:
    parts: list[str] = []
    _collect_runs(paragraph, parts)
    return "".join(parts)


def _collect_runs(element: etree._Element, parts: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag == _R:
            for piece in child:
                piece_tag = piece.tag
                if piece_tag == _T:
                    parts.append(piece.text or "")
                elif piece_tag == _TAB:
                    parts.append("\t")
                elif piece_tag in (_BR, _CR):
                    parts.append("\n")
                elif piece_tag == _NB_HYPHEN:
                    parts.append("-")
        elif tag in _RUN_HOLDERS:
            _collect_runs(child, parts)


def _is_heading(paragraph: etree._Element, styles: dict[str, str]) -> bool:
    properties = paragraph.find(_PPR)
    style = properties.find(_PSTYLE) if properties is not None else None
    if style is None:
        return False
    name = styles.get(style.get(_VAL, ""), "")
    return name.startswith("heading") or name == "title"


def _teams_start(lines: Sequence[str]) -> int | None:
    """Where the Teams layout (`Name   0:03` above each turn) begins, if most turns are laid out so."""
    headers = [index for index, line in enumerate(lines) if _TEAMS_HEADER.fullmatch(line.strip())]
    content = sum(1 for line in lines if line.strip())
    if len(headers) >= 2 and len(headers) >= 0.3 * content:
        return headers[0]
    return None


def _read_teams(lines: list[str], start: int, extra_patterns: Sequence[re.Pattern[str]]) -> ParagraphDocument:
    """Teams: a header (meeting title, date and time, duration, who started the transcription), then turns."""
    header = [line.strip() for line in lines[:start] if line.strip()]
    fields = {}
    date = next((parse_date(line) for line in header if parse_date(line)), None)
    if date:
        fields["date"] = date
    body = lines[start:]
    names = {label.name for label, rest in (split_label(line.strip()) for line in body) if label and not rest}
    # The closing system line (`Jansen, Marieke stopped transcription`, in the UI's language) is no speech.
    while body and not body[-1].strip():
        body.pop()
    if body and any(body[-1].strip().startswith(name + " ") for name in names) and len(body[-1].split()) <= 12:
        body.pop()
    return read_paragraphs(body, title=header[0] if header else None, metadata=fields, extra_patterns=extra_patterns)
