"""Open or create a project (a folder with its database, or a database URL) and hand out its services."""

from __future__ import annotations

import getpass
import json
import os
from functools import cached_property
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING

from workbench.domain.errors import ProjectError

if TYPE_CHECKING:
    from workbench.store.waiting import Waiting
    from workbench.services.agreement import AgreementService
    from workbench.services.attributes import AttributeService
    from workbench.services.autocode import AutocodeService
    from workbench.services.codebook import CodebookService
    from workbench.services.coding import CodingService
    from workbench.services.document_edits import DocumentEditService
    from workbench.services.document_replacement import ReplacementService
    from workbench.services.documents import DocumentService
    from workbench.services.exports import ExportService
    from workbench.services.history import HistoryService
    from workbench.services.matrices import MatrixService
    from workbench.services.memos import MemoService
    from workbench.services.monitoring import MonitoringService
    from workbench.services.pseudonyms import PseudonymService
    from workbench.services.queries import QueryService
    from workbench.services.retrieval import RetrievalService
    from workbench.services.search import SearchService
    from workbench.services.speaker_patterns import SpeakerPatternService
    from workbench.services.status import StatusService

STATE_DIR = ".workbench"
CONFIG_FILE = "config.json"
DB_FILE = "project.db"
FOLDERS = ("codebooks", "transcripts", "exports")
PROJECT_GITIGNORE = "# The database holds personal data: it never goes into version control.\n.workbench/\nexports/\n"


def default_coder() -> str:
    """The coder name when none is given: the operating-system user."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "coder"


def default_demo_dir() -> Path:
    """Where `workbench demo` puts its project when no folder is given."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "workbench" / "demo"


def lock_waiting(seconds: float | None = None, tell: Callable[[str], None] | None = None) -> Waiting:
    """How long to wait for a colleague's lock before giving up (`seconds`, else WORKBENCH_LOCK_TIMEOUT or 30 s),
    and who hears after a second that a command waits."""
    from workbench.store.waiting import Waiting

    waiting = Waiting(on_wait=tell)
    if seconds is not None:
        waiting.timeout = seconds
    return waiting


def _is_url(location: str) -> bool:
    return "://" in location


def _read_config(directory: Path) -> dict:
    path = directory / STATE_DIR / CONFIG_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError):
        return {}
    except (OSError, ValueError) as exc:
        raise ProjectError(f"The project settings in {path} cannot be read ({exc}); restore the file from a backup.") from None


