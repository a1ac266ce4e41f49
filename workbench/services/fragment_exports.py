"""Export coded fragments to an Excel workbook or a CSV file, with a manifest beside it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from workbench.domain.errors import InvalidInput
from workbench.domain.exports import FRAGMENT_FORMATS, ExportResult, FragmentFilter
from workbench.domain.pseudonyms import Replacer
from workbench.exporters.export_files import check_writable, replacing, write_bytes
from workbench.exporters.manifest import ContentHash, make_manifest, manifest_path
from workbench.services.context import ServiceContext
from workbench.services.fragment_sets import collect


def output_format(out: Path, fmt: str | None, allowed: tuple[str, ...], example: str) -> str:
    """The format asked for, or the one the file name's extension names."""
    chosen = (fmt or out.suffix.lstrip(".")).lower()
    if chosen not in allowed:
        raise InvalidInput(f"Cannot tell the format of {out.name}; end the name in "
                           f"{' or '.join('.' + a for a in allowed)} (for example {example}) or pass --format.")
    return chosen


def write_manifest(kind: str, out: Path, data, hasher: ContentHash, counts: dict[str, int]) -> Path:
    """Write the manifest beside an export file; returns its path."""
    manifest = make_manifest(kind, out, data.project, data.codebook_version, hasher, data.filters, counts,
                             data.pseudonymised)
    return write_bytes(manifest_path(out), manifest.to_json())


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the garbage collector during a bulk export.

    Every fragment, row and cell object stays alive until the file is saved, and they hold no cycles; the collector
    would only scan these hundreds of thousands of objects again and again. It runs again once the export is done.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def export_fragments(ctx: ServiceContext, out: Path, filters: FragmentFilter, fmt: str | None,
                     replacer: Replacer) -> ExportResult:
    """One row per coding with its document, case, attributes, speaker, time, code levels, text and context."""
    fmt = output_format(out, fmt, FRAGMENT_FORMATS, "fragmenten.xlsx")
    out = check_writable(out, f"fragmenten.{fmt}")
    manifest_out = check_writable(manifest_path(out))
    hasher = ContentHash()
    with collector_paused():
        data = collect(ctx, filters, replacer)
        with replacing(out) as temporary:
            if fmt == "xlsx":
                from workbench.exporters.fragments_xlsx import write_fragments_xlsx

                counts = write_fragments_xlsx(temporary, data, hasher)
            else:
                from workbench.exporters.fragments_csv import write_fragments_csv

                counts = write_fragments_csv(temporary, data, hasher)
    write_manifest(f"fragments-{fmt}", out, data, hasher, counts)
    return ExportResult(f"fragments-{fmt}", str(out), str(manifest_out), hasher.hexdigest(), counts,
                        data.pseudonymised)
