"""The layering rules: the import contracts hold, and the light commands never import spaCy or Textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "workbench"


def _tool(name: str) -> str:
    """A command installed beside this interpreter (the test extra installs the checkers)."""
    return str(Path(sys.executable).with_name(name))


def test_import_contracts_hold():
    """Layers, front ends without the store, and Textual, spaCy and SQLAlchemy each in their own place; the
    contracts (pyproject.toml) follow imports inside functions too."""
    result = subprocess.run([_tool("lint-imports")], capture_output=True, text=True, timeout=300,
                            cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stdout[-4000:]
    assert "0 broken" in result.stdout


@pytest.mark.parametrize("argv", [["--help"], ["status"]])
def test_light_commands_do_not_import_spacy_or_textual(tmp_path, argv):
    from workbench.project import Project

    Project.init(tmp_path / "p", seed=True).close()
    script = (
        "import sys\n"
        "from workbench.cli import app\n"
        "from workbench.cli.errors import run\n"
        f"code = run(app, ['--project', {str(tmp_path / 'p')!r}] + {argv!r})\n"
        "assert code == 0, code\n"
        "assert 'spacy' not in sys.modules\n"
        "assert 'textual' not in sys.modules\n"
        "sys.stderr.write('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stderr.endswith("ok")
