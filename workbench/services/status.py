"""The project's identity, settings and counts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, text

from workbench.domain.status import ProjectStatus
from workbench.services.context import ServiceContext
from workbench.store.database import display_url
from workbench.store.migrate import current_revision
from workbench.store.counts import COUNTS
from workbench.store.schema import ProjectSettings


class StatusService:
    """Reads and sets the project's settings row and reports what the project holds."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def settings_missing(self) -> bool:
        with self.ctx.read() as s:
            return s.scalar(select(func.count()).select_from(ProjectSettings)) == 0

    def create(self, name: str, language: str) -> None:
        """Write the settings row of a new project."""
        with self.ctx.change("project.create", target="project", summary=f"Created project {name}", undoable=False) as unit:
            unit.session.add(ProjectSettings(name=name, default_language=language, settings={}))

    def update_settings(self, **values: Any) -> dict[str, Any]:
        """Change free-form settings (for example `blind_coding=True`); returns them all."""
        return self.change_settings(values, "Changed project settings")

    def change_settings(self, values: dict[str, Any], summary: str) -> dict[str, Any]:
        """Change free-form settings as one undoable step that `summary` describes; returns them all."""
        with self.ctx.change("project.settings", target="project", summary=summary) as unit:
            row = unit.session.scalars(select(ProjectSettings).limit(1)).one()
            row.settings = {**row.settings, **values}
            return dict(row.settings)

    def blind_coding(self) -> bool:
        """Whether blind coding is on: each coder then sees only their own codings."""
        from workbench.services.visibility import blind_coding

        return blind_coding(self.ctx)

    def summary(self) -> ProjectStatus:
        """Counts of what the project holds, its schema revision and its database."""
        with self.ctx.read() as s:
            row = s.scalar(select(ProjectSettings).limit(1))
            counts = {key: s.execute(text(sql)).scalar() or 0 for key, sql in COUNTS.items()}
        return ProjectStatus(
            name=row.name if row else "",
            language=row.default_language if row else "nl",
            created=row.created_at if row else None,
            schema_revision=current_revision(self.ctx.db),
            database=display_url(self.ctx.db.url),
            **counts,
        )
