"""Read a codebook file of either kind: YAML, or REFI-QDA (`.qdc`, `.qde`, `.qdpx`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workbench.domain.codebook import Codebook
from workbench.domain.errors import ImportFailed

YAML_SUFFIXES = (".yaml", ".yml")
REFI_SUFFIXES = (".qdc", ".qde", ".qdpx", ".xml")


@dataclass(frozen=True)
class ReadCodebook:
    """A codebook read from a file, which kind of file it was, and what was adjusted on the way."""

    codebook: Codebook
    kind: str
    notes: tuple[str, ...] = ()


def _kind(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in YAML_SUFFIXES:
        return "yaml"
    if suffix in REFI_SUFFIXES:
        return "qdc"
    try:
        with path.open("rb") as handle:
            head = handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return "yaml"  # the reader reports the problem with the file
    return "qdc" if head.startswith((b"<", b"PK\x03\x04", b"\xff\xfe", b"\xfe\xff")) else "yaml"


def read_codebook_file(path: Path) -> ReadCodebook:
    """Read a codebook from a YAML or REFI-QDA file, chosen by suffix or, failing that, by content."""
    if not path.exists():
        raise ImportFailed(f"{path} does not exist; check the path.")
    if _kind(path) == "yaml":
        from workbench.importers.codebook_yaml import read_codebook_yaml

        loaded = read_codebook_yaml(path)
        notes: tuple[str, ...] = ()
        if loaded.assigned_guids:
            notes = (f"Codes without a guid, given a new one: "
                     f"{len(loaded.assigned_guids)}.",)
        return ReadCodebook(loaded.codebook, "yaml", notes)
    from workbench.importers.qdc import read_qdc

    imported = read_qdc(path)
    return ReadCodebook(imported.codebook, "qdc", imported.notes)
