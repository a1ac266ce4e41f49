"""The manifest every export carries: what was exported, from which codebook, with which filters, and a
hash of the content so that two exports of the same state can be recognised as the same."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from workbench import __version__

MANIFEST_SUFFIX = ".manifest.json"
INSIDE_NAME = "manifest.json"


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


class ContentHash:
    """A SHA-256 fed with the exported content piece by piece (rows, paragraphs, files), never with times."""

    def __init__(self) -> None:
        self._hash = hashlib.sha256()

    def row(self, values: Any) -> None:
        """Add one row of values (or any JSON-like value)."""
        if isinstance(values, list):
            text = "\x1f".join(map(str, values))
        else:
            text = json.dumps(values, ensure_ascii=False, default=_plain, separators=(",", ":"))
        self._hash.update(text.encode("utf-8", "surrogatepass"))
        self._hash.update(b"\x1e")

    def data(self, name: str, payload: bytes) -> None:
        """Add one named file's bytes."""
        self._hash.update(name.encode("utf-8") + b"\0" + len(payload).to_bytes(8, "big"))
        self._hash.update(payload)

    def hexdigest(self) -> str:
        return self._hash.hexdigest()


@dataclass(frozen=True)
class Manifest:
    """What an export holds; `content_sha256` is equal for two exports of the same project state."""

    kind: str
    output: str
    project: str
    codebook_version: str
    content_sha256: str
    filters: dict[str, Any] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    pseudonymised: bool = False
    created_at: str = ""
    tool: str = f"workbench {__version__}"

    def to_json(self) -> bytes:
        """The manifest as pretty JSON bytes (UTF-8, keys in a fixed order)."""
        return (json.dumps(asdict(self), ensure_ascii=False, indent=2, default=_plain) + "\n").encode("utf-8")


def make_manifest(kind: str, output: Path, project: str, codebook_version: str, content: ContentHash | str,
                  filters: dict[str, Any] | None = None, counts: dict[str, int] | None = None,
                  pseudonymised: bool = False, now: dt.datetime | None = None) -> Manifest:
    """A manifest stamped with the current time."""
    moment = (now or dt.datetime.now(dt.timezone.utc)).replace(microsecond=0)
    digest = content if isinstance(content, str) else content.hexdigest()
    cleaned = {key: value for key, value in (filters or {}).items() if value not in (None, (), [], "", {})}
    return Manifest(kind=kind, output=Path(output).name, project=project, codebook_version=codebook_version,
                    content_sha256=digest, filters=cleaned, counts=dict(counts or {}),
                    pseudonymised=pseudonymised, created_at=moment.isoformat())


def manifest_path(output: Path) -> Path:
    """Where the manifest of an export file goes: beside it, named after it."""
    output = Path(output)
    return output.with_name(output.name + MANIFEST_SUFFIX)


def read_manifest(path: Path) -> dict[str, Any]:
    """A manifest read back (for checks and tests)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))
