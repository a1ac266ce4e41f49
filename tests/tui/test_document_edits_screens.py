"""Document edits in the screens: rename, remove (after asking) and undo on Documents; rename a speaker on Coding."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from tests.tui.conftest import settle
from workbench.tui.app import WorkbenchApp


def _doc(project, title_part: str):
    return next(d for d in project.documents.list() if title_part in d.title)


def _shared_interviewer(project):
    """Both interviews with an "Interviewer" (the second one calls the interviewer "I" when imported)."""
    heem, other = _doc(project, "HEEM"), _doc(project, "woningcorporatie")
    project.document_edits.rename_speaker("I", "Interviewer", [other.id])
    return heem, other


def _notes(app) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def _documents_screen(app, pilot, title_part: str):
    """Show the Documents screen with the cursor on the document whose title has `title_part`."""
    await pilot.press("f2")
    await settle(app, pilot)
    table = app.screen.query_one("#doc-table", DataTable)
    table.move_cursor(row=table.get_row_index(str(_doc(app.project, title_part).id)))
    await pilot.pause()
    return table


async def test_rename_a_document_from_the_documents_screen(tui_project):
    heem, other = _doc(tui_project, "HEEM"), _doc(tui_project, "woningcorporatie")
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        table = await _documents_screen(app, pilot, "HEEM")
        await pilot.press("r")
        await pilot.pause()
        box = app.screen.query_one("#prompt-input", Input)
        assert box.value == heem.title  # prefilled with the current title
        box.value = "Aaa gesprek met de oprichter"
        await pilot.press("enter")
        await settle(app, pilot)
        assert tui_project.documents.show(heem.id).title == "Aaa gesprek met de oprichter"
        assert table.get_row(str(heem.id))[0] == "Aaa gesprek met de oprichter"
        assert app.screen._current_id() == heem.id  # the cursor followed it to its new place
        assert "Renamed to “Aaa gesprek met de oprichter”" in _notes(app)

        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#prompt-input", Input).value = other.title
        await pilot.press("enter")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "DocumentsScreen"
        assert tui_project.documents.show(heem.id).title == "Aaa gesprek met de oprichter"
        assert "already titled" in _notes(app)


async def test_remove_asks_first_and_cancelling_keeps_the_document(tui_project):
    doc = _doc(tui_project, "woningcorporatie")
    sentence = tui_project.documents.show(doc.id).sentences[3]
    coding = tui_project.coding.apply(doc.id, "Financiering/Huurinkomsten", sentence.start, sentence.end)
    tui_project.memos.add("Huur als verdienmodel.", coding=coding.id)
    from workbench.domain.filters import Selection

    hits = tui_project.search.search("huur", selection=Selection(documents=(doc.title,)))
    assert tui_project.search.suggest(hits[-1:], "Financiering/Huurinkomsten")
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        table = await _documents_screen(app, pilot, "woningcorporatie")
        await pilot.press("x")
        await settle(app, pilot)
        dialog = app.screen
        assert type(dialog).__name__ == "RemoveDialog"
        assert doc.title in dialog.question
        # Every coding goes, the suggestion too, and the count says so.
        assert "Its 2 codings, 1 memo and its attribute values" in dialog.explanation
        assert "workbench undo" in dialog.explanation
        assert app.focused.id == "confirm-no"  # the safe choice is the default
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("x")
        await settle(app, pilot)
        await pilot.press("enter")  # presses "Keep it"
        await settle(app, pilot)
        assert type(app.screen).__name__ == "DocumentsScreen"
        assert len(tui_project.documents.list()) == 2 and table.row_count == 2

        await pilot.press("x")
        await settle(app, pilot)
        await pilot.press("right", "enter")
        await settle(app, pilot)
        assert [d.title for d in tui_project.documents.list()] == [_doc(tui_project, "HEEM").title]
        assert table.row_count == 1
        assert f"Removed “{doc.title}” with 2 codings;" in _notes(app)  # the dialog said so too


async def test_undo_on_the_documents_screen_brings_the_document_back(tui_project):
    doc = _doc(tui_project, "HEEM")
    sentence = tui_project.documents.show(doc.id).sentences[2]
    tui_project.coding.apply(doc.id, "Financiering/Huurinkomsten", sentence.start, sentence.end)
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        table = await _documents_screen(app, pilot, "HEEM")
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("tab", "enter")
        await settle(app, pilot)
        assert table.row_count == 1
        await pilot.press("u")
        await settle(app, pilot)
        assert table.row_count == 2
        assert tui_project.documents.show(doc.id).title == doc.title
        (coding,) = tui_project.coding.list(document=doc.id)
        assert (coding.start, coding.end) == (sentence.start, sentence.end)
        assert f"Undid: Removed the document '{doc.title}' with 1 coding" in _notes(app)


async def test_rename_a_speaker_in_this_document_only_from_the_coding_screen(tui_project):
    heem, other = _shared_interviewer(tui_project)
    app = WorkbenchApp(tui_project, document=heem.id)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        await pilot.press("down", "down", "down", "shift+down")  # a selection in the respondent's turn
        await pilot.pause()
        selection = screen.view.selection
        _index, turn = screen.turn_under_cursor()
        old = turn.speaker
        assert old == "Respondent"
        await pilot.press("S")
        await pilot.pause()
        assert type(app.screen).__name__ == "SpeakerRenameDialog"
        box = app.screen.query_one("#speaker-name", Input)
        assert box.value == old
        box.value = "Fatima (HEEM)"
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is screen
        speakers = {t.speaker for t in tui_project.documents.show(heem.id).turns}
        assert "Fatima (HEEM)" in speakers and old not in speakers
        assert {t.speaker for t in screen.document.turns} == speakers
        lines = screen.view._lines
        gutter = {" ".join(lines.speaker_lines(turn)) for turn in range(len(screen.document.turns))}
        assert "Fatima (HEEM)" in gutter and old not in gutter
        assert screen.view.selection == selection  # the selection stayed where it was
        assert "Renamed Respondent to Fatima (HEEM) in" in _notes(app)

        # The interviewer, in this document only: the other interview keeps its label.
        await pilot.press("up", "up", "up", "up", "S")
        await pilot.pause()
        app.screen.query_one("#speaker-name", Input).value = "Onderzoeker"
        await pilot.press("enter")
        await settle(app, pilot)
        assert "Onderzoeker" in {t.speaker for t in tui_project.documents.show(heem.id).turns}
        assert "Interviewer" in {t.speaker for t in tui_project.documents.show(other.id).turns}
        assert "Onderzoeker" in {line.gutter for line in screen.view._lines}


async def test_rename_a_speaker_in_every_document_cancel_and_undo(tui_project):
    heem, other = _shared_interviewer(tui_project)
    app = WorkbenchApp(tui_project, document=heem.id)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert screen.turn_under_cursor()[1].speaker == "Interviewer"
        await pilot.press("S")
        await pilot.pause()
        app.screen.query_one("#speaker-name", Input).value = "Onderzoeker"
        await pilot.press("escape")
        await settle(app, pilot)
        assert "Interviewer" in {t.speaker for t in tui_project.documents.show(heem.id).turns}

        await pilot.press("S")
        await pilot.pause()
        app.screen.query_one("#speaker-name", Input).value = "Onderzoeker"
        await pilot.press("tab", "down", "space", "tab", "enter")  # tick "in every document", press Rename
        await settle(app, pilot)
        for doc in (heem, other):
            speakers = {t.speaker for t in tui_project.documents.show(doc.id).turns}
            assert "Onderzoeker" in speakers and "Interviewer" not in speakers
        assert screen.turn_under_cursor()[1].speaker == "Onderzoeker"
        assert "of 2 documents" in _notes(app)

        await pilot.press("u")  # undo on the coding screen reads the document again, so the gutter follows
        await settle(app, pilot)
        assert "Interviewer" in {t.speaker for t in tui_project.documents.show(other.id).turns}
        assert screen.turn_under_cursor()[1].speaker == "Interviewer"
        assert "Interviewer" in {line.gutter for line in screen.view._lines}


async def test_the_coding_screen_reads_its_document_again_after_a_change_elsewhere(tui_project):
    heem = _doc(tui_project, "HEEM")
    app = WorkbenchApp(tui_project, document=heem.id)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        coding = app.screen
        assert coding.document.title == heem.title
        await pilot.press("down", "down")
        kept = coding.view.selection
        await pilot.press("f2")
        await settle(app, pilot)
        tui_project.document_edits.rename(heem.id, "Interview Fatima")  # as a colleague or the CLI would
        await pilot.press("f3")
        await settle(app, pilot)
        assert coding.document.title == "Interview Fatima" and coding.sub_title == "Interview Fatima"
        assert coding.view.selection == kept


async def test_undo_on_the_coding_screen_without_a_document_only_says_what_it_undid(tui_project):
    for doc in tui_project.documents.list():
        tui_project.document_edits.remove(doc.id)
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        await settle(app, pilot)
        assert app.screen.document is None
        assert "No documents yet" in str(app.screen.query_one("#status-line").render())
        await pilot.press("u")
        await settle(app, pilot)
        assert app.is_running and app.screen.document is None
        assert "Undid: Removed the document" in _notes(app)
        assert len(tui_project.documents.list()) == 1


async def test_the_coding_screen_opens_where_the_coder_left_off(tui_project):
    other = _doc(tui_project, "woningcorporatie")
    sentence = tui_project.documents.show(other.id).sentences[3]
    code = next(c for c in tui_project.codebook.list() if c.codable)
    tui_project.coding.apply(other.id, code.guid, sentence.start, sentence.end)
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        await pilot.press("f3")
        await settle(app, pilot)
        assert app.screen.document.id == other.id
        assert app.screen.view.selection == (sentence.start, sentence.end)


async def test_a_colleagues_coding_appears_without_leaving_the_coding_screen(tui_project, monkeypatch):
    from workbench.project import Project
    from workbench.tui.screens.coding import CodingScreen

    monkeypatch.setattr(CodingScreen, "WATCH_SECONDS", 0.2)
    heem = _doc(tui_project, "HEEM")
    sentence = tui_project.documents.show(heem.id).sentences[5]
    app = WorkbenchApp(tui_project, document=heem.id)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        coding = app.screen
        await pilot.press("down", "down")
        kept = coding.view.selection
        before = len(coding.codings)
        with Project.open(tui_project.directory, coder="bram") as bram:
            bram.coding.apply(heem.id, "Financiering/Huurinkomsten", sentence.start, sentence.end)
        for _ in range(50):
            await pilot.pause(0.1)
            if len(coding.codings) > before:
                break
        assert len(coding.codings) == before + 1 and any(c.coder == "bram" for c in coding.codings)
        assert coding.view.selection == kept


async def test_undo_keeps_the_cursor_on_the_document_worked_on(tui_project):
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f2")
        await settle(app, pilot)
        screen = app.screen
        table = screen.query_one("#doc-table")
        last = table.row_count - 1
        table.move_cursor(row=last)
        worked_on = screen._current_id()
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#prompt-input").value = "AAA eerste in de lijst"
        await pilot.press("enter")
        await settle(app, pilot)
        assert screen._current_id() == worked_on  # renamed to the top of the list: the cursor went with it
        table.move_cursor(row=table.row_count - 1)
        await pilot.press("u")
        await settle(app, pilot)
        assert screen._current_id() == worked_on
        await pilot.press("e")
        await settle(app, pilot)
        assert app.screen.document_id == worked_on


async def test_a_long_title_leaves_every_column_on_a_120_column_screen(tui_project):
    doc = tui_project.documents.list()[0]
    long_title = ("Interview met de oprichter van de wijkonderneming over de tijdelijke woonwijk, de plek, de "
                  "financiering, de rol van de gemeente en de bewoners die de plek dragen (deel 1)")
    assert len(long_title) > 150
    tui_project.document_edits.rename(doc.id, long_title)
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f2")
        await settle(app, pilot)
        table = app.screen.query_one("#doc-table", DataTable)
        widths = {str(c.label): c.get_render_width(table) for c in table.columns.values()}
        assert sum(widths.values()) <= 120
        assert widths["Title"] >= 30 and widths["Words"] >= 6 and widths["Codings"] >= 7
        row = table.get_row(str(doc.id))
        assert str(row[0]).endswith("…") and str(row[1]).strip() == f"{doc.words:,}"
