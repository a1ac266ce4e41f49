"""Helpers for the codebook service tests: documents and codings written straight into the store."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

from sqlalchemy import func, select

from workbench.project import Project
from workbench.store.schema import Code, Coding, Document, Event, Memo

REPO = Path(__file__).resolve().parents[2]
DEFAULT_CODEBOOK = REPO / "codebooks" / "samen-creeren-en-floreren.yaml"
TEXT = ("I: Hoe is het contact met de gemeente?\n"
        "R: De lijntjes zijn kort, ik bel Marieke gewoon. Maar elk jaar is het weer afwachten "
        "of de subsidie doorgaat.\n")


def add_document(project: Project, title: str = "Interview gemeente", text: str = TEXT) -> int:
    """A document with the given text; returns its id."""
    with project.ctx.change("test.document", undoable=False) as unit:
        doc = Document(guid=str(uuid.uuid4()), title=title, format="txt", language="nl", text=text,
                       text_sha256=hashlib.sha256(text.encode()).hexdigest(), word_count=len(text.split()))
        unit.session.add(doc)
        unit.session.flush()
        return doc.id


def add_coding(project: Project, document_id: int, code: str, start: int, end: int, *,
               coder: str | None = None, status: str = "applied", memo: str | None = None) -> int:
    """A coding of `code` (path, name or GUID) on [start, end); returns its id."""
    code_id = project.codebook.get(code).id
    coder_id = project.ctx.coder_id(coder)
    with project.ctx.change("test.coding", undoable=False) as unit:
        coding = Coding(guid=str(uuid.uuid4()), document_id=document_id, code_id=code_id, coder_id=coder_id,
                        start=start, end=end, status=status, origin="manual")
        unit.session.add(coding)
        unit.session.flush()
        if memo:
            unit.session.add(Memo(guid=str(uuid.uuid4()), title="", text=memo, coding_id=coding.id))
        return coding.id


def codings_of(project: Project, code: str) -> list[tuple[int, int, int, str]]:
    """(document, start, end, status) of every coding of a code, sorted."""
    code_id = project.codebook.get(code).id
    with project.ctx.read() as s:
        rows = s.execute(select(Coding.document_id, Coding.start, Coding.end, Coding.status)
                         .where(Coding.code_id == code_id)).all()
    return sorted(tuple(r) for r in rows)


def counts(project: Project) -> tuple[int, int, int]:
    """(codes, codings, events): what a refused operation must leave as it was."""
    with project.ctx.read() as s:
        return (s.scalar(select(func.count()).select_from(Code)),
                s.scalar(select(func.count()).select_from(Coding)),
                s.scalar(select(func.count()).select_from(Event)))


def memo_targets(project: Project) -> list[int | None]:
    with project.ctx.read() as s:
        return sorted(s.scalars(select(Memo.coding_id)), key=lambda v: v or 0)
