"""Fill a new project with the demo: sample transcripts, a few codings and a monitoring log."""

from __future__ import annotations

from pathlib import Path

from workbench.resources import sample_transcripts_dir
from workbench.services import demo_codings, demo_documents, demo_monitoring, demo_reports

# Each step adds one part of the demo, in this order: codings need the documents, the report the log.
DEMO_STEPS = (demo_documents, demo_codings, demo_monitoring, demo_reports)


def fill_demo(project, samples: Path | None = None) -> None:
    """Add the demo's documents, codings and monitoring log to a project that has its codebook."""
    samples = samples or sample_transcripts_dir()
    for step in DEMO_STEPS:
        step.add_to_demo(project, samples)
