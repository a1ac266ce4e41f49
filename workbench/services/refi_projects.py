"""Export the project as a REFI-QDA `.qdpx`, and import one (ours or another program's) into the project."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from workbench.domain.codebook import content_hash as codebook_hash
from workbench.domain.codebook import iter_codes
from workbench.domain.exchange_pseudonyms import pseudonymise_project
from workbench.domain.exports import ExportResult
from workbench.domain.project_exchange import ProjectImportReport
from workbench.domain.pseudonyms import NO_NAMES, Replacer
from workbench.exporters.export_files import check_writable, replacing
from workbench.exporters.manifest import make_manifest
from workbench.exporters.refi_project import content_hash, qdpx_entries, write_qdpx
from workbench.importers.refi_package import Limits
from workbench.importers.refi_project import read_project_package
from workbench.services.context import ServiceContext
from workbench.services.project_snapshot import read_project
from workbench.services.visibility import coding_conditions
from workbench.store.schema import ProjectSettings


def export_qdpx(ctx: ServiceContext, out: Path, replacer: Replacer = NO_NAMES) -> ExportResult:
    """Write the whole project (applied codings, memos, attributes, cases, speakers) as a `.qdpx`."""
    out = check_writable(out, "project.qdpx")
    with ctx.read() as s:
        project = read_project(s, coding_conditions(ctx, s))
    version = codebook_hash(project.codebook)
    project = pseudonymise_project(project, replacer)
    entries = qdpx_entries(project)
    digest = content_hash(entries)
    counts = {
        "documents": len(project.documents), "codes": sum(1 for _ in iter_codes(project.codebook.codes)),
        "codings": len(project.codings), "memos": len(project.notes), "cases": len(project.cases),
        "attributes": len(project.variables), "users": len(project.users),
    }
    manifest = make_manifest("qdpx", out, project.name, version, digest, {}, counts, not replacer.empty)
    with replacing(out) as temporary:
        write_qdpx(temporary, entries, manifest.to_json())
    return ExportResult("qdpx", str(out), None, digest, counts, not replacer.empty)


def import_qdpx(ctx: ServiceContext, path: Path, limits: Limits = Limits()) -> ProjectImportReport:
    """Add a REFI-QDA project's documents, codes, codings, memos, cases and attributes to this project.

    Nothing changes when the file cannot be read; selections that cannot be placed and elements the
    workbench does not hold are listed in the report.
    """
    from workbench.services.refi_import_rows import ProjectWriter

    imported = read_project_package(Path(path), limits)
    coder_id = ctx.coder_id()
    with ctx.change("project.import", target="project", summary=f"Imported project {Path(path).name}",
                    undoable=False) as unit:
        language = unit.session.scalar(select(ProjectSettings.default_language).limit(1)) or "nl"
        stored = ProjectWriter(unit.session, imported, coder_id, language).store()
        unit.describe(summary=f"Imported {stored.documents} documents and {stored.codings} codings from "
                              f"{Path(path).name}", source=str(path))
    project = imported.project
    return ProjectImportReport(
        source=str(path), origin=project.origin, documents=stored.documents, documents_merged=stored.merged,
        codes_added=stored.codes_added, codes_matched=stored.codes_matched, codings=stored.codings,
        codings_skipped=stored.codings_skipped, memos=stored.memos, cases=stored.cases,
        attributes=stored.attributes, coders=stored.coders, position_model=imported.position_model,
        dropped=imported.dropped, unmapped=imported.unmapped, notes=imported.notes,
    )
