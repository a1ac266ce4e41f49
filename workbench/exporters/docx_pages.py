"""Where a report's headings fall: a page layout of our own, so the contents list can print page numbers.

Word and LibreOffice lay pages out themselves; a generated document that wants page numbers in its contents list
either asks Word to update fields when it opens (a dialog users distrust) or knows the numbers beforehand. Each
contents entry is a PAGEREF field to a bookmark on its heading: the value written into the field is the page this
flow works out, which is what Word shows until fields are updated (and LibreOffice recomputes on its own).

The flow stacks blocks (headings, paragraphs, tables, pictures) on A4 pages with the report's margins, wraps
text by an average character width of the style's font, keeps a block that must not be split on one page, and
honours page breaks. Heights are estimates in points; what matters is that a block falls on the right page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

PAGE_HEIGHT_PT = 841.9  # A4
MARGIN_TOP_PT = MARGIN_BOTTOM_PT = 72.0  # python-docx's default section margins (1 inch)
# Average width of a character of Calibri relative to its size, as measured over Dutch prose.
CHARACTER_WIDTH = 0.45


@dataclass
class PageFlow:
    """A running estimate of the page the next block lands on."""

    width_pt: float
    height_pt: float = PAGE_HEIGHT_PT - MARGIN_TOP_PT - MARGIN_BOTTOM_PT
    page: int = 1
    used: float = 0.0
    pages_of: dict[str, int] = field(default_factory=dict)

    def lines(self, text: str, size: float, indent_pt: float = 0.0) -> int:
        """How many lines `text` wraps to at a font size, in the text width less the indents."""
        per_line = max(int((self.width_pt - indent_pt) / (size * CHARACTER_WIDTH)), 1)
        return sum(max(math.ceil(len(part) / per_line), 1) for part in text.split("\n"))

    def new_page(self) -> None:
        self.page += 1
        self.used = 0.0

    def block(self, height: float, *, keep: bool = True, before: float = 0.0) -> int:
        """Place a block `height` points tall (after `before` points of space); returns the page it starts on.

        A block that must be kept together goes to the next page when it does not fit; one that may be split
        runs over as many pages as it needs.
        """
        space = before if self.used else 0.0
        if keep and self.used and self.used + space + height > self.height_pt and height <= self.height_pt:
            self.new_page()
            space = 0.0
        start = self.page
        self.used += space + height
        while self.used > self.height_pt:
            self.used -= self.height_pt
            self.page += 1
        return start

    def height(self, text: str, size: float = 11.0, *, indent_pt: float = 0.0, after: float = 6.0) -> float:
        """The height of a paragraph of text with the space after it."""
        return self.lines(text, size, indent_pt) * size * 1.22 + after

    def text(self, text: str, size: float = 11.0, *, indent_pt: float = 0.0, before: float = 0.0,
             after: float = 6.0, keep: bool = False) -> int:
        """Place a paragraph of text; returns the page it starts on."""
        return self.block(self.height(text, size, indent_pt=indent_pt, after=after), keep=keep, before=before)

    def mark(self, name: str, page: int) -> None:
        """Remember the page a bookmark falls on."""
        self.pages_of[name] = page
