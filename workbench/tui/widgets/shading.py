"""Cell shading and text bars for tables of counts, readable with and without colour, and colours blended into a
background."""

from __future__ import annotations

from functools import lru_cache

from rich.color import Color as RichColor
from rich.style import Style
from rich.text import Text
from textual.color import Color

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


@lru_cache(maxsize=4096)
def tint(base: Color, colour: str, strength: float) -> RichColor:
    """`colour` blended into the background `base` by `strength` (0..1); drawing asks for the same few often.

    An odd colour value gives the background itself: it must not break drawing.
    """
    try:
        return base.blend(Color.parse(colour), strength).rich_color
    except Exception:  # noqa: BLE001 - any unparsable colour
        return base.rich_color
