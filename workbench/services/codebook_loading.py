"""Loading a codebook file into the project: choose the project's file, sync the codes, write back."""

from __future__ import annotations

from pathlib import Path

from workbench.domain.code_entries import LoadReport
from workbench.domain.codebook import Codebook, content_hash
from workbench.services import codebook_rows as rows
from workbench.services.codebook_file import CODEBOOKS_DIR, CodebookFile, slug
from workbench.services.codebook_reading import read_codebook_file
from workbench.services.codebook_sync import sync_codes
from workbench.services.context import ServiceContext


def project_tree(ctx: ServiceContext) -> Codebook:
    """The project's codebook as it is now."""
    with ctx.read() as s:
        return rows.project_codebook(s)


def load_file(ctx: ServiceContext, path: Path, *, keep_missing: bool, undoable: bool) -> LoadReport:
    """Upsert the codes of a YAML or REFI-QDA file by GUID and write the project's file back.

    The file becomes the project's codebook file when it lies in the project's `codebooks/`;
    otherwise the project keeps its file (or gets `codebooks/<title>.yaml`).
    """
    read = read_codebook_file(path)
    incoming = read.codebook
    with ctx.read() as s:
        current = rows.project_codebook(s)
        info = rows.meta(s)
    # A .qdc has no title, version or authors: a project that has them keeps its own.
    if read.kind == "qdc" and info.get("title"):
        incoming = Codebook(current.title, current.version, current.authors, incoming.codes,
                            current.description)
    relative = CodebookFile(ctx.project_dir, None).relative_for(path) or info.get("file")
    if relative is None and ctx.project_dir is not None:
        relative = f"{CODEBOOKS_DIR}/{slug(incoming.title)}.yaml"
    target = CodebookFile(ctx.project_dir, relative)
    if target.path is not None and target.path.resolve() != path.resolve():
        target.ensure_not_hand_edited(current)
    with ctx.change("codebook.load", target="codebook", summary=f"Loaded codebook {path.name}",
                    undoable=undoable) as unit:
        outcome = sync_codes(unit.session, incoming, keep_missing=keep_missing,
                             partial_fields=read.kind == "qdc")
        if relative:
            rows.set_meta(unit.session, file=relative)
        if outcome.added or outcome.updated or outcome.retired or outcome.deleted:
            unit.describe(codes=sorted(set(outcome.touched)))
    after = project_tree(ctx)
    target.write(after)
    return LoadReport(
        source=str(path), title=incoming.title, version=content_hash(after), added=tuple(outcome.added),
        updated=tuple(outcome.updated), retired=tuple(outcome.retired), deleted=tuple(outcome.deleted),
        kept=tuple(outcome.kept), notes=read.notes, file=relative,
    )
