"""Read a filter as typed in Retrieval, Analysis and the export dialog: `organisation=gemeente speaker=R coder=anna from=2024-10-01`."""

from __future__ import annotations

import datetime as dt
import shlex

from workbench.domain.errors import InvalidInput
from workbench.domain.filters import Selection, parse_attribute_filter, parse_date

SPECIAL = {"speaker", "coder", "doc", "document", "from", "to", "status"}


def parse_filters(text: str) -> Selection:
    """A Selection from space-separated KEY=VALUE words (quote values with spaces)."""
    try:
        words = shlex.split(text)
    except ValueError as exc:
        raise InvalidInput(f"The filter '{text}' has an unclosed quote ({exc}).") from None
    attributes: list[tuple[str, str]] = []
    speakers: list[str] = []
    coders: list[str] = []
    documents: list[str] = []
    statuses: list[str] = []
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    for word in words:
        key, value = parse_attribute_filter(word)
        lowered = key.lower()
        if lowered == "speaker":
            speakers.append(value)
        elif lowered == "coder":
            coders.append(value)
        elif lowered in ("doc", "document"):
            documents.append(value)
        elif lowered == "status":
            statuses.append(value)
        elif lowered == "from":
            date_from = parse_date(value, "start date")
        elif lowered == "to":
            date_to = parse_date(value, "end date")
        else:
            attributes.append((key, value))
    return Selection(
        documents=tuple(documents), attributes=tuple(attributes), speakers=tuple(speakers),
        coders=tuple(coders), statuses=tuple(statuses) or ("applied",), date_from=date_from, date_to=date_to,
    )
