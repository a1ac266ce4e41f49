"""The process timeline: months on one axis with phases per track, entries, markers and themes over time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from workbench.domain.monitoring import LogEntry, Phase

MONTH_NAMES = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


@dataclass(frozen=True, order=True)
class Month:
    """A calendar month, the timeline's unit."""

    year: int
    month: int

    @classmethod
    def of(cls, day: dt.date) -> Month:
        return cls(day.year, day.month)

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last(self) -> dt.date:
        return self.next().first - dt.timedelta(days=1)

    def next(self) -> Month:
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def label(self, language: str = "nl") -> str:
        """'sep 2024' (or 'Sep 2024' in English)."""
        return f"{MONTH_NAMES.get(language, MONTH_NAMES['en'])[self.month - 1]} {self.year}"


def months_between(start: dt.date, end: dt.date) -> tuple[Month, ...]:
    """Every month from the one holding `start` to the one holding `end`, inclusive."""
    if end < start:
        start, end = end, start
    months, current, last = [], Month.of(start), Month.of(end)
    while current <= last:
        months.append(current)
        current = current.next()
    return tuple(months)


@dataclass(frozen=True)
class PhaseBar:
    """A phase drawn over the months it covers: `first` and `last` are month indices, inclusive."""

    phase: Phase
    first: int
    last: int


@dataclass(frozen=True)
class Track:
    """One track of the project (the pilot, the province track, phase 2) with its phases in order."""

    name: str
    bars: tuple[PhaseBar, ...]


@dataclass(frozen=True)
class Marker:
    """An entry marked on the timeline as a high point, low point, learning moment or turning point."""

    entry_id: int
    date: dt.date
    title: str
    type: str
    significance: str
    why: str
    month: int


@dataclass(frozen=True)
class ThemeSeries:
    """Codings of one theme (a top-level code) per month, aligned with the timeline's months."""

    code_id: int
    name: str
    colour: str
    counts: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class ThemesOverTime:
    """Applied codings per theme per month, dated by a document attribute or a linked log entry."""

    months: tuple[Month, ...]
    series: tuple[ThemeSeries, ...]
    undated: int = 0
    outside: int = 0
    date_attribute: str = ""

    def count(self, theme: str, month: Month) -> int:
        """Codings of the theme (by name) in a month; 0 when either is not on the axis."""
        for series in self.series:
            if series.name == theme and month in self.months:
                return series.counts[self.months.index(month)]
        return 0


@dataclass(frozen=True)
class TimelineRow:
    """One month of the timeline: the phases running, the entries, the markers and the theme counts."""

    month: Month
    phases: tuple[str, ...]
    entries: tuple[LogEntry, ...]
    markers: tuple[Marker, ...]
    theme_counts: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Timeline:
    """The months of a period with everything that happened in them, ready to draw."""

    months: tuple[Month, ...]
    tracks: tuple[Track, ...]
    rows: tuple[TimelineRow, ...]
    markers: tuple[Marker, ...]
    themes: ThemesOverTime

    @property
    def start(self) -> dt.date | None:
        return self.months[0].first if self.months else None

    @property
    def end(self) -> dt.date | None:
        return self.months[-1].last if self.months else None


def count_themes(dated: Iterable[tuple[int, dt.date | None]], themes: Iterable[tuple[int, str, str]],
                 months: tuple[Month, ...], date_attribute: str = "") -> ThemesOverTime:
    """Count (theme id, date) pairs per theme and month; undated pairs and pairs off the axis are counted apart."""
    index = {month: i for i, month in enumerate(months)}
    counts: dict[int, list[int]] = {}
    undated = outside = 0
    for theme_id, day in dated:
        if day is None:
            undated += 1
            continue
        position = index.get(Month.of(day))
        if position is None:
            outside += 1
            continue
        counts.setdefault(theme_id, [0] * len(months))[position] += 1
    series = tuple(
        ThemeSeries(code_id, name, colour, tuple(counts.get(code_id, [0] * len(months))))
        for code_id, name, colour in themes
    )
    return ThemesOverTime(months, series, undated, outside, date_attribute)


def _bar(phase: Phase, months: tuple[Month, ...]) -> PhaseBar | None:
    if not months:
        return None
    first_month, last_month = Month.of(phase.start), Month.of(phase.end) if phase.end else months[-1]
    if last_month < months[0] or first_month > months[-1]:
        return None
    first = months.index(max(first_month, months[0]))
    last = months.index(min(last_month, months[-1]))
    return PhaseBar(phase, first, last)


def build_timeline(months: tuple[Month, ...], phases: Iterable[Phase], entries: Iterable[LogEntry],
                   themes: ThemesOverTime) -> Timeline:
    """Lay phases, entries and theme counts on the months; tracks keep the order of their first phase."""
    index = {month: i for i, month in enumerate(months)}
    tracks: dict[str, list[PhaseBar]] = {}
    for phase in sorted(phases, key=lambda p: (p.start, p.end or dt.date.max, p.name)):
        bar = _bar(phase, months)
        if bar is not None:
            tracks.setdefault(phase.track, []).append(bar)
    by_month: dict[int, list[LogEntry]] = {}
    markers: list[Marker] = []
    for entry in sorted(entries, key=lambda e: (e.date, e.time or dt.time.min, e.id)):
        position = index.get(Month.of(entry.date))
        if position is None:
            continue
        by_month.setdefault(position, []).append(entry)
        if entry.marked:
            markers.append(Marker(entry.id, entry.date, entry.title, entry.type, entry.significance,
                                  entry.significance_why, position))
    rows = []
    for i, month in enumerate(months):
        running = tuple(bar.phase.name for bars in tracks.values() for bar in bars if bar.first <= i <= bar.last)
        rows.append(TimelineRow(
            month, running, tuple(by_month.get(i, ())), tuple(m for m in markers if m.month == i),
            tuple((s.name, s.counts[i]) for s in themes.series),
        ))
    return Timeline(months, tuple(Track(name, tuple(bars)) for name, bars in tracks.items()), tuple(rows),
                    tuple(markers), themes)
