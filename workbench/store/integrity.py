"""Check that a project's database is whole: the file itself (SQLite), its foreign keys, and the offsets rule
(every text matches its checksum, every span lies inside its document's text).

Used after a crash (the reliability drills kill the program mid-write) and available to any front end.
"""

from __future__ import annotations

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from workbench.domain.text import text_sha256
from workbench.store.schema import Coding, Document, Sentence, Turn

SPAN_TABLES = (Turn, Sentence, Coding)


def _sqlite_problems(session: Session) -> list[str]:
    problems = []
    verdict = [row[0] for row in session.execute(text("PRAGMA integrity_check"))]
    if verdict != ["ok"]:
        problems.append(f"the database file is damaged: {'; '.join(verdict[:3])}")
    broken = session.execute(text("PRAGMA foreign_key_check")).all()
    if broken:
        tables = sorted({row[0] for row in broken})
        problems.append(f"{len(broken)} rows of {', '.join(tables)} point at rows that do not exist")
    return problems


def integrity_problems(session: Session) -> list[str]:
    """What is wrong with the project's database, one sentence fragment each; empty when it is whole."""
    problems = _sqlite_problems(session) if session.get_bind().dialect.name == "sqlite" else []
    for doc_id, title, body, checksum in session.execute(
            select(Document.id, Document.title, Document.text, Document.text_sha256)):
        if text_sha256(body) != checksum:
            problems.append(f"the text of document {doc_id} ('{title}') no longer matches its checksum")
    for table in SPAN_TABLES:
        outside = session.scalar(
            select(func.count()).select_from(table).join(Document, Document.id == table.document_id)
            .where((table.start < 0) | (table.end <= table.start) | (table.end > func.length(Document.text)))
        )
        if outside:
            problems.append(f"{outside} {table.__tablename__} lie outside their document's text")
    return problems
