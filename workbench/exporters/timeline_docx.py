"""The timeline as a Word document to hand to partners: chart, entries, learning agenda, actions, learning history."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor

from workbench.domain.export_labels import ExportLabels
from workbench.domain.monitoring_labels import QUESTION_COLOURS, SIGNIFICANCE_COLOURS, Labels, tint
from workbench.domain.monitoring_report import TimelineReport
from workbench.domain.monitoring_timeline import Month
from workbench.exporters.timeline_chart import timeline_chart_png
from workbench.exporters.timeline_docx_tables import (
    add_row, keep_row_together, labelled, merged_row, new_table, page_number_field, shade, write,
)
from workbench.exporters import docx_parts
from workbench.exporters.export_files import replacing

PAGE_WIDTH_CM = 29.7 - 2 * 1.8  # A4 landscape with 1.8 cm margins
ACCENT = "#1F3B57"


def _setup(document, report: TimelineReport, words: Labels) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(1.8))
    section.top_margin, section.bottom_margin = Cm(1.6), Cm(1.5)
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(4)
    for name, size in (("Title", 24), ("Heading 1", 15), ("Heading 2", 12)):
        style = document.styles[name]
        style.font.name = "Calibri"
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor.from_string(ACCENT.lstrip("#"))
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = footer.add_run(f"{report.project} · {words['title'].lower()} · ")
    run.font.size = Pt(8)
    page_number_field(footer)


def _period(report: TimelineReport, words: Labels) -> str:
    months = report.timeline.months
    if not months:
        return "–"
    return f"{months[0].label(words.language)} – {months[-1].label(words.language)}"


def _selection(report: TimelineReport, words: Labels) -> str:
    wanted, parts = report.filter, []
    if wanted.start or wanted.end:
        parts.append(f"{words.date(wanted.start) or '…'} – {words.date(wanted.end) or '…'}")
    if wanted.types:
        parts.append(", ".join(words.type(t) for t in wanted.types))
    if wanted.significances:
        parts.append(", ".join(words.significance(s) for s in wanted.significances))
    if wanted.actors:
        parts.append(", ".join(wanted.actors) if not report.pseudonymised else f"{len(wanted.actors)} actor(en)")
    parts.append(words["internal_included"] if wanted.include_internal else words["all_entries"])
    return "; ".join(parts)


def _front(document, report: TimelineReport, words: Labels) -> None:
    document.add_paragraph(f"{words['title']}: {report.project}", style="Title")
    facts = document.add_paragraph()
    facts_list = [(words["period"], _period(report, words)), (words["made"], words.date(report.generated.date()))]
    if report.today < report.generated.date():
        facts_list.append((words["as_of"], words.date(report.today)))
    facts_list.append((words["filters"], _selection(report, words)))
    for label, value in facts_list:
        head = facts.add_run(f"{label}: ")
        head.bold = True
        facts.add_run(f"{value}    ")
    document.add_paragraph(words["intro"])
    notes = []
    if report.pseudonymised:
        notes.append(words["pseudonymised"])
    if report.filter.include_internal:
        notes.append(words["internal_note"])
    for note in notes:
        run = document.add_paragraph().add_run(note)
        run.italic = True
        run.font.color.rgb = RGBColor.from_string("9C4A00")


CHART_MAX_HEIGHT_CM = 12.6  # what is left of the first landscape page under the title


def _chart(document, report: TimelineReport, words: Labels) -> None:
    png = timeline_chart_png(report)
    if png is None:
        return
    document.add_paragraph(words["timeline"], style="Heading 1")
    width_px, height_px = _png_size(png)
    width = min(PAGE_WIDTH_CM, CHART_MAX_HEIGHT_CM * width_px / height_px)
    document.add_picture(io.BytesIO(png), width=Cm(width))
    document.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER
    caption = document.add_paragraph(style="Caption")
    caption.add_run(words["chart_caption"])
    themes = report.timeline.themes
    if themes.undated:
        caption.add_run(f" ({themes.undated} {words['undated']})")


def _png_size(png: bytes) -> tuple[int, int]:
    """Width and height of a PNG from its header."""
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def _phases(document, report: TimelineReport, words: Labels) -> None:
    if not report.phases:
        return
    document.add_paragraph(words["phases"], style="Heading 1")
    widths = [4.2, 6.0, 3.0, 3.0, PAGE_WIDTH_CM - 16.2]
    table = new_table(document, [words["track"], words["phase"], words["from"], words["to"], words["description"]], widths)
    for phase in report.phases:
        cells = add_row(table, widths).cells
        write(cells[0], phase.track or "–")
        write(cells[1], phase.name, bold=True)
        write(cells[2], words.date(phase.start))
        write(cells[3], words.date(phase.end) or "…")
        write(cells[4], phase.description)


def _entries(document, report: TimelineReport, words: Labels) -> None:
    document.add_paragraph(words["entries"], style="Heading 1")
    if not report.entries:
        document.add_paragraph(words["no_entries"])
        return
    widths = [2.6, 2.3, 6.2, PAGE_WIDTH_CM - 16.6, 5.5]
    table = new_table(document, [words["date"], words["kind"], words["activity"], words["what"], words["significance"]], widths)
    month = None
    for entry in report.entries:
        if Month.of(entry.date) != month:
            month = Month.of(entry.date)
            merged_row(table, words.date(entry.date).split(" ", 1)[1].capitalize(), widths_cm=widths)
        row = add_row(table, widths)
        cells = row.cells
        day = words.date(entry.date, short=True)
        if entry.end_date and entry.end_date != entry.date:
            day += f" – {words.date(entry.end_date, short=True)}"
        write(cells[0], day)
        if entry.time:
            write(cells[0], entry.time.strftime("%H:%M"), size=8, colour="#666666", new_paragraph=True)
        write(cells[1], words.type(entry.type))
        write(cells[2], entry.title, bold=True)
        labelled(cells[2], words["who"], ", ".join(entry.actor_names()), size=8.5)
        labelled(cells[2], words["location"], entry.location, size=8.5)
        write(cells[3], entry.observation or "")
        labelled(cells[3], words["interpretation"], entry.interpretation, size=8.5)
        if entry.marked:
            colour = SIGNIFICANCE_COLOURS[entry.significance]
            shade(cells[4], tint(colour, 0.72))
            write(cells[4], words.significance(entry.significance).capitalize(), bold=True)
            if entry.significance_why:
                write(cells[4], entry.significance_why, size=8.5, new_paragraph=True)
        keep_row_together(row)


def _agenda(document, report: TimelineReport, words: Labels) -> None:
    if not report.questions:
        return
    document.add_paragraph(words["agenda"], style="Heading 1")
    widths = [8.4, 4.2, PAGE_WIDTH_CM - 17.6, 5.0]
    table = new_table(document, [words["question"], words["raised"], words["history"], words["status"]], widths)
    for question in report.questions:
        row = add_row(table, widths)
        cells = row.cells
        write(cells[0], question.text, bold=True)
        write(cells[1], words.date(question.raised_on, short=True))
        if question.raised_by:
            write(cells[1], f"{words['by']} {question.raised_by}", size=8.5, new_paragraph=True)
        for change in question.history:
            where = f" – {change.entry_title}" if change.entry_title else ""
            paragraph = write(cells[2], f"{words.date(change.date, short=True)}: ", bold=True, size=8.5, new_paragraph=True)
            run = paragraph.add_run(f"{words.question(change.status)}{where}")
            run.font.size = Pt(8.5)
            if change.note:
                write(cells[2], change.note, italic=True, size=8.5, new_paragraph=True)
        shade(cells[3], QUESTION_COLOURS.get(question.status, "FFFFFF").lstrip("#"))
        write(cells[3], words.question(question.status).capitalize(), bold=True)
        if question.long_open:
            write(cells[3], f"{words['long_open']} ({question.months_open} {words['months']})", size=8.5,
                  colour="#9C4A00", new_paragraph=True)
        keep_row_together(row)


def _actions(document, report: TimelineReport, words: Labels) -> None:
    if not report.actions:
        return
    document.add_paragraph(words["actions"], style="Heading 1")
    widths = [PAGE_WIDTH_CM - 20.2, 4.0, 3.2, 4.0, 9.0]
    table = new_table(document, [words["action"], words["owner"], words["due"], words["status"], words["agreed"]], widths)
    for action in report.actions:
        row = add_row(table, widths)
        cells = row.cells
        write(cells[0], action.action)
        write(cells[1], action.owner)
        write(cells[2], words.date(action.due, short=True) or "–")
        write(cells[3], words.action(action.status))
        keep_row_together(row)
        if action.overdue:
            shade(cells[3], tint(SIGNIFICANCE_COLOURS["low_point"], 0.7))
            write(cells[3], f"{words['overdue']} ({action.days_overdue} {words['days']})", bold=True, size=8.5,
                  colour="#9C4A00", new_paragraph=True)
        if action.entry_date:
            write(cells[4], f"{action.entry_title} ({words.date(action.entry_date, short=True)})")


def _learning_history(document, report: TimelineReport, words: Labels) -> None:
    entries = [e for e in report.entries if e.observation or e.quotes or e.reflection or e.interpretation or e.questions]
    if not entries:
        return
    document.add_paragraph(words["learning_history"], style="Heading 1")
    half = PAGE_WIDTH_CM / 2
    table = new_table(document, [words["lh_events"], words["lh_reflection"]], [half, half])
    for entry in entries:
        row = add_row(table, [half, half])
        left, right = row.cells
        keep_row_together(row)
        write(left, f"{words.date(entry.date)} · {entry.title}", bold=True, colour=ACCENT)
        if entry.observation:
            write(left, entry.observation, new_paragraph=True)
        for quote in entry.quotes:
            write(left, f"“{quote.text}”", italic=True, new_paragraph=True)
            write(left, f"— {quote.document}", size=8, colour="#666666")
        if entry.marked:
            shade(right, tint(SIGNIFICANCE_COLOURS[entry.significance], 0.86))
            labelled(right, words.significance(entry.significance).capitalize(), entry.significance_why or "–")
        labelled(right, words["interpretation"], entry.interpretation)
        labelled(right, words["reflection"], entry.reflection)
        for question in entry.questions:
            labelled(right, f"{words['question']} ({words.question(question.status)})", question.text)


def write_timeline_docx(report: TimelineReport, path: Path, author: str = "") -> Path:
    """Write the Word timeline: chart, phases, entries by month, learning agenda, actions, learning history;
    `author` (the coder) and the project's language go into the file's properties."""
    words = Labels(report.language)
    document = Document()
    _setup(document, report, words)
    docx_parts.describe(document, title=f"{words['title']} – {report.project}", subject=words["timeline"],
                        author=author, language_tag=ExportLabels(report.language).tag)
    _front(document, report, words)
    _chart(document, report, words)
    _phases(document, report, words)
    _entries(document, report, words)
    _agenda(document, report, words)
    _actions(document, report, words)
    _learning_history(document, report, words)
    with replacing(path) as temporary:
        document.save(str(temporary))
    return Path(path)
