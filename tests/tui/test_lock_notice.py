"""A change on the coding screen that waits for another program's lock says so on the screen, then gives up."""

from __future__ import annotations

import asyncio
import sqlite3

import pytest

from tests.tui.conftest import settle
from workbench.tui.app import WorkbenchApp

pytestmark = pytest.mark.reliability


async def test_waiting_for_a_lock_shows_a_notification_and_the_refusal(tui_project):
    tui_project.db.waiting.timeout = 2.5
    heem = next(d.id for d in tui_project.documents.list() if "HEEM" in d.title)
    app = WorkbenchApp(tui_project, document=heem)
    async with app.run_test(size=(120, 35)) as pilot:
        await settle(app, pilot)
        other = sqlite3.connect(tui_project.url.removeprefix("sqlite:///"), isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            await pilot.press("1")
            messages: list[str] = []
            for _ in range(60):
                await asyncio.sleep(0.1)
                messages = [n.message for n in app._notifications]
                if any("stayed locked" in m for m in messages):
                    break
        finally:
            other.execute("ROLLBACK")
            other.close()
        await settle(app, pilot)
        assert any(m.startswith("Waiting for the project database") for m in messages), messages
        assert any("stayed locked by another program or colleague for 2.5 s" in m for m in messages), messages
        assert tui_project.coding.list(document=heem) == []
