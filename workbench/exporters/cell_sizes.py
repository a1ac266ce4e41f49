"""How much room a cell's text takes in a spreadsheet, and which ink reads on a fill.

Spreadsheets do not measure rows when a file is opened, so an export sets each row's height from these
estimates.
"""

from __future__ import annotations

# Characters of ordinary text per unit of column width (the width of a digit); kept low, so a row is rather a
# little too tall than cuts its text off.
CHARACTERS_PER_WIDTH = 1.0


def line_count(text: str, width: float) -> int:
    """About how many lines a long wrapped text takes in a column of this width (in characters); a tenth more
    than the characters alone, for the room lost at word breaks."""
    per_line = max(int(width * CHARACTERS_PER_WIDTH), 1)
    if len(text) <= per_line and "\n" not in text:
        return 1
    return sum(max(1, -(-len(part) * 11 // (per_line * 10))) for part in text.split("\n"))


def wrapped_lines(text: str, width: float) -> int:
    """Lines a short text takes when wrapped at word boundaries (headers, names, places)."""
    per_line = max(int(width * CHARACTERS_PER_WIDTH), 1)
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > per_line:
            lines, used = lines + 1, 0
        used += len(word) + (1 if used else 0)
        while used > per_line:
            lines, used = lines + 1, used - per_line
    return lines


def ink_for(colour: str) -> str:
    """Black or white, whichever reads better on the colour."""
    red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "000000" if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else "FFFFFF"
