"""A theme summary as a Word document with real styles: a title page, a contents list with page numbers, per
theme Heading 1–3 with definition, a count table (Table Grid) kept on one page with its bar chart, attributed
quotes (Quote) and memos, and page numbers in the footer. The document says who made it, when, and in which
language it is written, so Word checks its spelling in that language."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.shared import Cm, Pt

from workbench.domain.export_labels import ExportLabels
from workbench.domain.theme_summary import ThemePlan, ThemeSection
from workbench.exporters import docx_parts as parts
from workbench.exporters.docx_pages import PageFlow
from workbench.exporters.manifest import ContentHash

# Charts are drawn when the counting attribute has between 2 and this many values.
MAX_CHART_ROWS = 12
PAGE_WIDTH_CM, PAGE_HEIGHT_CM, SIDE_MARGIN_CM = 21.0, 29.7, 2.5
TEXT_WIDTH_PT = (PAGE_WIDTH_CM - 2 * SIDE_MARGIN_CM) / 2.54 * 72
CHART_WIDTH_CM = 12
# Heading sizes and the space above them in python-docx's template, per level.
HEADING_SIZES = {1: (14.0, 24.0), 2: (13.0, 10.0), 3: (11.0, 10.0), 4: (11.0, 10.0)}


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


def _bookmark(number: int) -> str:
    return f"_Toc_theme_{number}"


def _contents(document, plan: ThemePlan, styles: _Styles, pages: dict[str, int]) -> None:
    """The contents heading and one entry per heading: its name, a dotted tab and its page number.

    The page number is a PAGEREF field to the heading's bookmark whose shown value is the page our own layout
    gives (LibreOffice recomputes it, Word shows it as written until fields are updated, and never asks to).
    """
    parts.paragraph(document, plan.labels["contents"], styles.contents)
    for number, section in enumerate(plan.sections):
        entry = parts.paragraph(document, "", styles.toc[section.level])
        entry.paragraph_format.tab_stops.add_tab_stop(Pt(TEXT_WIDTH_PT), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
        entry.add_run(section.code.name)
        entry.add_run("\t")
        name = _bookmark(number)
        parts.field(entry, f"PAGEREF {name} \\h", str(pages.get(name, "")))
    if not plan.sections:
        parts.paragraph(document, plan.labels["none"], styles.note)


def _page_plan(plan: ThemePlan, chart_height_pt: float | None) -> dict[str, int]:
    """The page every section heading falls on, from the same blocks the document is written with."""
    flow = PageFlow(TEXT_WIDTH_PT, height_pt=(PAGE_HEIGHT_CM - 2 * 2.54) / 2.54 * 72)
    flow.new_page()  # the title page
    for _section in plan.sections or (None,):
        flow.text("x", 11.0, after=2.0)  # one contents entry a line
    labels = plan.labels
    for number, part in enumerate(plan.sections):
        size, before = HEADING_SIZES[part.level]
        if part.level == 1 or number == 0:
            flow.new_page()
        # Heading, definitions, count table and chart keep with each other: they move to a new page as one.
        chain = flow.height(part.code.name, size, after=0.0)
        for key, value in (("definition", part.code.definition), ("when_to_use", part.code.when_to_use),
                           ("when_not_to_use", part.code.when_not_to_use), ("example", part.code.example)):
            if value.strip():
                chain += flow.height(f"{labels[key]}: {value.strip()}")
        chain += 15.5 * (len(part.counts) + 2) + (flow.height(labels["including"]) if part.has_children else 0.0)
        chain += (chart_height_pt + 6.0) if chart_height_pt else 0.0
        flow.mark(_bookmark(number), flow.block(chain, keep=True, before=before))
        if part.shown < part.available:
            flow.text(labels["shown"], after=6.0)
        for group, quotes in part.groups:
            flow.text(group, 11.0, before=10.0, after=0.0, keep=True)
            for quote in quotes:
                height = flow.lines(f"“{quote.text}”", 11.0, 2 * 28.35) * 13.4
                height += flow.lines(f"— {quote.attribution}", 9.0, 28.35) * 11.0 + 10.0
                flow.block(height, keep=True)
        if part.code.memos:
            flow.text(labels["memos"], 11.0, before=10.0, after=0.0, keep=True)
            for memo in part.code.memos:
                flow.text(memo)
    return flow.pages_of


def _described(document, plan: ThemePlan, author: str) -> None:
    """Title, author (the coder), creation time and language in the file's properties and on its styles."""
    parts.describe(document, title=plan.title, subject=plan.labels["subtitle"], author=author,
                   language_tag=ExportLabels(plan.language).tag)


