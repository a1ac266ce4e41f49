"""Frequency, co-occurrence and presence matrices on the hand-made corpus, with numbers counted by hand."""

from __future__ import annotations

import pytest

from tests.services.analysis_fixtures import corpus  # noqa: F401 - fixture
from workbench.domain.errors import InvalidInput, NotFound
from workbench.domain.filters import Selection

V, VP, VR = "Vertrouwen", "Vertrouwen/Vertrouwen in personen", "Vertrouwen/Ruimte om te falen"
F, FS, FH = "Financiering", "Financiering/Subsidie voor één jaar", "Financiering/Huurinkomsten"
R = "Rollen en taken/Bewoners dragen de plek"
USED = [V, VP, VR, F, FS, FH, R]


def _frequencies(project, **options):
    """Each coding counted apart, each code alone, unless asked: the counting rules these tests work out."""
    options.setdefault("subcodes", False)
    options.setdefault("measure", "codings")
    return project.matrices.frequencies(**options)


def _cooccurrence(project, **options):
    options.setdefault("subcodes", False)
    return project.matrices.cooccurrence(**options)


def _case_matrix(project, **options):
    options.setdefault("subcodes", False)
    return project.matrices.case_matrix(**options)


def test_codings_by_document(project, corpus):
    table = _frequencies(project, by="documents", codes=[V, F, FH])
    assert table.columns == ("Interview gemeente", "Interview corporatie", "Werkbezoek HEEM", "Field notes province")
    assert table.rows == (V, F, FH)
    assert table.values == ((3, 2, 1, 0), (2, 1, 1, 0), (0, 1, 0, 0))
    assert table.row_totals == (6, 4, 1)


def test_codings_by_attribute_speaker_and_coder(project, corpus):
    by_organisation = _frequencies(project, by="attr:organisation", codes=[V, F])
    assert by_organisation.columns == ("corporatie", "gemeente", "provincie", "wijkonderneming")
    assert by_organisation.values == ((2, 3, 0, 1), (1, 2, 0, 1))
    by_speaker = _frequencies(project, by="speakers", codes=[V, F])
    assert by_speaker.columns == ("Ahmed", "Interviewer", "Marieke", "Sanne")
    assert by_speaker.values == ((2, 0, 3, 1), (1, 1, 2, 0))
    by_coder = _frequencies(project, by="coders", codes=[V, F])
    assert by_coder.columns == ("anna", "bram")
    assert by_coder.values == ((4, 2), (4, 0))


def test_documents_and_coded_words(project, corpus):
    documents = _frequencies(project, by="attr:organisation", measure="documents", codes=[V, VP])
    assert documents.values == ((1, 1, 0, 1), (1, 1, 0, 0)) and documents.row_totals == (3, 2)
    # Overlapping codings of one code count their words once: g7 lies inside g1.
    words = _frequencies(project, by="documents", measure="words", codes=[V])
    assert words.values == ((4 + 5, 3 + 4, 5, 0),)
    by_coder = _frequencies(project, by="coders", measure="words", codes=[V])
    assert by_coder.values == ((4 + 5 + 4 + 5, 1 + 3),)


def test_sub_codes_roll_up_into_their_parent(project, corpus):
    table = _frequencies(project, by="documents", codes=[V, F], subcodes=True)
    assert table.values == ((4, 3, 2, 0), (3, 2, 2, 0))


def test_all_codes_are_rows_in_codebook_order_and_filters_apply(project, corpus):
    table = _frequencies(project, by="documents")
    assert table.rows.index(V) < table.rows.index(VP) < table.rows.index(F)
    assert "Leergeschiedenis/Dieptepunt" in table.rows
    assert table.cell("Leergeschiedenis/Dieptepunt", "Interview gemeente") == 0
    filtered = _frequencies(project, by="documents", codes=[V], selection=Selection(coders=("bram",)))
    assert filtered.values == ((1, 1, 0, 0),)
    only_two = _frequencies(project, by="documents", codes=[V], selection=Selection(documents=("1", "3")))
    assert only_two.columns == ("Interview gemeente", "Werkbezoek HEEM") and only_two.values == ((3, 1),)
    with pytest.raises(NotFound, match="attribute named 'sector'"):
        _frequencies(project, by="attr:sector")
    with pytest.raises(InvalidInput, match="columns by 'weather'"):
        _frequencies(project, by="weather")
    with pytest.raises(InvalidInput, match="measure 'minutes'"):
        _frequencies(project, measure="minutes")


