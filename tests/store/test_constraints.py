"""The schema itself refuses data that would break the offsets rule or the codebook tree."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy.exc import IntegrityError

from workbench.store.schema import Attribute, AttributeValue, Code, Coding, Document, Turn


def _guid() -> str:
    return str(uuid.uuid4())


def _document(s) -> Document:
    doc = Document(guid=_guid(), title="Interview gemeente", format="txt", language="nl",
                   text="Goedemorgen. Fijn dat u er bent.", text_sha256=_guid())
    s.add(doc)
    s.flush()
    return doc


def _expect_refused(project, build) -> None:
    with pytest.raises(IntegrityError):
        with project.db.transaction() as s:
            build(s)


def test_spans_must_have_start_before_end(project):
    def turn(s):
        s.add(Turn(document_id=_document(s).id, start=5, end=5))

    def negative(s):
        s.add(Turn(document_id=_document(s).id, start=-1, end=4))

    _expect_refused(project, turn)
    _expect_refused(project, negative)


def test_codes_are_unique_per_parent_and_at_the_root(project):
    def twins_at_root(s):
        s.add_all([Code(guid=_guid(), name="Dubbel"), Code(guid=_guid(), name="Dubbel")])

    def twins_under_parent(s):
        parent = Code(guid=_guid(), name="Ouder")
        s.add(parent)
        s.flush()
        s.add_all([Code(guid=_guid(), name="Kind", parent_id=parent.id), Code(guid=_guid(), name="Kind", parent_id=parent.id)])

    _expect_refused(project, twins_at_root)
    _expect_refused(project, twins_under_parent)
    with project.db.transaction() as s:  # the same name under different parents is fine
        a, b = Code(guid=_guid(), name="A-thema"), Code(guid=_guid(), name="B-thema")
        s.add_all([a, b])
        s.flush()
        s.add_all([Code(guid=_guid(), name="Overig", parent_id=a.id), Code(guid=_guid(), name="Overig", parent_id=b.id)])


def test_foreign_keys_are_enforced(project):
    def orphan(s):
        s.add(Coding(guid=_guid(), document_id=999, code_id=999, coder_id=999, start=0, end=3))
        s.flush()

    _expect_refused(project, orphan)


def test_coding_status_and_shortcut_are_checked(project):
    def bad_status(s):
        doc = _document(s)
        code = Code(guid=_guid(), name="Status")
        s.add(code)
        s.flush()
        s.add(Coding(guid=_guid(), document_id=doc.id, code_id=code.id, coder_id=project.ctx.coder_id(), start=0, end=3, status="maybe"))

    def bad_shortcut(s):
        s.add(Code(guid=_guid(), name="Sneltoets", shortcut=12))

    _expect_refused(project, bad_status)
    _expect_refused(project, bad_shortcut)


def test_an_attribute_value_belongs_to_a_document_or_a_case(project):
    def ownerless(s):
        attribute = Attribute(guid=_guid(), name="organisatie")
        s.add(attribute)
        s.flush()
        s.add(AttributeValue(attribute_id=attribute.id, value_text="gemeente"))

    _expect_refused(project, ownerless)


def test_deleting_a_document_takes_its_turns(project):
    with project.db.transaction() as s:
        doc = _document(s)
        s.add(Turn(document_id=doc.id, start=0, end=12, speaker="I"))
        doc_id = doc.id
    with project.db.transaction() as s:
        s.delete(s.get(Document, doc_id))
    with project.db.transaction() as s:
        assert s.query(Turn).filter_by(document_id=doc_id).count() == 0
