"""What to export, where, and which fragments: one record that the terminal UI's export dialog hands back and
the command line builds from its options, so both write through the same service call.

`view_filter` reads a Retrieval view (ticked codes, the query box, the filter box, the sub-codes switch) the
way the view itself reads it, so an export of the view holds the fragments the view lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from workbench.domain.exports import FragmentFilter, ThemeOptions
from workbench.domain.filter_text import parse_filters

KINDS = ("fragments", "themes", "qdpx", "codebook", "timeline")
FORMATS = {"fragments": ("xlsx", "csv"), "themes": ("docx",), "qdpx": ("qdpx",), "codebook": ("qdc", "yaml"),
           "timeline": ("docx", "xlsx", "csv", "json", "ics")}
QUERY_WORDS = re.compile(r"\b(AND|OR|NOT|NEAR|FOLLOWED|INSIDE)\b")  # a query with these is a code query


@dataclass(frozen=True)
class ExportRequest:
    """One export: its kind and format, the file, which fragments (fragments and themes), and pseudonyms."""

    kind: str
    format: str | None  # None: from the file's extension
    path: Path
    filters: FragmentFilter = field(default_factory=FragmentFilter)
    pseudonymise: bool = False
    theme_options: ThemeOptions = field(default_factory=ThemeOptions)


def split_query(query: str) -> tuple[tuple[str, ...], str | None]:
    """The query box read as Retrieval reads it: code names (a plain name, no operators) or a code query."""
    query = query.strip()
    if not query:
        return (), None
    if QUERY_WORDS.search(query):
        return (), query
    return (query,), None


def view_filter(codes: tuple[str, ...], query: str, filter_text: str, *, subcodes: bool = True,
                context: str = "sentence") -> FragmentFilter:
    """The fragments a Retrieval view lists: its ticked codes and the query box, within the filter box."""
    named, code_query = split_query(query)
    return FragmentFilter(codes=tuple(codes) + named, query=code_query, selection=parse_filters(filter_text),
                          context=context, subcodes=subcodes)
