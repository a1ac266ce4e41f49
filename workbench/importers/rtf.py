"""Rich Text Format transcripts, reduced to plain text by striprtf and then read like any typed transcript."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from striprtf.striprtf import rtf_to_text

from workbench.importers.failures import import_failed

_CODE_PAGE = re.compile(rb"\\ansicpg(\d+)")


def rtf_plain_text(data: bytes, path: Path) -> str:
    """Return the text of an RTF file (`{\\rtf1 ...}`); its `\\ansicpg` code page decodes `\\'e9` escapes."""
    if not data.lstrip().startswith(b"{\\rtf"):
        raise import_failed(path, "is not an RTF document: it does not start with '{\\rtf'", "check the file")
    code_page = _CODE_PAGE.search(data[:4096])
    encoding = f"cp{int(code_page.group(1))}" if code_page else "cp1252"
    try:
        codecs.lookup(encoding)
    except LookupError:
        encoding = "cp1252"
    try:
        return rtf_to_text(data.decode(encoding, errors="replace"), encoding=encoding, errors="replace")
    except (ValueError, IndexError):
        raise import_failed(path, "is a damaged RTF document", "open it in Word and save it again") from None