class Project:
    """An opened project: where it lives, who is working, and its services."""

    def __init__(self, url: str, directory: Path | None, coder: str, waiting=None):
        from workbench.services.context import ServiceContext
        from workbench.store.database import Database

        self.url = url
        self.directory = directory
        self.coder = coder
        self.db = Database(url, waiting)
        self.ctx = ServiceContext(self.db, coder, directory)

    # -- opening and creating -------------------------------------------------------------------------

    @staticmethod
    def _resolve(location: str | Path | None, db: str | None) -> tuple[str, Path | None]:
        """The database URL and project folder named by a location and an optional --db / WORKBENCH_DB."""
        db = db or os.environ.get("WORKBENCH_DB") or None
        if location is not None and _is_url(str(location)):
            return str(location), None
        directory = Path(location or ".").expanduser().resolve()
        if db:
            return db, directory
        configured = _read_config(directory).get("db")
        if configured:
            return configured, directory
        return f"sqlite:///{directory / STATE_DIR / DB_FILE}", directory

    @classmethod
    def open(cls, location: str | Path | None = None, *, db: str | None = None, coder: str | None = None,
             waiting=None) -> Project:
        """Open an existing project, upgrading an older schema after a backup; `waiting` (a store Waiting) says
        how long to wait for a colleague's lock and whom to tell about the wait."""
        url, directory = cls._resolve(location, db)
        if directory is not None and not db and not os.environ.get("WORKBENCH_DB") and not (directory / STATE_DIR).is_dir():
            raise ProjectError(f"There is no workbench project in {directory}; create one with `workbench init {directory}`.")
        project = cls(url, directory, coder or default_coder(), waiting)
        project._checked(lambda: project._upgrade(create=False))
        if directory is not None:
            from workbench.store.private_files import make_private

            make_private(directory / STATE_DIR)
        if project._checked(project.settings_row_missing):
            raise ProjectError(f"The database {project.display_url} is not a workbench project yet; create one with `workbench init`.")
        return project

    @classmethod
    def peek_status(cls, location: str | Path | None = None, *, db: str | None = None):
        """The status of a project on its own SQLite file, read without opening the store; None otherwise."""
        from workbench.services.quick_status import quick_status

        url, directory = cls._resolve(location, db)
        prefix = "sqlite:///"
        if directory is None or not url.startswith(prefix) or not (directory / STATE_DIR).is_dir():
            return None
        return quick_status(Path(url[len(prefix):]))

    @classmethod
    def init(cls, directory: str | Path, *, name: str | None = None, db: str | None = None,
             coder: str | None = None, language: str = "nl", seed: bool = True, waiting=None) -> Project:
        """Create a project folder (and database) with the default codebook."""
        directory = Path(directory).expanduser().resolve()
        if directory.exists() and not directory.is_dir():
            raise ProjectError(f"{directory} is a file, not a folder; choose a folder for the new project.")
        url, _ = cls._resolve(directory, db)
        try:
            state = directory / STATE_DIR
            state.mkdir(parents=True, exist_ok=True)
            state.chmod(0o700)  # private before the database is made in it, whatever the umask
            for folder in FOLDERS:
                (directory / folder).mkdir(exist_ok=True)
        except OSError as exc:
            raise ProjectError(f"Cannot create the project folder {directory}: {exc.strerror}.") from None
        project = cls(url, directory, coder or default_coder(), waiting)
        project._upgrade()
        if not project.settings_row_missing():
            raise ProjectError(f"{directory} already holds a workbench project; open it with `workbench --project {directory}`.")
        config = {"name": name or directory.name}
        if db:
            config["db"] = db
        from workbench.store.private_files import make_private, write_private

        write_private(state / CONFIG_FILE, json.dumps(config, indent=2) + "\n")
        make_private(state)
        gitignore = directory / ".gitignore"
        if not gitignore.exists():
            gitignore.write_text(PROJECT_GITIGNORE, encoding="utf-8")
        project.status.create(name or directory.name, language)
        if seed:
            project.seed()
        return project

    def seed(self) -> None:
        """Give a new project the default codebook."""
        from workbench.services.codebook_setup import load_default_codebook

        load_default_codebook(self)

    @classmethod
    def demo(cls, directory: Path | None = None, *, fresh: bool = False, coder: str | None = None) -> Project:
        """Open the demo project in `directory`, creating it (or recreating it with `fresh`)."""
        import shutil

        from workbench.services.demo import fill_demo

        directory = (directory or default_demo_dir()).expanduser().resolve()
        marker = directory / STATE_DIR / "demo"
        if (directory / STATE_DIR).is_dir():
            if not fresh:
                return cls.open(directory, coder=coder)
            if not marker.exists():
                raise ProjectError(f"{directory} holds a project that is not a demo; --fresh only replaces demo projects.")
            shutil.rmtree(directory)
        project = cls.init(directory, name="Samen creëren en floreren (demo)", coder=coder)
        from workbench.store.private_files import write_private

        write_private(marker, "This project was made by `workbench demo`.\n")
        fill_demo(project)
        return project

    def _upgrade(self, *, create: bool = True, shared: bool = False) -> None:
        from workbench.store.migrate import OlderSchema, current_revision, ensure_current

        if not create and current_revision(self.db) is None:
            self.close()
            raise ProjectError(f"The database {self.display_url} is not a workbench project yet; create one with `workbench init`.")
        backups = self.directory / STATE_DIR / "backups" if self.directory else None
        try:
            self.last_backup = ensure_current(self.db, backups, shared_upgrade=shared)
        except OlderSchema:
            self.close()
            raise

    @classmethod
    def upgrade(cls, location: str | Path | None = None, *, db: str | None = None, coder: str | None = None,
                waiting=None) -> tuple[str | None, str | None, Path | str | None]:
        """Bring a project (a shared server's too) to the current schema after a backup; returns the revision
        before and after and the backup made (None when it was current already)."""
        from workbench.store.migrate import current_revision

        url, directory = cls._resolve(location, db)
        if directory is not None and not db and not os.environ.get("WORKBENCH_DB") and not (directory / STATE_DIR).is_dir():
            raise ProjectError(f"There is no workbench project in {directory}; create one with `workbench init {directory}`.")
        project = cls(url, directory, coder or default_coder(), waiting)
        with project:
            before = project._checked(lambda: current_revision(project.db))
            project._checked(lambda: project._upgrade(create=False, shared=True))
            return before, project._checked(lambda: current_revision(project.db)), project.last_backup

    def _checked(self, step):
        """Run an opening step, turning an unreadable or unreachable database into one clear sentence."""
        from workbench.store.database import database_errors
        from workbench.store.waiting import busy, is_lock_wait

        try:
            return step()
        except database_errors() as exc:
            self.close()
            if is_lock_wait(exc):
                raise busy(self.db.where, self.db.waiting.timeout) from None
            reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
            raise ProjectError(
                f"Cannot read the project database {self.display_url} ({reason}); check the server or restore "
                f"the file from {STATE_DIR}/backups."
            ) from None

    def settings_row_missing(self) -> bool:
        return self.status.settings_missing()

    @property
    def display_url(self) -> str:
        from workbench.store.database import display_url

        return display_url(self.url)

    def on_lock_wait(self, tell: Callable[[str], None]) -> None:
        """Say through `tell` when a change waits for a colleague's lock (the TUI shows it on its status line)."""
        self.db.waiting.on_wait = tell

    def close(self) -> None:
        self.db.dispose()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    # -- services, created on first use so start-up stays light --------------------------------------

    @cached_property
    def status(self) -> StatusService:
        from workbench.services.status import StatusService

        return StatusService(self.ctx)

    @cached_property
    def history(self) -> HistoryService:
        """Undo, redo and the activity feed; an undone codebook change is written back to the codebook file."""
        from workbench.services.history import HistoryService

        history = HistoryService(self.ctx)
        history.on_replay("codebook.", lambda _event: self.codebook.write_back())
        return history

    @cached_property
    def documents(self) -> DocumentService:
        """Import, list and show transcripts."""
        from workbench.services.documents import DocumentService

        return DocumentService(self.ctx)

    @cached_property
    def document_edits(self) -> DocumentEditService:
        """Rename a document or its speakers, or remove a document."""
        from workbench.services.document_edits import DocumentEditService

        return DocumentEditService(self.ctx)

    @cached_property
    def replacement(self) -> ReplacementService:
        """Replace a document with a corrected version; settle the codings left to review."""
        from workbench.services.document_replacement import ReplacementService

        return ReplacementService(self.ctx)

    @cached_property
    def speaker_patterns(self) -> SpeakerPatternService:
        """The project's own speaker-label patterns for importing."""
        from workbench.services.speaker_patterns import SpeakerPatternService

        return SpeakerPatternService(self.ctx)

    @cached_property
    def codebook(self) -> CodebookService:
        """The codebook: load, operations, export."""
        from workbench.services.codebook import CodebookService

        return CodebookService(self.ctx)

    @cached_property
    def coding(self) -> CodingService:
        """Apply, change and remove codings; span helpers."""
        from workbench.services.coding import CodingService

        return CodingService(self.ctx)

    @cached_property
    def attributes(self) -> AttributeService:
        """Set and remove document attributes."""
        from workbench.services.attributes import AttributeService

        return AttributeService(self.ctx)

    @cached_property
    def memos(self) -> MemoService:
        """Memos on the project, documents, codes and codings."""
        from workbench.services.memos import MemoService

        return MemoService(self.ctx)

    @cached_property
    def retrieval(self) -> RetrievalService:
        """Fragments of codes with their context."""
        from workbench.services.retrieval import RetrievalService

        return RetrievalService(self.ctx)

    @cached_property
    def search(self) -> SearchService:
        """Plain, regex and lemma-aware text search."""
        from workbench.services.search import SearchService

        return SearchService(self.ctx)

    @cached_property
    def queries(self) -> QueryService:
        """Code queries (AND, OR, NEAR, ...)."""
        from workbench.services.queries import QueryService

        return QueryService(self.ctx)

    @cached_property
    def matrices(self) -> MatrixService:
        """Frequency and co-occurrence matrices."""
        from workbench.services.matrices import MatrixService

        return MatrixService(self.ctx)

    @cached_property
    def monitoring(self) -> MonitoringService:
        """The monitoring log, learning agenda and actions."""
        from workbench.services.monitoring import MonitoringService

        return MonitoringService(self.ctx)

    @cached_property
    def agreement(self) -> AgreementService:
        """Inter-coder agreement and adjudication."""
        from workbench.services.agreement import AgreementService

        return AgreementService(self.ctx)

    @cached_property
    def autocode(self) -> AutocodeService:
        """Auto-coding suggestions from the codebook's rules."""
        from workbench.services.autocode import AutocodeService

        return AutocodeService(self.ctx)

    @cached_property
    def exports(self) -> ExportService:
        """Exports to Excel, Word, REFI-QDA and more."""
        from workbench.services.exports import ExportService

        return ExportService(self.ctx)

    @cached_property
    def pseudonyms(self) -> PseudonymService:
        """The name register that pseudonymised exports use."""
        from workbench.services.pseudonyms import PseudonymService

        return PseudonymService(self.ctx)

    @cached_property
    def name_suggestions(self):
        """Likely names the register lacks, with where they occur."""
        from workbench.services.name_suggestions import NameSuggestionService

        return NameSuggestionService(self.ctx)

    @cached_property
    def erasure(self):
        """Erasing a document for good: from the tables, the history and the database file."""
        from workbench.services.document_erasure import ErasureService

        return ErasureService(self.ctx)
