"""Document attributes (variables) such as organisation, role or interview date, and their typed values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from workbench.domain.errors import InvalidInput
from workbench.domain.filters import parse_bool, parse_date

TYPES = ("text", "number", "date", "boolean")


@dataclass(frozen=True)
class DocumentAttribute:
    """One attribute value of one document."""

    document_id: int
    document: str
    name: str
    type: str
    value: str | float | int | bool | dt.date


def convert(name: str, kind: str, text: str) -> str | float | bool | dt.date:
    """The typed value of `text` for an attribute of type `kind`, or InvalidInput saying what is expected."""
    if kind == "number":
        try:
            return float(text.strip().replace(",", "."))
        except ValueError:
            raise InvalidInput(f"The attribute '{name}' holds numbers, and '{text}' is not a number.") from None
    if kind == "date":
        return parse_date(text, f"value of the date attribute '{name}'")
    if kind == "boolean":
        value = parse_bool(text)
        if value is None:
            raise InvalidInput(f"The attribute '{name}' is yes/no, and '{text}' is neither; write yes or no.")
        return value
    if not text.strip():
        raise InvalidInput(f"The value of the attribute '{name}' is empty; remove the attribute instead.")
    return text.strip()
