"""Lay the process timeline out on a character grid: time columns per quarter, month or week, phase bars per
track, entries as markers per type, and themes over time as a row of small bars per theme.

Pure computation on the domain's Timeline (no Textual), so it is tested directly; the view only crops,
colours and moves a cursor over what this returns.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from workbench.domain.monitoring import LogEntry
from workbench.domain.monitoring_labels import SIGNIFICANCE_COLOURS, TRACK_COLOURS
from workbench.domain.monitoring_timeline import MONTH_NAMES, Month, Timeline
from workbench.domain.monitoring_values import ENTRY_TYPES, label

ZOOMS = ("quarter", "month", "week")
WIDTHS = {"quarter": 18, "month": 8, "week": 4}
# Significance is told by symbol as well as colour, so the timeline reads on a terminal without colour.
SYMBOLS = {"high_point": "▲", "low_point": "▼", "learning_moment": "◆", "turning_point": "↻", "none": "•"}
LEVELS = "▁▂▃▄▅▆▇█"
MONTHS = MONTH_NAMES["en"]


@dataclass(frozen=True)
class Column:
    """One time column: the days it covers (inclusive), its label, and where it sits on the grid."""

    start: dt.date
    end: dt.date
    label: str
    group: str
    x: int
    width: int

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class Run:
    """Characters drawn on a row from column x, and what they show ('phase', 'marker', 'span', 'bar', 'empty').

    A named run (a phase, a year over its months) reaches to `last`; scrolled partly out of view, it keeps
    its name at the left edge.
    """

    x: int
    text: str
    kind: str
    colour: str = ""
    name: str = ""
    last: int = -1


@dataclass(frozen=True)
class GridRow:
    """A row of the grid: a track, an entry type's lane, a theme, or a section heading."""

    label: str
    kind: str
    runs: tuple[Run, ...] = ()
    colour: str = ""


@dataclass(frozen=True)
class PlacedMarker:
    """An entry where it is drawn: its row and column on the grid, and what the details line tells of it."""

    entry_id: int
    row: int
    x: int
    symbol: str
    significance: str
    date: dt.date
    end_date: dt.date | None
    type: str
    title: str
    why: str


@dataclass(frozen=True)
class TimelineGrid:
    """The whole timeline laid out: columns, rows and the markers in date order."""

    zoom: str
    columns: tuple[Column, ...]
    width: int
    rows: tuple[GridRow, ...]
    markers: tuple[PlacedMarker, ...]

    def column_at(self, x: int) -> int:
        """The index of the column holding grid position x (clamped to the grid)."""
        for index, column in enumerate(self.columns):
            if x < column.x + column.width:
                return index
        return max(len(self.columns) - 1, 0)


