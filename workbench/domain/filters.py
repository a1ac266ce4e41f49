"""Which codings an analysis looks at: documents, attribute values, speakers, coders, dates and statuses."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from workbench.domain.errors import InvalidInput

_TRUE = {"true", "yes", "ja", "1", "waar", "y", "j"}
_FALSE = {"false", "no", "nee", "0", "onwaar", "n"}


@dataclass(frozen=True)
class Selection:
    """Filters shared by retrieval, queries and matrices; empty means everything.

    Several values of one attribute are alternatives (`organisation=gemeente`, `organisation=corporatie`);
    different attributes must all match. The date range applies to the document's date (the `date`
    attribute, or the date the transcript file states).
    """

    documents: tuple[str, ...] = ()
    attributes: tuple[tuple[str, str], ...] = ()
    speakers: tuple[str, ...] = ()
    coders: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ("applied",)
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    @property
    def limits_documents(self) -> bool:
        return bool(self.documents or self.attributes or self.date_from or self.date_to)


EVERYTHING = Selection()


def parse_attribute_filter(text: str) -> tuple[str, str]:
    """Split `organisation=gemeente` into its key and value."""
    key, sep, value = text.partition("=")
    if not sep or not key.strip() or not value.strip():
        raise InvalidInput(f"The attribute filter '{text}' is not KEY=VALUE; write it like organisation=gemeente.")
    return key.strip(), value.strip()


def parse_date(text: str, what: str = "date") -> dt.date:
    """An ISO date (`2024-10-01`), or InvalidInput naming what it was for."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        written = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
        if written:
            from workbench.domain.monitoring_values import no_such_day

            raise InvalidInput(f"The {what} '{text}' is {no_such_day(*map(int, written.groups()))}.") from None
        raise InvalidInput(f"The {what} '{text}' is not a date; write it as YYYY-MM-DD, e.g. 2024-10-01.") from None


def parse_bool(text: str) -> bool | None:
    """True or False for the usual English and Dutch words, None for anything else."""
    folded = text.strip().casefold()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    return None


def value_matches(stored: Any, wanted: str) -> bool:
    """Whether a stored attribute value equals what the user typed (text ignores case, numbers compare as numbers)."""
    if stored is None:
        return False
    if isinstance(stored, bool):
        return parse_bool(wanted) is stored
    if isinstance(stored, (int, float)):
        try:
            return float(wanted.replace(",", ".")) == float(stored)
        except ValueError:
            return False
    if isinstance(stored, dt.date):
        return stored.isoformat() == wanted.strip()
    return str(stored).strip().casefold() == wanted.strip().casefold()


def matching_documents(
    values: dict[int, dict[str, Any]], wanted: Iterable[tuple[str, str]]
) -> set[int]:
    """The ids of documents whose attributes (`{doc_id: {name: value}}`) match every wanted key."""
    by_key: dict[str, list[str]] = {}
    for key, value in wanted:
        by_key.setdefault(key.casefold(), []).append(value)
    result = set()
    for doc_id, attributes in values.items():
        folded = {name.casefold(): value for name, value in attributes.items()}
        if all(any(value_matches(folded.get(key), w) for w in options) for key, options in by_key.items()):
            result.add(doc_id)
    return result


def as_date(value: Any) -> dt.date | None:
    """A date from an attribute value or a metadata string, or None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None
