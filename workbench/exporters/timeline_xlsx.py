"""The timeline as an Excel workbook: a month-grid Gantt sheet with a legend of its colours, the log, the learning
agenda's history, actions; every sheet in the project's language and set up to print (landscape A4, fit to the
page width, its header rows repeated on every page)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from workbench.domain.monitoring_agenda import agenda_dates
from workbench.domain.monitoring_labels import QUESTION_COLOURS, SIGNIFICANCE_COLOURS, TRACK_COLOURS, Labels, tint
from workbench.domain.monitoring_report import TimelineReport
from workbench.domain.monitoring_timeline import Month
from workbench.exporters.cell_sizes import line_count
from workbench.exporters.export_files import replacing

HEADER = PatternFill("solid", fgColor="1F3B57")
SECTION = PatternFill("solid", fgColor="E8EEF4")
WHITE_BOLD = Font(bold=True, color="FFFFFF")
THIN = Side(style="thin", color="D0D5DB")
GRID = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
FIRST_MONTH_COLUMN = 3


def _fill(hex_colour: str) -> PatternFill:
    return PatternFill("solid", fgColor=hex_colour.lstrip("#").upper())


def _header(sheet, row: int, values: list[str]) -> None:
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column, value=value)
        cell.fill, cell.font, cell.border = HEADER, WHITE_BOLD, GRID
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center" if column >= FIRST_MONTH_COLUMN else "left")


def _printable(sheet, title_rows: str) -> None:
    """Landscape A4, as wide as the page and as many pages long as needed, `title_rows` repeated on each."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.print_title_rows = title_rows
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.print_options.gridLines = False


def _fit_rows(sheet, first_row: int, last_row: int) -> None:
    """Give each row the height its wrapped text needs (spreadsheets do not measure rows when opening)."""
    widths = {column: (sheet.column_dimensions[get_column_letter(column)].width or 9)
              for column in range(1, sheet.max_column + 1)}
    for cells in sheet.iter_rows(min_row=first_row, max_row=last_row):
        lines = max((line_count(cell.value, widths[cell.column]) for cell in cells if isinstance(cell.value, str)),
                    default=1)
        if lines > 1:
            sheet.row_dimensions[cells[0].row].height = min(15 * lines + 2, 409)


def _legend(sheet, row: int, title: str, items: list[tuple[str, str]], note: str = "") -> int:
    """A legend from `row` on: a coloured cell and its meaning per item; returns the last row used."""
    sheet.cell(row=row, column=1, value=title).font = Font(bold=True, color="1F3B57")
    for colour, meaning in items:
        row += 1
        swatch = sheet.cell(row=row, column=1, value="")
        swatch.fill, swatch.border = _fill(colour), GRID
        sheet.cell(row=row, column=2, value=meaning).alignment = WRAP
    if note:
        row += 1
        sheet.cell(row=row, column=2, value=note).font = Font(italic=True, color="555555")
    return row


def _section(sheet, row: int, title: str, width: int) -> None:
    for column in range(1, width + 1):
        sheet.cell(row=row, column=column).fill = SECTION
    sheet.cell(row=row, column=1, value=title).font = Font(bold=True, color="1F3B57")


