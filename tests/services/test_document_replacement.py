"""Replacing a document with a corrected version: codings follow their words, the rest waits for the coder."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from workbench.domain.errors import Conflict, ImportFailed, InvalidInput
from workbench.store.schema import Coding, Document, Event, Sentence, Turn

ORIGINAL = """Interviewer: Hoe begon de wijkonderneming?

Respondent: We begonnen in een tijdelijke woning. De gemeente gaf ons een jaar subsidie.
Dat was spannend, want na een jaar moest alles opnieuw.

Interviewer: En het vertrouwen in de gemeente?

Respondent: Het vertrouwen zit in personen, niet in organisaties. Als de wijkmanager vertrekt, begin je opnieuw.

Interviewer: Wat doen de bewoners zelf?

Respondent: De bewoners dragen de plek. Zonder hen is er niets.
"""

CORRECTED = """Interviewer: Hoe begon de wijkonderneming eigenlijk?

Respondent: Eerst even dit: de opname begon te laat, het eerste stuk ging over de buurt.

Respondent: We begonnen in een tijdelijke woning. De gemeente gaf ons een jaar subsidie.
Dat was spannend, want na een jaar moest alles opnieuw.

Interviewer: En het vertrouwen in de gemeente?

Respondent: Het vertrouwen zit in personen, niet in organisaties. Als de wijkmanager vertrekt, begin je opniew.

