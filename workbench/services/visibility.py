"""Blind coding: while the project setting `blind_coding` is on, a coder sees only their own codings.

Every service that shows codings (retrieval, queries, matrices, exports, the coding screen's codings) asks
this module which coders' codings the current coder may see. Running inter-coder agreement ends the blind
phase: the setting is switched off and an event records it; switch it on again for the next round.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from workbench.domain.errors import InvalidInput
from workbench.domain.filters import Selection
from workbench.services.context import ServiceContext
from workbench.store.base import utcnow
from workbench.store.schema import Coder, Coding, ProjectSettings

BLIND_SETTING = "blind_coding"
ENDED_SETTING = "blind_coding_ended_at"


def _settings(ctx: ServiceContext, session: Session | None) -> dict[str, Any]:
    if session is None:
        return ctx.settings()
    row = session.scalar(select(ProjectSettings).limit(1))
    return dict(row.settings or {}) if row else {}


def blind_coding(ctx: ServiceContext, session: Session | None = None) -> bool:
    """Whether blind coding is on for the project."""
    return bool(_settings(ctx, session).get(BLIND_SETTING))


def visible_coder_ids(ctx: ServiceContext, session: Session | None = None) -> frozenset[int] | None:
    """The coders whose codings the current coder may see: only their own under blind coding, else None (all)."""
    if not blind_coding(ctx, session):
        return None
    if session is None:
        return frozenset({ctx.coder_id()})
    # Read inside the caller's session; a coder not registered yet has no codings to see.
    own = session.scalar(select(Coder.id).where(Coder.name == ctx.coder))
    return frozenset() if own is None else frozenset({own})


def coding_conditions(ctx: ServiceContext, session: Session | None = None, table=Coding.__table__) -> list[ColumnElement[bool]]:
    """WHERE conditions to add to any query on codings: none normally, `coder_id = me` under blind coding."""
    visible = visible_coder_ids(ctx, session)
    return [] if visible is None else [table.c.coder_id.in_(sorted(visible))]


def visible_selection(ctx: ServiceContext, selection: Selection, session: Session | None = None) -> Selection:
    """The selection limited to the current coder under blind coding (unchanged otherwise).

    Asking for another coder's codings while blind coding is on is refused with a clear message.
    """
    if not blind_coding(ctx, session):
        return selection
    others = [name for name in selection.coders if name.casefold() != ctx.coder.casefold()]
    if others:
        raise InvalidInput(
            f"Blind coding is on, so you see only your own codings ({ctx.coder}) until agreement is run; "
            f"leave out the coder {others[0]}."
        )
    ctx.coder_id()
    return dataclasses.replace(selection, coders=(ctx.coder,))


def end_blind_coding(ctx: ServiceContext) -> bool:
    """Switch blind coding off because agreement is being run; True when it was on."""
    if not blind_coding(ctx):
        return False
    with ctx.change("agreement.reveal", target="project", summary="Ended blind coding: agreement was run") as unit:
        row = unit.session.scalars(select(ProjectSettings).limit(1)).one()
        row.settings = {**(row.settings or {}), BLIND_SETTING: False, ENDED_SETTING: utcnow().isoformat()}
    return True
