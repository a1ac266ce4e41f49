"""Retrieval's sub-codes toggle and the codings of two coders: the list and its count line say what they hold."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static

from tests.tui.conftest import settle
from workbench.domain.filters import Selection
from workbench.project import Project
from workbench.tui.app import WorkbenchApp


async def test_the_toggle_chooses_the_code_alone_and_overlapping_codings_are_one_row(tui_project):
    doc = next(d for d in tui_project.documents.list() if "HEEM" in d.title)
    sentence = tui_project.documents.show(doc.id).sentences[4]
    tui_project.coding.apply(doc.id, "Financiering/Huurinkomsten", sentence.start, sentence.end)
    directory = tui_project.directory
    with Project.open(directory, coder="bram") as bram:
        bram.coding.apply(doc.id, "Financiering/Huurinkomsten", sentence.start, sentence.start + 12)
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f5")
        await settle(app, pilot)
        query = app.screen.query_one("#retrieval-query", Input)
        query.value = "Financiering"
        query.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        table = app.screen.query_one("#fragments", DataTable)
        status = app.screen.query_one("#retrieval-status", Static)
        assert table.row_count == 1  # two coders, one passage: one fragment
        assert "1 fragment (sub-codes included)" in str(status.render())
        expected = tui_project.retrieval.fragments(["Financiering"], selection=Selection())
        assert [item.coders for _kind, item in app.screen.rows] == [f.coders for f in expected] == [("anna", "bram")]
        table.focus()
        await pilot.press("s")
        await settle(app, pilot)
        assert table.row_count == 0
        assert "0 fragments (code alone, without sub-codes)" in str(status.render())
        query.value = "=Financiering/Huurinkomsten"
        query.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert table.row_count == 1