Respondent: De bewoners dragen de plek. Zonder hen is er niets.
"""


def _file(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _code(project, document_id, text, words, code):
    start = text.index(words)
    return project.coding.apply(document_id, code, start, start + len(words)).id


@pytest.fixture
def coded(project, tmp_path):
    """An interview coded in four places, with a memo and a log link on one coding."""
    for name in ("T-Vertrouwen", "T-Financiering", "T-Rollen", "T-Vragen"):
        project.codebook.create(name)
    result = project.documents.import_paths([_file(tmp_path, "interview.txt", ORIGINAL)])[0]
    text = project.documents.show(result.document_id).text
    ids = {
        "subsidie": _code(project, result.document_id, text, "De gemeente gaf ons een jaar subsidie.", "T-Financiering"),
        "personen": _code(project, result.document_id, text,
                          "Het vertrouwen zit in personen, niet in organisaties. Als de wijkmanager vertrekt, begin je opnieuw.",
                          "T-Vertrouwen"),
        "bewoners": _code(project, result.document_id, text, "De bewoners dragen de plek.", "T-Rollen"),
        "vraag": _code(project, result.document_id, text, "Wat doen de bewoners zelf?", "T-Vragen"),
    }
    project.coding.set_memo(ids["personen"], "Vertrouwen hangt aan personen.")
    entry = project.monitoring.entries.add({"date": "2024-09-04", "type": "meeting", "title": "Startbijeenkomst"},
                                           codings=(ids["subsidie"],))
    return result.document_id, ids, entry


def _span_text(project, coding_id):
    coding = project.coding.get(coding_id)
    return coding.text


def test_codings_follow_their_words_into_the_corrected_text(project, coded, tmp_path):
    document_id, ids, entry = coded
    before = project.documents.show(document_id)
    with project.ctx.read() as s:
        old_guid = s.scalar(select(Document.guid).where(Document.id == document_id))
    result = project.replacement.replace(document_id, _file(tmp_path, "interview-v2.txt", CORRECTED))
    assert (result.tally.kept, result.tally.moved, result.tally.review, result.tally.lost) == (2, 1, 1, 0)
    assert result.memos == 1 and result.links == 1
    assert _span_text(project, ids["subsidie"]) == "De gemeente gaf ons een jaar subsidie."
    assert _span_text(project, ids["bewoners"]) == "De bewoners dragen de plek."
    # A typo fixed inside the coded words: the coding moves to the corrected words.
    assert _span_text(project, ids["personen"]).endswith("begin je opniew.")
    assert project.coding.get(ids["personen"]).memo == "Vertrouwen hangt aan personen."
    # The question was deleted: it waits for review, and nothing is lost.
    assert [r.coding_id for r in result.reviews] == [ids["vraag"]]
    assert result.reviews[0].old_text == "Wat doen de bewoners zelf?"
    after = project.documents.show(document_id)
    assert after.text.startswith("Hoe begon de wijkonderneming eigenlijk?")
    # Consecutive paragraphs of one speaker are one turn: six turns became four.
    assert (len(before.turns), len(after.turns)) == (6, 4) and after.title == before.title
    with project.ctx.read() as s:
        assert s.scalar(select(Document.guid).where(Document.id == document_id)) != old_guid
        assert s.scalar(select(func.count()).select_from(Coding)) == 4
        assert s.scalar(select(func.count()).select_from(Sentence).where(Sentence.document_id == document_id)) > 0
        event = s.scalars(select(Event).where(Event.kind == "document.replace")).one()
        old_texts = [c["before"].get("text") for c in event.payload["changes"]
                     if c["op"] == "update" and c["table"] == "documents"]
        assert ORIGINAL.split("\n")[0].removeprefix("Interviewer: ") in old_texts[0]  # the old text is kept
    assert project.monitoring.entries.get(entry.id).title == "Startbijeenkomst"


def test_the_replacement_is_one_step_that_undo_takes_back(project, coded, tmp_path):
    document_id, ids, _ = coded
    before = project.documents.show(document_id)
    spans = {key: (project.coding.get(i).start, project.coding.get(i).end) for key, i in ids.items()}
    project.replacement.replace(document_id, _file(tmp_path, "v2.txt", CORRECTED))
    undone = project.history.undo()
    assert undone.summary.startswith("Replaced the text of 'interview' with v2.txt")
    again = project.documents.show(document_id)
    assert again.text == before.text and again.turns == before.turns and again.sentences == before.sentences
    assert {key: (project.coding.get(i).start, project.coding.get(i).end) for key, i in ids.items()} == spans
    assert project.replacement.reviews() == []
    project.history.redo()
    assert [r.coding_id for r in project.replacement.reviews(document_id)] == [ids["vraag"]]


def test_the_coder_places_or_drops_each_coding_under_review(project, coded, tmp_path):
    document_id, ids, _ = coded
    project.replacement.replace(document_id, _file(tmp_path, "v2.txt", CORRECTED))
    text = project.documents.show(document_id).text
    (review,) = project.replacement.reviews(document_id)
    assert review.code == "T-Vragen" and review.coder == "anna" and review.reason
    with pytest.raises(InvalidInput, match="is not waiting for review"):
        project.replacement.place(ids["subsidie"])
    start = text.index("Eerst even dit")
    project.replacement.place(ids["vraag"], start, start + len("Eerst even dit"))
    assert _span_text(project, ids["vraag"]) == "Eerst even dit" and project.replacement.reviews() == []
    project.history.undo()
    assert project.replacement.reviews()[0].coding_id == ids["vraag"]
    dropped = project.replacement.drop(ids["vraag"])
    assert dropped.old_text == "Wat doen de bewoners zelf?"
    with project.ctx.read() as s:
        assert s.get(Coding, ids["vraag"]) is None
    project.history.undo()
    with project.ctx.read() as s:
        assert s.get(Coding, ids["vraag"]) is not None
    assert len(project.replacement.reviews()) == 1


def test_a_renamed_speaker_and_a_new_file_format_keep_every_coding(project, coded, tmp_path):
    import docx

    document_id, ids, _ = coded
    word = docx.Document()
    for paragraph in ORIGINAL.replace("Respondent:", "Marieke:").split("\n"):
        if paragraph:
            word.add_paragraph(paragraph)
    path = tmp_path / "interview.docx"
    word.save(path)
    result = project.replacement.replace(document_id, path)
    assert (result.tally.kept, result.tally.moved, result.tally.review) == (4, 0, 0)
    assert "Marieke" in project.documents.show(document_id).speakers
    assert _span_text(project, ids["vraag"]) == "Wat doen de bewoners zelf?"


def test_a_file_that_cannot_be_used_changes_nothing(project, coded, tmp_path):
    document_id, _, _ = coded
    other = project.documents.import_paths([_file(tmp_path, "other.txt", "Interviewer: Iets heel anders.\n")])[0]
    with project.ctx.read() as s:
        events = s.scalar(select(func.count()).select_from(Event))
    with pytest.raises(ImportFailed, match="missing.txt does not exist"):
        project.replacement.replace(document_id, tmp_path / "missing.txt")
    with pytest.raises(Conflict, match="same text as the document 'other'"):
        project.replacement.replace(document_id, tmp_path / "other.txt")
    same = project.replacement.replace(document_id, _file(tmp_path, "same.txt", ORIGINAL))
    assert same.unchanged and same.tally.kept == 4
    assert other.document_id != document_id
    with project.ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Event)) == events
        assert s.scalar(select(func.count()).select_from(Turn).where(Turn.document_id == document_id)) == 6


def test_a_coding_under_review_waits_on_through_a_second_correction(project, coded, tmp_path):
    document_id, ids, _ = coded
    project.replacement.replace(document_id, _file(tmp_path, "v2.txt", CORRECTED))
    third = CORRECTED.replace("eigenlijk?", "eigenlijk precies?")
    result = project.replacement.replace(document_id, _file(tmp_path, "v3.txt", third))
    assert [r.coding_id for r in result.reviews] == [ids["vraag"]]
    assert result.reviews[0].old_text == "Wat doen de bewoners zelf?"  # what it coded before the first correction
    assert result.tally.review == 1
