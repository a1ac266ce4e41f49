"""The actor register and the phases of the project year."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select

from workbench.domain import monitoring_values as values
from workbench.domain.errors import Conflict, InvalidInput, NotFound
from workbench.domain.monitoring import Actor, Phase
from workbench.services import monitoring_lookup as find
from workbench.services.context import ServiceContext
from workbench.services.monitoring_views import actors_by_id, phase_view
from workbench.store.schema import Actor as ActorRow, LogEntryActor, Phase as PhaseRow

_ACTOR_FIELDS = ("name", "kind", "organisation_type", "role", "pseudonym", "organisation")


class ActorService:
    """Who takes part: people and organisations, with their type, role and pseudonym."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def list(self) -> list[Actor]:
        """The register, sorted by name."""
        with self.ctx.read() as s:
            return sorted(actors_by_id(s).values(), key=lambda a: a.name.casefold())

    def get(self, ref: object) -> Actor:
        with self.ctx.read() as s:
            return actors_by_id(s)[find.actor(s, ref).id]

    def _apply(self, s, row: ActorRow, fields: dict[str, Any]) -> None:
        for key, value in fields.items():
            if key not in _ACTOR_FIELDS:
                raise InvalidInput(f"An actor has no field '{key}'; the fields are: {', '.join(_ACTOR_FIELDS)}.")
            if key == "name":
                name = " ".join(str(value or "").split())
                if not name:
                    raise InvalidInput("The actor's name is missing; give the person's or organisation's name.")
                clash = s.scalar(select(ActorRow.id).where(func.lower(ActorRow.name) == name.casefold(), ActorRow.id != row.id))
                if clash is not None:
                    raise Conflict(f"The actor '{name}' is already in the register; change that one instead.")
                row.name = name
            elif key == "kind":
                row.kind = values.actor_kind(value)
            elif key == "organisation":
                if value in (None, ""):
                    row.organisation_id = None
                    continue
                organisation = find.actor(s, value)
                if organisation.kind != "organisation" or organisation.id == row.id:
                    raise InvalidInput(f"'{organisation.name}' is not an organisation, so nobody can belong to it.")
                row.organisation_id = organisation.id
            else:
                setattr(row, key, str(value or "").strip())

    def add(self, name: str, *, kind: str = "person", organisation_type: str = "", role: str = "",
            pseudonym: str = "", organisation: str | None = None) -> Actor:
        """Add a person or organisation to the register."""
        with self.ctx.change("actor.add", summary=f"Added actor {name}") as unit:
            row = ActorRow(name="", kind="person")
            self._apply(unit.session, row, {"name": name, "kind": kind, "organisation_type": organisation_type,
                                            "role": role, "pseudonym": pseudonym, "organisation": organisation})
            unit.session.add(row)
            unit.session.flush()
            unit.describe(target=f"actor:{row.id}", summary=f"Added actor {row.name}")
            actor_id = row.id
        return self.get(actor_id)

    def update(self, ref: object, **fields: Any) -> Actor:
        """Change an actor's name, kind, organisation type, role, pseudonym or organisation."""
        with self.ctx.change("actor.update") as unit:
            row = find.actor(unit.session, ref)
            self._apply(unit.session, row, fields)
            unit.describe(target=f"actor:{row.id}", summary=f"Changed actor {row.name}")
            actor_id = row.id
        return self.get(actor_id)

    def remove(self, ref: object) -> None:
        """Remove an actor who is present at no entry."""
        with self.ctx.change("actor.remove") as unit:
            row = find.actor(unit.session, ref)
            used = unit.session.scalar(select(func.count()).where(LogEntryActor.actor_id == row.id))
            if used:
                raise Conflict(f"'{row.name}' is present at {used} log entries; take them off those entries first.")
            for member in unit.session.scalars(select(ActorRow).where(ActorRow.organisation_id == row.id)):
                member.organisation_id = None
            unit.describe(target=f"actor:{row.id}", summary=f"Removed actor {row.name}")
            unit.session.delete(row)


def _period(start: object, end: object) -> tuple[dt.date, dt.date | None]:
    first = values.parse_date(start, "The phase's start date")
    last = values.optional_date(end, "The phase's end date")
    if last is not None and last < first:
        raise InvalidInput(f"The phase ends ({last.isoformat()}) before it starts ({first.isoformat()}); check the dates.")
    return first, last


class PhaseService:
    """Phases of the project year on their tracks (the pilot, the province track, phase 2)."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def list(self) -> list[Phase]:
        """Every phase, in order of start."""
        with self.ctx.read() as s:
            rows = s.scalars(select(PhaseRow)).all()
            return sorted((phase_view(r) for r in rows), key=lambda p: (p.start, p.track, p.name))

    def get(self, phase_id: int) -> Phase:
        with self.ctx.read() as s:
            row = s.get(PhaseRow, int(phase_id))
            if row is None:
                raise NotFound(f"There is no phase {phase_id}; `workbench log phase list` shows the phases.")
            return phase_view(row)

    def add(self, name: str, start: object, end: object = None, *, track: str = "", description: str = "") -> Phase:
        """Add a phase; its end may be open."""
        name = " ".join((name or "").split())
        if not name:
            raise InvalidInput("The phase's name is missing; name it, for example 'Fase 2: trainingen'.")
        first, last = _period(start, end)
        with self.ctx.change("phase.add") as unit:
            row = PhaseRow(name=name, start=first, end=last, track=track.strip(), description=description.strip())
            unit.session.add(row)
            unit.session.flush()
            unit.describe(target=f"phase:{row.id}", summary=f"Added phase {name}")
            return phase_view(row)

    def update(self, phase_id: int, **fields: Any) -> Phase:
        """Change a phase's name, start, end, track or description."""
        with self.ctx.change("phase.update") as unit:
            row = unit.session.get(PhaseRow, int(phase_id))
            if row is None:
                raise NotFound(f"There is no phase {phase_id}; `workbench log phase list` shows the phases.")
            unknown = set(fields) - {"name", "start", "end", "track", "description"}
            if unknown:
                raise InvalidInput(f"A phase has no field '{sorted(unknown)[0]}'; the fields are name, start, end, track, description.")
            start, end = _period(fields.get("start", row.start), fields.get("end", row.end))
            row.start, row.end = start, end
            for key in ("name", "track", "description"):
                if key in fields:
                    setattr(row, key, str(fields[key] or "").strip())
            unit.describe(target=f"phase:{row.id}", summary=f"Changed phase {row.name}")
            return phase_view(row)

    def remove(self, phase_id: int) -> None:
        with self.ctx.change("phase.remove") as unit:
            row = unit.session.get(PhaseRow, int(phase_id))
            if row is None:
                raise NotFound(f"There is no phase {phase_id}; `workbench log phase list` shows the phases.")
            unit.describe(target=f"phase:{row.id}", summary=f"Removed phase {row.name}")
            unit.session.delete(row)
