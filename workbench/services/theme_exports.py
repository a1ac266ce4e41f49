"""Export a Word theme summary of the filtered fragments, with a manifest beside it."""

from __future__ import annotations

from pathlib import Path

from workbench.domain.errors import InvalidInput
from workbench.domain.exports import GROUPINGS, QUOTE_CHOICES, ExportResult, FragmentFilter, ThemeOptions
from workbench.domain.pseudonyms import Replacer
from workbench.domain.theme_summary import plan_summary
from workbench.exporters.export_files import check_writable, replacing
from workbench.exporters.manifest import ContentHash, manifest_path
from workbench.services.context import ServiceContext
from workbench.services.fragment_exports import output_format, write_manifest
from workbench.services.fragment_sets import collect
from workbench.services.selection import document_dates


def _check(options: ThemeOptions, attributes: tuple[str, ...]) -> ThemeOptions:
    if options.choose not in QUOTE_CHOICES:
        raise InvalidInput(f"Quotes are chosen by {', '.join(QUOTE_CHOICES)}, not '{options.choose}'.")
    if options.group_by not in GROUPINGS:
        raise InvalidInput(f"Quotes are grouped by {' or '.join(GROUPINGS)}, not '{options.group_by}'.")
    if options.quotes_per_code is not None and options.quotes_per_code < 1:
        raise InvalidInput("The number of quotes per code must be 1 or more; leave it out to show them all.")
    if options.by_attribute is not None:
        known = {name.casefold(): name for name in attributes}
        if options.by_attribute.casefold() not in known:
            listed = ", ".join(attributes) or "none"
            raise InvalidInput(f"No exported fragment has the attribute '{options.by_attribute}' "
                               f"(attributes: {listed}).")
        options = ThemeOptions(known[options.by_attribute.casefold()], options.group_by, options.quotes_per_code,
                               options.choose, options.charts, options.title)
    return options


def export_themes(ctx: ServiceContext, out: Path, filters: FragmentFilter, options: ThemeOptions,
                  replacer: Replacer) -> ExportResult:
    """Per theme and sub-theme: definition, counts by an attribute, a chart, attributed quotes and memos."""
    output_format(out, "docx" if out.suffix.lower() == ".docx" else None, ("docx",), "themas.docx")
    out = check_writable(out, "themas.docx")
    manifest_out = check_writable(manifest_path(out))
    data = collect(ctx, filters, replacer)
    options = _check(options, data.attribute_names)
    with ctx.read() as s:
        dates = document_dates(s)
    plan = plan_summary(data, dates, options)
    hasher = ContentHash()
    from workbench.exporters.themes_docx import write_themes_docx

    with replacing(out) as temporary:
        counts = write_themes_docx(temporary, plan, hasher, charts=options.charts, author=ctx.coder)
    counts = {"fragments": len(data.fragments), **counts}
    write_manifest("themes-docx", out, data, hasher, counts)
    return ExportResult("themes-docx", str(out), str(manifest_out), hasher.hexdigest(), counts, data.pseudonymised)