def _grid(book: Workbook, report: TimelineReport, words: Labels) -> None:
    sheet = book.active
    sheet.title = words["grid"]
    months = report.timeline.months
    width = FIRST_MONTH_COLUMN - 1 + len(months)
    sheet.cell(row=1, column=1, value=f"{words['title']}: {report.project}").font = Font(bold=True, size=14, color="1F3B57")
    _header(sheet, 3, [words["track"] + " / " + words["date"], words["phase"] + " / " + words["activity"]]
            + [m.label(words.language) for m in months])
    row = 4
    _section(sheet, row, words["chart_phases"], width)
    for index, track in enumerate(report.timeline.tracks):
        colour = _fill(TRACK_COLOURS[index % len(TRACK_COLOURS)])
        for bar in track.bars:
            row += 1
            sheet.cell(row=row, column=1, value=track.name).alignment = WRAP
            sheet.cell(row=row, column=2, value=bar.phase.name).alignment = WRAP
            for i in range(bar.first, bar.last + 1):
                cell = sheet.cell(row=row, column=FIRST_MONTH_COLUMN + i, value="")
                cell.fill = colour
    row += 1
    _section(sheet, row + 1, words["chart_entries"], width)
    row += 1
    for entry in report.entries:
        month = Month.of(entry.date)
        if month not in months:
            continue
        row += 1
        day = sheet.cell(row=row, column=1, value=entry.date)
        day.number_format, day.alignment = "yyyy-mm-dd", Alignment(vertical="top")
        label = f"{entry.title} ({words.type(entry.type)})"
        sheet.cell(row=row, column=2, value=label).alignment = WRAP  # a long title wraps between words
        cell = sheet.cell(row=row, column=FIRST_MONTH_COLUMN + months.index(month), value=entry.date.day)
        cell.fill = _fill(SIGNIFICANCE_COLOURS[entry.significance])
        cell.font = Font(bold=entry.marked, color="FFFFFF" if entry.significance in ("high_point", "turning_point", "none") else "000000")
        cell.alignment = Alignment(horizontal="center")
        if entry.marked:
            sheet.cell(row=row, column=2).font = Font(bold=True)
    series = [s for s in report.timeline.themes.series if s.total]
    if series:
        row += 2
        _section(sheet, row, words["chart_themes"], width)
        for s in series:
            row += 1
            sheet.cell(row=row, column=2, value=s.name).alignment = WRAP
            top = max(s.counts) or 1
            for i, count in enumerate(s.counts):
                cell = sheet.cell(row=row, column=FIRST_MONTH_COLUMN + i, value=count or None)
                cell.alignment = Alignment(horizontal="center")
                if count:
                    cell.fill = _fill(tint(s.colour or "#3C6E9F", 0.85 - 0.6 * count / top))
    for r in sheet.iter_rows(min_row=3, max_row=row, max_col=width):
        for cell in r:
            cell.border = GRID
    marks = [(SIGNIFICANCE_COLOURS[value], words.significance(value) or words["legend_other"])
             for value in ("high_point", "turning_point", "learning_moment", "low_point", "none")]
    tracks = [(TRACK_COLOURS[i % len(TRACK_COLOURS)], f"{words['legend_phase']}: {track.name}")
              for i, track in enumerate(report.timeline.tracks)]
    themes = [(tint("#3C6E9F", 0.55), words["legend_theme"])] if series else []
    last = _legend(sheet, row + 2, words["legend"], marks + tracks + themes, words["legend_day"])
    _printable(sheet, "1:3")
    sheet.column_dimensions["A"].width = 20
    sheet.column_dimensions["B"].width = 48
    for i in range(len(months)):
        sheet.column_dimensions[get_column_letter(FIRST_MONTH_COLUMN + i)].width = 9
    _fit_rows(sheet, 4, last)
    sheet.freeze_panes = sheet.cell(row=4, column=FIRST_MONTH_COLUMN)


def _table(book: Workbook, title: str, headers: list[str], rows: list[list], widths: Sequence[float]):
    sheet = book.create_sheet(title)
    _header(sheet, 1, headers)
    for values in rows:
        sheet.append(values)
    for r in sheet.iter_rows(min_row=2, max_row=sheet.max_row, max_col=len(headers)):
        for cell in r:
            cell.alignment, cell.border = WRAP, GRID
            if hasattr(cell.value, "isoformat") and not isinstance(cell.value, str):
                cell.number_format = "yyyy-mm-dd" if not hasattr(cell.value, "hour") else "hh:mm"
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    _fit_rows(sheet, 1, len(rows) + 1)
    sheet.freeze_panes = "A2"
    if rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"
    _printable(sheet, "1:1")
    return sheet


