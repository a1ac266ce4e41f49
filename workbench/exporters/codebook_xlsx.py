"""The codebook as an Excel sheet of definitions, with each code's colour and how often it is applied."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from workbench.domain.exports import CodeInfo
from workbench.exporters.fragments_xlsx import StyledSheet, top_aligned, wrapped_by_default
from workbench.exporters.manifest import ContentHash

HEADER = ["Code", "Level", "Name", "Definition", "When to use", "When not to use", "Example", "Colour", "Codable",
          "Codings"]
WIDTHS = {"Code": 40, "Level": 7, "Name": 28, "Definition": 50, "When to use": 40, "When not to use": 40,
          "Example": 40, "Colour": 10, "Codable": 9, "Codings": 9}


def codebook_rows(sheet: StyledSheet, codes: list[CodeInfo], counts: dict[str, int]) -> None:
    """One row per code, its colour as the fill of the colour cell."""
    for code in codes:
        sheet.append([code.path, code.depth + 1, "    " * code.depth + code.name, code.definition, code.when_to_use,
                      code.when_not_to_use, code.example, code.colour, "yes" if code.codable else "no",
                      counts.get(code.path, 0)], {7: code.colour})


def write_codebook_xlsx(path: Path, title: str, codes: list[CodeInfo], counts: dict[str, int],
                        hasher: ContentHash) -> dict[str, int]:
    """Write a one-sheet workbook; returns what it holds."""
    workbook = Workbook(write_only=True)
    wrapped_by_default(workbook)
    workbook.properties.creator = "workbench"
    workbook.properties.title = title
    sheet = StyledSheet(workbook, "Codebook", HEADER, hasher, WIDTHS)
    codebook_rows(sheet, codes, counts)
    sheet.finish()
    top_aligned(workbook)
    workbook.save(path)
    return {"codes": len(codes)}
