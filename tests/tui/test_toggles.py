"""State shows in the mark, not only in colour: the speaker-rename choice and the export's check boxes."""

from __future__ import annotations

from tests.tui.conftest import settle
from workbench.tui.app import WorkbenchApp


def _doc_id(project, title_part: str) -> int:
    return next(d.id for d in project.documents.list() if title_part in d.title)


async def test_the_chosen_scope_of_a_speaker_rename_reads_without_colour(tui_project):
    app = WorkbenchApp(tui_project, document=_doc_id(tui_project, "HEEM"))
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        await pilot.press("S")
        await pilot.pause()
        dialog = app.screen
        chosen = dialog.query_one("#scope-document").render().plain
        other = dialog.query_one("#scope-everywhere").render().plain
        assert "●" in chosen and "●" not in other
        dialog.query_one("#scope-everywhere").value = True
        await pilot.pause()
        assert "●" in dialog.query_one("#scope-everywhere").render().plain
        assert "●" not in dialog.query_one("#scope-document").render().plain


async def test_the_pseudonymise_box_reads_on_and_off_without_colour(tui_project):
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        box = app.screen.query_one("#export-pseudonymise")
        off = box.render().plain
        box.value = True
        await pilot.pause()
        on = box.render().plain
        assert off != on and "✔" in on and "✔" not in off
