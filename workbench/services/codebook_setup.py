"""Give a new project its codebook: the project's own copy of the default codebook, loaded."""

from __future__ import annotations

import shutil

from workbench.resources import default_codebook_path
from workbench.services.codebook_file import CODEBOOKS_DIR


def load_default_codebook(project) -> None:
    """Copy the default codebook into the project's `codebooks/` folder (if it has one) and load it."""
    source = default_codebook_path()
    if not source.is_file():
        return
    target = source
    if project.directory is not None:
        target = project.directory / CODEBOOKS_DIR / source.name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    # Not undoable: a first `undo` in a new project must not take its codebook away.
    project.codebook.load(target, undoable=False)
