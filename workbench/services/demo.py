"""Build the demo project: sample transcripts, the default codebook, a few codings and a monitoring log."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from workbench.domain.errors import ProjectError
from workbench.resources import sample_transcripts_dir

# Each step adds one part of the demo; steps whose services are not installed are skipped.
DEMO_STEPS = (
    "workbench.services.demo_documents",
    "workbench.services.demo_codings",
    "workbench.services.demo_monitoring",
)


def default_demo_dir() -> Path:
    """Where `workbench demo` puts its project when no folder is given."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "workbench" / "demo"


def make_demo(directory: Path, *, fresh: bool = False, coder: str | None = None):
    """Open the demo project in `directory`, creating it (or recreating it with `fresh`)."""
    import importlib

    from workbench.project import STATE_DIR, Project

    if (directory / STATE_DIR).is_dir():
        if not fresh:
            return Project.open(directory, coder=coder)
        if not (directory / STATE_DIR / "demo").exists():
            raise ProjectError(f"{directory} holds a project that is not a demo; --fresh only replaces demo projects.")
        shutil.rmtree(directory)
    project = Project.init(directory, name="Samen creëren en floreren (demo)", coder=coder)
    from workbench.store.private_files import write_private

    write_private(directory / STATE_DIR / "demo", "This project was made by `workbench demo`.\n")
    samples = sample_transcripts_dir()
    for module_name in DEMO_STEPS:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            continue
        module.add_to_demo(project, samples)
    return project
