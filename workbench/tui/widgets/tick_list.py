"""A list to tick items in, whose box shows ✓ only when an item is ticked.

Textual's SelectionList draws the same X in every box and tells ticked from not by colour alone, which a
monochrome or low-colour terminal (or a colour-blind reader) cannot see.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import SelectionList
from textual.widgets.option_list import OptionDoesNotExist

TICK = "✓"


class TickList(SelectionList):
    """A SelectionList with a readable tick."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        try:
            selection = self.get_option_at_index(int(self.scroll_offset.y) + y)
        except OptionDoesNotExist:
            return strip
        if len(segments) < 3:
            return strip
        box = segments[1]  # left edge, inside, right edge, then the prompt
        segments[1] = Segment(TICK if selection.value in self._selected else " ", box.style)
        return Strip(segments, strip.cell_length)
