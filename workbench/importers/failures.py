"""The one-sentence messages an import gives for a file it cannot read."""

from __future__ import annotations

from pathlib import Path

from workbench.domain.errors import ImportFailed


def import_failed(path: Path, problem: str, advice: str = "") -> ImportFailed:
    """Build the error for `path`: `<file> <problem>; <advice>.` as one sentence."""
    sentence = f"{path} {problem}"
    if advice:
        sentence += f"; {advice}"
    return ImportFailed(sentence.rstrip(".") + ".")
