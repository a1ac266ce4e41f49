"""A small real project for the screens: two sample transcripts, the default codebook, a few codings."""

from __future__ import annotations

import asyncio

import pytest

from workbench.project import Project
from workbench.resources import sample_transcripts_dir

SAMPLES = ("interview-oprichter-heem.txt", "interview-woningcorporatie.docx")


@pytest.fixture
def tui_project(tmp_path):
    """A SQLite project with two imported interviews, coded by 'anna'."""
    project = Project.init(tmp_path / "project", name="Schermproef", coder="anna")
    samples = sample_transcripts_dir()
    results = project.documents.import_paths([samples / name for name in SAMPLES])
    assert all(r.status == "imported" for r in results), [r.line for r in results]
    yield project
    project.close()


async def settle(app, pilot) -> None:
    """Let workers finish and their messages land (the directory tree's loader runs for good: not awaited)."""
    quiet = 0
    for _ in range(100):
        pending = [w for w in app.workers if w.name != "_loader" and not w.is_finished]
        if pending:
            quiet = 0
            await asyncio.gather(*(w.wait() for w in pending), return_exceptions=True)
        else:
            quiet += 1
            if quiet >= 3:
                break
        await pilot.pause(0.02)
