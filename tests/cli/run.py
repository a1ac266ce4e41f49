"""Run the `workbench` command line inside the test process, as its entry point would, or in a fresh one."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    def json(self):
        return json.loads(self.stdout)


@contextlib.contextmanager
def _environment(env: dict[str, str], cwd: Path | None) -> Iterator[None]:
    """Set variables and the working folder for one command and put them back after it."""
    saved_env = dict(os.environ)
    saved_cwd = os.getcwd()
    os.environ.pop("WORKBENCH_DB", None)
    os.environ.update(env)
    if cwd is not None:
        os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)


def workbench(*args: str | Path, cwd: Path | None = None, env: dict | None = None, stdin: str | None = None) -> Result:
    """`workbench ARGS` through the same error contract as the console script; returns exit code and output."""
    from workbench.cli import app
    from workbench.cli.errors import run

    out, err = io.StringIO(), io.StringIO()
    saved_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin or "")
    try:
        with _environment(env or {}, cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = run(app, [str(arg) for arg in args])
    finally:
        sys.stdin = saved_stdin
    return Result(code, out.getvalue(), err.getvalue())


def workbench_process(*args: str | Path, cwd: Path | None = None, env: dict | None = None,
                      stdin: str | None = None) -> Result:
    """`python -m workbench ARGS` in a fresh interpreter, for the few checks of the real entry point."""
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
