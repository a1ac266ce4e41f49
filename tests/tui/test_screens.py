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
        path = app.screen.query_one("#import-path", Input)
        path.value = str(folder)
        await pilot.click("#import-go")
        await settle(app, pilot)
        log = "\n".join(app.screen.query_one("#import-log").lines)
        assert "1 imported, 1 failed" in log
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
        assert "Wrote" in str(app.screen.query_one("#export-result").render())
    sheet = openpyxl.load_workbook(out)["All"]
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
