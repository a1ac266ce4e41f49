"""The application opens Home on a project and Welcome without one; every screen is one key away."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from tests.tui.conftest import settle
from workbench.tui.app import WorkbenchApp


async def test_home_shows_the_project_its_themes_and_activity(tui_project):
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        assert "Schermproef" in str(app.screen.query_one("#project-name", Static).render())
        counts = app.screen.query_one("#counts", DataTable)
        rows = {counts.get_row_at(i)[0]: counts.get_row_at(i)[1] for i in range(counts.row_count)}
        assert rows["Documents"] == "2"
        themes = app.screen.query_one("#themes", DataTable)
        names = " ".join(str(themes.get_row_at(i)[0]) for i in range(themes.row_count))
        assert "Vertrouwen" in names and "Financiering" in names
        activity = app.screen.query_one("#activity", DataTable)
        assert activity.row_count >= 3


async def test_each_screen_is_one_key_away(tui_project):
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        for key, screen in (("f2", "DocumentsScreen"), ("f4", "CodebookScreen"), ("f5", "RetrievalScreen"),
                            ("f6", "AnalysisScreen"), ("f3", "CodingScreen"), ("f1", "HomeScreen")):
            await pilot.press(key)
            await settle(app, pilot)
            assert type(app.screen).__name__ == screen


async def test_welcome_explains_how_to_start():
    app = WorkbenchApp(None, reason="There is no workbench project in /tmp/x.")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "no workbench project" in str(app.screen.query_one("#reason", Static).render())
        await pilot.press("f2")  # no project: the screen keys do nothing
        assert type(app.screen).__name__ == "WelcomeScreen"


async def test_welcome_creates_a_project_in_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    app = WorkbenchApp(None)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await settle(app, pilot)
        assert app.project is not None
        assert type(app.screen).__name__ == "HomeScreen"
    assert (tmp_path / ".workbench" / "project.db").exists()
    app.project.close()


async def test_the_palette_finds_another_screens_command_once_and_runs_it_there(tui_project):
    from workbench.tui.palette import palette_entries
    from workbench.tui.app import SCREENS

    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        await settle(app, pilot)
        commands = list(app.get_system_commands(app.screen))
        titles = [c.title for c in commands]
        assert len(titles) == len(set(titles))  # every entry once
        assert any("Merge" in title for title in titles)  # the codebook's merge, found from Coding
        entries = palette_entries(app.screen, app.BINDINGS, SCREENS, app.current_mode)
        merge = next(e for e in entries if e.action == "merge")
        assert merge.mode == "codebook" and merge.title == "Codebook: Merge into"
        sort = next(c for c in commands if c.title == "Documents: Sort")
        sort.callback()
        await settle(app, pilot)
        assert app.current_mode == "documents"
        assert app.screen.sort_index == 1  # the sort ran on the Documents screen


async def test_q_asks_before_quitting(tui_project):
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmDialog"
        await pilot.press("enter")  # "Stay" has the focus
        await pilot.pause()
        assert app.is_running and type(app.screen).__name__ == "HomeScreen"


async def test_the_keys_help_names_the_code_of_each_digit(tui_project):
    doc = next(d.id for d in tui_project.documents.list() if "HEEM" in d.title)
    app = WorkbenchApp(tui_project, document=doc)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        one = next(c for c in tui_project.codebook.list() if c.shortcut == 1)
        described = [b.description for _key, b in app.screen._bindings if b.key == "1"]
        assert described == [f"Code 1: {one.name}"]
        active = {b.binding.description for b in app.screen.active_bindings.values()}
        assert f"Code 1: {one.name}" in active
