"""Memos on a document (Documents screen, m) and on a code (Codebook screen, o): written, edited, deleted."""

from __future__ import annotations

from textual.widgets import TextArea

from tests.tui.conftest import settle
from workbench.tui.app import WorkbenchApp


async def _write(app, pilot, key: str, text: str) -> str:
    """Open the memo editor with `key`, put `text` in it and save; returns what the editor showed first."""
    await pilot.press(key)
    await settle(app, pilot)
    area = app.screen.query_one("#memo-text", TextArea)
    shown = area.text
    area.text = text
    await pilot.press("ctrl+s")
    await settle(app, pilot)
    return shown


async def test_a_memo_on_a_document_is_written_edited_and_deleted(tui_project):
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f2")
        await settle(app, pilot)
        doc = app.screen._current()
        assert await _write(app, pilot, "m", "Eerste gesprek; Fatima was open over geld.") == ""
        (memo,) = tui_project.memos.list(document=doc.id)
        assert memo.text == "Eerste gesprek; Fatima was open over geld." and memo.author == "anna"
        assert await _write(app, pilot, "m", "Tweede versie.") == "Eerste gesprek; Fatima was open over geld."
        assert [m.text for m in tui_project.memos.list(document=doc.id)] == ["Tweede versie."]
        await _write(app, pilot, "m", "  ")
        assert tui_project.memos.list(document=doc.id) == []


async def test_a_memo_on_a_code_from_the_codebook_screen(tui_project):
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f4")
        await settle(app, pilot)
        code = app.screen.current()
        await _write(app, pilot, "o", "Vertrouwen rust op personen, niet op organisaties.")
        (memo,) = tui_project.memos.list(code=code.guid)
        assert memo.text.startswith("Vertrouwen rust op personen")
        tui_project.history.undo()
        assert tui_project.memos.list(code=code.guid) == []


async def test_a_memo_on_the_project_from_home(tui_project):
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        assert await _write(app, pilot, "m", "Week 1: de wijkondernemingen willen vooral over geld praten.") == ""
        (memo,) = tui_project.memos.list(about="project")
        assert memo.text.startswith("Week 1") and memo.target_kind == "project"
        assert (await _write(app, pilot, "m", "Week 1, herzien.")).startswith("Week 1: de")
        assert [m.text for m in tui_project.memos.list(about="project")] == ["Week 1, herzien."]
