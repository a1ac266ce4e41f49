"""What the global options say, and the project they open, shared by every command."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass, field, is_dataclass
from pathlib import Path
from typing import Any

import typer

from workbench.domain.plain_values import plain


@dataclass
class CliState:
    """The global options: which project, which database, who is coding."""

    project_dir: str | Path | None = None
    db: str | None = None
    coder: str | None = None
    debug: bool = False
    wait: float | None = None
    _project: Any = field(default=None, repr=False)

    def waiting(self):
        """How long to wait for a colleague's lock (--wait, WORKBENCH_LOCK_TIMEOUT, 30 s), telling stderr after
        a second so a waiting command never looks hung."""
        from workbench.project import lock_waiting

        return lock_waiting(self.wait, _tell_stderr)

    def project(self):
        """The opened project (opened once per command)."""
        if self._project is None:
            from workbench.project import Project

            self._project = Project.open(self.project_dir, db=self.db, coder=self.coder, waiting=self.waiting())
        return self._project

    def close(self) -> None:
        """Close the project's connections when the command ends."""
        if self._project is not None:
            self._project.close()
            self._project = None


def _tell_stderr(line: str) -> None:
    """A note for the user on stderr, at once (stdout stays one JSON document)."""
    sys.stderr.write(f"workbench: {line}\n")
    sys.stderr.flush()


def state(ctx: typer.Context) -> CliState:
    """The CliState of the running command."""
    root = ctx.find_root()
    if not isinstance(root.obj, CliState):
        root.obj = CliState()
    return root.obj


def print_json(data: Any) -> None:
    """Print one JSON document on stdout and nothing else (dataclasses and dates are converted)."""
    if is_dataclass(data) and not isinstance(data, type):
        data = asdict(data)
    elif isinstance(data, list):
        data = [asdict(item) if is_dataclass(item) and not isinstance(item, type) else item for item in data]
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=plain) + "\n")
