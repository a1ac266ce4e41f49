"""Cell shading and text bars for tables of counts, readable with and without colour."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

BLOCKS = " ▏▎▍▌▋▊▉█"


def shaded(label: str, share: float) -> Text:
    """A cell whose background deepens with its share of the largest value (0..1)."""
    share = max(0.0, min(share, 1.0))
    if share == 0:
        return Text(label, style=Style(dim=True), justify="right")
    level = int(40 + share * 160)
    return Text(label, style=Style(bgcolor=f"rgb({255 - level // 3},{255 - level // 2},{255})", color="black"),
                justify="right")


def bar(share: float, width: int) -> str:
    """A horizontal bar of `width` cells filled to `share` (0..1), with eighth-cell precision."""
    share = max(0.0, min(share, 1.0))
    eighths = round(share * width * 8)
    full, part = divmod(eighths, 8)
    return ("█" * full + (BLOCKS[part] if part else "")).ljust(width)
