"""Monitoring: the timeline with its zoom and markers, the entry list and form, the agenda and the actions."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import DataTable, Input, OptionList

from tests.tui.conftest import settle
from workbench.project import Project
from workbench.tui.app import WorkbenchApp
from workbench.tui.widgets.timeline_view import TimelineView


@pytest.fixture
def log_project(tmp_path):
    """The project year, two actors, four entries of different kinds, a question and two actions."""
    project = Project.init(tmp_path / "project", name="Monitorproef", coder="anna")
    monitoring = project.monitoring
    monitoring.init_year()
    monitoring.actors.add("HEEM", kind="organisation")
    monitoring.actors.add("Marieke Jansen", organisation_type="gemeente", role="wijkmanager")
    entries = monitoring.entries
    ids = {
        "interview": entries.add({"date": "2024-07-11", "type": "interview", "title": "Interview initiatiefnemer",
                                  "actors": "HEEM", "observation": "Koffie op het bouwterrein."}).id,
        "low": entries.add({"date": "2024-10-24", "type": "phone/e-mail", "title": "Subsidie weer voor één jaar",
                            "actors": "Marieke Jansen", "significance": "dieptepunt",
                            "significance_why": "HEEM overweegt te stoppen."}).id,
        "visit": entries.add({"date": "2024-11-14", "end_date": "2024-11-15", "type": "werkbezoek",
                              "title": "Werkbezoek Het Klooster", "significance": "leermoment"}).id,
        "decision": entries.add({"date": "2025-02-06", "type": "besluit", "title": "Driejarige afspraak [concept]",
                                 "significance": "kantelpunt"}).id,
    }
    question = monitoring.agenda.raise_question("Hoe kan de gemeente langer dan één jaar financieren?",
                                                raised_by="Onderzoeksteam", entry=ids["low"])
    monitoring.actions.add("Notitie naar de wethouder sturen", owner="Marieke Jansen", due="2024-11-15", entry=ids["low"])
    monitoring.actions.add("Verslag delen", owner="Onderzoeksteam", due="2099-01-01")
    project.test_ids = {**ids, "question": question.id}
    yield project
    project.close()


def view_text(view: TimelineView) -> str:
    return "\n".join(view.render_line(y).text for y in range(view.size.height))


def notes(app) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def open_monitoring(app, pilot, tab: str = "1"):
    await settle(app, pilot)
    await pilot.press("f7")
    await settle(app, pilot)
    if tab != "1":
        await pilot.press(tab)
        await settle(app, pilot)
    return app.screen


async def test_the_timeline_shows_phases_markers_and_themes_and_zooms(log_project):
    app = WorkbenchApp(log_project)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await open_monitoring(app, pilot)
        assert type(screen).__name__ == "MonitoringScreen"
        view = screen.query_one(TimelineView)
        assert view.zoom == "month" and len(view.grid.columns) == 12
        text = view_text(view)
        for shown in ("Pilot", "Fase 1: pilot HEEM in NDW21", "Fase 2", "interview", "phone/e-mail", "Jul", "Jun"):
            assert shown in text, shown
        for symbol in ("▼", "◆", "↻", "•"):
            assert symbol in text, symbol
        assert len(view.grid.markers) == 4 + 3  # four entries and the year's three meetings

        await pilot.press("z")
        await settle(app, pilot)
        assert view.zoom == "week" and len(view.grid.columns) > 50
        await pilot.press("z")
        await settle(app, pilot)
        assert view.zoom == "quarter" and [c.label[:2] for c in view.grid.columns] == ["Q3", "Q4", "Q1", "Q2"]
        assert "Q3 Jul–Sep" in view_text(view)
        await pilot.press("plus")
        await settle(app, pilot)
        assert view.zoom == "month"


async def test_the_timeline_is_usable_at_80_by_24_and_scrolls(log_project):
    app = WorkbenchApp(log_project)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_monitoring(app, pilot)
        view = screen.query_one(TimelineView)
        assert view.grid.width > view.view_width  # the year does not fit: the grid scrolls
        await pilot.press("end")
        await settle(app, pilot)
        marker = view.marker
        assert marker.title == "Slotbijeenkomst, open voor iedereen"
        assert view.scroll_offset.x <= marker.x < view.scroll_offset.x + view.view_width
        assert "Slotbijeenkomst" in str(screen.query_one("#timeline-details").render())


async def test_enter_on_a_marker_opens_the_entry(log_project):
    low = log_project.test_ids["low"]
    app = WorkbenchApp(log_project)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await open_monitoring(app, pilot)
        view = screen.query_one(TimelineView)
        await pilot.press("home")
        for _ in range(len(view.grid.markers)):
            if view.marker.entry_id == low:
                break
            await pilot.press("right")
        assert view.marker.entry_id == low and view.marker.symbol == "▼"
        await settle(app, pilot)
        assert "Subsidie weer voor één jaar" in str(screen.query_one("#timeline-details").render())
        await pilot.press("enter")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "EntryDetailScreen"
        detail = str(app.screen.query_one("#entry-detail-text").render())
        assert "Subsidie weer voor één jaar" in detail and "HEEM overweegt te stoppen." in detail
        assert "Hoe kan de gemeente" in detail  # the question raised there
        await pilot.press("escape")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "MonitoringScreen"


async def test_the_entry_list_filters(log_project):
    app = WorkbenchApp(log_project)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await open_monitoring(app, pilot, "2")
        table = screen.query_one("#entry-table", DataTable)
        assert table.row_count == 7
        await pilot.press("slash", *"type=interview", "enter")
        await settle(app, pilot)
        assert table.row_count == 1 and "Interview initiatiefnemer" in str(table.get_row_at(0)[3])
        screen.query_one("#entry-filter", Input).value = 'sig="low point,kantelpunt"'
        await pilot.press("slash", "enter")
        await settle(app, pilot)
        assert {str(table.get_row_at(i)[3]) for i in range(table.row_count)} == {
            "Subsidie weer voor één jaar", "Driejarige afspraak [concept]"}
        screen.query_one("#entry-filter", Input).value = "from=2024-11-01 klooster"
        await pilot.press("slash", "enter")
        await settle(app, pilot)
        assert table.row_count == 1 and "Klooster" in str(table.get_row_at(0)[3])
        screen.query_one("#entry-filter", Input).value = "type=feestje"
        await pilot.press("slash", "enter")
        await settle(app, pilot)
        assert "The entry type 'feestje' is not known" in notes(app)
        assert table.row_count == 1  # a bad filter leaves the list as it was
        await pilot.press("escape")
        await settle(app, pilot)
        assert table.row_count == 7


async def test_the_form_adds_an_entry_and_refuses_bad_input(log_project):
    entries = log_project.monitoring.entries
    before = len(entries.list())
    app = WorkbenchApp(log_project)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await open_monitoring(app, pilot, "2")
        await pilot.press("n")
        await settle(app, pilot)
        form = app.screen
        assert type(form).__name__ == "EntryFormScreen"
        form.query_one("#entry-date", Input).value = "2025-03-10"
        form.query_one("#entry-end_date", Input).value = "2025-03-01"
        await pilot.press(*"Werksessie [borging]")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is form  # refused: the form stays open with what was typed
        assert "is before the date 2025-03-10" in notes(app)
        assert len(entries.list()) == before

        form.query_one("#entry-end_date", Input).value = "2025-03-11"
        form.query_one("#entry-actors", Input).value = "HEEM; Iemand Onbekend"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert "'Iemand Onbekend' is not in the actor register" in notes(app)
        assert len(entries.list()) == before
        form = app.screen
        assert type(form).__name__ == "EntryFormScreen"  # opened again with what was typed
        assert form.query_one("#entry-title", Input).value == "Werksessie [borging]"

        form.query_one("#entry-actors", Input).value = "HEEM"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "MonitoringScreen"
        added = [e for e in entries.list() if e.title == "Werksessie [borging]"]
        assert len(added) == 1 and added[0].end_date == dt.date(2025, 3, 11)
        assert [a.name for a in added[0].actors] == ["HEEM"]
        table = screen.query_one("#entry-table", DataTable)
        assert table.row_count == before + 1
        assert screen.query_one(TimelineView).marker.entry_id == added[0].id


async def test_a_question_changes_status_with_its_history(log_project):
    question_id = log_project.test_ids["question"]
    app = WorkbenchApp(log_project)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await open_monitoring(app, pilot, "3")
        table = screen.query_one("#agenda-table", DataTable)
        assert table.row_count == 1 and "open" in str(table.get_row_at(0)[1])
        assert "2024-10-24" in str(screen.query_one("#agenda-history").render())
        await pilot.press("s")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "StatusDialog"
        options = app.screen.query_one(OptionList)
        assert [options.get_option_at_index(i).id for i in range(options.option_count)] == ["provisional", "answered", "dropped"]
        app.screen.query_one("#status-date", Input).value = "2025-02-06"
        app.screen.query_one("#status-note", Input).value = "Driejarige afspraak"
        await pilot.press("down", "enter")
        await settle(app, pilot)
        question = log_project.monitoring.agenda.get(question_id)
        assert [(c.status, c.date) for c in question.history] == [
            ("open", dt.date(2024, 10, 24)), ("answered", dt.date(2025, 2, 6))]
        history = str(screen.query_one("#agenda-history").render())
        assert "2024-10-24" in history and "2025-02-06" in history and "answered" in history
        assert "answered" in str(table.get_row_at(0)[1])


async def test_an_open_action_is_flagged_overdue_and_marked_done(log_project):
    app = WorkbenchApp(log_project)
    async with app.run_test(size=(120, 35)) as pilot:
        screen = await open_monitoring(app, pilot, "4")
        table = screen.query_one("#action-table", DataTable)
        rows = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows[0][3] == "Notitie naar de wethouder sturen" and rows[0][2].startswith("⚠")
        assert rows[1][3] == "Verslag delen" and rows[1][2] == ""
        await pilot.press("d")
        await settle(app, pilot)
        done = [a for a in log_project.monitoring.actions.list() if a.status == "done"]
        assert [a.action for a in done] == ["Notitie naar de wethouder sturen"]
        assert table.row_count == 1  # only open actions are listed
        await pilot.press("a")
        await settle(app, pilot)
        assert table.row_count == 2


async def test_an_entry_opened_from_the_list_gets_a_memo(log_project):
    visit = log_project.test_ids["visit"]
    app = WorkbenchApp(log_project)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_monitoring(app, pilot, "2")
        table = screen.query_one("#entry-table", DataTable)
        table.move_cursor(row=[e.id for e in screen.entries].index(visit))
        await pilot.press("enter")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "EntryDetailScreen"
        await pilot.press("m")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "MemoEditorScreen"
        await pilot.press(*"Eigen inkomsten [groen]", "ctrl+s")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "MonitoringScreen"
        assert [m.text for m in log_project.monitoring.entries.get(visit).memos] == ["Eigen inkomsten [groen]"]


async def test_an_empty_log_offers_to_set_up_the_year(tmp_path):
    project = Project.init(tmp_path / "empty", name="Leeg", coder="anna")
    app = WorkbenchApp(project)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_monitoring(app, pilot)
            view = screen.query_one(TimelineView)
            assert "Nothing on the timeline yet" in view_text(view)
            assert "Set up the year" in [b.binding.description for b in screen.active_bindings.values()]
            await pilot.press("Y")
            await settle(app, pilot)
            assert "Fase 1: pilot" in view_text(view) and len(view.grid.markers) == 3
            assert "Set up the year" not in [b.binding.description for b in screen.active_bindings.values()]
    finally:
        project.close()


async def test_a_well_written_date_that_does_not_exist_is_called_that(log_project):
    app = WorkbenchApp(log_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await open_monitoring(app, pilot, "2")
        await pilot.press("n")
        await settle(app, pilot)
        form = app.screen
        form.query_one("#entry-date", Input).value = "2025-02-31"
        await pilot.press(*"Werksessie")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is form
        assert "February 2025 has 28 days" in notes(app)
        assert "write it as YYYY-MM-DD" not in notes(app)


async def test_escape_asks_before_throwing_away_a_half_filled_entry(log_project):
    before = len(log_project.monitoring.entries.list())
    app = WorkbenchApp(log_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await open_monitoring(app, pilot, "2")
        await pilot.press("n")
        await settle(app, pilot)
        form = app.screen
        await pilot.press("escape")  # nothing typed yet: closes at once
        await settle(app, pilot)
        assert type(app.screen).__name__ == "MonitoringScreen"
        await pilot.press("n")
        await settle(app, pilot)
        form = app.screen
        await pilot.press(*"Werksessie borging")
        await pilot.press("escape")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "ConfirmDialog"
        await pilot.press("enter")  # the safe button, "Keep editing", has the focus
        await settle(app, pilot)
        assert app.screen is form
        assert form.query_one("#entry-title", Input).value == "Werksessie borging"
        await pilot.press("escape")
        await settle(app, pilot)
        app.screen.query_one("#confirm-yes").press()
        await settle(app, pilot)
        assert type(app.screen).__name__ == "MonitoringScreen"
        assert len(log_project.monitoring.entries.list()) == before
