"""Documents, Codebook, Retrieval and Analysis: their main actions through the keyboard."""

from __future__ import annotations

from textual.widgets import DataTable, Input, SelectionList, Tree

from tests.tui.conftest import settle
from workbench.tui.app import WorkbenchApp


async def test_documents_table_filters_and_opens(tui_project):
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f2")
        await settle(app, pilot)
        table = app.screen.query_one("#doc-table", DataTable)
        assert table.row_count == 2
        await pilot.press("slash", *"woningcorporatie")
        await pilot.pause()
        assert table.row_count == 1
        await pilot.press("enter", "enter")  # leave the filter box, then open the row
        await settle(app, pilot)
        assert type(app.screen).__name__ == "CodingScreen"
        assert "woningcorporatie" in app.screen.document.title


async def test_import_dialog_imports_a_folder(tui_project, tmp_path):
    folder = tmp_path / "nieuw"
    folder.mkdir()
    (folder / "notities.txt").write_text("I: Hoe gaat het met de subsidie?\nR: Die is weer voor één jaar.\n", encoding="utf-8")
    (folder / "kapot.docx").write_bytes(b"not a zip at all")
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f2")
        await settle(app, pilot)
        await pilot.press("i")
        await pilot.pause()
        dialog = app.screen
        path = dialog.query_one("#import-path", Input)
        assert path.value == str(tui_project.directory / "transcripts")  # the project's folder, not the cwd
        assert not dialog.query_one("#import-progress").display  # nothing runs yet: no animated bar
        path.value = str(folder)
        await pilot.click("#import-go")
        await settle(app, pilot)
        log = "\n".join(app.screen.query_one("#import-log").lines)
        assert "1 imported, 1 failed" in log
        result = dialog.query_one("#import-result")
        assert "1 imported, 1 failed. Esc closes." in str(result.render())
        assert result.size.width <= dialog.query_one("#import").size.width
        assert "kapot.docx" in log
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen.query_one("#doc-table", DataTable).row_count == 3


async def test_codebook_create_rename_and_undo(tui_project):
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f4")
        await settle(app, pilot)
        tree = app.screen.query_one(Tree)
        assert tree.root.children
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Buurtbudget", "enter")
        await settle(app, pilot)
        assert "Buurtbudget" in [c.name for c in tui_project.codebook.list()]
        assert app.screen.current().name == "Buurtbudget"
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one(Input).value = "Wijkbudget"
        await pilot.press("enter")
        await settle(app, pilot)
        names = [c.name for c in tui_project.codebook.list()]
        assert "Wijkbudget" in names and "Buurtbudget" not in names
        await pilot.press("u")
        await settle(app, pilot)
        assert "Buurtbudget" in [c.name for c in tui_project.codebook.list()]


async def test_retrieval_lists_fragments_and_jumps_to_the_coding_screen(tui_project):
    doc = next(d for d in tui_project.documents.list() if "HEEM" in d.title)
    detail = tui_project.documents.show(doc.id)
    sentence = detail.sentences[4]
    tui_project.coding.apply(doc.id, "Financiering/Huurinkomsten", sentence.start, sentence.end)
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f5")
        await settle(app, pilot)
        app.screen.query_one("#retrieval-query", Input).value = "Huurinkomsten"
        app.screen.query_one("#retrieval-query", Input).focus()
        await pilot.press("enter")
        await settle(app, pilot)
        table = app.screen.query_one("#fragments", DataTable)
        assert table.row_count == 1
        table.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "CodingScreen"
        assert app.screen.view.selection[0] == sentence.start


async def test_analysis_shows_a_matrix_and_cooccurrence(tui_project):
    doc = tui_project.documents.list()[0]
    detail = tui_project.documents.show(doc.id)
    s = detail.sentences[2]
    tui_project.coding.apply(doc.id, "Financiering/Huurinkomsten", s.start, s.end)
    tui_project.coding.apply(doc.id, "Vertrouwen/Vertrouwen in personen", s.start, s.end)
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f6")
        await settle(app, pilot)
        grid = app.screen.query_one("#matrix", DataTable)
        assert grid.row_count >= 2
        await pilot.press("o")
        await settle(app, pilot)
        title = str(app.screen.query_one("#analysis-title").render())
        assert "Co-occurrence" in title and "sub-codes included" in title
        # The two codes and their parents, which hold their sub-codes' codings.
        assert grid.row_count == 4


