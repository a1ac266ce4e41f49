"""The demo's kick-off report, imported the way a researcher would: `workbench log import-report`."""

from __future__ import annotations

from pathlib import Path

from workbench.resources import sample_reports_dir


def add_to_demo(project, samples_dir: Path) -> None:
    """Import the reports shipped with workbench into the log, with their questions on the learning agenda."""
    folder = sample_reports_dir()
    if not folder.is_dir():
        return
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in (".md", ".docx", ".odt", ".txt") and not path.name.upper().startswith("README"):
            project.monitoring.reports.import_report(path, questions="all")
