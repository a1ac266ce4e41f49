"""Values of domain records as JSON has them: dates as ISO text, records as mappings, sets as lists."""

from __future__ import annotations

from dataclasses import asdict, is_dataclass
from typing import Any


def plain(value: Any) -> Any:
    """A JSON-ready form of a value that `json.dumps` cannot write itself (its `default=`)."""
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)
