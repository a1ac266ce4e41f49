"""Replace a file in one step, so a failed write never leaves half a file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from workbench.domain.errors import InvalidInput


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file beside it, keeping an existing file's mode."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise InvalidInput(f"{path} cannot be written ({exc.strerror}); choose another place.") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise InvalidInput(f"{path} cannot be written ({exc.strerror}); check its permissions.") from None
