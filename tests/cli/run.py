"""Run the real `workbench` entry point in a fresh interpreter, as a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    def json(self):
        return json.loads(self.stdout)


def workbench(*args: str | Path, cwd: Path | None = None, env: dict | None = None, stdin: str | None = None) -> Result:
    """`python -m workbench ARGS`; returns exit code and output."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("WORKBENCH_DB", None)
    proc = subprocess.run(
        [sys.executable, "-m", "workbench", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, env=full_env, input=stdin, timeout=300,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def in_process(capfd, *args: str | Path, env: dict | None = None) -> Result:
    """The CLI run in this interpreter (fast), with exit code, stdout and stderr as the entry point gives them."""
    import pytest

    from workbench.cli import app
    from workbench.cli.errors import run as run_cli

    capfd.readouterr()
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("WORKBENCH_DB", raising=False)
        for key, value in (env or {}).items():
            patch.setenv(key, value)
        code = run_cli(app, [str(arg) for arg in args])
    out = capfd.readouterr()
    return Result(code, out.out, out.err)