def _footer(section, label: str) -> None:
    section.different_first_page_header_footer = True
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(f"{label} ")
    parts.field(footer, "PAGE", "1")


def _count_table(document, plan: ThemePlan, section: ThemeSection, styles: _Styles, chart_follows: bool) -> None:
    """The counts, kept on one page; with a chart after them, kept on the chart's page too."""
    labels = plan.labels
    head = plan.attribute or labels["document"]
    rows = [[head[:1].upper() + head[1:], labels["fragments"], labels["documents"]]]
    rows += [[r.label, str(r.fragments), str(r.documents)] for r in (*section.counts, section.total)]
    parts.table(document, rows, [8.5, 3.5, 3.5], styles.grid, styles.cell, bold_last=True,
                keep_with_next=chart_follows)
    if section.has_children:
        note = parts.paragraph(document, labels["including" if section.subcodes else "alone"], styles.note)
        note.paragraph_format.keep_with_next = chart_follows


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


def _section(document, plan: ThemePlan, part: ThemeSection, styles: _Styles, painter, number: int) -> None:
    heading = parts.paragraph(document, part.code.name, styles.headings[part.level])
    if part.level == 1 and number:
        heading.paragraph_format.page_break_before = True
    parts.bookmark(heading, _bookmark(number), number)
    _definition(document, plan, part, styles)
    _count_table(document, plan, part, styles, painter is not None)
    if painter is not None:
        found = {row.label: row.fragments for row in part.counts}
        png = painter.render([found.get(value, 0) for value in plan.values], part.code.colour)
        picture = document.add_paragraph()
        picture.paragraph_format.keep_together = True
        picture.add_run().add_picture(io.BytesIO(png), width=Cm(CHART_WIDTH_CM))
    _quotes(document, plan, part, styles)
    if part.code.memos:
        parts.paragraph(document, plan.labels["memos"], styles.headings[4])
        for memo in part.code.memos:
            parts.paragraph(document, memo)


def write_themes_docx(path: Path, plan: ThemePlan, hasher: ContentHash, charts: bool = True,
                      author: str = "") -> dict[str, int]:
    """Write the summary to `path` (A4, in the plan's language, `author` as its author); returns what it holds."""
    document = Document()
    styles = _Styles(document)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(PAGE_WIDTH_CM), Cm(PAGE_HEIGHT_CM)
    section.left_margin = section.right_margin = Cm(SIDE_MARGIN_CM)
    _described(document, plan, author)
    painter = None
    if charts and 1 < len(plan.values) <= MAX_CHART_ROWS:
        from workbench.exporters.theme_chart import ChartPainter

        attribute = plan.attribute or plan.labels["document"].lower()
        painter = ChartPainter(list(plan.values), plan.labels["chart"].format(attribute=attribute))
    chart_height = None
    if painter is not None:
        width, height = painter.figure.get_size_inches()
        chart_height = CHART_WIDTH_CM / 2.54 * 72 * height / width
    _title_page(document, plan, styles)
    hasher.row([plan.title, [list(f) for f in plan.facts[1:]], plan.attribute, plan.pseudonymised])
    parts.page_break(document)
    _contents(document, plan, styles, _page_plan(plan, chart_height))
    parts.page_break(document)
    _footer(section, plan.labels["page"])
    quotes = 0
    for number, part in enumerate(plan.sections):
        _section(document, plan, part, styles, painter, number)
        quotes += part.shown
        hasher.row([part.code.path, part.level, part.code.definition, part.code.when_to_use,
                    [[r.label, r.fragments, r.documents] for r in (*part.counts, part.total)],
                    [[g, [[q.text, q.attribution, list(q.coders), list(q.memos), list(q.document_memos)] for q in qs]]
                     for g, qs in part.groups], list(part.code.memos)])
    document.save(str(path))
    return {"sections": len(plan.sections), "quotes": quotes}