def _log(book: Workbook, report: TimelineReport, words: Labels) -> None:
    headers = [words["date"], words["end"], words["time"], words["kind"], words["activity"], words["location"],
               words["who"], words["what"], words["interpretation"], words["reflection"], words["significance"],
               words["why"], words["confidentiality"], words["author"], words["questions"], words["actions"]]
    rows = [[e.date, e.end_date, e.time, words.type(e.type), e.title, e.location, ", ".join(e.actor_names()),
             e.observation, e.interpretation, e.reflection, words.significance(e.significance), e.significance_why,
             words.confidentiality(e.confidentiality), e.author or "", "\n".join(f"{q.text} ({words.question(q.status)})" for q in e.questions),
             "\n".join(a.action for a in e.actions)] for e in report.entries]
    sheet = _table(book, words["log"], headers, rows, [11, 11, 7, 13, 34, 16, 26, 60, 40, 40, 15, 36, 12, 10, 36, 30])
    for index, entry in enumerate(report.entries, start=2):
        if entry.marked:
            sheet.cell(row=index, column=11).fill = _fill(SIGNIFICANCE_COLOURS[entry.significance])


def _agenda(book: Workbook, report: TimelineReport, words: Labels) -> None:
    days = agenda_dates(report.questions)
    headers = [words["question"], words["raised"], words["by"]] + [d.isoformat() for d in days] + [words["status"], words["open_for"]]
    rows = [[q.text, q.raised_on, q.raised_by] + [words.question(status) if (status := q.status_on(d)) else None for d in days]
            + [words.question(q.status), f"{q.days_open} {words['days']}"] for q in report.questions]
    sheet = _table(book, words["agenda"], headers, rows, [50, 11, 16] + [12] * len(days) + [18, 14])
    for index, question in enumerate(report.questions, start=2):
        changed_on = {c.date for c in question.history}
        for offset, day in enumerate(days):
            status = question.status_on(day)
            if status is None:
                continue
            cell = sheet.cell(row=index, column=4 + offset)
            cell.fill = _fill(QUESTION_COLOURS[status])
            cell.font = Font(bold=day in changed_on, color="000000" if day in changed_on else "777777")
        if question.long_open:
            sheet.cell(row=index, column=len(headers)).font = Font(bold=True, color="9C4A00")
    if report.questions:
        statuses = [(QUESTION_COLOURS[s], words.question(s)) for s in ("open", "provisional", "answered", "dropped")]
        _legend(sheet, len(report.questions) + 3, words["legend"], statuses)


def _actions(book: Workbook, report: TimelineReport, words: Labels) -> None:
    headers = [words["action"], words["owner"], words["due"], words["status"], words["overdue"], words["agreed"], words["date"]]
    rows = [[a.action, a.owner, a.due, words.action(a.status), f"{a.days_overdue} {words['days']}" if a.overdue else "",
             a.entry_title, a.entry_date] for a in report.actions]
    sheet = _table(book, words["actions"], headers, rows, [50, 18, 12, 14, 12, 40, 12])
    for index, action in enumerate(report.actions, start=2):
        if action.overdue:
            for column in (4, 5):
                sheet.cell(row=index, column=column).fill = _fill("F9D2B5")


def _themes(book: Workbook, report: TimelineReport, words: Labels) -> None:
    themes = report.timeline.themes
    series = [s for s in themes.series if s.total]
    headers = [words["month"]] + [s.name for s in series]
    rows = [[month.key] + [s.counts[i] for s in series] for i, month in enumerate(themes.months)]
    _table(book, words["chart_themes"], headers, rows, [12] + [16] * len(series))


def write_timeline_xlsx(report: TimelineReport, path: Path) -> Path:
    """Write the workbook: grid, log, learning agenda, actions and themes per month."""
    words = Labels(report.language)
    book = Workbook()
    _grid(book, report, words)
    _log(book, report, words)
    _agenda(book, report, words)
    _actions(book, report, words)
    _themes(book, report, words)
    with replacing(path) as temporary:
        book.save(temporary)
    return Path(path)
