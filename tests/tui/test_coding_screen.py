"""The coding screen: open a document, move the selection, code by digit and picker, remove, undo, memo."""

from __future__ import annotations

from textual.widgets import Input

from tests.tui.conftest import settle
from workbench.tui.app import WorkbenchApp


def _doc_id(project, title_part: str) -> int:
    return next(d.id for d in project.documents.list() if title_part in d.title)


async def _open(project, size=(120, 35)):
    app = WorkbenchApp(project, document=_doc_id(project, "HEEM"))
    return app


async def test_opening_selects_the_first_sentence_and_digit_codes_it(tui_project):
    app = await _open(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert type(screen).__name__ == "CodingScreen"
        first = screen.selection.first()
        assert screen.view.selection == (first.start, first.end)
        await pilot.press("1")
        await settle(app, pilot)
        codings = tui_project.coding.list(document=screen.document.id)
        assert [(c.start, c.end) for c in codings] == [(first.start, first.end)]
        shortcut_one = next(c for c in tui_project.codebook.list() if c.shortcut == 1)
        assert codings[0].code == shortcut_one.path
        assert len(screen.codings) == 1  # the screen shows it


async def test_selection_moves_by_sentence_turn_and_word(tui_project):
    app = await _open(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        sentences = [(s.start, s.end) for s in screen.document.sentences]
        await pilot.press("down")
        assert screen.view.selection == sentences[1]
        await pilot.press("j", "k")
        assert screen.view.selection == sentences[1]
        await pilot.press("shift+down")
        assert screen.view.selection == (sentences[1][0], sentences[2][1])
        await pilot.press("shift+left")
        assert screen.view.selection[1] < sentences[2][1]
        await pilot.press("t")
        turn = next(t for t in screen.document.turns if t.start <= sentences[1][0] < t.end)
        assert screen.view.selection == (turn.start, turn.end)


async def test_picker_applies_and_creates_codes(tui_project):
    app = await _open(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        await pilot.press("c")
        await pilot.pause()
        assert type(app.screen).__name__ == "CodePickerScreen"
        await pilot.press(*"huurinkomsten")
        await pilot.press("enter")
        await settle(app, pilot)
        assert [c.code for c in tui_project.coding.list(document=screen.document.id)] == ["Financiering/Huurinkomsten"]
        await pilot.press("down", "c")
        await pilot.pause()
        await pilot.press(*"Koffiekar als ontmoeting")
        picker = app.screen
        options = picker.query_one("OptionList")
        options.highlighted = options.option_count - 1  # the "+ New code" line
        await pilot.press("enter")
        await settle(app, pilot)
        assert "Koffiekar als ontmoeting" in [c.name for c in tui_project.codebook.list()]
        assert len(tui_project.coding.list(document=screen.document.id)) == 2


async def test_remove_undo_redo_and_jump(tui_project):
    app = await _open(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        doc = screen.document.id
        await pilot.press("2", "down", "down", "3")
        await settle(app, pilot)
        assert len(tui_project.coding.list(document=doc)) == 2
        await pilot.press("x")
        await settle(app, pilot)
        assert len(tui_project.coding.list(document=doc)) == 1
        await pilot.press("u")
        await settle(app, pilot)
        assert len(tui_project.coding.list(document=doc)) == 2
        await pilot.press("ctrl+y")
        await settle(app, pilot)
        assert len(tui_project.coding.list(document=doc)) == 1
        await pilot.press("[")
        first = screen.selection.first()
        assert screen.view.selection == (first.start, first.end)


async def test_memo_on_a_coding(tui_project):
    app = await _open(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        assert type(app.screen).__name__ == "MemoEditorScreen"
        await pilot.press(*"Huur als enige verdienmodel")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        (coding,) = tui_project.coding.list(document=app.screen.document.id)
        assert coding.memo == "Huur als enige verdienmodel"


async def test_search_in_the_document(tui_project):
    app = await _open(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        await pilot.press("slash")
        assert screen.query_one("#search", Input).has_focus
        await pilot.press(*"subsidie", "enter")
        await pilot.pause()
        assert screen.hits
        start, end = screen.view.selection
        assert screen.document.text[start:end].lower() == "subsidie"


async def test_narrow_terminal_hides_the_side_panel(tui_project):
    app = await _open(tui_project)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert not app.screen.query_one("#side").display
        await pilot.press("p")
        assert app.screen.query_one("#side").display
