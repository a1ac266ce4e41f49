"""The type checker: mypy (configured in pyproject.toml) reports no error outside the terminal UI."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# An error line reads `path:line: error: message  [code]` (with a column too when one is asked for).
ERROR_LINE = re.compile(r"^(?P<path>[^:\s]+\.pyi?):\d+(?::\d+)?: error: ")
UI_PACKAGE = "workbench/tui/"
# The closing line of a finished run, clean or not.
SUMMARY = re.compile(r"^(Success: no issues found in \d+ source files?|Found \d+ errors? in \d+ files? \(checked \d+ source files?\))$",
                     re.MULTILINE)


def _error_lines(output: str) -> list[str]:
    """The error lines of a mypy report, notes and the summary left out."""
    return [line for line in output.splitlines() if ERROR_LINE.match(line)]


def test_error_lines_are_told_from_notes_and_the_summary():
    report = (
        "workbench/services/history.py:94: error: Item \"None\" of \"Event | None\" has no attribute \"kind\"  [union-attr]\n"
        "workbench/tui/app.py:3:5: error: Missing return statement  [return]\n"
        "workbench/services/layouts.py:59: note: \"list\" is invariant\n"
        "Found 2 errors in 2 files (checked 258 source files)\n"
    )
    assert SUMMARY.search(report)
    assert SUMMARY.search("Success: no issues found in 258 source files\n")
    lines = _error_lines(report)
    assert [line.split(":")[0] for line in lines] == ["workbench/services/history.py", "workbench/tui/app.py"]
    assert [line for line in lines if not line.startswith(UI_PACKAGE)] == [lines[0]]


def test_mypy_reports_no_error_outside_the_terminal_ui():
    """Every module outside workbench/tui/ type-checks under the project's mypy configuration."""
    mypy = Path(sys.executable).with_name("mypy")
    result = subprocess.run([str(mypy)], capture_output=True, text=True, timeout=1200, cwd=ROOT, check=False)
    output = result.stdout + result.stderr
    # Exit code 0 is a clean run and 1 a run that found errors; anything else means mypy itself failed.
    assert result.returncode in (0, 1), output[-4000:]
    assert SUMMARY.search(output), output[-4000:]
    outside = [line for line in _error_lines(output) if not line.startswith(UI_PACKAGE)]
    assert not outside, "mypy errors outside workbench/tui/:\n" + "\n".join(outside)
