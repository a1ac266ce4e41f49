"""Several processes coding one project at the same moment lose nothing and duplicate nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.services.analysis_fixtures import build_corpus
from workbench.store.schema import Coder, Coding, Event

ROOT = Path(__file__).resolve().parents[2]
OWN = 25  # codings each process makes as its own coder
SHARED = 10  # spans every process codes as the shared coder "carla", racing for the same rows

WORKER = """
import sys, time
from pathlib import Path
from workbench.project import Project

location, db, coder, go, document = sys.argv[1:6]
index = int(sys.argv[6])
project = Project.open(location, db=db or None, coder=coder)
while not Path(go).exists():
    time.sleep(0.01)
for i in range(int(sys.argv[7])):
    project.coding.apply(document, "Vertrouwen", i, i + 5 + index)
    if i < int(sys.argv[8]):
        project.coding.apply(document, "Financiering", i, i + 3, coder="carla")
project.close()
print("done")
"""


def _run_workers(project, coders: list[str], tmp_path: Path) -> None:
    go = tmp_path / "go"
    location = str(project.directory) if project.db.is_sqlite else project.url
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, location, "", coder, str(go), "Interview gemeente", str(index),
             str(OWN), str(SHARED)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )
        for index, coder in enumerate(coders)
    ]
    time.sleep(1.0)  # let every process open the project before they all start at once
    go.write_text("go")
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err
        assert out.strip() == "done"


def _counts(project) -> dict[str, int]:
    with project.ctx.read() as s:
        rows = s.execute(select(Coder.name, func.count()).join(Coding, Coding.coder_id == Coder.id).group_by(Coder.name))
        return dict(rows.all())


def _apply_events(project) -> int:
    with project.ctx.read() as s:
        return s.scalar(select(func.count()).select_from(Event).where(Event.kind == "coding.apply"))


def _prepare(project):
    build_corpus(project, with_codings=False)
    project.ctx.coder_id("carla")


def test_two_processes_coding_one_sqlite_project(sqlite_project, tmp_path):
    _prepare(sqlite_project)
    _run_workers(sqlite_project, ["anna", "bram"], tmp_path)
    assert _counts(sqlite_project) == {"anna": OWN, "bram": OWN, "carla": SHARED}
    assert _apply_events(sqlite_project) == 2 * OWN + SHARED


def test_several_processes_coding_one_postgres_project(project, tmp_path):
    if project.db.is_sqlite:
        pytest.skip("the SQLite file is covered by the two-process test")
    _prepare(project)
    coders = ["anna", "bram", "dirk", "eva"]
    _run_workers(project, coders, tmp_path)
    assert _counts(project) == {**{name: OWN for name in coders}, "carla": SHARED}
    assert _apply_events(project) == len(coders) * OWN + SHARED
