"""Shared fixtures: a project on a temporary SQLite file and on the PostgreSQL test server."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

POSTGRES_ENV = "WORKBENCH_TEST_POSTGRES_URL"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def shared_path(*parts: str) -> Path:
    """A file of the reference material beside the project; the test is skipped where it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"reference material {path} is not beside the project (it is in CI)")
    return path


@pytest.fixture(autouse=True)
def _no_stray_database(monkeypatch):
    """Tests never pick up a developer's WORKBENCH_DB."""
    monkeypatch.delenv("WORKBENCH_DB", raising=False)


def _postgres_schema_url(base_url: str):
    """Create a fresh schema on the test server; yields a URL whose search_path is that schema."""
    from sqlalchemy import create_engine, text

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in base_url else "?"
    try:
        yield f"{base_url}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A database URL for one test: a SQLite file, or an empty schema on the PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'project.db'}"
        return
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"{POSTGRES_ENV} is not set, so the PostgreSQL variant does not run here (.ci/run sets it)")
    yield from _postgres_schema_url(base)


@pytest.fixture
def project(db_url, tmp_path):
    """A new project in a temporary folder on each database backend, coded by 'anna'."""
    from workbench.project import Project

    directory = tmp_path / "project"
    db = None if db_url.startswith("sqlite") else db_url
    with Project.init(directory, name="Testproject", db=db, coder="anna") as opened:
        yield opened


@pytest.fixture
def sqlite_project(tmp_path):
    """A new project on its own SQLite file, for tests about the file itself."""
    from workbench.project import Project

    with Project.init(tmp_path / "project", name="Testproject", coder="anna") as opened:
        yield opened
