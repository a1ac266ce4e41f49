"""Where the files shipped with workbench are: the default codebook, the sample transcripts and reports."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped(folder: str) -> Path:
    """A top-level folder of the source tree, or its copy bundled inside an installed wheel."""
    for candidate in (_PACKAGE.parent / folder, _PACKAGE / "bundled" / folder):
        if candidate.is_dir():
            return candidate
    return _PACKAGE.parent / folder


def codebooks_dir() -> Path:
    return _shipped("codebooks")


def default_codebook_path() -> Path:
    """The project's default codebook, Samen creëren en floreren."""
    return codebooks_dir() / "samen-creeren-en-floreren.yaml"


def sample_transcripts_dir() -> Path:
    return _shipped("transcripts")


def sample_reports_dir() -> Path:
    """The project's own meeting reports (the kick-off report), which the demo's log is fed with."""
    return sample_transcripts_dir() / "reports"
