"""A small hand-made corpus (three Dutch interviews, one English field note) with codings whose answers are known.

Documents, turns, sentences, attributes and codes are written through the ORM, as an import would store them.
Each turn is a list of sentences; sentences inside a turn are joined by one space, turns by a blank line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass, field

import pytest
from sqlalchemy import func, select

from workbench.domain.text import count_words
from workbench.store.schema import Attribute, AttributeValue, Code, Coder, Document, Event, Sentence, Turn
from workbench.store.schema import Coding as CodingRow

DOCUMENTS = {
    "gemeente": {
        "title": "Interview gemeente",
        "language": "nl",
        "attributes": {"organisation": "gemeente", "date": dt.date(2024, 10, 1)},
        "turns": [
            ("Interviewer", 0.0, ["Hoe begon de samenwerking met de wijkonderneming?"]),
            ("Marieke", 4.5, ["Het begon met vertrouwen.", "We vertrouwden elkaar vanaf het begin.",
                              "De financiering was wel lastig."]),
            ("Interviewer", 20.0, ["Waarom was dat lastig?"]),
            ("Marieke", 23.0, ["Subsidies krijgen we maar voor één jaar.", "Financieringen voor langere tijd zijn er niet.",
                               "Toch bleef het vertrouwen groeien."]),
        ],
    },
    "corporatie": {
        "title": "Interview corporatie",
        "language": "nl",
        "attributes": {"organisation": "corporatie", "date": dt.date(2024, 11, 15)},
        "turns": [
            ("Interviewer", 0.0, ["Wat is de rol van de corporatie?"]),
            ("Ahmed", 3.0, ["Wij verhuren de ruimte aan de wijkonderneming.", "De huurinkomsten zijn hun enige verdienmodel.",
                            "Vertrouwen in personen is hier belangrijk."]),
            ("Interviewer", 18.0, ["En de gemeente?"]),
            ("Ahmed", 20.0, ["De gemeente wil alles dichtregelen.", "Dat schaadt het vertrouwen."]),
        ],
    },
    "heem": {
        "title": "Werkbezoek HEEM",
        "language": "nl",
        "attributes": {"organisation": "wijkonderneming", "date": dt.date(2025, 2, 10)},
        "turns": [
            ("Sanne", None, ["De bewoners dragen de plek.", "Het ging een keer mis met de kippen, maar daarna hielp de hele straat.",
                             "Sindsdien is er meer vertrouwen."]),
            ("Interviewer", None, ["Hoe is de financiering geregeld?"]),
            ("Sanne", None, ["Met subsidie voor één jaar, steeds opnieuw."]),
        ],
    },
    "fieldnotes": {
        "title": "Field notes province",
        "language": "en",
        "attributes": {"organisation": "provincie"},
        "turns": [
            ("Researcher", None, ["The residents trusted the founder.", "Funding came from the province for one year only."]),
        ],
    },
}

CODES = [
    ("Vertrouwen", True),
    ("Vertrouwen/Vertrouwen in personen", True),
    ("Vertrouwen/Ruimte om te falen", True),
    ("Financiering", True),
    ("Financiering/Subsidie voor één jaar", True),
    ("Financiering/Huurinkomsten", True),
    ("Rollen en taken", True),
    ("Rollen en taken/Bewoners dragen de plek", True),
    ("Leergeschiedenis", False),
    ("Leergeschiedenis/Dieptepunt", True),
]

# label: (document, code, coder, where); `where` is (first sentence, last sentence) or a phrase in a sentence.
CODINGS = {
    "g1": ("gemeente", "Vertrouwen", "anna", (1, 1)),
    "g2": ("gemeente", "Vertrouwen/Vertrouwen in personen", "anna", (2, 2)),
    "g3": ("gemeente", "Financiering", "anna", (3, 3)),
    "g4": ("gemeente", "Financiering/Subsidie voor één jaar", "anna", (5, 5)),
    "g5": ("gemeente", "Financiering", "anna", (5, 6)),
    "g6": ("gemeente", "Vertrouwen", "anna", (7, 7)),
    "g7": ("gemeente", "Vertrouwen", "bram", ("vertrouwen", 1)),
    "c1": ("corporatie", "Financiering/Huurinkomsten", "anna", (2, 2)),
    "c2": ("corporatie", "Vertrouwen/Vertrouwen in personen", "anna", (3, 3)),
    "c3": ("corporatie", "Vertrouwen", "anna", (6, 6)),
    "c4": ("corporatie", "Financiering", "anna", (1, 2)),
    "c5": ("corporatie", "Vertrouwen", "bram", ("Vertrouwen in personen", 3)),
    "h1": ("heem", "Rollen en taken/Bewoners dragen de plek", "anna", (0, 0)),
    "h2": ("heem", "Vertrouwen/Ruimte om te falen", "anna", (1, 1)),
    "h3": ("heem", "Vertrouwen", "anna", (2, 2)),
    "h4": ("heem", "Financiering/Subsidie voor één jaar", "anna", (4, 4)),
    "h5": ("heem", "Financiering", "anna", (3, 3)),
}


@dataclass
class Corpus:
    """Ids and texts of the corpus, with the spans of its sentences, turns and codings."""

    documents: dict[str, int] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)
    sentences: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    turns: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    codes: dict[str, int] = field(default_factory=dict)
    codings: dict[str, int] = field(default_factory=dict)
    spans: dict[str, tuple[str, int, int]] = field(default_factory=dict)

    def phrase(self, key: str, phrase: str, sentence: int | None = None) -> tuple[int, int]:
        """The span of the first occurrence of `phrase` in a document (inside one sentence when given)."""
        lo, hi = self.sentences[key][sentence] if sentence is not None else (0, len(self.texts[key]))
        start = self.texts[key].index(phrase, lo, hi)
        return start, start + len(phrase)

    def sentence(self, key: str, index: int) -> tuple[int, int]:
        return self.sentences[key][index]

    def cover(self, key: str, first: int, last: int) -> tuple[int, int]:
        return self.sentences[key][first][0], self.sentences[key][last][1]

    def turn(self, key: str, index: int) -> tuple[int, int]:
        return self.turns[key][index]


def _layout(turns):
    pieces, turn_spans, sentence_spans, offset = [], [], [], 0
    for number, (_speaker, _t, sentences) in enumerate(turns):
        if number:
            pieces.append("\n\n")
            offset += 2
        turn_start = offset
        for i, sentence in enumerate(sentences):
            if i:
                pieces.append(" ")
                offset += 1
            sentence_spans.append((offset, offset + len(sentence)))
            pieces.append(sentence)
            offset += len(sentence)
        turn_spans.append((turn_start, offset))
    return "".join(pieces), turn_spans, sentence_spans


def ensure_code(project, path: str, codable: bool = True) -> int:
    """The id of the code at `path`, creating missing codes along it (an existing codebook is reused)."""
    with project.ctx.change("code.create", summary=f"Created code {path}", undoable=False) as unit:
        parent = None
        for name in path.split("/"):
            found = unit.session.scalar(select(Code).where(Code.parent_id.is_(parent) if parent is None else Code.parent_id == parent, Code.name == name))
            if found is None:
                found = Code(guid=str(uuid.uuid4()), parent_id=parent, name=name, colour="#336699", codable=codable)
                unit.session.add(found)
                unit.session.flush()
            parent = found.id
        return parent


def add_document(project, key: str, spec: dict, corpus: Corpus) -> None:
    text, turn_spans, sentence_spans = _layout(spec["turns"])
    with project.ctx.change("document.import", summary=f"Imported {spec['title']}", undoable=False) as unit:
        s = unit.session
        doc = Document(
            guid=str(uuid.uuid4()), title=spec["title"], original_filename=f"{key}.txt", format="txt",
            language=spec["language"], text=text, text_sha256=hashlib.sha256(text.encode()).hexdigest(),
            word_count=count_words(text), metadata_={},
        )
        s.add(doc)
        s.flush()
        for (speaker, t_start, _sentences), (start, end) in zip(spec["turns"], turn_spans, strict=True):
            s.add(Turn(document_id=doc.id, start=start, end=end, speaker=speaker, t_start=t_start, t_end=None))
        for start, end in sentence_spans:
            s.add(Sentence(document_id=doc.id, start=start, end=end))
        for name, value in spec["attributes"].items():
            attribute = s.scalar(select(Attribute).where(Attribute.name == name))
            if attribute is None:
                kind = "date" if isinstance(value, dt.date) else "text"
                attribute = Attribute(guid=str(uuid.uuid4()), name=name, type=kind)
                s.add(attribute)
                s.flush()
            row = AttributeValue(attribute_id=attribute.id, document_id=doc.id)
            if isinstance(value, dt.date):
                row.value_date = value
            else:
                row.value_text = value
            s.add(row)
        corpus.documents[key] = doc.id
    corpus.texts[key] = text
    corpus.turns[key] = turn_spans
    corpus.sentences[key] = sentence_spans


def build_corpus(project, *, with_codings: bool = True) -> Corpus:
    """Store the corpus (and, unless told otherwise, its codings made through the coding service)."""
    from workbench.project import Project

    corpus = Corpus()
    for key, spec in DOCUMENTS.items():
        add_document(project, key, spec, corpus)
    for path, codable in CODES:
        corpus.codes[path] = ensure_code(project, path, codable)
    if not with_codings:
        return corpus
    others: dict[str, Project] = {}
    for label, (key, code, coder, where) in CODINGS.items():
        if isinstance(where[0], str):
            start, end = corpus.phrase(key, where[0], where[1])
        else:
            start, end = corpus.cover(key, *where)
        if coder == project.coder:
            service = project.coding
        else:
            if coder not in others:
                others[coder] = Project.open(project.directory, db=None if project.db.is_sqlite else project.url, coder=coder)
            service = others[coder].coding
        corpus.codings[label] = service.apply(corpus.documents[key], code, start, end).id
        corpus.spans[label] = (key, start, end)
    for other in others.values():
        other.close()
    return corpus


def coder_id(project, name: str) -> int:
    with project.ctx.read() as s:
        return s.scalar(select(Coder.id).where(Coder.name == name))


@pytest.fixture
def corpus(project) -> Corpus:
    """The corpus with its codings, in the `project` fixture's project."""
    return build_corpus(project)


def event_count(project) -> int:
    with project.ctx.read() as s:
        return s.scalar(select(func.count()).select_from(Event))


def coding_count(project) -> int:
    with project.ctx.read() as s:
        return s.scalar(select(func.count()).select_from(CodingRow))
