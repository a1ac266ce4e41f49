"""The key bar: a screen's own keys first, the help and palette keys always at the right, a click presses a key."""

from __future__ import annotations

from workbench.tui.app import WorkbenchApp
from workbench.tui.widgets.key_bar import KeyBar

from tests.tui.conftest import settle


def _line(app) -> str:
    bar = app.screen.query_one(KeyBar)
    return bar.render().plain


async def test_home_shows_every_screen_key_and_the_help_key(tui_project):
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        line = _line(app)
        for key, label in (("f1", "Home"), ("f3", "Coding"), ("f8", "Agreement")):
            assert f"{key} {label}" in line
        assert line.rstrip().endswith("? Keys ^p palette")
        assert len(line) == 140


async def test_a_narrow_screen_keeps_its_own_keys_and_the_help_key(tui_project):
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("f2")
        await settle(app, pilot)
        line = _line(app)
        assert line.startswith("i Import e Attributes")
        assert "? Keys" in line and len(line) == 80
        # Whole entries are left out, never half a word, and a "…" marks the gap.
        bar = app.screen.query_one(KeyBar)
        shown = [place[2] for place in bar._places]
        assert "i" in shown and "question_mark" in shown and "f8" not in shown
        last_shown = max(end for _begin, end, _key, _enabled in bar._places if end < line.index("? Keys"))
        assert line[last_shown:].lstrip().startswith("… ")


async def test_clicking_a_key_presses_it(tui_project):
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(140, 30)) as pilot:
        await settle(app, pilot)
        bar = app.screen.query_one(KeyBar)
        begin = next(place[0] for place in bar._places if place[2] == "f2")
        await pilot.click(KeyBar, offset=(begin + 1, 0))
        await settle(app, pilot)
        assert app.current_mode == "documents"
        assert _line(app).startswith("i Import")


async def test_no_gap_is_marked_when_everything_fits(tui_project):
    app = WorkbenchApp(tui_project)
    async with app.run_test(size=(160, 24)) as pilot:
        await settle(app, pilot)
        assert _line(app).count("…") == 1  # only "Export…" has one
