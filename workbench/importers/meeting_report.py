"""Read a meeting report file (.md, .txt, .docx, .odt) into its paragraphs as lines, for the report reader."""

from __future__ import annotations

from pathlib import Path

from workbench.domain.meeting_reports import ReportReading, read_report
from workbench.domain.text import normalise_text
from workbench.importers.failures import import_failed
from workbench.importers.text import decode

REPORT_SUFFIXES = (".md", ".markdown", ".txt", ".docx", ".odt")


def report_lines(path: Path) -> list[str]:
    """The report's paragraphs in order; raises ImportFailed (one sentence naming the file) when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        raise import_failed(path, f"is not a report the workbench can read ({suffix or 'no extension'})",
                            "give a .md, .txt, .docx or .odt file")
    if not path.is_file():
        raise import_failed(path, "does not exist" if not path.exists() else "is not a file", "check the path")
    if suffix == ".docx":
        from workbench.importers.docx import docx_lines

        lines, _ = docx_lines(path)
    elif suffix == ".odt":
        from workbench.importers.odt import odt_lines

        lines, _ = odt_lines(path)
    else:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise import_failed(path, f"cannot be read ({error.strerror or error})", "check the file") from None
        lines = normalise_text(decode(data, path)).split("\n")
    if not any(line.strip() for line in lines):
        raise import_failed(path, "is empty", "there is no report to read")
    return lines


def read_report_file(path: Path) -> ReportReading:
    """What the report at `path` says, for the monitoring log."""
    return read_report(report_lines(path), fallback_title=path.stem)
