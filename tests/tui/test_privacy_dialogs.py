"""Privacy in the screens: erasing a document from the remove dialog (after a second press and a clear warning),
and the names the register lacks, shown from Home and added with a key."""

from __future__ import annotations

from textual.widgets import Button, DataTable, Static

from tests.tui.conftest import settle
from workbench.tui.app import WorkbenchApp


def _notes(app) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def test_erasing_from_the_remove_dialog_warns_and_asks_twice(tui_project):
    doc = next(d for d in tui_project.documents.list() if "woningcorporatie" in d.title)
    sentence = tui_project.documents.show(doc.id).sentences[2]
    said = tui_project.documents.show(doc.id).text[sentence.start:sentence.end]
    tui_project.coding.apply(doc.id, "Financiering/Huurinkomsten", sentence.start, sentence.end)
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f2")
        await settle(app, pilot)
        table = app.screen.query_one("#doc-table", DataTable)
        table.move_cursor(row=table.get_row_index(str(doc.id)))
        await pilot.press("x")
        await settle(app, pilot)
        dialog = app.screen
        assert type(dialog).__name__ == "RemoveDialog"
        warning = dialog.query_one("#confirm-warning", Static)
        assert not warning.display
        await pilot.click("#confirm-erase")
        await pilot.pause()
        assert app.screen is dialog and warning.display  # the first press only warns
        assert "cannot be undone" in str(warning.render())
        assert str(dialog.query_one("#confirm-erase", Button).label) == "Yes, erase for good"
        assert len(tui_project.documents.list()) == 2
        await pilot.pause(0.3)  # the button's pressed look ends before it takes a second press
        await pilot.click("#confirm-erase")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "DocumentsScreen"
        assert [d.id for d in tui_project.documents.list()] != [] and doc.id not in {
            d.id for d in tui_project.documents.list()}
        assert table.row_count == 1
        assert f"Erased “{doc.title}” for good" in _notes(app)
    database = (tui_project.directory / ".workbench" / "project.db").read_bytes()
    assert said.encode("utf-8") not in database


async def test_the_names_the_register_lacks_are_shown_from_home_and_added_with_a_key(tui_project):
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        dialog = app.screen
        assert type(dialog).__name__ == "NameSuggestionsDialog"
        table = dialog.query_one("#names-table", DataTable)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert names and names == [c.text for c in tui_project.name_suggestions.suggest()]
        first = names[0]
        assert table.get_row_at(0)[3]  # where it occurs
        await pilot.press("a")
        await settle(app, pilot)
        assert first in {e.real_name for e in tui_project.pseudonyms.list()} or "ordinary word" in _notes(app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "HomeScreen"
