"""Word search on the Retrieval screen: `?word` lists every form of the word; `g` makes the hits suggestions."""

from __future__ import annotations

from textual.widgets import DataTable, Input

from tests.tui.conftest import settle
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.retrieval_search import parse_search


def test_the_query_prefix_chooses_the_search_mode():
    assert parse_search("?financiering") == ("financiering", "lemma")
    assert parse_search('? "op elkaar bouwen"') == ("op elkaar bouwen", "plain")
    assert parse_search("?/huur\\w+/") == ("huur\\w+", "regex")


async def _search(app, pilot, query: str) -> DataTable:
    await pilot.press("f5")
    await settle(app, pilot)
    box = app.screen.query_one("#retrieval-query", Input)
    box.value = query
    box.focus()
    await pilot.press("enter")
    await settle(app, pilot)
    return app.screen.query_one("#fragments", DataTable)


async def test_word_search_lists_hits_and_turns_them_into_suggestions(tui_project):
    expected = tui_project.search.search("subsidie", mode="lemma")
    assert expected
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        table = await _search(app, pilot, "?subsidie")
        assert table.row_count == len(expected)
        assert "subsidie" in str(table.get_row_at(0)[0]).lower()
        assert "g makes them suggested codings" in str(app.screen.query_one("#retrieval-status").render())
        await pilot.press("ctrl+e")  # hits are not coded fragments: nothing to export yet
        await settle(app, pilot)
        assert type(app.screen).__name__ == "RetrievalScreen"
        table.focus()
        await pilot.press("g")
        await settle(app, pilot)
        app.screen.query_one("#picker-query", Input).value = "Subsidie voor één jaar"
        await pilot.press("enter")
        await settle(app, pilot)
        suggested = tui_project.coding.list(status="suggested")
        assert suggested and {c.code for c in suggested} == {"Financiering/Subsidie voor één jaar"}
        assert all(c.origin == "search" for c in suggested)
        # Each suggestion is a whole sentence holding a hit.
        hits_by_doc = {(h.document_id, h.start) for h in expected}
        assert all(any(doc == c.document_id and c.start <= start < c.end for doc, start in hits_by_doc)
                   for c in suggested)


async def test_a_bad_pattern_is_one_sentence(tui_project):
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        table = await _search(app, pilot, "?/([/")
        assert table.row_count == 0
        notes = [str(n.message) for n in app._notifications]
        assert notes and "regular expression" in notes[-1]


async def test_ticked_codes_show_a_tick_not_only_a_colour(tui_project):
    from workbench.tui.widgets.tick_list import TICK, TickList

    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f5")
        await settle(app, pilot)
        codes = app.screen.query_one("#retrieval-codes", TickList)
        codes.select(codes.get_option_at_index(1).value)
        await settle(app, pilot)
        first, second = (codes.render_line(y).text for y in (0, 1))
        assert first.startswith("▐ ▌") and second.startswith(f"▐{TICK}▌")


async def test_a_slow_word_search_shows_that_it_is_busy(tui_project, monkeypatch):
    import threading

    release = threading.Event()
    search = tui_project.search
    real = search.search

    def slow(*args, **kwargs):
        release.wait(10)  # the first search loads the language data: seconds on a real machine
        return real(*args, **kwargs)

    monkeypatch.setattr(type(search), "search", lambda self, *a, **k: slow(*a, **k))
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(120, 35)) as pilot:
        await pilot.press("f5")
        await settle(app, pilot)
        box = app.screen.query_one("#retrieval-query", Input)
        box.value = "?subsidie"
        box.focus()
        await pilot.press("enter")
        await pilot.pause(0.1)
        table = app.screen.query_one("#fragments", DataTable)
        assert table.loading
        release.set()
        await settle(app, pilot)
        assert not table.loading and table.row_count > 0
