"""A lock held by another program or colleague: the wait is reported, and giving up is one sentence and exit 2."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from sqlalchemy import create_engine, func, select, text

from tests.cli.run import in_process
from workbench.project import Project
from workbench.store.schema import Coding

pytestmark = pytest.mark.reliability


@pytest.fixture
def team(db_url, tmp_path):
    """A project folder on each backend with one short document, made by anna."""
    directory = tmp_path / "veldwerk"
    db = None if db_url.startswith("sqlite") else db_url
    with Project.init(directory, db=db, coder="anna") as project:
        source = tmp_path / "kort.txt"
        source.write_text("I: Hoe begon het?\nR: Met vertrouwen en een lege winkel in de wijk.\n", encoding="utf-8")
        project.documents.import_paths([source])
        yield project


def _codings(project: Project) -> int:
    with project.ctx.read() as s:
        return s.scalar(select(func.count()).select_from(Coding))


def _hold(project: Project):
    """Another program's connection holding the lock a change needs; returns (connection, release)."""
    if project.db.is_sqlite:
        conn = sqlite3.connect(project.url.removeprefix("sqlite:///"), isolation_level=None, check_same_thread=False)
        conn.execute("BEGIN IMMEDIATE")
        return lambda: (conn.execute("ROLLBACK"), conn.close())
    engine = create_engine(project.url)
    conn = engine.connect()
    conn.execute(text("LOCK TABLE codings IN ACCESS EXCLUSIVE MODE"))
    return lambda: (conn.rollback(), conn.close(), engine.dispose())


def test_a_change_waiting_on_a_lock_says_so_and_gives_up_with_one_sentence(team, capfd):
    release = _hold(team)
    try:
        result = in_process(capfd, "--project", team.directory, "--coder", "bram", "--wait", "2",
                            "code", "1", "--code", "Vertrouwen", "--start", "0", "--end", "10")
    finally:
        release()
    lines = result.stderr.strip().splitlines()
    assert result.code == 2
    assert len(lines) == 2, result.stderr
    assert lines[0].startswith("workbench: Waiting for the project database") and "giving up after 2 s" in lines[0]
    assert "stayed locked by another program or colleague for 2 s, so nothing was changed" in lines[1]
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert _codings(team) == 0


def test_the_give_up_time_comes_from_the_environment_too(team, capfd):
    release = _hold(team)
    try:
        result = in_process(capfd, "--project", team.directory, "--coder", "bram", "code", "1", "--code",
                            "Vertrouwen", "--start", "0", "--end", "10", env={"WORKBENCH_LOCK_TIMEOUT": "1.5"})
    finally:
        release()
    assert result.code == 2
    assert "for 1.5 s" in result.stderr


def test_a_change_that_waits_less_than_the_limit_goes_through(team, capfd):
    release = _hold(team)
    timer = threading.Timer(3.0, release)
    timer.start()
    result = in_process(capfd, "--project", team.directory, "--coder", "bram", "--wait", "20",
                        "code", "1", "--code", "Vertrouwen", "--start", "0", "--end", "10")
    timer.join()
    assert result.code == 0, result.stderr
    assert "Waiting for the project database" in result.stderr
    assert _codings(team) == 1
