"""The codebook as an Excel sheet of definitions, with each code's colour and how often it is applied."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from workbench.domain.export_labels import ExportLabels
from workbench.domain.exports import CodeInfo
from workbench.exporters.fragments_xlsx import StyledSheet, described, top_aligned, wrapped_by_default
from workbench.exporters.manifest import ContentHash

# The columns by key; their headings come from the export labels of the project's language.
KEYS = ["code", "depth", "name", "definition", "when_to_use", "when_not_to_use", "example", "colour", "codable",
        "codings"]
WIDTHS = {"code": 40, "depth": 7, "name": 28, "definition": 50, "when_to_use": 40, "when_not_to_use": 40,
          "example": 40, "colour": 10, "codable": 11, "codings": 11}


def codebook_rows(sheet: StyledSheet, codes: list[CodeInfo], counts: dict[str, int], words: ExportLabels) -> None:
    """One row per code, its colour as the fill of the colour cell."""
    for code in codes:
        sheet.append([code.path, code.depth + 1, "    " * code.depth + code.name, code.definition, code.when_to_use,
                      code.when_not_to_use, code.example, code.colour, words.yes_no(code.codable),
                      counts.get(code.path, 0)], {7: code.colour})


def write_codebook_xlsx(path: Path, title: str, codes: list[CodeInfo], counts: dict[str, int],
                        hasher: ContentHash, language: str = "nl") -> dict[str, int]:
    """Write a one-sheet workbook in the project's language; returns what it holds."""
    words = ExportLabels(language)
    workbook = Workbook(write_only=True)
    wrapped_by_default(workbook)
    described(workbook, words["codebook_title"].format(title=title), words.tag)
    sheet = StyledSheet(workbook, words["sheet_codebook"], [words[k] for k in KEYS], hasher, WIDTHS, KEYS)
    codebook_rows(sheet, codes, counts, words)
    sheet.finish()
    top_aligned(workbook)
    workbook.save(path)
    return {"codes": len(codes)}
