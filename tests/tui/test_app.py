"""The application opens Home on a project and Welcome without one."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from workbench.tui.app import WorkbenchApp


async def test_home_shows_the_project_and_its_counts(sqlite_project):
    app = WorkbenchApp(sqlite_project)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Testproject" in str(app.screen.query_one("#project-name", Static).render())
        table = app.screen.query_one("#counts", DataTable)
        labels = [table.get_row_at(i)[0] for i in range(table.row_count)]
        assert "Documents" in labels and "Log entries" in labels
        await pilot.press("q")
    assert app.return_code in (0, None)


async def test_welcome_explains_how_to_start():
    app = WorkbenchApp(None, reason="There is no workbench project in /tmp/x.")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "no workbench project" in str(app.screen.query_one("#reason", Static).render())
        assert "workbench demo" in str(app.screen.query_one("#hints", Static).render())
