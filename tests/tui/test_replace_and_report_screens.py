"""Documents → replace with a corrected version and review the placements; Monitoring → import a report."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, SelectionList, Static

from tests.tui.conftest import settle
from workbench.tui.app import WorkbenchApp

KICK_OFF = next((Path(__file__).resolve().parents[2] / "transcripts" / "reports").glob("Verslag startbijeenkomst*"))


def _notes(app) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


def _heem(project):
    return next(d for d in project.documents.list() if "HEEM" in d.title)


async def test_replace_a_document_and_settle_its_review_list(tui_project, tmp_path):
    heem = _heem(tui_project)
    text = tui_project.documents.show(heem.id).text
    turns = tui_project.documents.show(heem.id).turns
    gone = text[turns[2].start : turns[2].end]
    kept_words = text[turns[5].start : turns[5].end].split(". ")[0]
    start = text.index(kept_words)
    kept = tui_project.coding.apply(heem.id, "Vertrouwen", start, start + len(kept_words)).id
    lost = tui_project.coding.apply(heem.id, "Financiering", turns[2].start, turns[2].end).id
    corrected = tmp_path / "heem-v2.txt"
    lines = [f"{t.speaker}: {text[t.start:t.end]}" for i, t in enumerate(turns) if i != 2]
    corrected.write_text("\n\n".join(lines) + "\n", encoding="utf-8")

    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(130, 40)) as pilot:
        await pilot.press("f2")
        await settle(app, pilot)
        table = app.screen.query_one("#doc-table", DataTable)
        table.move_cursor(row=table.get_row_index(str(heem.id)))
        await pilot.press("R")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReplaceDialog"
        app.screen.query_one("#replace-path", Input).value = str(corrected)
        await pilot.press("enter")
        await settle(app, pilot)
        assert "1 kept exactly, 0 moved, 1 to review, 0 lost" in _notes(app)
        assert type(app.screen).__name__ == "ReviewDialog"  # opened by itself: a coding waits
        rows = app.screen.query_one("#review-table", DataTable)
        assert rows.row_count == 1 and rows.get_row_at(0)[0] == "Financiering"
        assert gone[:20] in str(app.screen.query_one("#review-detail", Static).render())
        await pilot.press("d")
        await settle(app, pilot)
        assert rows.row_count == 0 and "Dropped the coding" in str(app.screen.query_one("#review-note").render())
        await pilot.press("escape")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "DocumentsScreen"
        assert tui_project.coding.get(kept).text == kept_words
        assert tui_project.replacement.reviews() == []
        await pilot.press("u")  # undo brings the dropped coding back, waiting for review again
        await settle(app, pilot)
        assert [r.coding_id for r in tui_project.replacement.reviews()] == [lost]
        await pilot.press("v")
        await settle(app, pilot)
        assert app.screen.query_one("#review-table", DataTable).row_count == 1
        await pilot.press("enter")  # placed where suggested
        await settle(app, pilot)
        assert tui_project.replacement.reviews() == []


async def test_import_the_kick_off_report_from_the_monitoring_screen(tui_project):
    tui_project.monitoring.init_year()
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(130, 45)) as pilot:
        await pilot.press("f7")
        await settle(app, pilot)
        await pilot.press("R")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReportDialog"
        app.screen.query_one("#report-path", Input).value = str(KICK_OFF)
        await pilot.press("enter")
        await settle(app, pilot)
        preview = str(app.screen.query_one("#report-preview", Static).render())
        assert "adds to entry" in preview and "Marieke Jansen (Gemeente Nijmegen): new" in preview
        assert tui_project.monitoring.actors.list() == []  # the preview wrote nothing
        questions = app.screen.query_one("#report-questions", SelectionList)
        assert questions.option_count == 4
        questions.select(2)
        await pilot.click("#report-go")
        await settle(app, pilot)
        assert "Added to log entry" in str(app.screen.query_one("#report-note").render())
        await pilot.press("escape")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "MonitoringScreen"
    kick_off = next(e for e in tui_project.monitoring.entries.list() if e.title.startswith("Kick-off"))
    assert len(kick_off.actors) == 11 and [link.kind for link in kick_off.links] == ["document"]
    assert [q.text for q in tui_project.monitoring.agenda.list()] == [
        "Hoe kan de gemeente wijkondernemingen langer dan één jaar financieren?"]
