"""Snapshots of the main screens on a fixed little project (regenerate with `pytest --snapshot-update`)."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.tui.conftest import SAMPLES, settle
from workbench.project import Project
from workbench.resources import sample_transcripts_dir
from workbench.tui.app import WorkbenchApp



@pytest.fixture
def fixed_project(tmp_path):
    """A little project with fixed event times, so that nothing on screen changes between runs; the screens
    show its database by its place in the project folder, so the temporary folder's name never shows."""
    project = Project.init(tmp_path / "project", name="Schermproef", coder="anna")
    project.documents.import_paths([sample_transcripts_dir() / name for name in SAMPLES])
    doc = next(d for d in project.documents.list() if "HEEM" in d.title)
    sentences = project.documents.show(doc.id).sentences
    project.coding.apply(doc.id, "Financiering/Huurinkomsten", sentences[0].start, sentences[2].end)
    project.coding.apply(doc.id, "Vertrouwen/Vertrouwen in personen", sentences[1].start, sentences[1].end)
    project.coding.apply(doc.id, "Rollen en taken", sentences[1].start, sentences[4].end)
    with project.db.transaction() as s:
        s.execute(text("UPDATE events SET at = '2024-10-08 10:00:00'"))
    yield project
    project.close()


def _heem(project) -> int:
    return next(d.id for d in project.documents.list() if "HEEM" in d.title)


async def _settled(pilot):
    await settle(pilot.app, pilot)


async def _laid_out(pilot):
    """Settle, then let the screen lay itself out again: a table sizes its columns to its rows only then."""
    await settle(pilot.app, pilot)
    await pilot.wait_for_scheduled_animations()
    for _ in range(3):
        await pilot.pause(0.05)


def test_home(snap_compare, fixed_project):
    assert snap_compare(WorkbenchApp(fixed_project), terminal_size=(120, 35), run_before=_settled)


def test_documents(snap_compare, fixed_project):
    async def run_before(pilot):
        await pilot.press("f2")
        await _laid_out(pilot)

    assert snap_compare(WorkbenchApp(fixed_project), terminal_size=(120, 35), run_before=run_before)


def test_coding_with_overlapping_codings_and_margin(snap_compare, fixed_project):
    async def run_before(pilot):
        await settle(pilot.app, pilot)
        await pilot.press("down")
        await settle(pilot.app, pilot)

    app = WorkbenchApp(fixed_project, document=_heem(fixed_project))
    assert snap_compare(app, terminal_size=(140, 35), run_before=run_before)


def test_codebook(snap_compare, fixed_project):
    async def run_before(pilot):
        await pilot.press("f4")
        await settle(pilot.app, pilot)

    assert snap_compare(WorkbenchApp(fixed_project), terminal_size=(120, 35), run_before=run_before)


def test_retrieval(snap_compare, fixed_project):
    async def run_before(pilot):
        await pilot.press("f5")
        await settle(pilot.app, pilot)
        query = pilot.app.screen.query_one("#retrieval-query")
        query.value = "Huurinkomsten"
        query.focus()
        await pilot.press("enter")
        await _laid_out(pilot)

    assert snap_compare(WorkbenchApp(fixed_project), terminal_size=(120, 35), run_before=run_before)
