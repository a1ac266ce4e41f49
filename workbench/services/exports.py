"""Exports a researcher hands in: fragments to Excel or CSV, theme summaries to Word, the codebook, and the
whole project as REFI-QDA; every one can be pseudonymised and writes a manifest."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from workbench.domain.errors import InvalidInput
from workbench.domain.export_request import KINDS, ExportRequest
from workbench.domain.exports import ExportResult, FragmentFilter, ThemeOptions
from workbench.domain.monitoring_report import TimelineExport
from workbench.domain.project_exchange import ProjectImportReport
from workbench.domain.pseudonyms import NO_NAMES, Replacer
from workbench.services.context import ServiceContext


class ExportService:
    """One method per export; none of them changes the project (importing a project does)."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def _replacer(self, pseudonymise: bool) -> Replacer:
        if not pseudonymise:
            return NO_NAMES
        from workbench.services.pseudonyms import PseudonymService, refuse_empty

        return refuse_empty(PseudonymService(self.ctx).replacer())

    def _checked(self, kind: str, result: ExportResult, replacer: Replacer) -> ExportResult:
        """A pseudonymised export scanned for leaks (deleted if it has one) with its report written beside it."""
        if replacer.empty:
            return result
        from workbench.services.deidentification import finish

        report = finish(self.ctx, replacer, kind, Path(result.path), [Path(result.path), *([Path(result.manifest)] if result.manifest else [])])
        return replace(result, deidentification=str(report))

    def write(self, request: ExportRequest) -> ExportResult | TimelineExport:
        """Write the export a request describes (the dialog's and the command line's one way in)."""
        if request.kind == "fragments":
            return self.fragments(request.path, filters=request.filters, fmt=request.format,
                                  pseudonymise=request.pseudonymise)
        if request.kind == "themes":
            return self.themes(request.path, filters=request.filters, options=request.theme_options,
                               pseudonymise=request.pseudonymise)
        if request.kind == "qdpx":
            return self.qdpx(request.path, pseudonymise=request.pseudonymise)
        if request.kind == "codebook":
            return self.codebook(request.path, fmt=request.format, pseudonymise=request.pseudonymise)
        if request.kind == "timeline":
            from workbench.services.monitoring import MonitoringService

            return MonitoringService(self.ctx).export_timeline(request.format, request.path,
                                                               pseudonymise=request.pseudonymise)
        raise InvalidInput(f"There is no export of the kind '{request.kind}'; choose one of {', '.join(KINDS)}.")

    def qdpx(self, out: Path, *, pseudonymise: bool = False) -> ExportResult:
        """The whole project as a REFI-QDA `.qdpx` (manifest inside)."""
        from workbench.services.refi_projects import export_qdpx

        replacer = self._replacer(pseudonymise)
        return self._checked("qdpx", export_qdpx(self.ctx, Path(out), replacer), replacer)

    def import_project(self, path: Path) -> ProjectImportReport:
        """Add a `.qdpx` (or `.qde`) from ATLAS.ti, NVivo, MAXQDA, QualCoder or the workbench to this project."""
        from workbench.services.refi_projects import import_qdpx

        return import_qdpx(self.ctx, Path(path))

    def fragments(self, out: Path, *, filters: FragmentFilter = FragmentFilter(), fmt: str | None = None,
                  pseudonymise: bool = False) -> ExportResult:
        """Coded fragments as an Excel workbook (`.xlsx`) or a CSV file, one row per coding."""
        from workbench.services.fragment_exports import export_fragments

        replacer = self._replacer(pseudonymise)
        return self._checked("fragments", export_fragments(self.ctx, Path(out), filters, fmt, replacer), replacer)

    def themes(self, out: Path, *, filters: FragmentFilter = FragmentFilter(), options: ThemeOptions = ThemeOptions(),
               pseudonymise: bool = False) -> ExportResult:
        """A Word theme summary: per theme its definition, counts, a chart, attributed quotes and memos."""
        from workbench.services.theme_exports import export_themes

        replacer = self._replacer(pseudonymise)
        return self._checked("themes", export_themes(self.ctx, Path(out), filters, options, replacer), replacer)

    def codebook(self, out: Path, *, fmt: str | None = None, pseudonymise: bool = False) -> ExportResult:
        """The codebook as `.qdc`, `.yaml` or an Excel sheet of definitions, with a manifest."""
        from workbench.services.codebook_exports import export_codebook

        replacer = self._replacer(pseudonymise)
        return self._checked("codebook", export_codebook(self.ctx, Path(out), fmt, replacer), replacer)
