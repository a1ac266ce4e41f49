"""The Agreement screen: the per-code table, the unit key, the review list, opening and adjudicating."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from textual.widgets import DataTable, Input, SelectionList

from tests.tui.conftest import settle
from workbench.project import Project
from workbench.tui.app import WorkbenchApp

TRUST = "Vertrouwen/Vertrouwen in personen"
RENT = "Financiering/Huurinkomsten"
SUBSIDY = "Financiering/Subsidie voor één jaar"


@pytest.fixture
def two_coders(tui_project):
    """The HEEM interview coded by anna (the project's coder) and by bram, who opens the project himself.

    They agree on rent (sentence 2), only anna codes trust (sentence 4), only bram codes trust (sentence 8),
    and they code the subsidy of sentence 6 with other boundaries.
    """
    doc = next(d for d in tui_project.documents.list() if "HEEM" in d.title)
    sentences = tui_project.documents.show(doc.id).sentences
    s = {n: (sentences[n].start, sentences[n].end) for n in (2, 4, 6, 8)}
    anna = tui_project.coding
    anna.apply(doc.id, RENT, *s[2])
    anna.apply(doc.id, TRUST, *s[4])
    anna.apply(doc.id, SUBSIDY, *s[6])
    bram = Project.open(tui_project.ctx.project_dir, coder="bram")
    try:
        bram.coding.apply(doc.id, RENT, *s[2])
        bram.coding.apply(doc.id, TRUST, *s[8])
        bram.coding.apply(doc.id, SUBSIDY, s[6][0] + 4, s[6][1])
    finally:
        bram.close()
    return tui_project, doc.id, s


def _plain(widget) -> str:
    """What a Static shows, as plain text."""
    console = Console(width=120, file=io.StringIO(), color_system=None)
    with console.capture() as captured:
        console.print(widget.content)
    return captured.get()


def _cells(table: DataTable, row: int) -> list[str]:
    return [str(cell) for cell in table.get_row_at(row)]


async def _show(app, pilot) -> None:
    await pilot.press("f8")
    await settle(app, pilot)
    assert type(app.screen).__name__ == "AgreementScreen"


async def test_table_shows_each_code_with_figures_and_the_unit_key_cycles(two_coders):
    project, _doc, _s = two_coders
    app = WorkbenchApp(project)
    async with app.run_test(size=(120, 35)) as pilot:
        await _show(app, pilot)
        screen = app.screen
        table = screen.query_one("#agreement-table", DataTable)
        assert screen.report.coders == ("anna", "bram")
        assert table.row_count == 1 + 3  # the totals, then rent, subsidy and trust
        total = _cells(table, 0)
        assert total[0] == "Total (all codes)"
        rows = {_cells(table, n)[0]: _cells(table, n) for n in range(1, table.row_count)}
        assert set(rows) == {"Huurinkomsten", "Subsidie voor één jaar", "Vertrouwen in personen"}
        rent = rows["Huurinkomsten"]
        assert rent[-3].startswith("100.0%") and rent[-2].startswith("1.000") and rent[-1].startswith("1.000")
        assert int(rows["Vertrouwen in personen"][-4]) > 0  # characters on which they differ
        assert [str(c.label) for c in table.columns.values()][-3:] == ["% agree", "Cohen κ", "Kripp. α"]

        await pilot.press("u")
        await settle(app, pilot)
        assert screen.report.unit == "segment"
        assert "κ (B&P)" in [str(c.label) for c in table.columns.values()]
        assert "overlap ≥ 90%" in _plain(screen.query_one("#agreement-settings"))
        await pilot.press("u")
        await settle(app, pilot)
        assert screen.report.unit == "sentence"
        rows = {_cells(table, n)[0]: _cells(table, n) for n in range(1, table.row_count)}
        assert rows["Vertrouwen in personen"][-4] == "2"  # two sentences: anna's and bram's
        await pilot.press("u", "u")
        await settle(app, pilot)
        assert screen.report.unit == "document"

        await pilot.press("t")
        await pilot.pause()
        app.screen.query_one(Input).value = "half"
        await pilot.press("enter")
        await settle(app, pilot)
        assert screen.threshold == 90 and screen.report.unit == "document"  # not a percentage: nothing changes
        await pilot.press("t")
        await pilot.pause()
        app.screen.query_one(Input).value = "50"
        await pilot.press("enter")
        await settle(app, pilot)
        assert screen.report.unit == "segment" and screen.report.threshold == 50


async def test_review_list_shows_both_coders_and_enter_opens_the_coding_screen(two_coders):
    project, doc, s = two_coders
    app = WorkbenchApp(project)
    async with app.run_test(size=(120, 35)) as pilot:
        await _show(app, pilot)
        screen = app.screen
        review = screen.query_one("#review", DataTable)
        assert review.row_count == 3  # trust twice (one coder each), subsidy boundaries; rent agrees
        assert [str(c.label) for c in review.columns.values()][1:3] == ["1 anna", "2 bram"]
        subsidy = next(n for n, d in enumerate(screen.shown) if d.code == SUBSIDY)
        cells = _cells(review, subsidy)
        assert cells[1].startswith(project.documents.show(doc).text[s[6][0]:s[6][0] + 10])
        trust_only_anna = next(n for n, d in enumerate(screen.shown) if d.code == TRUST and d.start == s[4][0])
        assert "not coded" in _cells(review, trust_only_anna)[2]

        review.focus()
        review.move_cursor(row=subsidy)
        await pilot.pause()
        shown = _plain(screen.query_one("#review-detail"))
        assert f"1 anna  {s[6][0]}-{s[6][1]}" in shown and f"2 bram  {s[6][0] + 4}-{s[6][1]}" in shown
        await pilot.press("enter")
        await settle(app, pilot)
        coding = app.screen
        assert type(coding).__name__ == "CodingScreen"
        assert coding.document.id == doc
        assert coding.view.selection[0] == s[6][0]
        here = {(c.coder, c.start, c.end) for c in coding.codings_under_cursor()}
        assert {("anna", *s[6]), ("bram", s[6][0] + 4, s[6][1])} <= here


async def test_enter_on_a_code_limits_the_review_list_and_esc_shows_all(two_coders):
    project, _doc, _s = two_coders
    app = WorkbenchApp(project)
    async with app.run_test(size=(120, 35)) as pilot:
        await _show(app, pilot)
        screen = app.screen
        table = screen.query_one("#agreement-table", DataTable)
        trust_row = next(n for n in range(table.row_count) if _cells(table, n)[0] == "Vertrouwen in personen")
        table.focus()
        table.move_cursor(row=trust_row)
        await pilot.press("enter")
        await pilot.pause()
        assert [d.code for d in screen.shown] == [TRUST, TRUST]
        assert screen.focused is screen.query_one("#review")
        await pilot.press("escape")
        await pilot.pause()
        assert len(screen.shown) == 3


async def test_keys_adjudicate_for_the_consensus_coder(two_coders):
    project, doc, s = two_coders
    app = WorkbenchApp(project)
    async with app.run_test(size=(120, 35)) as pilot:
        await _show(app, pilot)
        screen = app.screen
        review = screen.query_one("#review", DataTable)
        review.focus()
        review.move_cursor(row=next(n for n, d in enumerate(screen.shown) if d.code == SUBSIDY))
        await pilot.press("2")  # keep bram's boundaries
        await settle(app, pilot)
        decided = project.coding.list(coder="consensus")
        assert [(c.code, c.start, c.end, c.status) for c in decided] == [(SUBSIDY, s[6][0] + 4, s[6][1], "applied")]
        subsidy = next(d for d in screen.shown if d.code == SUBSIDY)
        assert subsidy.resolved
        assert "decided" in _cells(review, screen.shown.index(subsidy))[-1]
        assert not screen.current().resolved  # the cursor moved on to an open one

        review.move_cursor(row=next(n for n, d in enumerate(screen.shown) if d.start == s[8][0]))
        await pilot.press("1")  # keep anna's: she did not code trust there, so it does not apply
        await settle(app, pilot)
        trust = [c for c in project.coding.list(coder="consensus") if c.code == TRUST]
        assert [(c.start, c.end, c.status) for c in trust] == [(*s[8], "rejected")]

        review.move_cursor(row=next(n for n, d in enumerate(screen.shown) if d.start == s[4][0]))
        await pilot.press("b")
        await settle(app, pilot)
        assert all(d.resolved for d in screen.disagreements)
        await pilot.press("o")
        await pilot.pause()
        assert review.row_count == 0

        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert sum(1 for d in screen.disagreements if not d.resolved) == 1

        await pilot.press("c")  # compare bram with the consensus instead
        await settle(app, pilot)
        dialog = app.screen
        assert type(dialog).__name__ == "ChooseCodersScreen"
        coders = dialog.query_one(SelectionList)
        assert list(coders.selected) == ["anna", "bram"]
        coders.deselect("anna")
        coders.select("consensus")
        await pilot.press("c")
        await settle(app, pilot)
        assert app.screen is screen
        assert screen.report.coders == ("bram", "consensus")


async def test_blind_coding_waits_until_agreement_is_asked_for(two_coders):
    project, _doc, _s = two_coders
    project.status.update_settings(blind_coding=True)
    app = WorkbenchApp(project)
    async with app.run_test(size=(120, 35)) as pilot:
        await _show(app, pilot)
        screen = app.screen
        assert screen.report is None
        assert "Blind coding is on" in _plain(screen.query_one("#agreement-method"))
        assert project.ctx.settings().get("blind_coding") is True
        await pilot.press("r")
        await settle(app, pilot)
        assert screen.report is not None and screen.report.coders == ("anna", "bram")
        assert project.ctx.settings().get("blind_coding") is False


async def test_coders_dialog_and_a_project_with_one_coder(tui_project):
    doc = tui_project.documents.list()[0]
    sentence = tui_project.documents.show(doc.id).sentences[1]
    tui_project.coding.apply(doc.id, RENT, sentence.start, sentence.end)
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(80, 24)) as pilot:
        await _show(app, pilot)
        screen = app.screen
        assert screen.report is None
        assert "two or more coders" in _plain(screen.query_one("#agreement-method"))
        await pilot.press("c")
        await settle(app, pilot)
        assert app.screen is screen  # nobody to choose from: a warning, no dialog
