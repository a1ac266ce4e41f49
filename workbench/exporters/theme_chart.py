"""Horizontal bar charts as PNG bytes, drawn with matplotlib's Agg canvas (imported on first use).

Every chart of one summary has the same rows (the attribute's values) and title, so the painter draws
that frame once and, per chart, only the bars and their numbers on top of it: a summary with hundreds
of themes gets its charts in a fraction of the time a fresh figure each would take.
"""

from __future__ import annotations

import io

WIDTH_INCHES = 6.2
DPI = 130


class ChartPainter:
    """Paints bar charts over one fixed frame of row labels and a title."""

    def __init__(self, labels: list[str], title: str):
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.labels = labels
        height = 0.75 + 0.3 * len(labels)
        self.figure = Figure(figsize=(WIDTH_INCHES, height), dpi=DPI, facecolor="white")
        self.canvas = FigureCanvasAgg(self.figure)
        longest = max((len(label) for label in labels), default=8)
        left = min(0.45, 0.06 + 0.0135 * min(longest, 38))
        top = 1 - 0.42 / height
        self.axes = self.figure.add_axes((left, 0.12 / height, 0.9 - left, top - 0.12 / height))
        positions = list(range(len(labels)))[::-1]
        self.positions = positions
        self.axes.set_ylim(-0.6, len(labels) - 0.4)
        self.axes.set_yticks(positions, [label if len(label) <= 38 else label[:37] + "…" for label in labels],
                             fontsize=8.5)
        self.axes.tick_params(axis="y", length=0)
        self.axes.xaxis.set_visible(False)
        for side in ("top", "right", "bottom"):
            self.axes.spines[side].set_visible(False)
        self.axes.spines["left"].set_color("#888888")
        self.axes.set_title(title, fontsize=9.5, loc="left", color="#333333")
        self.bars = self.axes.barh(positions, [0] * len(labels), height=0.62, edgecolor="#333333", linewidth=0.4,
                                   animated=True)
        self.numbers = [self.axes.text(0, p, "", va="center", fontsize=8, color="#222222", animated=True)
                        for p in positions]
        self.canvas.draw()
        self.frame = self.canvas.copy_from_bbox(self.figure.bbox)

    def render(self, values: list[int], colour: str) -> bytes:
        """The chart for one code's counts (in label order) in its colour, as PNG bytes."""
        from PIL import Image

        top = max(values, default=0)
        self.axes.set_xlim(0, top * 1.12 + 0.5)
        self.canvas.restore_region(self.frame)
        for bar, number, value in zip(self.bars, self.numbers, values):
            bar.set_width(value)
            bar.set_facecolor(colour)
            number.set_x(value)
            number.set_text(f" {value}")
            self.axes.draw_artist(bar)
            self.axes.draw_artist(number)
        width, height = self.canvas.get_width_height()
        image = Image.frombuffer("RGBA", (width, height), self.canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        buffer = io.BytesIO()
        image.convert("RGB").save(buffer, format="PNG", compress_level=1)
        return buffer.getvalue()


def bar_chart(labels: list[str], values: list[int], colour: str, title: str) -> bytes:
    """One chart on its own (a painter for a single use)."""
    return ChartPainter(labels, title).render(values, colour)
