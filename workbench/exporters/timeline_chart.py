"""The timeline chart: phases per track, entries by significance and themes over time on one month axis."""

from __future__ import annotations

import calendar
import datetime as dt
import io
import textwrap

from workbench.domain.monitoring_labels import SIGNIFICANCE_COLOURS, TRACK_COLOURS, Labels
from workbench.domain.monitoring_report import TimelineReport
from workbench.domain.monitoring_timeline import Month
from workbench.domain.wording import shortened

# Lanes of the entries panel, top to bottom; unmarked entries sit in the bottom lane as small grey dots.
LANES = ("high_point", "turning_point", "learning_moment", "low_point", "none")
INK, GRID = "#333333", "#DDDDDD"


def _position(day: dt.date, months: tuple[Month, ...]) -> float:
    """Where a day sits on the axis: the month's index plus the fraction of the month gone by."""
    index = months.index(Month.of(day))
    return index + (day.day - 1) / calendar.monthrange(day.year, day.month)[1]


def _short(text: str, width: int) -> str:
    return shortened(text, width)


def _wrapped(text: str, width: int, lines: int = 2) -> str:
    """A label on at most `lines` lines of about `width` characters, broken between words only."""
    return "\n".join(textwrap.wrap(shortened(text, width * lines), width, break_long_words=False)) or text


def _phases(ax, report: TimelineReport) -> None:
    tracks = report.timeline.tracks
    for row, track in enumerate(tracks):
        colour = TRACK_COLOURS[row % len(TRACK_COLOURS)]
        for bar in track.bars:
            months = report.timeline.months
            start = _position(max(bar.phase.start, months[0].first), months)
            end_day = min(bar.phase.end or months[-1].last, months[-1].last)
            end = _position(end_day, months) + 1 / calendar.monthrange(end_day.year, end_day.month)[1]
            ax.barh(row, end - start, left=start, height=0.62, color=colour, edgecolor="white", linewidth=1)
            ax.text(start + 0.12, row, _short(bar.phase.name, int((end - start) * 9)), va="center", ha="left",
                    fontsize=7.5, color="white", fontweight="bold", clip_on=True)
    ax.set_yticks(range(len(tracks)), [_wrapped(t.name or "–", 22) for t in tracks], fontsize=8)
    ax.set_ylim(len(tracks) - 0.5, -0.5)


# Where a marker's label may go, tried in turn until it overlaps nothing drawn before: (dx, dy, ha, va) in points.
PLACES = ((0, 7, "center", "bottom"), (0, -7, "center", "top"), (8, 0, "left", "center"), (-8, 0, "right", "center"),
          (0, 20, "center", "bottom"), (0, -20, "center", "top"), (10, 12, "left", "bottom"), (-10, -12, "right", "top"))


def _label(ax, renderer, placed: list, text: str, x: float, y: float) -> None:
    """Annotate a marker at the first place where the label overlaps no earlier label or marker.

    A crowded month leaves a marker without a label rather than printing labels over each other;
    the entries table lists every entry anyway.
    """
    frame = ax.get_window_extent(renderer)
    for dx, dy, ha, va in PLACES:
        note = ax.annotate(text, (x, y), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va, fontsize=6.3,
                           color=INK, linespacing=0.95)
        box = note.get_window_extent(renderer).expanded(1.04, 1.08)
        inside = frame.x0 - 30 <= box.x0 and box.x1 <= frame.x1 + 30
        if inside and not any(box.overlaps(other) for other in placed):
            placed.append(box)
            return
        note.remove()


def _entries(ax, report: TimelineReport, words: Labels) -> None:
    months = report.timeline.months
    lane = {name: i for i, name in enumerate(LANES)}
    ax.set_yticks(range(len(LANES)), [words.significance(s) or words["legend_other"] for s in LANES], fontsize=8)
    ax.set_ylim(len(LANES) - 0.4, -0.8)
    marked = []
    for entry in report.entries:
        if Month.of(entry.date) not in months:
            continue
        x, y = _position(entry.date, months), lane[entry.significance]
        if entry.significance == "none":
            ax.plot(x, y, "o", ms=4, color=SIGNIFICANCE_COLOURS["none"], alpha=0.8)
        else:
            ax.plot(x, y, "o", ms=9, color=SIGNIFICANCE_COLOURS[entry.significance], markeredgecolor="white",
                    markeredgewidth=1, zorder=3)
            marked.append((entry, x, y))
    from matplotlib.transforms import Bbox

    renderer = ax.figure.canvas.get_renderer()
    placed = []
    for _entry, x, y in marked:
        centre = ax.transData.transform((x, y))
        placed.append(Bbox([[centre[0] - 6, centre[1] - 6], [centre[0] + 6, centre[1] + 6]]))
    for entry, x, y in marked:
        _label(ax, renderer, placed, _wrapped(entry.title, 22), x, y)


def _themes(ax, report: TimelineReport) -> bool:
    themes = report.timeline.themes
    series = [s for s in themes.series if s.total]
    if not series:
        return False
    bottom = [0] * len(themes.months)
    for s in series:
        ax.bar([i + 0.5 for i in range(len(themes.months))], s.counts, width=0.7, bottom=bottom,
               color=s.colour or "#808080", label=s.name, edgecolor="white", linewidth=0.5)
        bottom = [b + c for b, c in zip(bottom, s.counts)]
    ax.legend(loc="upper left", bbox_to_anchor=(1.005, 1.0), fontsize=7, frameon=False)
    ax.tick_params(axis="y", labelsize=7)
    return True


def timeline_chart_png(report: TimelineReport, *, width: float = 11.0, dpi: int = 200) -> bytes | None:
    """The chart as PNG bytes, or None when the timeline has no months."""
    months = report.timeline.months
    if not months:
        return None
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    words = Labels(report.language)
    has_themes = any(s.total for s in report.timeline.themes.series)
    tracks = max(1, len(report.timeline.tracks))
    heights = [0.42 * tracks + 0.2, 3.0] + ([1.5] if has_themes else [])
    fig, axes = plt.subplots(len(heights), 1, sharex=True, figsize=(width, sum(heights) + 0.7),
                             gridspec_kw={"height_ratios": heights, "hspace": 0.12})
    plt.rcParams["font.family"] = "DejaVu Sans"
    titles = (words["chart_phases"], words["chart_entries"], words["chart_themes"])
    for ax, title in zip(axes, titles):
        ax.set_xlim(0, len(months))
        for spine in ("top", "right"):
            ax.spines[spine].set_visible(False)
        ax.spines["left"].set_color(GRID)
        ax.spines["bottom"].set_color(GRID)
        for i in range(len(months) + 1):
            ax.axvline(i, color=GRID, linewidth=0.6, zorder=0)
        ax.set_ylabel(title, fontsize=8.5, color=INK, fontweight="bold", labelpad=8)
        ax.tick_params(colors=INK, length=0)
    _phases(axes[0], report)
    _entries(axes[1], report, words)
    if has_themes:
        _themes(axes[2], report)
    axes[-1].set_xticks([i + 0.5 for i in range(len(months))],
                        [m.label(words.language).replace(" ", "\n") for m in months], fontsize=7.5)
    fig.align_ylabels(axes)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", facecolor="white")
    plt.close(fig)
    return buffer.getvalue()
