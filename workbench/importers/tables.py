"""Transcripts typed in tables: a row `| I | Hoe is ... |` or `| 00:12:34 | R | Ja, ... |` is one paragraph."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.importers.speakers import plausible_name
from workbench.importers.timestamps import is_stamp

# Column titles of a table's first row, which say what the columns hold rather than being speech.
_COLUMN_TITLES = frozenset(
    "spreker speaker naam name wie who tijd time tijdcode timecode timestamp tijdstip tekst text transcript "
    "transcriptie uitspraak fragment".split()
)
_SHORT = 48


def row_lines(cells: Sequence[str]) -> list[str]:
    """Lines for one table row: short leading cells (a time, a speaker) prefix the last cell's text.

    A row of column titles gives nothing; other rows give their cells' lines in order.
    """
    filled = [cell.strip() for cell in cells if cell.strip()]
    if not filled:
        return []
    if all(cell.casefold() in _COLUMN_TITLES for cell in filled):
        return []
    *leading, text = filled
    if leading and all(len(cell) <= _SHORT and "\n" not in cell for cell in leading):
        stamps = [cell for cell in leading if is_stamp(cell)]
        names = [cell for cell in leading if not is_stamp(cell)]
        if len(names) <= 1 and all(plausible_name(name.rstrip(":")) for name in names):
            prefix = "".join(f"[{stamp.strip('[]()')}] " for stamp in stamps[:1])
            if names:
                prefix += names[0].rstrip(":") + ": "
            first, *rest = text.split("\n")
            return [prefix + first, *rest]
    return [line for cell in filled for line in cell.split("\n")]

