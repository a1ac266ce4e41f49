"""The team server holds: kill -9 in the middle of importing and coding, and five coders at once.

Short runs of the drills in `drills.py`; bench/reliability_bench.py runs the long ones and prints figures.
"""

from __future__ import annotations

import pytest

from tests.reliability.drills import concurrent_coders, kill_drill, seed_project

pytestmark = pytest.mark.reliability


@pytest.fixture
def seeded(db_url, tmp_path):
    directory = tmp_path / "team"
    url = None if db_url.startswith("sqlite") else db_url
    seed_project(directory, url).close()
    return directory, url


def test_kill_9_at_random_points_of_importing_and_coding_loses_nothing_committed(seeded):
    directory, url = seeded
    figures = kill_drill(directory, url, kills=20, seed=1919)
    assert figures.problems == []
    assert figures.kills == 20
    assert figures.committed_codings > 20 and figures.committed_documents > 0


def test_check_says_a_project_is_whole_and_names_a_damaged_text(seeded, capfd):
    from sqlalchemy import text

    from tests.cli.run import in_process
    from workbench.project import Project

    directory, url = seeded
    whole = in_process(capfd, "--project", directory, "check", "--json")
    assert whole.code == 0 and whole.json() == {"whole": True, "problems": []}
    with Project.open(directory, db=url) as project, project.db.engine.begin() as conn:
        conn.execute(text("UPDATE documents SET text = text || 'x' WHERE id = (SELECT min(id) FROM documents)"))
    damaged = in_process(capfd, "--project", directory, "check")
    assert damaged.code == 2
    assert "no longer matches its checksum" in damaged.stderr and damaged.stderr.count("\n") == 1


def test_five_coders_at_once_store_every_coding_exactly_once(seeded):
    directory, url = seeded
    per_coder = 200 if url else 40  # SQLite serialises its writers: a shorter run shows the same
    figures = concurrent_coders(directory, url, coders=5, per_coder=per_coder)
    assert figures.per_coder_stored == {f"coder{n}": per_coder for n in range(5)}
    assert figures.stored == figures.distinct == figures.reported == 5 * per_coder
    assert figures.events == 5 * per_coder
