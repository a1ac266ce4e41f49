"""Erasure that really erases: the document leaves the tables, the event history and the database file's bytes;
backups are listed; the project's private folder stays private whatever the umask."""

from __future__ import annotations

import os
import stat

import pytest
from sqlalchemy import select

from workbench.domain.errors import NotFound
from workbench.project import Project
from workbench.store.schema import AttributeValue, Coding, Document, Event, Memo, Sentence, Turn

UNIQUE = "De kastanjeboom achter het paviljoen van Ymke Oosterhuis heeft zevenentwintig vogelhuisjes."
WITHDRAWN = f"""Interviewer: Vertelt u eens over de tuin.
Ymke Oosterhuis: {UNIQUE} Daar ben ik trots op.
Interviewer: En de buren?
Ymke Oosterhuis: Die helpen mee met snoeien in het najaar.
"""
STAYS = """Interviewer: Hoe gaat het met de huurinkomsten?
Respondent: Die zijn onze enige vaste bron van inkomsten.
"""


def _fill(project, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "teruggetrokken.txt").write_text(WITHDRAWN, encoding="utf-8")
    (tmp_path / "in" / "blijft.txt").write_text(STAYS, encoding="utf-8")
    results = project.documents.import_paths(sorted((tmp_path / "in").iterdir()), attributes={"wijk": "Lindenholt"})
    assert all(r.status == "imported" for r in results)
    gone = next(d for d in project.documents.list() if d.title == "teruggetrokken")
    sentences = project.documents.show(gone.id).sentences
    coding = project.coding.apply(gone.id, "Vertrouwen", sentences[1].start, sentences[1].end)
    project.memos.add(f"Memo: {UNIQUE[:40]}", coding=coding.id)
    project.document_edits.rename(gone.id, "Interview Ymke Oosterhuis")
    project.document_edits.rename(gone.id, "teruggetrokken")
    return gone


def _everything(project) -> str:
    """Every table row and event payload as text (what a query on the server could still see)."""
    with project.ctx.read() as s:
        parts = [repr(row) for model in (Document, Turn, Sentence, Coding, Memo, AttributeValue)
                 for row in s.execute(select(model.__table__)).all()]
        parts += [repr(event.payload) for event in s.scalars(select(Event))]
    return "\n".join(parts)


def test_erasing_takes_the_document_out_of_the_tables_and_the_history(project, tmp_path):
    gone = _fill(project, tmp_path)
    assert UNIQUE in _everything(project)
    erased = project.erasure.erase("teruggetrokken")
    assert (erased.codings, erased.memos, erased.attribute_values) == (1, 1, 1)
    assert erased.events_removed >= 3 and erased.compacted
    everything = _everything(project)
    for trace in (UNIQUE, "Ymke", "Oosterhuis", "zevenentwintig", "teruggetrokken"):
        assert trace not in everything, trace
    assert [d.title for d in project.documents.list()] == ["blijft"]
    with pytest.raises(NotFound):
        project.documents.show(gone.id)
    # The history says that a document was erased, and nothing of it can be undone back.
    assert project.history.recent(1)[0].summary == f"Erased document {gone.id} for good"
    assert "huurinkomsten" in everything and "Lindenholt" in everything


def test_no_copy_is_left_in_the_database_file(sqlite_project, tmp_path):
    _fill(sqlite_project, tmp_path)
    folder = sqlite_project.directory / ".workbench"
    sqlite_project.erasure.erase("teruggetrokken")
    needles = [UNIQUE.encode("utf-8"), UNIQUE.encode("utf-16-le"), b"vogelhuisjes", b"Oosterhuis"]
    # While the project is open (the write-ahead log included) and after it is closed.
    for _moment in ("open", "closed"):
        for path in folder.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                assert not any(needle in data for needle in needles), path.name
        sqlite_project.close()


def test_backups_made_before_upgrades_are_listed(sqlite_project, tmp_path):
    _fill(sqlite_project, tmp_path)
    backups = sqlite_project.directory / ".workbench" / "backups"
    backups.mkdir()
    (backups / "project-20240101-rev0001.db").write_bytes(b"SQLite format 3\x00")
    erased = sqlite_project.erasure.erase("teruggetrokken")
    assert erased.backups == (str(backups / "project-20240101-rev0001.db"),)


def test_the_private_folder_is_private_whatever_the_umask(tmp_path):
    previous = os.umask(0)
    try:
        project = Project.init(tmp_path / "p", name="Open", coder="anna")
        project.close()
        state = tmp_path / "p" / ".workbench"
        (state / "backups").mkdir()
        (state / "backups" / "oud.db").write_bytes(b"x")
        os.chmod(state, 0o777)
        Project.open(tmp_path / "p").close()
    finally:
        os.umask(previous)
    assert stat.S_IMODE(state.stat().st_mode) == 0o700
    for path in [state, *state.rglob("*")]:
        expected = 0o700 if path.is_dir() else 0o600
        assert stat.S_IMODE(path.stat().st_mode) == expected, path.name
    assert (state / "config.json").exists()
