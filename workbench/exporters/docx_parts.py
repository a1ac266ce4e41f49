"""Building blocks for Word exports: the styles a report uses, paragraphs by style id, fields, and tables
written as one piece of XML.

python-docx looks a style up by name (and checks whether it is the default) for every paragraph it styles;
a report with thousands of quotes spends most of its time there. Here each style is looked up once and
paragraphs get its id directly; count tables are built as XML in one go.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt, RGBColor

TWIPS_PER_CM = 567


def add_style(document, name: str, base: str = "Normal", **formatting) -> str:
    """A paragraph style (created once), returned as its style id."""
    styles = document.styles
    existing = [s for s in styles if s.name == name]
    if existing:
        return existing[0].style_id
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[base]
    paragraph_format, font = style.paragraph_format, style.font
    for key, value in formatting.items():
        if key in ("size", "bold", "italic"):
            setattr(font, key, Pt(value) if key == "size" else value)
        elif key == "colour":
            font.color.rgb = RGBColor.from_string(value)
        elif key in ("left_indent", "right_indent"):
            setattr(paragraph_format, key, Cm(value))
        elif key in ("space_after", "space_before"):
            setattr(paragraph_format, key, Pt(value))
        else:
            setattr(paragraph_format, key, value)
    return style.style_id


def describe(document, *, title: str, subject: str, author: str, language_tag: str) -> None:
    """The file's properties (title, subject, author and last editor, created and modified now, language), and
    the language on the default run properties and every paragraph and character style, so that Word checks
    spelling and hyphenates in the document's language instead of the template's."""
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)
    properties = document.core_properties
    properties.title, properties.subject = title, subject
    properties.author = properties.last_modified_by = author or "workbench"
    properties.created = properties.modified = now
    properties.language = language_tag
    properties.comments = properties.keywords = ""
    properties.revision = 1
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    targets = [run_defaults.find(qn("w:rPr"))] if run_defaults is not None else []
    targets += [style.element.get_or_add_rPr() for style in document.styles
                if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER)]
    for run_properties in targets:
        if run_properties is None:
            continue
        for old in run_properties.findall(qn("w:lang")):
            run_properties.remove(old)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), language_tag)
        lang.set(qn("w:eastAsia"), language_tag)
        lang.set(qn("w:bidi"), "ar-SA")
        run_properties.append(lang)


def style_id(document, name: str) -> str:
    """The id of an existing style, looked up once."""
    return document.styles[name].style_id


def paragraph(document, text: str = "", style: str | None = None, *, bold_prefix: str = ""):
    """A paragraph with a style id (no name look-up); `bold_prefix` goes first in bold."""
    made = document.add_paragraph()
    if style:
        made._p.style = style
    if bold_prefix:
        made.add_run(bold_prefix).bold = True
    if text:
        made.add_run(text)
    return made


def page_break(document) -> None:
    from docx.enum.text import WD_BREAK

    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def fld_char(run, kind: str) -> None:
    """A field boundary (`begin`, `separate`, `end`) in a run."""
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    run._r.append(element)


def instruction(run, text: str) -> None:
    element = OxmlElement("w:instrText")
    element.set(qn("xml:space"), "preserve")
    element.text = f" {text} "
    run._r.append(element)


def field(paragraph_, code: str, result: str = "") -> None:
    """A complex field such as PAGE inside a paragraph, with a result shown until it is updated."""
    run = paragraph_.add_run()
    fld_char(run, "begin")
    instruction(run, code)
    fld_char(run, "separate")
    if result:
        shown = OxmlElement("w:t")
        shown.text = result
        run._r.append(shown)
    fld_char(run, "end")


def _cell(text: str, width: int, style: str, *, bold: bool, right: bool, keep: bool) -> str:
    properties = f'<w:pStyle w:val="{style}"/>' + ("<w:keepNext/>" if keep else "") + \
        ('<w:jc w:val="right"/>' if right else "")
    run_properties = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p><w:pPr>{properties}</w:pPr>'
            f'<w:r>{run_properties}<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p></w:tc>')


def bookmark(paragraph_, name: str, number: int) -> None:
    """A bookmark around the whole paragraph (for PAGEREF fields and links to it)."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    properties = paragraph_._p.pPr
    if properties is not None:
        properties.addnext(start)
    else:
        paragraph_._p.insert(0, start)
    paragraph_._p.append(end)


def table(document, rows: list[list[str]], widths_cm: list[float], table_style: str, text_style: str, *,
          header: bool = True, bold_last: bool = False, right_from: int = 1, keep_together: bool = True,
          keep_with_next: bool = False) -> None:
    """A table in one piece of XML: fixed widths, header row repeated, rows kept on one page when small;
    `keep_with_next` keeps its last row with what follows (a chart of the same numbers)."""
    widths = [round(w * TWIPS_PER_CM) for w in widths_cm]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    body = []
    for index, row in enumerate(rows):
        bold = (header and index == 0) or (bold_last and index == len(rows) - 1)
        keep = (keep_together and index < len(rows) - 1) or keep_with_next
        row_properties = "<w:cantSplit/>" + ("<w:tblHeader/>" if header and index == 0 else "")
        cells = "".join(_cell(text, width, text_style, bold=bold, right=column >= right_from,
                              keep=keep) for column, (text, width) in enumerate(zip(row, widths)))
        body.append(f"<w:tr><w:trPr>{row_properties}</w:trPr>{cells}</w:tr>")
    xml = (f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="{table_style}"/>'
           f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
           f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
           f'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(body)}</w:tbl>')
    body_element = document.element.body
    body_element.find(qn("w:sectPr")).addprevious(parse_xml(xml))
