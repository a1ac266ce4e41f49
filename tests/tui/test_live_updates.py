"""On a shared PostgreSQL server a colleague's coding reaches an open coding screen as it commits."""

from __future__ import annotations

import pytest

from tests.tui.conftest import SAMPLES, settle
from workbench.project import Project
from workbench.resources import sample_transcripts_dir
from workbench.tui.app import WorkbenchApp

pytestmark = [pytest.mark.postgres, pytest.mark.reliability]


@pytest.fixture
def team_project(db_url, tmp_path):
    if db_url.startswith("sqlite"):
        pytest.skip("SQLite has no notifications; the coding screen looks again every few seconds there")
    project = Project.init(tmp_path / "team", db=db_url, coder="anna")
    samples = sample_transcripts_dir()
    project.documents.import_paths([samples / name for name in SAMPLES])
    yield project
    project.close()


async def test_a_colleagues_coding_arrives_by_notification_not_by_looking_again(team_project, monkeypatch):
    from workbench.tui.screens.coding import CodingScreen

    monkeypatch.setattr(CodingScreen, "WATCH_SECONDS", 600.0)  # so only a notification can bring it
    heem = next(d for d in team_project.documents.list() if "HEEM" in d.title)
    sentence = team_project.documents.show(heem.id).sentences[3]
    app = WorkbenchApp(team_project, document=heem.id)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        coding = app.screen
        assert coding.live is not None and coding.live.ready.wait(5)
        before = len(coding.codings)
        with Project(team_project.url, team_project.directory, "bram") as bram:
            bram.coding.apply(heem.id, "Financiering/Huurinkomsten", sentence.start, sentence.end)
        for _ in range(30):
            await pilot.pause(0.1)
            if len(coding.codings) > before:
                break
        assert len(coding.codings) == before + 1 and any(c.coder == "bram" for c in coding.codings)
