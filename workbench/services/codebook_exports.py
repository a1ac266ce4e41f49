"""Export the codebook as `.qdc`, `.yaml` or an Excel sheet, pseudonymised when asked, with a manifest."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from workbench.domain.codebook import content_hash
from workbench.domain.exchange_pseudonyms import pseudonymise_codebook
from workbench.domain.exports import ExportResult
from workbench.domain.pseudonyms import Replacer
from workbench.exporters.export_files import check_writable, replacing, write_bytes
from workbench.exporters.manifest import ContentHash, make_manifest, manifest_path
from workbench.services.codebook_rows import entries, project_codebook
from workbench.services.context import ServiceContext
from workbench.services.fragment_exports import output_format
from workbench.services.fragment_sets import code_infos
from workbench.services.visibility import coding_conditions
from workbench.store.schema import Coding, ProjectSettings

FORMATS = ("qdc", "yaml", "xlsx")


def export_codebook(ctx: ServiceContext, out: Path, fmt: str | None, replacer: Replacer) -> ExportResult:
    """The codebook with every code's definition, usage notes and colour."""
    if fmt is None and out.suffix.lower() == ".yml":
        fmt = "yaml"
    fmt = output_format(out, fmt, FORMATS, "codeboek.qdc")
    out = check_writable(out, f"codeboek.{fmt}")
    manifest_out = check_writable(manifest_path(out))
    with ctx.read() as s:
        codebook = project_codebook(s)
        project = s.scalar(select(ProjectSettings.name).limit(1)) or "Project"
        language = s.scalar(select(ProjectSettings.default_language).limit(1)) or "nl"
        codes = list(code_infos(s, replacer))
        counts = {code.path: entry.codings for entry, code in zip(entries(s), codes)}
        hidden = coding_conditions(ctx, s)
        if hidden:
            # Under blind coding the counts are of one's own codings only, as everywhere else.
            query = (select(Coding.code_id, func.count()).where(Coding.status == "applied", *hidden)
                     .group_by(Coding.code_id))
            own = dict(s.execute(query).all())
            counts = {code.path: own.get(entry.id, 0) for entry, code in zip(entries(s), codes)}
    version = content_hash(codebook)[:12]
    shown = pseudonymise_codebook(codebook, replacer)
    hasher = ContentHash()
    if fmt == "xlsx":
        from workbench.exporters.codebook_xlsx import write_codebook_xlsx

        with replacing(out) as temporary:
            written = write_codebook_xlsx(temporary, shown.title, codes, counts, hasher, language)
    else:
        if fmt == "qdc":
            from workbench.exporters.qdc import qdc_bytes

            data = qdc_bytes(shown, include_retired=True)
        else:
            from workbench.exporters.codebook_yaml import codebook_yaml_text

            data = codebook_yaml_text(shown).encode("utf-8")
        hasher.data(out.suffix, data)
        write_bytes(out, data)
        written = {"codes": len(codes)}
    manifest = make_manifest(f"codebook-{fmt}", out, replacer.text(project), version, hasher, {}, written,
                             not replacer.empty)
    write_bytes(manifest_out, manifest.to_json())
    return ExportResult(f"codebook-{fmt}", str(out), str(manifest_out), hasher.hexdigest(), written,
                        not replacer.empty)
