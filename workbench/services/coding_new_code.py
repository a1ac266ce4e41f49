"""A new code applied to a span in one unit of work: the code picker's "+ New code" and in-vivo coding.

Creating the code and coding the span are one change, so one undo takes both back and a failure leaves neither.
"""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.code_entries import CodeEntry
from workbench.domain.codebook import CodeSpec
from workbench.domain.codings import Coding, fingerprint
from workbench.domain.spans import check_span, shorten
from workbench.services import codebook_ops
from workbench.services import codebook_rows as rows
from workbench.services.coding_rows import read_codings
from workbench.services.context import Unit
from workbench.services.lookup import resolve_document
from workbench.services.texts import texts_for
from workbench.store.schema import Code
from workbench.store.schema import Coding as CodingRow

IN_VIVO = "In vivo"  # the top-level category that collects in-vivo codes


def in_vivo_parent(s: Session) -> Code:
    """The top-level "In vivo" category, made (not codable) when the codebook has none yet."""
    found = s.scalar(select(Code).where(Code.parent_id.is_(None), Code.name == IN_VIVO).limit(1))
    if found is not None:
        return found
    spec = CodeSpec(guid=str(uuid.uuid4()), name=IN_VIVO, name_en=IN_VIVO, codable=False)
    return codebook_ops.create(s, spec, None, None)


def create_and_apply(s: Session, unit: Unit, spec: CodeSpec, parent: Code | None, document: str | int,
                     start: int, end: int) -> tuple[CodeEntry, Coding]:
    """Add the code under `parent` and code `[start, end)` of the document with it, by the unit's coder."""
    doc_id, title = resolve_document(s, document)
    text = texts_for(s, [doc_id])[doc_id]
    check_span(start, end, len(text), title)
    code = codebook_ops.create(s, spec, parent, None)
    coding = CodingRow(guid=str(uuid.uuid4()), document_id=doc_id, code_id=code.id, coder_id=unit.coder_id,
                       start=start, end=end, status="applied", origin="manual",
                       fingerprint=fingerprint(text, start, end))
    s.add(coding)
    s.flush()
    entry = rows.entry(s, code)
    unit.describe(target=f"code:{code.guid}", codes=[code.guid],
                  summary=f"Created code {entry.path!r} and coded '{shorten(text[start:end])}' with it")
    return entry, read_codings(s, [CodingRow.id == coding.id])[0]
