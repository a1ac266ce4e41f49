"""Whether the project's database is whole (after a crash, a power cut or a restored backup)."""

from __future__ import annotations

from workbench.services.context import ServiceContext
from workbench.store.integrity import integrity_problems


def check_project(ctx: ServiceContext) -> list[str]:
    """What is wrong with the project's database, one sentence fragment each; empty when it is whole."""
    with ctx.read() as s:
        return integrity_problems(s)
