"""A theme summary as a Word document with real styles: a title page, a table of contents field, per theme
Heading 1–3 with definition, a count table (Table Grid), a bar chart, attributed quotes (Quote) and memos,
and page numbers in the footer."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from workbench.domain.theme_summary import ThemePlan, ThemeSection
from workbench.exporters import docx_parts as parts
from workbench.exporters.manifest import ContentHash

# Charts are drawn when the counting attribute has between 2 and this many values.
MAX_CHART_ROWS = 12


class _Styles:
    """The style ids the summary uses, created or looked up once."""

    def __init__(self, document):
        normal = document.styles["Normal"]
        normal.font.name = "Calibri"
        normal.font.size = Pt(11)
        normal.paragraph_format.space_after = Pt(6)
        quote = document.styles["Quote"]
        quote.paragraph_format.left_indent = Cm(1)
        quote.paragraph_format.right_indent = Cm(1)
        quote.paragraph_format.space_after = Pt(0)
        quote.paragraph_format.keep_with_next = True
        self.title, self.subtitle = parts.style_id(document, "Title"), parts.style_id(document, "Subtitle")
        self.headings = {level: parts.style_id(document, f"Heading {level}") for level in (1, 2, 3, 4)}
        self.quote = quote.style_id
        self.contents = parts.style_id(document, "TOC Heading")
        self.toc = {level: parts.add_style(document, f"TOC {level}", left_indent=0.6 * (level - 1), space_after=2)
                    for level in (1, 2, 3)}
        self.source = parts.add_style(document, "Quote Source", left_indent=1, space_after=10, size=9,
                                      colour="595959")
        self.definition = parts.add_style(document, "Definition", keep_with_next=True)
        self.note = parts.add_style(document, "Note", italic=True)
        self.cell = parts.add_style(document, "Table Text", space_after=0)
        self.grid = parts.style_id(document, "Table Grid")
        self.plain = parts.style_id(document, "Normal Table")


def _title_page(document, plan: ThemePlan, styles: _Styles) -> None:
    for _ in range(6):
        document.add_paragraph()
    parts.paragraph(document, plan.title, styles.title)
    parts.paragraph(document, plan.labels["subtitle"], styles.subtitle)
    parts.table(document, [[label, value] for label, value in plan.facts], [3.5, 12.5], styles.plain, styles.cell,
                header=False, right_from=99, keep_together=False)
    for row in document.tables[-1].rows:
        row.cells[0].paragraphs[0].runs[0].bold = True
    if plan.pseudonymised:
        parts.paragraph(document, "", None)
        parts.paragraph(document, plan.labels["pseudonymised"], styles.note)


def _contents(document, plan: ThemePlan, styles: _Styles) -> None:
    """The contents heading and a TOC field whose result already lists the headings (Word adds page numbers)."""
    parts.paragraph(document, plan.labels["contents"], styles.contents)
    entries = [(s.level, s.code.name) for s in plan.sections] or [(1, plan.labels["toc_hint"])]
    for index, (level, text) in enumerate(entries):
        entry = parts.paragraph(document, "", styles.toc[level])
        if index == 0:
            run = entry.add_run()
            parts.fld_char(run, "begin")
            parts.instruction(run, 'TOC \\o "1-3" \\h \\z \\u')
            parts.fld_char(run, "separate")
        entry.add_run(text)
        if index == len(entries) - 1:
            parts.fld_char(entry.add_run(), "end")


def _footer(section, label: str) -> None:
    section.different_first_page_header_footer = True
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(f"{label} ")
    parts.field(footer, "PAGE", "1")


def _count_table(document, plan: ThemePlan, section: ThemeSection, styles: _Styles) -> None:
    labels = plan.labels
    head = plan.attribute or labels["document"]
    rows = [[head[:1].upper() + head[1:], labels["fragments"], labels["documents"]]]
    rows += [[r.label, str(r.fragments), str(r.documents)] for r in (*section.counts, section.total)]
    parts.table(document, rows, [8.5, 3.5, 3.5], styles.grid, styles.cell, bold_last=True)
    if section.has_children:
        parts.paragraph(document, labels["including" if section.subcodes else "alone"], styles.note)


def _definition(document, plan: ThemePlan, section: ThemeSection, styles: _Styles) -> None:
    labels = plan.labels
    for key, value in (("definition", section.code.definition), ("when_to_use", section.code.when_to_use),
                       ("when_not_to_use", section.code.when_not_to_use), ("example", section.code.example)):
        if value.strip():
            parts.paragraph(document, value.strip(), styles.definition, bold_prefix=f"{labels[key]}: ")


def _quotes(document, plan: ThemePlan, section: ThemeSection, styles: _Styles) -> None:
    labels = plan.labels
    if section.shown < section.available:
        how = labels.get(plan.choice, labels["spread"])
        parts.paragraph(document, labels["shown"].format(shown=section.shown, available=section.available, how=how),
                        styles.note)
    for group, quotes in section.groups:
        parts.paragraph(document, group, styles.headings[4])
        for quote in quotes:
            parts.paragraph(document, f"“{quote.text}”", styles.quote)
            coded = f" ({labels['coded_by']} {', '.join(quote.coders)})" if quote.coders else ""
            parts.paragraph(document, f"— {quote.attribution}{coded}", styles.source)
            for memo in quote.memos:
                parts.paragraph(document, memo, styles.note, bold_prefix=f"{labels['coding_memo']}: ")
            for memo in quote.document_memos:
                parts.paragraph(document, memo, styles.note, bold_prefix=f"{labels['document_memo']}: ")


def _section(document, plan: ThemePlan, part: ThemeSection, styles: _Styles, painter, first: bool) -> None:
    heading = parts.paragraph(document, part.code.name, styles.headings[part.level])
    if part.level == 1 and not first:
        heading.paragraph_format.page_break_before = True
    _definition(document, plan, part, styles)
    _count_table(document, plan, part, styles)
    if painter is not None:
        found = {row.label: row.fragments for row in part.counts}
        png = painter.render([found.get(value, 0) for value in plan.values], part.code.colour)
        document.add_picture(io.BytesIO(png), width=Cm(12))
    _quotes(document, plan, part, styles)
    if part.code.memos:
        parts.paragraph(document, plan.labels["memos"], styles.headings[4])
        for memo in part.code.memos:
            parts.paragraph(document, memo)


def write_themes_docx(path: Path, plan: ThemePlan, hasher: ContentHash, charts: bool = True) -> dict[str, int]:
    """Write the summary to `path`; returns what it holds."""
    document = Document()
    styles = _Styles(document)
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(2.5)
    _title_page(document, plan, styles)
    hasher.row([plan.title, [list(f) for f in plan.facts[1:]], plan.attribute, plan.pseudonymised])
    parts.page_break(document)
    _contents(document, plan, styles)
    parts.page_break(document)
    _footer(section, plan.labels["page"])
    painter = None
    if charts and 1 < len(plan.values) <= MAX_CHART_ROWS:
        from workbench.exporters.theme_chart import ChartPainter

        attribute = plan.attribute or plan.labels["document"].lower()
        painter = ChartPainter(list(plan.values), plan.labels["chart"].format(attribute=attribute))
    quotes = 0
    for number, part in enumerate(plan.sections):
        _section(document, plan, part, styles, painter, number == 0)
        quotes += part.shown
        hasher.row([part.code.path, part.level, part.code.definition, part.code.when_to_use,
                    [[r.label, r.fragments, r.documents] for r in (*part.counts, part.total)],
                    [[g, [[q.text, q.attribution, list(q.coders), list(q.memos), list(q.document_memos)] for q in qs]]
                     for g, qs in part.groups], list(part.code.memos)])
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    document.settings.element.append(update)
    document.core_properties.title = plan.title
    document.core_properties.author = "workbench"
    document.save(path)
    return {"sections": len(plan.sections), "quotes": quotes}
