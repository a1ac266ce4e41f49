"""Set, change and remove the attributes of documents (organisation=gemeente, date=2024-10-01, ...)."""

from __future__ import annotations

import uuid

from sqlalchemy import select

from workbench.domain.attributes import TYPES, DocumentAttribute, convert
from workbench.domain.errors import InvalidInput, NotFound
from workbench.services.context import ServiceContext
from workbench.services.lookup import resolve_document
from workbench.services.selection import VALUE_COLUMNS, typed_value
from workbench.store.schema import Attribute, AttributeValue, Document



class AttributeService:
    """Document attributes; each change is one undoable event."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def set(self, document: str | int, name: str, value: str, *, type: str | None = None) -> DocumentAttribute:
        """Give a document an attribute value; a new attribute is created with `type` (text by default)."""
        name = name.strip()
        if not name:
            raise InvalidInput("The attribute has no name; write it as KEY=VALUE, e.g. organisation=gemeente.")
        if type is not None and type not in TYPES:
            raise InvalidInput(f"The attribute type '{type}' is not one of {', '.join(TYPES)}.")
        with self.ctx.change("attribute.set") as unit:
            s = unit.session
            doc_id, title = resolve_document(s, document)
            attribute = s.scalar(select(Attribute).where(Attribute.name == name))
            if attribute is None:
                attribute = Attribute(guid=str(uuid.uuid4()), name=name, type=type or "text", description="")
                s.add(attribute)
                s.flush()
            elif type is not None and type != attribute.type:
                raise InvalidInput(f"The attribute '{name}' already holds {attribute.type} values, not {type}.")
            typed = convert(name, attribute.type, value)
            row = s.scalar(select(AttributeValue).where(
                AttributeValue.attribute_id == attribute.id, AttributeValue.document_id == doc_id))
            if row is None:
                row = AttributeValue(attribute_id=attribute.id, document_id=doc_id)
                s.add(row)
            for kind, column in VALUE_COLUMNS.items():
                setattr(row, column, typed if kind == attribute.type else None)
            unit.describe(target=f"document:{doc_id}", summary=f"Set {name}={value.strip()} on '{title}'")
        return self._one(doc_id, name)

    def remove(self, document: str | int, name: str) -> DocumentAttribute:
        """Take an attribute value off a document (the attribute itself stays for other documents)."""
        before = self._one_by_ref(document, name)
        with self.ctx.change("attribute.remove", target=f"document:{before.document_id}") as unit:
            s = unit.session
            row = s.scalar(select(AttributeValue).join(Attribute, Attribute.id == AttributeValue.attribute_id).where(
                Attribute.name == before.name, AttributeValue.document_id == before.document_id))
            s.delete(row)
            unit.describe(summary=f"Removed {before.name} from '{before.document}'")
        return before

    def list(self, document: str | int | None = None) -> list[DocumentAttribute]:
        """Every document attribute value, or those of one document, by document and name."""
        with self.ctx.read() as s:
            query = (
                select(AttributeValue.document_id, Document.title, Attribute.name, Attribute.type,
                       AttributeValue.value_text, AttributeValue.value_number, AttributeValue.value_date,
                       AttributeValue.value_bool)
                .join(Attribute, Attribute.id == AttributeValue.attribute_id)
                .join(Document, Document.id == AttributeValue.document_id)
                .order_by(AttributeValue.document_id, Attribute.name)
            )
            if document is not None:
                query = query.where(AttributeValue.document_id == resolve_document(s, document)[0])
            rows = s.execute(query).all()
            return [DocumentAttribute(r.document_id, r.title, r.name, r.type, typed_value(r)) for r in rows]

    def _one(self, doc_id: int, name: str) -> DocumentAttribute:
        return next(a for a in self.list(doc_id) if a.name == name)

    def _one_by_ref(self, document: str | int, name: str) -> DocumentAttribute:
        found = [a for a in self.list(document) if a.name.casefold() == name.strip().casefold()]
        if not found:
            raise NotFound(f"The document '{document}' has no attribute '{name}'; `workbench attribute list` shows them.")
        return found[0]