def columns_for(zoom: str, first: dt.date, last: dt.date) -> tuple[Column, ...]:
    """The columns from the one holding `first` to the one holding `last`, at a zoom level."""
    if zoom not in WIDTHS:
        raise ValueError(f"unknown zoom level {zoom!r}")
    width = WIDTHS[zoom]
    columns: list[Column] = []
    if zoom == "week":
        day = first - dt.timedelta(days=first.weekday())
        while day <= last:
            columns.append(Column(day, day + dt.timedelta(days=6), str(day.day), f"{MONTHS[day.month - 1]} {day.year}",
                                  len(columns) * width, width))
            day += dt.timedelta(days=7)
    elif zoom == "month":
        month = Month.of(first)
        while month.first <= last:
            columns.append(Column(month.first, month.last, MONTHS[month.month - 1], str(month.year), len(columns) * width, width))
            month = month.next()
    else:
        month = Month(first.year, (first.month - 1) // 3 * 3 + 1)
        while month.first <= last:
            end = Month(month.year, month.month + 2)
            name = f"Q{(month.month - 1) // 3 + 1} {MONTHS[month.month - 1]}–{MONTHS[end.month - 1]}"
            columns.append(Column(month.first, end.last, name, str(month.year), len(columns) * width, width))
            month = end.next()
    return tuple(columns)


def x_of(columns: tuple[Column, ...], day: dt.date) -> int:
    """The grid position of a day: its column, and within the column by the share of days gone."""
    if not columns:
        return 0
    if day < columns[0].start:
        return 0
    for column in columns:
        if day <= column.end:
            return column.x + (day - column.start).days * column.width // column.days
    return columns[-1].x + columns[-1].width - 1


def x_end(columns: tuple[Column, ...], day: dt.date) -> int:
    """The last grid position a period ending on `day` covers."""
    if columns and day >= columns[-1].end:
        return columns[-1].x + columns[-1].width - 1
    return max(x_of(columns, day + dt.timedelta(days=1)) - 1, x_of(columns, day))


def _free(taken: list[tuple[int, int]], first: int, last: int) -> bool:
    return all(last < a or first > b for a, b in taken)


def _phase_text(name: str, cells: int, open_start: bool, open_end: bool) -> str:
    """'├ Fase 1: pilot ──────┤' in exactly `cells` characters; arrows where the phase runs on beyond the view."""
    left, right = ("←" if open_start else "├"), ("→" if open_end else "┤")
    if cells <= 2:
        return (left + right)[:cells]
    inner = cells - 2
    core = f" {name} "
    if len(core) > inner:
        core = (f" {name}"[: inner - 1] + "…") if inner >= 3 else ""
    return left + core.ljust(inner, "─") + right


def _track_rows(timeline: Timeline, columns: tuple[Column, ...]) -> list[GridRow]:
    rows: list[GridRow] = []
    first, last = timeline.start, timeline.end
    if first is None or last is None:
        return rows
    for number, track in enumerate(timeline.tracks):
        colour = TRACK_COLOURS[number % len(TRACK_COLOURS)]
        taken: list[list[tuple[int, int]]] = []
        runs: list[list[Run]] = []
        for bar in track.bars:
            phase = bar.phase
            start, end = max(phase.start, first), min(phase.end or last, last)
            a, b = x_of(columns, start), x_end(columns, end)
            text = _phase_text(phase.name, b - a + 1, phase.start < first, phase.end is None or phase.end > last)
            row = next((r for r, spans in enumerate(taken) if _free(spans, a, b)), len(taken))
            if row == len(taken):
                taken.append([])
                runs.append([])
            taken[row].append((a, b))
            runs[row].append(Run(a, text, "phase", colour, phase.name, b))
        for row, row_runs in enumerate(runs):
            rows.append(GridRow(track.name or "(no track)" if row == 0 else "", "track", tuple(row_runs), colour))
    return rows


def _lane_rows(entries: list[LogEntry], columns: tuple[Column, ...], base: int, last: dt.date) -> tuple[list[GridRow], list[PlacedMarker]]:
    """One lane per entry type (more rows when markers would overlap), each entry a symbol at its date."""
    known = [t for t in ENTRY_TYPES if any(e.type == t for e in entries)]
    types = known + sorted({e.type for e in entries} - set(known))
    rows: list[GridRow] = []
    markers: list[PlacedMarker] = []
    for kind in types:
        taken: list[list[tuple[int, int]]] = []
        runs: list[list[Run]] = []
        for entry in sorted((e for e in entries if e.type == kind), key=lambda e: (e.date, e.id)):
            x = x_of(columns, entry.date)
            reach = x_end(columns, min(entry.end_date, last)) - x if entry.end_date and entry.end_date > entry.date else 0
            column = next(c for c in columns if x < c.x + c.width)
            limit = max(column.x + column.width - 1, x)
            row, at = _place(taken, x, reach, limit)
            if row == len(taken):
                taken.append([])
                runs.append([])
            taken[row].append((at, at + reach))
            colour = SIGNIFICANCE_COLOURS.get(entry.significance, SIGNIFICANCE_COLOURS["none"])
            symbol = SYMBOLS.get(entry.significance, SYMBOLS["none"])
            runs[row].append(Run(at, symbol, "marker", colour))
            if reach:
                runs[row].append(Run(at + 1, "╌" * reach, "span", colour))
            markers.append(PlacedMarker(entry.id, base + len(rows) + row, at, symbol, entry.significance, entry.date,
                                        entry.end_date, entry.type, entry.title, entry.significance_why))
        for row, row_runs in enumerate(runs):
            rows.append(GridRow(label(kind) if row == 0 else "", "lane", tuple(sorted(row_runs, key=lambda r: r.x))))
    return rows, markers


def _place(taken: list[list[tuple[int, int]]], x: int, reach: int, limit: int) -> tuple[int, int]:
    """The first row, and the position in it, where a marker fits without leaving its column."""
    for row, spans in enumerate(taken):
        for at in range(x, limit + 1):
            if _free(spans, at, at + reach):
                return row, at
    return len(taken), x


def _theme_rows(timeline: Timeline, columns: tuple[Column, ...], zoom: str) -> list[GridRow]:
    """Per theme, small bars with the count of codings: per column, or per month when columns are weeks."""
    series = [s for s in timeline.themes.series if s.total]
    if not series:
        return []
    months = timeline.themes.months
    if zoom == "week":
        buckets: list[tuple[int, int, tuple[int, ...]]] = [
            (x_of(columns, m.first), x_end(columns, m.last), (i,)) for i, m in enumerate(months)]
    else:
        buckets = [(c.x, c.x + c.width - 1, tuple(i for i, m in enumerate(months) if c.start <= m.first <= c.end))
                   for c in columns]
    values = [[sum(s.counts[i] for i in held) for _a, _b, held in buckets] for s in series]
    top = max((v for row in values for v in row), default=0) or 1
    rows = []
    for theme, counts in zip(series, values):
        runs = []
        for (a, b, _held), count in zip(buckets, counts):
            room = b - a  # one cell stays free as a gap before the next bucket
            if count == 0:
                runs.append(Run(a, "·", "empty"))
                continue
            level = LEVELS[min(len(LEVELS) - 1, max(0, math.ceil(count / top * len(LEVELS)) - 1))]
            number = str(count)
            bars = max(1, min(3, room - len(number) - 1))
            text = level * bars + (" " + number if bars + 1 + len(number) <= room else "")
            runs.append(Run(a, text[: max(room, 1)], "bar", theme.colour))
        rows.append(GridRow(theme.name, "theme", tuple(runs), theme.colour))
    return rows


def lay_out(timeline: Timeline, zoom: str = "month") -> TimelineGrid:
    """The timeline on a grid at a zoom level: tracks, then a lane per entry type, then the themes."""
    first, last = timeline.start, timeline.end
    if not timeline.months or first is None or last is None:
        return TimelineGrid(zoom, (), 0, (), ())
    columns = columns_for(zoom, first, last)
    width = columns[-1].x + columns[-1].width
    rows = _track_rows(timeline, columns)
    entries = [entry for row in timeline.rows for entry in row.entries]
    markers: list[PlacedMarker] = []
    if entries:
        rows.append(GridRow("Entries", "section"))
        lanes, markers = _lane_rows(entries, columns, len(rows), last)
        rows.extend(lanes)
    themes = _theme_rows(timeline, columns, zoom)
    if themes:
        rows.append(GridRow("Themes", "section"))
        rows.extend(themes)
    ordered = tuple(sorted(markers, key=lambda m: (m.date, m.row, m.x)))
    return TimelineGrid(zoom, columns, width, tuple(rows), ordered)


def edge_label(run: Run, left: int) -> str:
    """What a named run shows at the view's left edge when it starts before it: '◂ name ─…' or ''."""
    if not run.name or not run.x < left <= run.last - 2:
        return ""
    room = run.last - left + 1
    text = f"◂ {run.name} " if run.kind == "phase" else f"{run.name} "
    if len(text) > room:
        text = text[: room - 2] + "… "
    return text.ljust(room - 1, "─" if run.kind == "phase" else " ")[: room - 1]


def header_rows(grid: TimelineGrid) -> tuple[GridRow, GridRow]:
    """The two header rows: the group (year, or month at week zoom) over its columns, then each column's label."""
    groups, labels = [], []
    for index, column in enumerate(grid.columns):
        if index == 0 or grid.columns[index - 1].group != column.group:
            span = sum(c.width for c in grid.columns[index:] if c.group == column.group)
            groups.append(Run(column.x, column.group[: max(span - 1, 1)], "group", "", column.group, column.x + span - 1))
        labels.append(Run(column.x, column.label[: max(column.width - 1, 1)], "label"))
    return GridRow("", "header", tuple(groups)), GridRow("", "header", tuple(labels))
