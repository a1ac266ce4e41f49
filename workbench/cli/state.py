"""What the global options say, and the project they open, shared by every command."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass, field, is_dataclass
from pathlib import Path
from typing import Any

import typer


@dataclass
class CliState:
    """The global options: which project, which database, who is coding."""

    project_dir: str | Path | None = None
    db: str | None = None
    coder: str | None = None
    debug: bool = False
    _project: Any = field(default=None, repr=False)

    def project(self):
        """The opened project (opened once per command)."""
        if self._project is None:
            from workbench.project import Project

            self._project = Project.open(self.project_dir, db=self.db, coder=self.coder)
        return self._project

    def close(self) -> None:
        """Close the project's connections when the command ends."""
        if self._project is not None:
            self._project.close()
            self._project = None


def state(ctx: typer.Context) -> CliState:
    """The CliState of the running command."""
    root = ctx.find_root()
    if not isinstance(root.obj, CliState):
        root.obj = CliState()
    return root.obj


def _plain(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


def print_json(data: Any) -> None:
    """Print one JSON document on stdout and nothing else (dataclasses and dates are converted)."""
    if is_dataclass(data) and not isinstance(data, type):
        data = asdict(data)
    elif isinstance(data, list):
        data = [asdict(item) if is_dataclass(item) and not isinstance(item, type) else item for item in data]
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=_plain) + "\n")
