"""Read any supported transcript file: choose the reader by extension and by what the content shows.

Readers of the heavier formats (Word, OpenDocument, PDF, ...) are imported when a file needs them, so reading
plain text does not pay for loading pypdf or odfdo.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from workbench.domain.text import normalise_text
from workbench.domain.transcripts import ParsedTranscript, TurnSpan
from workbench.importers.failures import import_failed
from workbench.importers.paragraphs import ParagraphDocument
from workbench.importers.speakers import compile_patterns
from workbench.importers.text import decode, read_text
from workbench.nlp.language import detect_language

SUPPORTED_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".vtt", ".srt", ".json", ".tsv", ".odt", ".rtf", ".pdf")
_SRT_START = re.compile(r"\s*\d+\s*\n\s*\d{1,2}:\d{2}:\d{2}[,.]\d{1,3}\s*-->")
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"
_ODF_MARK = b"mimetypeapplication/vnd.oasis.opendocument.text"


def read_transcript(
    path: Path, *, extra_speaker_patterns: Sequence[str] = (), speaker_map: Mapping[str, str] | None = None
) -> ParsedTranscript:
    """Read one transcript file into text, turns and metadata.

    Raises ImportFailed, with one sentence naming the file, for anything that cannot be imported: a missing or
    unreadable file, an unsupported extension, an empty or binary file, or a damaged or malformed one.
    Raises InvalidInput when one of `extra_speaker_patterns` (from the project settings) is not usable.
    """
    patterns = compile_patterns(extra_speaker_patterns)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise import_failed(
            path,
            f"has an unsupported file type ({suffix or 'no extension'})",
            "import .txt, .md, .docx, .odt, .rtf, .pdf, .vtt, .srt, Whisper .json/.tsv or Amberscript .json",
        )
    data = _read_bytes(path)
    if not data.strip():
        raise import_failed(path, "is empty", "there is nothing to import")
    transcript = _parse(path, suffix, data, patterns)
    return transcript.with_speaker_names(speaker_map or {})


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise import_failed(path, "does not exist", "check the path") from None
    except IsADirectoryError:
        raise import_failed(path, "is a folder, not a file", "import the files inside it") from None
    except PermissionError:
        raise import_failed(path, "cannot be read (permission denied)", "check the file's permissions") from None
    except OSError as error:
        raise import_failed(path, f"cannot be read ({error.strerror or error})", "check the file") from None


def _parse(path: Path, suffix: str, data: bytes, patterns: Sequence[re.Pattern[str]]) -> ParsedTranscript:
    if suffix in (".docx", ".odt"):
        _check_office_package(path, data, "Word" if suffix == ".docx" else "OpenDocument")
        if _ODF_MARK in data[:100]:
            from workbench.importers.odt import read_odt

            return _from_paragraphs(path, "odt", read_odt(path, patterns))
        from workbench.importers.docx import read_docx

        return _from_paragraphs(path, *read_docx(path, patterns))
    if suffix == ".pdf":
        from workbench.importers.pdf import pdf_plain_text

        text = normalise_text(pdf_plain_text(path))
        return _from_paragraphs(path, "pdf", read_text(text, extra_patterns=patterns))
    if suffix == ".rtf" or (suffix == ".txt" and data.lstrip().startswith(b"{\\rtf")):
        from workbench.importers.rtf import rtf_plain_text

        text = normalise_text(rtf_plain_text(data, path))
        return _from_paragraphs(path, "rtf", read_text(text, extra_patterns=patterns))
    text = normalise_text(decode(data, path))
    if suffix == ".vtt" or text.startswith("WEBVTT"):
        from workbench.importers.subtitles import read_vtt

        return _from_cues(path, *read_vtt(text, path, patterns))
    if suffix == ".srt" or (suffix == ".txt" and _SRT_START.match(text)):
        from workbench.importers.subtitles import read_srt

        return _from_cues(path, *read_srt(text, path, patterns))
    if suffix == ".json":
        return _from_json(path, text)
    if suffix == ".tsv":
        from workbench.importers.whisper import read_whisper_tsv

        return _from_cues(path, "whisper-tsv", *read_whisper_tsv(text, path))
    markdown = suffix in (".md", ".markdown")
    document = read_text(text, markdown=markdown, extra_patterns=patterns)
    stamped = document.stamp_lines >= 2 and document.stamp_lines >= len(document.turns) / 2
    return _from_paragraphs(path, "md" if markdown else "amberscript-txt" if stamped else "txt", document)


def _check_office_package(path: Path, data: bytes, kind: str) -> None:
    if data.startswith(_OLE):
        raise import_failed(
            path, "is an old Word 97-2003 document (.doc) with a new extension", "save it as .docx in Word first"
        )
    if not data.startswith(_ZIP):
        raise import_failed(path, f"is not a {kind} document: it is not the ZIP package such files are", "check it")


def _from_json(path: Path, text: str) -> ParsedTranscript:
    from workbench.importers.amberscript import looks_like_amberscript, read_amberscript_json
    from workbench.importers.whisper import looks_like_whisper, read_whisper_json

    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise import_failed(
            path, f"is not valid JSON ({error.msg} at line {error.lineno}, column {error.colno})", "export it again"
        ) from None
    if looks_like_amberscript(data):
        return _from_cues(path, "amberscript-json", *read_amberscript_json(data, path))
    if looks_like_whisper(data):
        body, turns, language = read_whisper_json(data, path)
        return _finished(path, path.stem, "whisper-json", body, turns, {}, _language_code(language))
    raise import_failed(
        path,
        "is JSON but not a transcript this program knows",
        "expected Whisper/WhisperX output (segments with start, end and text) or an Amberscript export",
    )


def _from_paragraphs(path: Path, format_id: str, document: ParagraphDocument) -> ParsedTranscript:
    title = document.title or path.stem
    return _finished(path, title, format_id, document.text, document.turns, dict(document.metadata), None)


def _from_cues(path: Path, format_id: str, text: str, turns: tuple[TurnSpan, ...]) -> ParsedTranscript:
    return _finished(path, path.stem, format_id, text, turns, {}, None)


def _finished(
    path: Path,
    title: str,
    format_id: str,
    text: str,
    turns: tuple[TurnSpan, ...],
    metadata: dict[str, str],
    language: str | None,
) -> ParsedTranscript:
    if not turns:
        raise import_failed(path, "has no transcript text, only a header or blank lines", "there is nothing to import")
    return ParsedTranscript(
        title=title,
        format=format_id,
        text=text,
        turns=turns,
        metadata=metadata,
        language=language or detect_language(text),
    )


def _language_code(name: str | None) -> str | None:
    """Whisper names the language as a code (`nl`) or, in older versions, in English (`dutch`)."""
    return {"nl": "nl", "dutch": "nl", "en": "en", "english": "en"}.get((name or "").strip().lower())