def test_cooccurrence_by_document(project, corpus):
    table = _cooccurrence(project, unit="document")
    assert list(table.codes) == USED
    assert table.count(V, F) == 3 and table.similarity(V, F) == 1.0
    assert table.count(V, VP) == 2 and table.similarity(V, VP) == pytest.approx(2 / 3, abs=1e-4)
    assert table.count(VP, FS) == 1 and table.similarity(VP, FS) == pytest.approx(1 / 3, abs=1e-4)
    assert table.count(FS, FH) == 0 and table.similarity(FS, FH) == 0.0
    assert table.count(V, V) == 3 and table.count(R, R) == 1


def test_cooccurrence_by_sentence_and_turn(project, corpus):
    sentences = _cooccurrence(project, unit="sentence", codes=[V, VP, F, FS, FH])
    assert sentences.count(V, V) == 5 and sentences.count(F, F) == 6
    assert sentences.count(V, F) == 0
    assert sentences.count(V, VP) == 1 and sentences.similarity(V, VP) == pytest.approx(1 / 6, abs=1e-4)
    assert sentences.count(F, FS) == 1 and sentences.similarity(F, FS) == pytest.approx(1 / 7, abs=1e-4)
    assert sentences.count(F, FH) == 1 and sentences.similarity(F, FH) == pytest.approx(1 / 6, abs=1e-4)
    marieke = _cooccurrence(project, unit="sentence", codes=[V, F], selection=Selection(speakers=("Marieke",)))
    assert marieke.counts == ((2, 0), (0, 3))
    turns = _cooccurrence(project, unit="turn", codes=[V, F])
    assert turns.counts == ((5, 3), (3, 4))
    assert turns.similarity(V, F) == pytest.approx(3 / 6, abs=1e-4)


def test_cooccurrence_of_overlapping_spans(project, corpus):
    table = _cooccurrence(project, unit="span", codes=[V, VP, F, FH])
    length = lambda label: corpus.spans[label][2] - corpus.spans[label][1]  # noqa: E731
    v_chars = length("g1") + length("g6") + length("c5") + length("c3") + length("h3")
    vp_chars = length("g2") + length("c2")
    f_chars = length("g3") + length("g5") + length("c4") + length("h5")
    assert table.count(V, V) == 5 and table.count(F, F) == 4
    assert table.count(V, VP) == 1
    assert table.similarity(V, VP) == pytest.approx(length("c5") / (v_chars + vp_chars - length("c5")), abs=1e-4)
    assert table.count(F, FH) == 1
    assert table.similarity(F, FH) == pytest.approx(length("c1") / f_chars, abs=1e-4)
    assert table.count(V, F) == 0 and table.similarity(V, F) == 0.0
    with pytest.raises(InvalidInput, match="unit 'paragraph'"):
        _cooccurrence(project, unit="paragraph")


def test_code_by_case_presence(project, corpus):
    table = _case_matrix(project, codes=[V, FH, R])
    assert table.by == "documents" and table.measure == "presence"
    assert table.values == ((1, 1, 1, 0), (0, 1, 0, 0), (0, 0, 1, 0))
    assert table.row_totals == (3, 1, 1)


def test_cases_group_documents(project, corpus):
    import uuid

    from workbench.store.schema import Case, CaseDocument

    with project.ctx.change("case.create", undoable=False) as unit:
        for name, keys in (("Gemeente Nijmegen", ["gemeente"]), ("Wijk en partners", ["corporatie", "heem"])):
            case = Case(guid=str(uuid.uuid4()), name=name, description="")
            unit.session.add(case)
            unit.session.flush()
            for key in keys:
                unit.session.add(CaseDocument(case_id=case.id, document_id=corpus.documents[key]))
    presence = _case_matrix(project, codes=[V, FH, R])
    assert presence.by == "cases" and presence.columns == ("Gemeente Nijmegen", "Wijk en partners")
    assert presence.values == ((1, 1), (0, 1), (0, 1))
    counts = _frequencies(project, by="cases", codes=[V])
    assert counts.values == ((3, 3),)
