"""The project's `.workbench/` folder is private whatever the umask: the folder and its subfolders 0700, every
file in it 0600 (the database, its write-ahead log, backups and the settings, which may hold a database URL)."""

from __future__ import annotations

import os
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def write_private(path: Path, text: str) -> None:
    """Write a text file that only its owner can read, created so from the first byte."""
    path = Path(path)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.chmod(path, FILE_MODE)


def make_private(folder: Path) -> None:
    """Give the folder, everything under it, mode 0700 (folders) and 0600 (files); links are left alone."""
    folder = Path(folder)
    if not folder.is_dir():
        return
    os.chmod(folder, FOLDER_MODE)
    for root, folders, files in os.walk(folder):
        for name in folders:
            path = Path(root) / name
            if not path.is_symlink():
                os.chmod(path, FOLDER_MODE)
        for name in files:
            path = Path(root) / name
            if not path.is_symlink():
                try:
                    os.chmod(path, FILE_MODE)
                except FileNotFoundError:
                    continue  # a write-ahead log that SQLite removed meanwhile