async def test_export_dialog_writes_fragments_from_retrieval(tui_project, tmp_path):
    import openpyxl

    doc = tui_project.documents.list()[0]
    s = tui_project.documents.show(doc.id).sentences[1]
    tui_project.coding.apply(doc.id, "Financiering/Huurinkomsten", s.start, s.end)
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        await settle(app, pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert type(app.screen).__name__ == "ExportDialog"
        out = tmp_path / "fragmenten.xlsx"
        app.screen.query_one("#export-path", Input).value = str(out)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "RetrievalScreen"
        assert any(str(n.message).startswith(f"Wrote {out}") for n in app._notifications)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    texts = [cell.value for row in sheet.iter_rows() for cell in row]
    assert any(isinstance(v, str) and tui_project.documents.show(doc.id).text[s.start:s.end] in v for v in texts)


async def test_analysis_leaves_out_codes_without_codings_until_asked(tui_project):
    doc = tui_project.documents.list()[0]
    s = tui_project.documents.show(doc.id).sentences[2]
    tui_project.coding.apply(doc.id, "Financiering/Huurinkomsten", s.start, s.end)
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f6")
        await settle(app, pilot)
        grid = app.screen.query_one("#matrix", DataTable)
        shown = [str(grid.get_row_at(i)[0]).strip() for i in range(grid.row_count)]
        assert shown == ["Financiering", "Huurinkomsten"]  # a code's row holds its sub-codes' fragments
        assert "z shows them" in str(app.screen.query_one("#analysis-title").render())
        await pilot.press("z")
        await settle(app, pilot)
        assert grid.row_count == len([c for c in tui_project.codebook.list() if not c.retired]) > 40


async def test_the_export_of_a_retrieval_view_holds_the_fragments_it_lists(tui_project, tmp_path):
    import openpyxl

    from workbench.project import Project

    doc = tui_project.documents.list()[0]
    sentences = tui_project.documents.show(doc.id).sentences
    tui_project.coding.apply(doc.id, "Vertrouwen/Vertrouwen in personen", sentences[1].start, sentences[1].end)
    tui_project.coding.apply(doc.id, "Vertrouwen", sentences[3].start, sentences[3].end)
    tui_project.coding.apply(doc.id, "Financiering/Huurinkomsten", sentences[5].start, sentences[5].end)
    with Project.open(tui_project.directory, coder="bram") as bram:
        bram.coding.apply(doc.id, "Vertrouwen/Ruimte om te falen", sentences[7].start, sentences[7].end)
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f5")
        await settle(app, pilot)
        screen = app.screen
        ticked = screen.query_one("#retrieval-codes", SelectionList)
        trust = next(c for c in screen.codes if c.path == "Vertrouwen")
        ticked.select(trust.guid)
        screen.query_one("#retrieval-filter", Input).value = "coder=anna"
        screen.retrieve()
        await settle(app, pilot)
        listed = sorted(row.text for kind, row in screen.rows if kind == "fragment")
        assert len(listed) == 2  # anna's two: the sub-code's and the code's own; bram's is filtered out
        await pilot.press("ctrl+e")
        await pilot.pause()
        dialog = app.screen
        assert type(dialog).__name__ == "ExportDialog"
        shown = " ".join(str(dialog.query_one(f"#export-{name}", Input).value) for name in ("codes", "query", "filter"))
        assert "Vertrouwen" in shown and "coder=anna" in shown
        assert trust.guid not in shown and not any(c.guid in shown for c in screen.codes)
        out = tmp_path / "view.xlsx"
        dialog.query_one("#export-path", Input).value = str(out)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    column = next(i for i, name in enumerate(header) if name in ("Text", "Fragment", "Tekst", "Fragment text"))
    exported = sorted(row[column] for row in sheet.iter_rows(min_row=2, values_only=True) if row[column])
    assert exported == listed


async def test_an_empty_code_name_is_said_and_the_prompt_stays(tui_project):
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f4")
        await settle(app, pilot)
        before = len(tui_project.codebook.list())
        await pilot.press("n")
        await pilot.pause()
        prompt = app.screen
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is prompt
        assert "cannot be left empty" in str(prompt.query_one("#prompt-error").render())
        await pilot.press("escape")
        await settle(app, pilot)
        assert len(tui_project.codebook.list()) == before


async def test_merging_asks_first_in_a_dialog_that_says_merge(tui_project):
    doc = tui_project.documents.list()[0]
    s = tui_project.documents.show(doc.id).sentences[1]
    tui_project.coding.apply(doc.id, "Financiering/Huurinkomsten", s.start, s.end)
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f4")
        await settle(app, pilot)
        screen = app.screen
        rent = next(c for c in tui_project.codebook.list() if c.path == "Financiering/Huurinkomsten")
        screen.load(focus=rent.guid)
        await settle(app, pilot)
        assert screen.current().guid == rent.guid
        await pilot.press("M")
        await pilot.pause()
        picker = app.screen
        title = str(picker.query_one("#picker-title").render())
        assert "Merge Financiering/Huurinkomsten into" in title and "Apply which code" not in title
        await pilot.press(*"Geldstromen in de wijk")
        options = picker.query_one("OptionList")
        assert all(options.get_option_at_index(i).id != "__new__" for i in range(options.option_count))
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmDialog"
        assert "Merge Financiering/Huurinkomsten into Financiering/Geldstromen in de wijk?" in str(
            app.screen.query_one("#confirm-question").render())
        await pilot.press("enter")  # "Cancel" has the focus: nothing merges
        await settle(app, pilot)
        assert any(c.path == "Financiering/Huurinkomsten" for c in tui_project.codebook.list())
        await pilot.press("M")
        await pilot.pause()
        await pilot.press(*"Geldstromen in de wijk", "enter")
        await pilot.pause()
        app.screen.query_one("#confirm-yes").press()
        await settle(app, pilot)
        assert not any(c.path == "Financiering/Huurinkomsten" for c in tui_project.codebook.list())
        assert [c.code for c in tui_project.coding.list(document=doc.id)] == ["Financiering/Geldstromen in de wijk"]
