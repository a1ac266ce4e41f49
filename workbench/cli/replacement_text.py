"""How the command line shows a replaced document and the codings waiting for review."""

from __future__ import annotations

from pathlib import Path

import typer

from workbench.cli.state import print_json
from workbench.domain.replacement import PlacementReview, ReplacementResult
from workbench.domain.spans import shorten


def replace_document(project, path: Path, document: str, *, language: str, speaker_map: dict[str, str],
                     as_json: bool) -> ReplacementResult:
    """Replace the document's text with the file's and print the figures (or the result as JSON)."""
    result = project.replacement.replace(document, path, language=language, speaker_map=speaker_map)
    if as_json:
        print_json(_as_json(result))
        return result
    typer.echo(result.line)
    if result.memos or result.links:
        typer.echo(f"{result.memos} memos and {result.links} log links went with their codings.")
    if result.reviews:
        typer.echo(f"{len(result.reviews)} codings wait for review: `workbench review list --doc {result.document_id}`, "
                   "then `workbench review place ID` or `workbench review drop ID` (or Documents in the TUI).")
    return result


def _as_json(result: ReplacementResult) -> dict:
    tally = result.tally
    return {
        "document_id": result.document_id, "title": result.title, "source": result.source, "format": result.format,
        "unchanged": result.unchanged, "kept": tally.kept, "moved": tally.moved, "review": tally.review,
        "lost": tally.lost, "memos": result.memos, "links": result.links,
        "reviews": [review_json(r) for r in result.reviews],
    }


def review_json(review: PlacementReview) -> dict:
    from dataclasses import asdict

    return asdict(review)


def review_line(review: PlacementReview) -> str:
    """One coding to review on one line: id, code, what it coded, and what is suggested."""
    return (f"{review.coding_id:>6}  {review.document}  {review.code} ({review.coder}): "
            f"'{shorten(review.old_text, 40)}' -> [{review.start}, {review.end}) '{shorten(review.suggested_text, 40)}'"
            f"  ({review.reason})")
