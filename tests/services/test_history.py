"""Undo and redo replay the row images of the events table, per coder, in stack order."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from workbench.domain.errors import Conflict, NotFound
from workbench.project import Project
from workbench.store.schema import Code, Event


def _add_code(project: Project, name: str) -> int:
    with project.ctx.change("code.create", summary=f"Created code {name}") as unit:
        code = Code(guid=str(uuid.uuid4()), name=name, colour="#336699")
        unit.session.add(code)
        unit.session.flush()
        unit.describe(target=f"code:{code.id}")
        return code.id


def _rename(project: Project, code_id: int, name: str) -> None:
    with project.ctx.change("code.rename", target=f"code:{code_id}", summary=f"Renamed code to {name}") as unit:
        unit.session.get(Code, code_id).name = name


def _delete(project: Project, code_id: int) -> None:
    with project.ctx.change("code.delete", target=f"code:{code_id}", summary="Deleted code") as unit:
        unit.session.delete(unit.session.get(Code, code_id))


def _names(project: Project) -> list[str]:
    with project.ctx.read() as s:
        return sorted(s.scalars(select(Code.name).where(Code.name.like("Test%"))))


def test_undo_and_redo_walk_the_stack(project):
    code_id = _add_code(project, "TestVertrouwen")
    _rename(project, code_id, "TestVertrouwen in personen")
    _delete(project, code_id)
    assert _names(project) == []

    assert project.history.undo().summary == "Deleted code"
    assert _names(project) == ["TestVertrouwen in personen"]
    assert project.history.undo().summary == "Renamed code to TestVertrouwen in personen"
    assert _names(project) == ["TestVertrouwen"]

    assert project.history.redo().summary == "Renamed code to TestVertrouwen in personen"
    assert _names(project) == ["TestVertrouwen in personen"]
    assert project.history.redo().summary == "Deleted code"
    assert _names(project) == []
    with pytest.raises(NotFound):
        project.history.redo()

    project.history.undo()
    project.history.undo()
    project.history.undo()
    assert _names(project) == []
    with pytest.raises(NotFound):
        project.history.undo()


def test_a_new_change_clears_the_redo_stack(project):
    code_id = _add_code(project, "TestFinanciering")
    _rename(project, code_id, "TestSubsidie")
    project.history.undo()
    _add_code(project, "TestRollen")
    with pytest.raises(NotFound):
        project.history.redo()
    assert _names(project) == ["TestFinanciering", "TestRollen"]


def test_undo_is_per_coder(project):
    _add_code(project, "TestAnna")
    with Project.open(project.directory, db=None if project.db.is_sqlite else project.url, coder="bram") as bram:
        _add_code(bram, "TestBram")
        assert bram.history.undo().summary == "Created code TestBram"
    assert _names(project) == ["TestAnna"]
    assert project.history.undo().summary == "Created code TestAnna"
    assert _names(project) == []


def test_undo_refuses_to_overwrite_a_colleagues_later_change(project):
    code_id = _add_code(project, "TestPlek")
    _rename(project, code_id, "TestFysieke plek")
    with Project.open(project.directory, db=None if project.db.is_sqlite else project.url, coder="bram") as bram:
        _rename(bram, code_id, "TestDe plek")
    with pytest.raises(Conflict):
        project.history.undo()
    assert _names(project) == ["TestDe plek"]


def test_every_change_is_one_event_with_before_and_after(project):
    code_id = _add_code(project, "TestBorging")
    _rename(project, code_id, "TestBorging en continuïteit")
    with project.ctx.read() as s:
        event = s.scalars(select(Event).order_by(Event.id.desc()).limit(1)).one()
    assert event.kind == "code.rename"
    assert event.target == f"code:{code_id}"
    (change,) = event.payload["changes"]
    assert change["before"] == {"name": "TestBorging"}
    assert change["after"] == {"name": "TestBorging en continuïteit"}
    recent = project.history.recent(2)
    assert [e.kind for e in recent] == ["code.rename", "code.create"]
    assert recent[0].coder == "anna"


def test_a_failing_unit_changes_nothing(project):
    with pytest.raises(RuntimeError):
        with project.ctx.change("code.create") as unit:
            unit.session.add(Code(guid=str(uuid.uuid4()), name="TestHalf", colour="#000000"))
            unit.session.flush()
            raise RuntimeError("boom")
    assert _names(project) == []


def _add_codes(project: Project, names: list[str]) -> list[int]:
    with project.ctx.change("code.create", summary=f"Created {len(names)} codes") as unit:
        codes = [Code(guid=str(uuid.uuid4()), name=name, colour="#336699") for name in names]
        unit.session.add_all(codes)
        unit.session.flush()
        return [code.id for code in codes]


def test_many_rows_undo_and_redo_as_one_batch(project):
    names = [f"TestCode {n:04d}" for n in range(1200)]  # more than one batch of ids
    _add_codes(project, names)
    assert len(_names(project)) == 1200
    project.history.undo()
    assert _names(project) == []
    project.history.redo()
    assert _names(project) == names


def test_a_batch_refuses_when_one_of_its_rows_was_changed_by_a_colleague(project):
    ids = _add_codes(project, [f"TestCode {n:04d}" for n in range(700)])
    with Project.open(project.directory, db=None if project.db.is_sqlite else project.url, coder="bram") as bram:
        _rename(bram, ids[650], "TestCode van Bram")
    with pytest.raises(Conflict):
        project.history.undo()
    names = _names(project)
    assert len(names) == 700 and "TestCode van Bram" in names  # nothing undone, nothing lost


def test_the_latest_event_of_the_colleagues(project):
    _add_code(project, "TestAnna")
    assert project.history.latest_id(others=True) is None
    with Project.open(project.directory, db=None if project.db.is_sqlite else project.url, coder="bram") as bram:
        _add_code(bram, "TestBram")
        bram_event = bram.history.latest_id()
    _add_code(project, "TestAnna 2")
    assert project.history.latest_id(others=True) == bram_event < project.history.latest_id()


def test_undo_reaches_past_any_number_of_events_it_cannot_undo(project):
    code_id = _add_code(project, "TestOud")
    with project.ctx.db.transaction() as s:
        coder_id = project.ctx.coder_id()
        s.add_all(Event(coder_id=coder_id, kind="document.import", target="document:1",
                        payload={"summary": "Imported", "undoable": False}) for _ in range(450))
    undone = project.history.undo()
    assert undone.target == f"code:{code_id}"
    assert _names(project) == []


def test_an_exhausted_history_says_so(project):
    with Project.open(project.url, coder="nieuw") as newcomer:
        with pytest.raises(NotFound, match="nothing of nieuw's to undo: they have not changed anything yet"):
            newcomer.history.undo()
        with newcomer.ctx.change("code.create", summary="Created code TestEen") as unit:
            unit.session.add(Code(guid=str(uuid.uuid4()), name="TestEen", colour="#336699"))
        newcomer.history.undo()
        with pytest.raises(NotFound, match="all 1 of their changes are undone already or cannot be undone"):
            newcomer.history.undo()


def test_a_replay_hook_runs_after_undo_and_redo_of_its_kind_only(project):
    seen = []
    project.history.on_replay("code.create", lambda event: seen.append((event.kind, event.summary)))
    code_id = _add_code(project, "TestHaak")
    _rename(project, code_id, "TestHaak2")
    project.history.undo()
    assert seen == []
    project.history.undo()
    project.history.redo()
    assert seen == [("code.create", "Created code TestHaak"), ("code.create", "Created code TestHaak")]


def test_bulk_inserts_recorded_through_the_store_undo_like_any_other(project):
    from sqlalchemy import insert

    from workbench.store.changes import record_inserts

    table = Code.__table__
    rows = [{"guid": str(uuid.uuid4()), "name": f"TestBulk{i}", "colour": "#112233", "position": i} for i in range(3)]
    with project.ctx.change("code.bulk", summary="Three codes at once") as unit:
        ids = [row.id for row in unit.session.execute(insert(table).returning(table.c.id), rows)]
        written = [dict(r._mapping) for r in unit.session.execute(select(table).where(table.c.id.in_(ids)))]
        record_inserts(unit.session, table, written)
    assert _names(project) == ["TestBulk0", "TestBulk1", "TestBulk2"]
    project.history.undo()
    assert _names(project) == []
    project.history.redo()
    assert _names(project) == ["TestBulk0", "TestBulk1", "TestBulk2"]
