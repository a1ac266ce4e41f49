"""The layering rule: only tui/ imports Textual, and the light commands never import spaCy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "workbench"


def _modules() -> list[str]:
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(relative.parts)
        if "tui" in parts or "migrations" in parts or parts[-1] == "__main__":
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(parts))
    return names


def test_no_module_outside_tui_imports_textual():
    script = (
        "import importlib, sys\n"
        f"for name in {_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "    assert 'textual' not in sys.modules, name\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


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


def test_sqlalchemy_stays_in_store_and_services():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).parts
        if relative[0] in ("store", "services"):
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("import sqlalchemy", "from sqlalchemy")):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []
