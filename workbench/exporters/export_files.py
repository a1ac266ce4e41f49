"""Writing export files whole or not at all, and saying in one sentence why a place cannot be written."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from workbench.domain.errors import InvalidInput


def check_writable(path: Path, example: str = "export.xlsx") -> Path:
    """The path made absolute, or InvalidInput when no file can be written there (checked before any work)."""
    path = Path(path).expanduser().absolute()
    if path.is_dir():
        raise InvalidInput(f"{path} is a folder; give a file name for the export, for example {path / example}.")
    folder = path.parent
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    if not probe.is_dir():
        raise InvalidInput(f"Cannot write {path}: {probe} is a file, not a folder; choose another place.")
    if not os.access(probe, os.W_OK | os.X_OK):
        raise InvalidInput(f"Cannot write {path}: the folder {probe} is read-only for you; choose another place.")
    if path.exists() and not os.access(path, os.W_OK):
        raise InvalidInput(f"Cannot write {path}: the file is read-only; choose another name or make it writable.")
    return path


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside `path` that replaces it only when the block finishes without error."""
    path = check_writable(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise InvalidInput(f"Cannot write {path}: the folder {path.parent} does not accept new files "
                           f"({(exc.strerror or str(exc)).lower()}); choose another folder.") from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, path)
    except PermissionError:
        raise InvalidInput(f"Cannot write {path}: it is open in another program or the folder is read-only; "
                           "close it and try again.") from None
    except OSError as exc:
        if isinstance(exc, InvalidInput):
            raise
        raise InvalidInput(f"Cannot write {path} ({exc.strerror or exc}); check the free space and "
                           "try again.") from None
    finally:
        temporary.unlink(missing_ok=True)


def write_bytes(path: Path, data: bytes) -> Path:
    """Write a whole file atomically; returns the absolute path."""
    with replacing(path) as temporary:
        temporary.write_bytes(data)
    return check_writable(path)
