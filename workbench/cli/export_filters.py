"""The options the fragment and theme exports share, turned into a FragmentFilter, and how results print."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer


def fragment_filter(code: list[str], query: str | None, attr: list[str], coder: list[str], doc: list[str],
                    speaker: list[str], status: list[str], date_from: str | None, date_to: str | None,
                    context: str, subcodes: bool = True, per_coder: bool = False):
    """The filter the options describe (codes, query, attributes, coders, documents, speakers, dates)."""
    from workbench.domain.exports import FragmentFilter
    from workbench.domain.filters import Selection, parse_attribute_filter, parse_date

    selection = Selection(
        documents=tuple(doc), attributes=tuple(parse_attribute_filter(a) for a in attr), speakers=tuple(speaker),
        coders=tuple(coder), statuses=tuple(status) or ("applied",),
        date_from=parse_date(date_from, "--from date") if date_from else None,
        date_to=parse_date(date_to, "--to date") if date_to else None,
    )
    return FragmentFilter(codes=tuple(code), query=query, selection=selection, context=context, subcodes=subcodes,
                          per_coder=per_coder)


def default_out(project, stem: str, suffix: str) -> Path:
    """`exports/<stem>-<date>.<suffix>` in the project folder."""
    from workbench.domain.errors import InvalidInput

    if project.directory is None:
        raise InvalidInput(f"Say where to write the export with --out, for example --out {stem}.{suffix}.")
    return project.directory / "exports" / f"{stem}-{dt.date.today().isoformat()}.{suffix}"


def report(result, as_json: bool) -> None:
    """Print what an export wrote."""
    from workbench.cli.state import print_json

    if as_json:
        print_json(result)
        return
    counts = ", ".join(f"{value} {key}" for key, value in result.counts.items())
    extra = ", pseudonymised" if result.pseudonymised else ""
    typer.echo(f"Wrote {result.path} ({counts}{extra}).")
    if result.manifest:
        typer.echo(f"Manifest: {result.manifest}")
    if getattr(result, "deidentification", None):
        typer.echo(f"De-identification report (scanned: no registered name left): {result.deidentification}")
