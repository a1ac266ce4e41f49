"""A small monitoring log for the service tests: the project year, a register of actors and a few entries.

Documents, codes and codings are made straight through the ORM so these tests do not depend on the
import and coding services.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid

import pytest

from workbench.store.schema import Attribute, AttributeValue, Code, Coding, Document

ACTORS = (
    ("Gemeente Nijmegen", "organisation", "gemeente", "", "Gemeente", None),
    ("HEEM", "organisation", "wijkonderneming", "", "Wijkonderneming A", None),
    ("Marieke Jansen", "person", "gemeente", "wijkmanager", "Ambtenaar A", "Gemeente Nijmegen"),
    ("Fatima el Amrani", "person", "wijkonderneming", "initiatiefnemer", "Initiatiefnemer A", "HEEM"),
)


def add_actors(project) -> None:
    for name, kind, org_type, role, pseudonym, organisation in ACTORS:
        project.monitoring.actors.add(name, kind=kind, organisation_type=org_type, role=role, pseudonym=pseudonym,
                                      organisation=organisation)


def fill_log(project) -> dict[str, int]:
    """The year, the actors and five entries (one internal); returns entry ids by a short key."""
    monitoring = project.monitoring
    monitoring.init_year()
    add_actors(project)
    entries = monitoring.entries
    ids = {e.title.split()[0].lower(): e.id for e in entries.list()}
    ids["interview"] = entries.add({
        "date": "2024-07-11", "type": "interview", "title": "Interview initiatiefnemer", "actors": "Fatima el Amrani",
        "observation": "Fatima el Amrani vertelt over HEEM.", "reflection": "Zij spreekt over 'mijn bewoners'.",
    }).id
    ids["low"] = entries.add({
        "date": "2024-10-24", "type": "phone/e-mail", "title": "Subsidie weer voor één jaar",
        "actors": ["Marieke Jansen", "Fatima el Amrani"], "observation": "Mail van Marieke Jansen; geen meerjarig kader.",
        "significance": "dieptepunt", "significance_why": "Onzekerheid; HEEM overweegt te stoppen.",
    }).id
    ids["visit"] = entries.add({
        "date": "2024-11-14", "end_date": "2024-11-15", "type": "werkbezoek", "title": "Werkbezoek Het Klooster",
        "location": "Doetinchem", "observation": "Eigen inkomsten uit groenonderhoud.",
        "significance": "leermoment", "significance_why": "Geldstromen in de wijk.",
    }).id
    ids["decision"] = entries.add({
        "date": "2025-02-06", "time": "10:00", "type": "besluit", "title": "Driejarige afspraak",
        "actors": "Gemeente Nijmegen; HEEM", "significance": "kantelpunt", "significance_why": "Eerste meerjarige afspraak.",
    }).id
    ids["internal"] = entries.add({
        "date": "2025-05-15", "type": "meeting", "title": "Teamoverleg over de initiatiefnemer",
        "confidentiality": "internal", "observation": "Fatima el Amrani raakt overbelast.",
    }).id
    return ids


@pytest.fixture
def log_project(project):
    """The `project` fixture (both backends) with the small log filled in."""
    project.log_ids = fill_log(project)
    return project


def add_code(session, name: str, parent: Code | None = None, colour: str = "#336699") -> Code:
    code = Code(guid=str(uuid.uuid4()), name=name, colour=colour, parent_id=parent.id if parent else None)
    session.add(code)
    session.flush()
    return code


def add_document(session, title: str, coder_id: int, text: str | None = None) -> Document:
    text = text or f"{title}: " + "Een gesprek over vertrouwen en geld in de wijk. " * 10
    document = Document(guid=str(uuid.uuid4()), title=title, format="txt", language="nl", text=text,
                        text_sha256=hashlib.sha256(text.encode()).hexdigest(), imported_by=coder_id)
    session.add(document)
    session.flush()
    return document


def set_attribute(session, document: Document, name: str, value: dt.date | str) -> None:
    from sqlalchemy import select

    attribute = session.scalar(select(Attribute).where(Attribute.name == name))
    if attribute is None:
        attribute = Attribute(guid=str(uuid.uuid4()), name=name, type="date" if isinstance(value, dt.date) else "text")
        session.add(attribute)
        session.flush()
    if isinstance(value, dt.date):
        session.add(AttributeValue(attribute_id=attribute.id, document_id=document.id, value_date=value))
    else:
        session.add(AttributeValue(attribute_id=attribute.id, document_id=document.id, value_text=value))


def add_codings(session, document: Document, code: Code, coder_id: int, count: int, status: str = "applied",
                offset: int = 0) -> list[int]:
    ids = []
    for i in range(count):
        coding = Coding(guid=str(uuid.uuid4()), document_id=document.id, code_id=code.id, coder_id=coder_id,
                        start=offset + i * 10, end=offset + i * 10 + 8, status=status)
        session.add(coding)
        session.flush()
        ids.append(coding.id)
    return ids
