"""PDF transcripts, through their text layer (pypdf); a scanned PDF without one is refused with advice."""

from __future__ import annotations

import logging
import zlib
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from workbench.importers.failures import import_failed

# pypdf reports recoverable oddities of real-world PDFs through logging; they are not the user's concern.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def pdf_plain_text(path: Path) -> str:
    """Return the text layer of every page, in page order, one line per text line."""
    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise import_failed(path, "is a password-protected PDF", "save an unprotected copy and import that")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, zlib.error, RecursionError):
        raise import_failed(
            path, "is not a readable PDF: it is damaged, truncated or another kind of file", "export it again"
        ) from None
    text = "\n".join(pages)
    if not text.strip():
        raise import_failed(
            path, "has no text layer (it is probably a scanned image)", "run text recognition (OCR) on it first"
        )
    return text
