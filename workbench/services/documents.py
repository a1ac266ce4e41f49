"""Documents: import transcript files and folders, list the documents, show one.

Each file is imported in its own transaction, so one bad file changes nothing and the others go on. Files are
read in worker processes when there are enough of them to keep every core busy; the main process writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from workbench.domain.documents import FAILED, DocumentDetail, DocumentSummary, ImportResult
from workbench.domain.errors import InvalidInput, WorkbenchError
from workbench.importers.attribute_sheet import AttributeSheet, read_attribute_sheet
from workbench.importers.registry import SUPPORTED_SUFFIXES
from workbench.importers.speakers import compile_patterns
from workbench.services.context import ServiceContext
from workbench.services.document_preparation import (
    ImportSettings,
    PreparationFailed,
    PreparedDocument,
    prepare_all,
    worker_count,
)
from workbench.services.document_rows import KnownRows, detail, store_prepared, summaries
from workbench.services.lookup import resolve_document
from workbench.services.speaker_patterns import SpeakerPatternService
from workbench.services.visibility import coding_conditions
from workbench.store.schema import ProjectSettings

Progress = Callable[[int, int, ImportResult], None]
LANGUAGES = ("nl", "en")
# Header fields a file states that become document attributes (unless the sheet or --attr gives them).
_FILE_ATTRIBUTES = ("date", "place")


class DocumentService:
    """Import, list and show documents."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def import_paths(
        self,
        paths: Iterable[str | Path],
        *,
        attributes: Mapping[str, str] | None = None,
        attribute_sheet: str | Path | None = None,
        language: str | None = None,
        speaker_map: Mapping[str, str] | None = None,
        progress: Progress | None = None,
    ) -> list[ImportResult]:
        """Import files, and the transcripts in folders (recursively); return one result per file, in order.

        `attributes` go onto every document; `attribute_sheet` (.xlsx/.csv) gives attributes per file name;
        `language` (`nl`/`en`) replaces detection; `speaker_map` names labels (`{"I": "Interviewer"}`).
        Identical text already in the project is skipped. Raises InvalidInput or ImportFailed, before anything
        is imported, for a bad option, sheet or speaker pattern in the project settings.
        """
        files = expand_paths(paths)
        settings = self._settings(language, speaker_map)
        sheet = read_attribute_sheet(Path(attribute_sheet)) if attribute_sheet else None
        given = {name.strip(): value for name, value in (attributes or {}).items()}
        results: list[ImportResult] = []
        with self.ctx.read() as session:
            known = KnownRows(session)
        workers = worker_count(files)
        for item in prepare_all([str(path) for path in files], settings, workers=workers):
            result = self._store(item, sheet, given, known)
            results.append(result)
            if progress is not None:
                progress(len(results), len(files), result)
        return results

    import_files = import_paths

    def list(self) -> list[DocumentSummary]:
        """Every document, in import order, with words, turns, speakers, codings and attributes."""
        with self.ctx.read() as session:
            return summaries(session, coding_conditions(self.ctx, session))

    def show(self, document: str | int) -> DocumentDetail:
        """One document, named by its id or exact title, with text, turns, sentences and attributes."""
        with self.ctx.read() as session:
            document_id, _ = resolve_document(session, document)
            return detail(session, document_id)

    def import_settings(self, language: str | None, speaker_map: Mapping[str, str] | None) -> ImportSettings:
        """How files are read: the language (None or 'auto' to detect), speaker names and the project's patterns."""
        return self._settings(language, speaker_map)

    def _settings(self, language: str | None, speaker_map: Mapping[str, str] | None) -> ImportSettings:
        if language not in (None, "auto", *LANGUAGES):
            raise InvalidInput(f"The language '{language}' is not supported; give nl, en or auto.")
        patterns = tuple(SpeakerPatternService(self.ctx).list())
        compile_patterns(patterns)
        with self.ctx.read() as session:
            default = session.scalar(select(ProjectSettings.default_language).limit(1)) or "nl"
        return ImportSettings(
            language=None if language in (None, "auto") else language,
            default_language=default if default in LANGUAGES else "nl",
            speaker_map=tuple((speaker_map or {}).items()),
            speaker_patterns=patterns,
        )

    def _store(
        self,
        item: PreparedDocument | PreparationFailed,
        sheet: AttributeSheet | None,
        given: Mapping[str, str],
        known: KnownRows,
    ) -> ImportResult:
        """Store one read file in its own transaction; any failure leaves the project as it was."""
        if isinstance(item, PreparationFailed):
            return ImportResult(item.path, FAILED, item.message)
        values = {name: item.metadata[name] for name in _FILE_ATTRIBUTES if name in item.metadata}
        if sheet is not None:
            values.update(sheet.for_file(Path(item.path)))
        values.update(given)
        for _attempt in range(2):
            try:
                with self.ctx.change("document.import", undoable=False) as unit:
                    result = store_prepared(unit, item, values, known)
                known.keep()
                return result
            except WorkbenchError as error:
                known.forget()
                message = str(error)
                if not message.startswith(item.path):
                    message = f"{item.path} was not imported: {message[:1].lower()}{message[1:]}"
                return ImportResult(item.path, FAILED, message)
            except IntegrityError:
                # A colleague stored the same text or attribute meanwhile: look again, and try once more.
                with self.ctx.read() as session:
                    known.load(session)
        return ImportResult(
            item.path, FAILED, f"{item.path} was not imported: the project kept changing while it was stored; try again."
        )


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """The files to import: given files as they are, and the transcripts inside given folders, recursively.

    In folders, hidden files, README files and files of other types (audio, spreadsheets) are passed over.
    """
    files: list[Path] = []
    for given in paths:
        path = Path(given)
        if not path.is_dir():
            files.append(path)
            continue
        files.extend(
            found
            for found in sorted(path.rglob("*"))
            if found.is_file()
            and found.suffix.lower() in SUPPORTED_SUFFIXES
            and not found.name.upper().startswith("README")
            and not any(part.startswith(".") for part in found.relative_to(path).parts)
        )
    return list(dict.fromkeys(files))
