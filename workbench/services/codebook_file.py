"""The project's codebook file, `codebooks/<name>.yaml`: where it is, whether someone edited it by
hand since the workbench last wrote it, and writing the project's tree back into it."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from pathlib import Path

from workbench.domain.codebook import Codebook
from workbench.domain.errors import Conflict, ImportFailed, InvalidInput
from workbench.exporters.atomic_file import write_atomically
from workbench.exporters.codebook_yaml import apply_codebook, dump_document, guess_indent, write_codebook_yaml
from workbench.importers.codebook_yaml import parse_codebook_yaml, parsed_once
from workbench.store.private_files import write_private

CODEBOOKS_DIR = "codebooks"
# Kept outside the database on purpose: undoing a change must not make the file look hand-edited.
RECORD = Path(".workbench") / "codebook-file.json"


def update_codebook_yaml(path: Path, codebook: Codebook) -> str:
    """Apply the codebook to an existing YAML file, keeping its comments and key order.

    The file must still be a valid codebook; the new text is written atomically (only when it
    differs) and returned.
    """
    original = path.read_text(encoding="utf-8-sig")
    known = parsed_once(original, str(path))
    if known.codebook == codebook and not known.assigned_guids:
        return original  # the file already says exactly this
    loaded = parse_codebook_yaml(original, str(path))
    apply_codebook(loaded.document, codebook)
    text = dump_document(loaded.document, guess_indent(original))
    if text != original:
        write_atomically(path, text.encode("utf-8"))
    return text


def slug(title: str) -> str:
    """A file name from a title: `Samen creëren en floreren` -> `samen-creeren-en-floreren`."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") or "codebook"


def _sha(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return None


class CodebookFile:
    """The YAML file a project's codebook is written back to (None when the project has no folder)."""

    def __init__(self, project_dir: Path | None, relative: str | None):
        self.project_dir = project_dir
        self.relative = relative

    @property
    def path(self) -> Path | None:
        if self.project_dir is None or not self.relative:
            return None
        return self.project_dir / self.relative

    def relative_for(self, path: Path) -> str | None:
        """The file's name relative to the project folder, if it lies inside `codebooks/`."""
        if self.project_dir is None:
            return None
        try:
            relative = path.resolve().relative_to((self.project_dir / CODEBOOKS_DIR).resolve())
        except ValueError:
            return None
        return f"{CODEBOOKS_DIR}/{relative.as_posix()}"

    def _records(self) -> dict[str, str]:
        if self.project_dir is None:
            return {}
        try:
            return dict(json.loads((self.project_dir / RECORD).read_text(encoding="utf-8")))
        except (FileNotFoundError, ValueError, OSError):
            return {}

    def remember(self) -> None:
        """Note the file's current content as the workbench's own."""
        path = self.path
        if path is None or self.relative is None or self.project_dir is None:
            return
        records = self._records()
        sha = _sha(path)
        if sha is None or records.get(self.relative) == sha:
            return
        records[self.relative] = sha
        try:
            write_private(self.project_dir / RECORD, json.dumps(records, indent=2) + "\n")
        except OSError:
            pass  # without the record, the next write compares contents instead

    def ensure_not_hand_edited(self, project_tree: Codebook) -> None:
        """Refuse to overwrite hand edits that were never loaded into the project."""
        path = self.path
        if path is None or self.relative is None or not path.exists():
            return
        if self._records().get(self.relative) == _sha(path):
            return
        try:
            on_disk = parse_codebook_yaml(path.read_text(encoding="utf-8-sig"), str(path)).codebook
        except (ImportFailed, OSError, UnicodeDecodeError):
            on_disk = None
        if on_disk == project_tree:
            self.remember()
            return
        raise Conflict(f"{self.relative} was edited outside the workbench since it was last loaded; load "
                       f"it first (`workbench codebook load {self.relative}`) so those edits are not "
                       "lost, then try again.")

    def write(self, codebook: Codebook) -> bool:
        """Write the project's tree into the file (keeping its comments); True when it changed."""
        path = self.path
        if path is None:
            return False
        before = _sha(path)
        try:
            if path.exists():
                update_codebook_yaml(path, codebook)
            else:
                write_codebook_yaml(codebook, path)
        except ImportFailed as exc:
            raise InvalidInput(f"The change is saved in the project, but {self.relative} could not be "
                               f"updated: {exc}") from None
        self.remember()
        return _sha(path) != before
