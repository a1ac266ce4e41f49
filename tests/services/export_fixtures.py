"""A small coded project for the export tests: three documents with turns, sentences and attributes,
a two-level codebook, codings by two coders, memos on every kind of target, a case and a name register.

Built straight through the ORM so the export tests do not depend on the import and coding services.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field

import pytest

from workbench.domain.codings import fingerprint
from workbench.domain.text import count_words, text_sha256
from workbench.domain.transcripts import TURN_SEPARATOR, TurnSpan
from workbench.nlp.sentences import split_sentences
from workbench.store.schema import (
    Attribute,
    AttributeValue,
    Case,
    CaseDocument,
    Code,
    Coder,
    Coding,
    Document,
    Memo,
    Pseudonym,
    Sentence,
    Turn,
)

REAL_NAMES = ("Jan de Vries", "Fatima Bakker")

DOCUMENTS = {
    "Interview Jan de Vries": {
        "attributes": {"organisatie": "gemeente", "datum": dt.date(2024, 10, 8), "jaren ervaring": 12.0,
                       "pilot": True},
        "turns": [
            ("Interviewer", 0.0, 12.0, "Hoe kijkt u naar de samenwerking met de wijkonderneming?"),
            ("Jan de Vries", 12.0, 754.0,
             "Het vertrouwen zit bij personen, niet bij organisaties. Fatima Bakker belt me gewoon op 😊 en "
             "dan regelen we het."),
            ("Interviewer", 754.0, 760.0, "En hoe zit het met de financiering?"),
            ("Jan de Vries", 760.0, 800.0,
             "Subsidie krijgen we voor één jaar tegelijk. Jans collega's zeggen: dat is geen basis voor "
             "de toekomst."),
        ],
    },
    "Interview wijkonderneming": {
        "attributes": {"organisatie": "wijkonderneming", "datum": dt.date(2024, 10, 15), "pilot": False},
        "turns": [
            ("Interviewer", 5.0, 9.0, "Wat betekent de plek voor de buurt?"),
            ("Fatima Bakker", 9.0, 95.5,
             "De kracht van de kwetsbare kip: toen het misging, herstelde de buurt samen. Jan de Vries' steun "
             "hielp daarbij."),
            ("Interviewer", 95.5, 99.0, "En de financiering?"),
            ("Fatima Bakker", 99.0, 130.0,
             "Huurinkomsten zijn ons enige verdienmodel. Café De Ontmoeting draait op vrijwilligers."),
        ],
    },
    "Veldnotities werkbezoek": {
        "attributes": {"organisatie": "corporatie", "datum": dt.date(2024, 11, 1)},
        "turns": [
            (None, None, None, "Werkbezoek bij de buurtkamer. Bewoners dragen de plek zelf."),
            (None, None, None,
             "De gemeente wil het project borgen, maar er is geen meerjarig kader."),
        ],
    },
}

CODES = [
    ("Vertrouwen", None, "#1F77B4", "Vertrouwen tussen partners en bewoners.", "Als het over vertrouwen gaat."),
    ("Vertrouwen in personen", "Vertrouwen", "#2C7FB8", "Vertrouwen dat op een persoon rust.",
     "Korte lijntjes, persoonlijk contact."),
    ("Ruimte om te falen", "Vertrouwen", "#6BAED6", "Fouten mogen maken en samen herstellen.", ""),
    ("Financiering", None, "#FF7F0E", "Geld: subsidies, huur, budgetten.", "Alles over geldstromen."),
    ("Subsidie", "Financiering", "#FDAE6B", "Subsidies, vaak voor één jaar.", "Als subsidie genoemd wordt."),
    ("Verdienmodel", "Financiering", "#E6550D", "Hoe de onderneming geld verdient.", ""),
    ("Rollen en taken", None, "#2CA02C", "Wie doet wat.", ""),
]

# (document title, quoted text, code name, coder, status, memo)
CODINGS = [
    ("Interview Jan de Vries", "Het vertrouwen zit bij personen, niet bij organisaties.", "Vertrouwen in personen",
     "anna", "applied", ""),
    ("Interview Jan de Vries", "Fatima Bakker belt me gewoon op 😊", "Vertrouwen in personen", "anna", "applied",
     "Fatima Bakker is hier de vaste contactpersoon."),
    ("Interview Jan de Vries", "Het vertrouwen zit bij personen", "Vertrouwen in personen", "bram", "applied", ""),
    ("Interview Jan de Vries", "Subsidie krijgen we voor één jaar tegelijk.", "Subsidie", "anna", "applied",
     "Typisch: jaarlijkse subsidie."),
    ("Interview Jan de Vries", "dat is geen basis voor de toekomst", "Financiering", "anna", "suggested", ""),
    ("Interview wijkonderneming",
     "De kracht van de kwetsbare kip: toen het misging, herstelde de buurt samen.", "Ruimte om te falen",
     "anna", "applied", ""),
    ("Interview wijkonderneming", "Huurinkomsten zijn ons enige verdienmodel.", "Verdienmodel", "bram",
     "applied", ""),
    ("Veldnotities werkbezoek", "Bewoners dragen de plek zelf.", "Rollen en taken", "anna", "applied", ""),
    ("Veldnotities werkbezoek", "De gemeente wil het project borgen, maar er is geen meerjarig kader.",
     "Financiering", "anna", "applied", ""),
]


@dataclass
class Sample:
    """Ids of what the sample holds, by name."""

    documents: dict[str, int] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    codes: dict[str, int] = field(default_factory=dict)
    codings: list[int] = field(default_factory=list)
    coders: dict[str, int] = field(default_factory=dict)


def _document_text(turns) -> tuple[str, list[TurnSpan]]:
    parts, spans, position = [], [], 0
    for speaker, t_start, t_end, said in turns:
        if parts:
            position += len(TURN_SEPARATOR)
        spans.append(TurnSpan(position, position + len(said), speaker, t_start, t_end))
        parts.append(said)
        position += len(said)
    return TURN_SEPARATOR.join(parts), spans


def _attribute_type(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, dt.date):
        return "date"
    return "text"


def _value_row(attribute: Attribute, value, **owner) -> AttributeValue:
    row = AttributeValue(attribute_id=attribute.id, **owner)
    if isinstance(value, bool):
        row.value_bool = value
    elif isinstance(value, (int, float)):
        row.value_number = float(value)
    elif isinstance(value, dt.date):
        row.value_date = value
    else:
        row.value_text = str(value)
    return row


def build_sample(project, *, register: bool = True) -> Sample:
    """Fill a fresh project with the sample; returns the ids."""
    sample = Sample()
    with project.ctx.change("test.sample", summary="Sample data", undoable=False) as unit:
        s = unit.session
        for name in ("anna", "bram"):
            coder = s.query(Coder).filter_by(name=name).one_or_none()
            if coder is None:
                coder = Coder(name=name, guid=str(uuid.uuid4()))
                s.add(coder)
                s.flush()
            sample.coders[name] = coder.id
        attributes: dict[str, Attribute] = {}
        for title, spec in DOCUMENTS.items():
            for name, value in spec["attributes"].items():
                if name not in attributes:
                    attributes[name] = Attribute(guid=str(uuid.uuid4()), name=name, type=_attribute_type(value))
                    s.add(attributes[name])
        s.flush()
        for number, (title, spec) in enumerate(DOCUMENTS.items()):
            text, turns = _document_text(spec["turns"])
            document = Document(
                guid=str(uuid.uuid4()), title=title, original_filename=f"{title.lower().replace(' ', '-')}.docx",
                format="docx", language="nl", text=text, text_sha256=text_sha256(text),
                imported_by=sample.coders["anna"], word_count=count_words(text),
                imported_at=dt.datetime(2024, 11, 2, 10, number, tzinfo=dt.timezone.utc),
                metadata_={"date": spec["attributes"]["datum"].isoformat()},
            )
            s.add(document)
            s.flush()
            sample.documents[title] = document.id
            sample.texts[title] = text
            for turn in turns:
                s.add(Turn(document_id=document.id, start=turn.start, end=turn.end, speaker=turn.speaker,
                           t_start=turn.t_start, t_end=turn.t_end))
            for start, end in split_sentences(text, turns, "nl"):
                s.add(Sentence(document_id=document.id, start=start, end=end))
            for name, value in spec["attributes"].items():
                s.add(_value_row(attributes[name], value, document_id=document.id))
        for order, (name, parent, colour, definition, when) in enumerate(CODES):
            code = Code(guid=str(uuid.uuid4()), name=name, parent_id=sample.codes.get(parent), colour=colour,
                        description=definition, when_to_use=when, sort_order=order)
            s.add(code)
            s.flush()
            sample.codes[name] = code.id
        for title, quoted, code_name, coder, status, memo in CODINGS:
            text = sample.texts[title]
            start = text.index(quoted)
            end = start + len(quoted)
            coding = Coding(guid=str(uuid.uuid4()), document_id=sample.documents[title],
                            code_id=sample.codes[code_name], coder_id=sample.coders[coder], start=start, end=end,
                            status=status, origin="manual", fingerprint=fingerprint(text, start, end),
                            created_at=dt.datetime(2024, 11, 3, 9, len(sample.codings), tzinfo=dt.timezone.utc))
            s.add(coding)
            s.flush()
            sample.codings.append(coding.id)
            if memo:
                s.add(Memo(guid=str(uuid.uuid4()), title="", text=memo, author_id=sample.coders[coder],
                           coding_id=coding.id))
        s.add(Memo(guid=str(uuid.uuid4()), title="Opzet van de interviews",
                   text="Jan de Vries en Fatima Bakker zijn de eerste respondenten.", author_id=sample.coders["anna"]))
        s.add(Memo(guid=str(uuid.uuid4()), title="Over dit interview", text="Opgenomen op het stadskantoor.",
                   author_id=sample.coders["anna"], document_id=sample.documents["Interview Jan de Vries"]))
        s.add(Memo(guid=str(uuid.uuid4()), title="Vertrouwen groeit",
                   text="Vertrouwen groeit na tegenslag; zie de kwetsbare kip.", author_id=sample.coders["bram"],
                   code_id=sample.codes["Vertrouwen"]))
        case = Case(guid=str(uuid.uuid4()), name="Jan de Vries", description="Beleidsmedewerker bij de gemeente.")
        s.add(case)
        role = Attribute(guid=str(uuid.uuid4()), name="functie", type="text")
        s.add(role)
        s.flush()
        s.add(CaseDocument(case_id=case.id, document_id=sample.documents["Interview Jan de Vries"]))
        s.add(_value_row(role, "beleidsmedewerker", case_id=case.id))
        if register:
            s.add(Pseudonym(real_name="Jan de Vries", pseudonym="Respondent 1", variants=[]))
            s.add(Pseudonym(real_name="Fatima Bakker", pseudonym="Respondent 2", variants=[]))
    return sample


@pytest.fixture
def export_project(db_url, tmp_path):
    """A project without the default codebook on each backend, holding the sample."""
    from workbench.project import Project

    db = None if db_url.startswith("sqlite") else db_url
    with Project.init(tmp_path / "sample", name="Wijkondernemingen", db=db, coder="anna", seed=False) as opened:
        opened.sample = build_sample(opened)
        yield opened


@pytest.fixture
def unregistered_project(db_url, tmp_path):
    """The sample without a name register."""
    from workbench.project import Project

    db = None if db_url.startswith("sqlite") else db_url
    with Project.init(tmp_path / "sample", name="Wijkondernemingen", db=db, coder="anna", seed=False) as opened:
        opened.sample = build_sample(opened, register=False)
        yield opened


@pytest.fixture
def fresh_project(db_url, tmp_path):
    """An empty second project on the same backend, to import into."""
    from workbench.project import Project

    db = None
    if not db_url.startswith("sqlite"):
        # A second schema on the same server: reuse the URL's server with a new search path.
        from tests.conftest import _postgres_schema_url

        base = db_url.split("?")[0]
        generator = _postgres_schema_url(base)
        db = next(generator)
    try:
        with Project.init(tmp_path / "imported", name="Ontvangen", db=db, coder="carla", seed=False) as opened:
            yield opened
    finally:
        if db is not None:
            next(generator, None)
