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
        assert options.highlighted == 0 and options.get_option_at_index(0).id == "__new__"
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "NewCodeDialog"
        await pilot.press("enter")  # the name is filled in: Enter creates it at the top level
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
        assert screen.search_bar.hits
        start, end = screen.view.selection
        assert screen.document.text[start:end].lower() == "subsidie"


async def test_narrow_terminal_hides_the_side_panel(tui_project):
    app = await _open(tui_project)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert not app.screen.query_one("#side").display
        await pilot.press("p")
        assert app.screen.query_one("#side").display


async def test_enter_on_a_new_name_offers_a_new_code_not_the_nearest_match(tui_project):
    app = await _open(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*"Financiele onzekerheid", "enter")
        await pilot.pause()
        dialog = app.screen
        assert type(dialog).__name__ == "NewCodeDialog"
        assert tui_project.coding.list(document=screen.document.id) == []  # nothing applied on the way
        parent = next(c for c in tui_project.codebook.list() if c.path == "Financiering")
        dialog.query_one("#new-code-parent").value = parent.guid
        dialog.query_one("#new-code-definition").value = "Zorgen over geld voor volgend jaar"
        dialog.query_one("#new-code-colour").value = "#0072B2"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        made = next(c for c in tui_project.codebook.list() if c.name == "Financiele onzekerheid")
        assert made.path == "Financiering/Financiele onzekerheid"
        assert made.definition == "Zorgen over geld voor volgend jaar"
        assert made.colour == "#0072B2"
        assert [c.code for c in tui_project.coding.list(document=screen.document.id)] == [made.path]


async def test_a_typed_prefix_still_applies_the_code_it_starts(tui_project):
    app = await _open(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*"huurink")
        options = app.screen.query_one("OptionList")
        assert options.get_option_at_index(0).id != "__new__"
        assert options.get_option_at_index(options.option_count - 1).id == "__new__"


async def test_an_empty_new_code_name_is_said_not_ignored(tui_project):
    app = await _open(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*"Nieuwe naam", "enter")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#new-code-name").value = "   "
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog
        assert "needs a name" in str(dialog.query_one("#new-code-error").render())


async def test_in_vivo_coding_is_one_change_and_one_undo(tui_project):
    app = await _open(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        before = len(tui_project.codebook.list())
        await pilot.press("v")
        await settle(app, pilot)
        codes = tui_project.codebook.list()
        assert len(codes) == before + 2  # the "In vivo" category and the new code
        (coding,) = tui_project.coding.list(document=screen.document.id)
        assert coding.code.startswith("In vivo/")
        assert tui_project.history.recent(1)[0].kind == "codebook.create_applied"
        await pilot.press("u")
        await settle(app, pilot)
        assert len(tui_project.codebook.list()) == before
        assert tui_project.coding.list(document=screen.document.id) == []
        assert screen.codings == []


async def test_the_margin_names_the_coder_when_several_coded(tui_project):
    from workbench.project import Project

    app = await _open(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        await pilot.press("1")
        await settle(app, pilot)
        assert all(not c.initials for c in screen.view.codings)  # one coder: no initials
        sentence = screen.document.sentences[2]
        with Project.open(tui_project.directory, coder="bram") as bram:
            bram.coding.apply(screen.document.id, "Financiering/Huurinkomsten", sentence.start, sentence.end)
        screen.reload_keeping(screen.document.id)
        await settle(app, pilot)
        assert {c.initials for c in screen.view.codings} == {"AN", "BR"}
        line = screen.view.line_of(sentence.start) - int(screen.view.scroll_offset.y)
        assert "BR Huurinkomsten" in screen.view.render_line(line).text


async def test_after_a_change_the_documents_screen_opens_the_highlighted_transcript(tui_project):
    app = await _open(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        heem = app.screen.document.id
        for attempt in range(3):
            await pilot.press("down", "1")  # a change in Coding
            await settle(app, pilot)
            await pilot.press("f2")
            await settle(app, pilot)
            table = app.screen.query_one("#doc-table")
            other = next(int(key.value) for key in table.rows if int(key.value) != app.screen._current_id())
            table.move_cursor(row=table.get_row_index(str(other)))
            await pilot.press("enter")
            await settle(app, pilot)
            assert type(app.screen).__name__ == "CodingScreen"
            assert app.screen.document.id == other, f"try {attempt + 1}"
            if other != heem:
                app.open_document(heem)
                await settle(app, pilot)


async def test_a_reopened_document_shows_its_last_sentence_selected_at_80_by_24(tui_project):
    doc = next(d for d in tui_project.documents.list() if "HEEM" in d.title)
    last = tui_project.documents.show(doc.id).sentences[-1]
    app = WorkbenchApp(tui_project, document=doc.id, at=last.start)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        view = app.screen.view
        assert view.selection == (last.start, last.end)
        top = int(view.scroll_offset.y)
        first_line, last_line = view.line_of(last.start), view.line_of(last.end - 1)
        assert top <= first_line and last_line < top + view.size.height
        await pilot.press("f1")
        await settle(app, pilot)
        app.open_document(doc.id, at=last.start)
        await settle(app, pilot)
        top = int(view.scroll_offset.y)
        assert top <= first_line and last_line < top + view.size.height


async def test_at_80_columns_a_long_speaker_name_and_margin_label_wrap_instead_of_being_cut(tui_project):
    doc = next(d for d in tui_project.documents.list() if "HEEM" in d.title)
    detail = tui_project.documents.show(doc.id)
    speaker = detail.turns[1].speaker
    tui_project.document_edits.rename_speaker(speaker, "Marieke Jansen (gemeente)", [doc.id])
    turn = tui_project.documents.show(doc.id).turns[1]
    code = tui_project.codebook.create("Ontmoetingsplek voor de buurt", parent="Rollen en taken")
    tui_project.coding.apply(doc.id, code.guid, turn.start, turn.end)
    app = WorkbenchApp(tui_project, document=doc.id, at=turn.start)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        view = app.screen.view
        first = view.line_of(turn.start) - int(view.scroll_offset.y)
        lines = [view.render_line(first + n).text for n in range(3)]
        assert " ".join(line[:13].strip() for line in lines) == "Marieke Jansen (gemeente)"
        margin = "".join(line.rsplit("▌", 1)[-1].strip() for line in lines[:2])
        assert margin.startswith("Ontmoetingsplek voor")
        status = str(app.screen.status_line.render())
        assert "sel " in status and "coded by anna" in status


async def test_a_slow_in_vivo_code_says_what_it_is_doing(tui_project, monkeypatch):
    import threading

    release = threading.Event()
    service = type(tui_project.codebook)
    real = service.create_and_apply

    def slow(self, *args, **kwargs):
        release.wait(10)  # the first new code writes the codebook file back: a second or two
        return real(self, *args, **kwargs)

    monkeypatch.setattr(service, "create_and_apply", slow)
    app = await _open(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        await pilot.press("v")
        await pilot.pause(0.1)
        assert "in vivo “" in str(app.screen.status_line.render())
        release.set()
        await settle(app, pilot)
        assert "in vivo “" not in str(app.screen.status_line.render())
        assert len(app.screen.codings) == 1
