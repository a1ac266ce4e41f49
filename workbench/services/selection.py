"""Turn a `Selection` (what the user filters on) into ids and SQL conditions on codings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session

from workbench.domain.codings import STATUSES
from workbench.domain.errors import InvalidInput, NotFound
from workbench.domain.filters import Selection, as_date, matching_documents
from workbench.services.lookup import resolve_coder, resolve_documents
from workbench.store.schema import Attribute, AttributeValue, Coding, Document, Turn

CHUNK = 900  # ids per IN (...) list, well under every database's parameter limit
T = TypeVar("T")


@dataclass(frozen=True)
class Scope:
    """A resolved selection: None means no limit."""

    document_ids: frozenset[int] | None
    coder_ids: frozenset[int] | None
    speakers: frozenset[str] | None
    statuses: tuple[str, ...]

    def coding_conditions(self, table=Coding.__table__) -> list[ColumnElement[bool]]:
        """WHERE conditions on the codings table (speakers are checked separately, per turn)."""
        conditions = [table.c.status.in_(self.statuses)]
        if self.document_ids is not None:
            conditions.append(table.c.document_id.in_(sorted(self.document_ids)))
        if self.coder_ids is not None:
            conditions.append(table.c.coder_id.in_(sorted(self.coder_ids)))
        return conditions


def chunks(values: Sequence[T] | Iterable[T], size: int = CHUNK) -> Iterable[list[T]]:
    """The values in lists of at most `size`, for IN (...) lists."""
    values = list(values)
    for i in range(0, len(values), size):
        yield values[i : i + size]


def attribute_values(session: Session, document_ids: Iterable[int] | Select | None = None) -> dict[int, dict[str, Any]]:
    """Document attributes as `{document_id: {name: value}}` (values typed: text, number, date, boolean), of
    every document, of the given ids, or of the ids a sub-query selects."""
    query = (
        select(AttributeValue.document_id, Attribute.name, Attribute.type, AttributeValue.value_text,
               AttributeValue.value_number, AttributeValue.value_date, AttributeValue.value_bool)
        .join(Attribute, Attribute.id == AttributeValue.attribute_id)
        .where(AttributeValue.document_id.is_not(None))
    )
    if document_ids is None:
        rows = session.execute(query).all()
    elif isinstance(document_ids, Select):
        rows = session.execute(query.where(AttributeValue.document_id.in_(document_ids))).all()
    else:
        rows = []
        for part in chunks(sorted(set(document_ids))):
            rows.extend(session.execute(query.where(AttributeValue.document_id.in_(part))).all())
    result: dict[int, dict[str, Any]] = {}
    for doc_id, name, kind, text, number, day, flag in rows:
        result.setdefault(cast(int, doc_id), {})[name] = _typed(kind, text, number, day, flag)
    return result


# The column of an attribute value row that holds a value of each type.
VALUE_COLUMNS = {"text": "value_text", "number": "value_number", "date": "value_date", "boolean": "value_bool"}


def typed_value(row) -> Any:
    """The stored value of an attribute row (with type and value_* columns) in its type."""
    return _typed(row.type, row.value_text, row.value_number, row.value_date, row.value_bool)


def _typed(kind: str, text, number, day, flag) -> Any:
    if kind == "number" and number is not None:
        return int(number) if float(number).is_integer() else number
    if kind == "date" and day is not None:
        return day
    if kind == "boolean" and flag is not None:
        return flag
    for value in (text, number, day, flag):
        if value is not None:
            return value
    return None


def document_dates(session: Session) -> dict[int, Any]:
    """Each document's date: its `date` (or `datum`) attribute, else the date its file states in the metadata."""
    dates: dict[int, Any] = {}
    for doc_id, attributes in attribute_values(session).items():
        folded = {name.casefold(): value for name, value in attributes.items()}
        found = next((as_date(folded[key]) for key in ("date", "datum") if as_date(folded.get(key))), None)
        if found is not None:
            dates[doc_id] = found
    # The metadata column is stored after the text, so it is read only for documents still without a date.
    undated = [doc_id for doc_id in session.scalars(select(Document.id)) if doc_id not in dates]
    for part in chunks(undated):
        for doc_id, metadata in session.execute(select(Document.id, Document.metadata_).where(Document.id.in_(part))).all():
            dates[doc_id] = as_date((metadata or {}).get("date"))
    return dates


def resolve_scope(session: Session, selection: Selection) -> Scope:
    """Resolve names in a selection to ids; unknown documents, coders or speakers raise NotFound."""
    for status in selection.statuses:
        if status not in STATUSES:
            raise InvalidInput(f"The status '{status}' is not one of {', '.join(STATUSES)}.")
    documents: set[int] | None = None
    if selection.documents:
        documents = set(resolve_documents(session, selection.documents))
    if selection.attributes:
        values = attribute_values(session)
        _check_attribute_names(session, [key for key, _ in selection.attributes])
        matched = matching_documents(values, selection.attributes)
        documents = matched if documents is None else documents & matched
    if selection.date_from or selection.date_to:
        dated = {
            doc_id for doc_id, day in document_dates(session).items()
            if day is not None and (selection.date_from is None or day >= selection.date_from)
            and (selection.date_to is None or day <= selection.date_to)
        }
        documents = dated if documents is None else documents & dated
    coders = frozenset(resolve_coder(session, name) for name in selection.coders) if selection.coders else None
    speakers = frozenset(resolve_speakers(session, selection.speakers)) if selection.speakers else None
    return Scope(
        frozenset(documents) if documents is not None else None, coders, speakers, tuple(selection.statuses)
    )


def _check_attribute_names(session: Session, keys: Iterable[str]) -> None:
    known = {name.casefold(): name for name in session.scalars(select(Attribute.name))}
    for key in keys:
        if key.casefold() not in known:
            listed = ", ".join(sorted(known.values())) or "none yet"
            raise NotFound(f"No document has an attribute named '{key}' (attributes: {listed}).")


def resolve_speakers(session: Session, names: Iterable[str]) -> list[str]:
    """The stored speaker labels for names typed by the user (case-insensitive)."""
    known = [s for s in session.scalars(select(Turn.speaker).distinct()) if s]
    result = []
    for name in names:
        matches = [s for s in known if s == name] or [s for s in known if s.casefold() == name.strip().casefold()]
        if not matches:
            listed = ", ".join(sorted(known)[:12]) or "none"
            raise NotFound(f"No turn is spoken by '{name}' (speakers: {listed}).")
        result.extend(matches)
    return result
