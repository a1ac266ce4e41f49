"""Pseudonymised exports an ethics board accepts: a register that understands names, one pseudonym per entity
in every export, a leak scan that refuses a leaking file, a report beside each export and the key on its own."""

from __future__ import annotations

import csv
import json
import stat
import zipfile
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from workbench.domain.errors import InvalidInput, NeedsConfirmation
from workbench.domain.pseudonyms import RegisteredName, Replacer
from workbench.project import Project

TRANSCRIPT = """Interviewer: Goedemiddag. Hoe gaat het met HEEM?
el Amrani, Fatima: Goed hoor. Ik werk met Marieke Jansen van de gemeente, en de heem-bewoners doen veel zelf. Onder de linde drinken we koffie met De Nieuwe Linde.
Bosman, Ingrid: Ik ben 43 jaar en werk bij Woonstichting Waalwonen. Mail me op ingrid.bosman@waalwonen.nl of bel 06-12345678. Zie ook Lotte Hendriks.
Beleidsadviseur Gemeente: Wij volgen het. Marieke's team belt elke week met Fatima.
"""
SECOND = """Interviewer: Hoe kijkt u naar HEEM?
Ingrid: Het kantoor van Waalwonen staat aan de Tarweweg. Ingrid Bosman is mijn naam, zeg maar Ingrid.
"""
REAL = ("Fatima", "Amrani", "Ingrid", "Bosman", "Marieke", "Jansen", "HEEM", "Waalwonen", "Nieuwe Linde",
        "Tarweweg", "ingrid.bosman", "12345678")


@pytest.fixture
def project(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "heem-bewoner.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (tmp_path / "in" / "Interview Ingrid.txt").write_text(SECOND, encoding="utf-8")
    made = Project.init(tmp_path / "p", name="Proef", coder="anna")
    results = made.documents.import_paths(sorted((tmp_path / "in").iterdir()), attributes={"leeftijd": "43"})
    assert all(r.status == "imported" for r in results), [r.line for r in results]
    made.monitoring.actors.add("Ingrid Bosman", kind="person", pseudonym="Corporatiemedewerker A")
    made.monitoring.actors.add("Woonstichting Waalwonen", kind="organisation", pseudonym="Corporatie A")
    yield made
    made.close()


def _register(project) -> None:
    names = project.pseudonyms
    added = names.from_speakers()
    assert [e.real_name for e in added] == ["Fatima el Amrani"]
    names.add("Ingrid Bosman", "Respondent 2")
    names.add("HEEM", "Wijkonderneming A", kind="organisation")
    names.add("De Nieuwe Linde", "Wijkonderneming B", kind="organisation")
    names.add("Marieke Jansen", "Ambtenaar A")
    names.add("Lotte Hendriks", "Respondent 3")
    names.add("ingrid.bosman@waalwonen.nl", "[e-mail]", kind="contact")
    names.add("06-12345678", "[telefoon]", kind="contact")
    names.add("Tarweweg", "een straat in Nijmegen-West", kind="place")
    names.set_age_band(10)


def _texts(path: Path) -> str:
    from workbench.importers.export_parts import text_parts

    return "\n".join(part.text for part in text_parts(path))


def test_speaker_labels_become_one_person_each_and_roles_none(project):
    names = project.pseudonyms
    # Ingrid is in the actor register already, so her labels are covered; the role label is no person.
    assert names.unregistered_speakers() == ["el Amrani, Fatima"]
    added = names.from_speakers()
    assert [(e.real_name, e.pseudonym, e.variants) for e in added] == [
        ("Fatima el Amrani", "Respondent 1", ("el Amrani, Fatima",))]
    assert names.unregistered_speakers() == []
    assert names.replacer().text("Ingrid, Bosman, Ingrid; el Amrani, Fatima; Fatima") == (
        "Corporatiemedewerker A, Corporatiemedewerker A; Respondent 1; Respondent 1")
    # Registered by hand, the name register's pseudonym is the one every export uses, the timeline's too.
    names.add("Ingrid Bosman", "Respondent 2")
    assert names.replacer().text("Ingrid, Bosman, Ingrid") == "Respondent 2, Respondent 2"
    assert [e.pseudonym for e in names.entities() if "Ingrid" in e.real_name] == ["Respondent 2"]
    assert "Woonstichting Waalwonen" in {e.real_name for e in names.entities()}
    with pytest.raises(InvalidInput, match="names a role"):
        names.add("Beleidsadviseur Gemeente")


def test_variants_that_damage_sentences_are_refused_and_ordinary_words_wait_for_a_yes(project):
    names = project.pseudonyms
    for variant in ("De", "el", "Jo"):
        with pytest.raises(InvalidInput, match="variant"):
            names.add("Fatima el Amrani", variants=(variant,))
    assert names.list() == ()
    with pytest.raises(NeedsConfirmation) as refused:
        names.add("Linde", "Wijkonderneming B", kind="organisation")
    assert "occurs 1 time " in str(refused.value) and "Onder de linde drinken" in str(refused.value)
    assert names.list() == ()
    kept = names.add("Linde", "Wijkonderneming B", kind="organisation", keep_ordinary=True)
    assert kept.real_name == "Linde" and [e.real_name for e in names.list()] == ["Linde"]


EXPORTS = ("fragments.xlsx", "fragments.csv", "themes.docx", "project.qdpx", "codebook.qdc", "timeline.docx",
           "timeline.xlsx", "timeline.csv", "timeline.json", "timeline.ics")


def _export(project, name: str, out: Path):
    kind, _dot, fmt = name.partition(".")
    if kind == "fragments":
        return project.exports.fragments(out, pseudonymise=True)
    if kind == "themes":
        return project.exports.themes(out, pseudonymise=True)
    if kind == "project":
        return project.exports.qdpx(out, pseudonymise=True)
    if kind == "codebook":
        return project.exports.codebook(out, pseudonymise=True)
    return project.monitoring.export_timeline(fmt, out, pseudonymise=True)


@pytest.fixture
def coded(project):
    _register(project)
    for document in project.documents.list():
        shown = project.documents.show(document.id)
        for sentence in shown.sentences:
            project.coding.apply(document.id, "Vertrouwen", sentence.start, sentence.end)
    heem = next(d for d in project.documents.list() if d.title == "heem-bewoner")
    project.monitoring.entries.add({"date": "2024-09-04", "type": "meeting", "title": "Overleg met Ingrid Bosman",
                                    "location": "Kantoor Waalwonen", "observation": "HEEM en Marieke's team waren er.",
                                    "actors": "Ingrid Bosman; Woonstichting Waalwonen"})
    assert heem is not None
    return project


@pytest.mark.parametrize("name", EXPORTS)
def test_every_export_holds_no_registered_name_and_one_pseudonym_per_entity(coded, tmp_path, name):
    out = tmp_path / "uit" / name
    result = _export(coded, name, out)
    text = _texts(out)
    for real in REAL:
        assert real.casefold() not in text.casefold(), (name, real)
    assert "Corporatiemedewerker A" not in text  # the actor register's own pseudonym gives way to the register's
    if not name.startswith("codebook"):
        assert "Respondent 2" in text or "Corporatie A" in text
    report = Path(result.deidentification)
    assert report.name == f"{name}.de-identification.docx" and report.parent == out.parent
    assert "Ingrid" not in _texts(report) and "Bosman" not in _texts(report)


def test_the_document_title_file_names_ages_and_places_are_pseudonymised(coded, tmp_path):
    out = tmp_path / "project.qdpx"
    coded.exports.qdpx(out, pseudonymise=True)
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        project_xml = archive.read("project.qde").decode("utf-8")
        sources = "\n".join(archive.read(n).decode("utf-8") for n in names if n.endswith(".txt"))
    assert not any("heem" in n.casefold() or "ingrid" in n.casefold() for n in names)
    assert "Wijkonderneming A-bewoner" in project_xml
    assert "40-49 jaar" in sources and "43 jaar" not in sources
    assert "een straat in Nijmegen-West" in sources
    assert "[e-mail]" in sources and "[telefoon]" in sources
    assert 'value="40-49"' in project_xml or ">40-49<" in project_xml

    fragments = tmp_path / "fragments.xlsx"
    coded.exports.fragments(fragments, pseudonymise=True)
    book = load_workbook(fragments, read_only=True)
    cells = [str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert "Wijkonderneming A-bewoner" in cells
    assert "40-49" in cells and "43" not in cells


def test_the_timeline_and_the_fragments_give_a_person_the_same_pseudonym(coded, tmp_path):
    timeline = tmp_path / "t.json"
    coded.monitoring.export_timeline("json", timeline, pseudonymise=True)
    entry = next(e for e in json.loads(timeline.read_text(encoding="utf-8"))["entries"] if e["title"].startswith("Overleg"))
    assert entry["title"] == "Overleg met Respondent 2"
    assert entry["location"] == "Kantoor Corporatie A"
    assert {a["name"] if isinstance(a, dict) else a for a in entry["actors"]} >= {"Respondent 2", "Corporatie A"}
    fragments = tmp_path / "f.csv"
    coded.exports.fragments(fragments, pseudonymise=True)
    rows = list(csv.DictReader(fragments.open(encoding="utf-8-sig")))
    assert "Respondent 2" in {row.get("speaker") or row.get("Spreker") or "" for row in rows} | {
        value for row in rows for value in row.values()}


def test_the_report_says_what_was_replaced_where_and_never_holds_the_key(coded, tmp_path):
    out = tmp_path / "themes.docx"
    result = coded.exports.themes(out, pseudonymise=True)
    report = Document(result.deidentification)
    paragraphs = [p.text for p in report.paragraphs]
    assert paragraphs[0] == "De-identificatieverslag"
    table = [[cell.text for cell in row.cells] for row in report.tables[0].rows]
    assert table[0] == ["Bron", "Personen", "Organisaties", "Plaatsen", "Contactgegevens", "Totaal"]
    by_source = {row[0]: row for row in table[1:]}
    # Documents appear under their pseudonymised titles, with their own counts.
    assert "Wijkonderneming A-bewoner" in by_source and "Interview Respondent 2" in by_source
    heem = by_source["Wijkonderneming A-bewoner"]
    assert int(heem[1]) >= 5 and int(heem[2]) >= 3 and int(heem[4]) == 2
    assert int(by_source["Interview Respondent 2"][3]) == 1  # the street
    assert table[-1][0] == "Totaal"
    # Respondent 3 (Lotte Hendriks) occurs; nobody is missing but the actor-only organisation is found too.
    assert any("niet gevonden" in p.casefold() for p in paragraphs)
    assert any("leeftijdsklassen van 10 jaar (1 keer)" in p for p in paragraphs)
    assert any("er is niets gevonden" in p for p in paragraphs)
    text = "\n".join(paragraphs + [c for row in table for c in row])
    for real in REAL:
        assert real not in text
    assert "names key" in text


def test_a_leaking_export_is_refused_and_nothing_is_left_behind(coded, tmp_path, monkeypatch):
    import workbench.services.refi_projects as refi

    monkeypatch.setattr(refi, "pseudonymise_project", lambda project, replacer: project)
    out = tmp_path / "lek.qdpx"
    with pytest.raises(InvalidInput) as refused:
        coded.exports.qdpx(out, pseudonymise=True)
    message = str(refused.value)
    assert message.count(".") >= 1 and "lek.qdpx ›" in message and "nothing was kept" in message
    assert not out.exists() and not list(tmp_path.glob("lek.qdpx*"))


def test_names_check_reads_every_part_and_the_key_is_written_on_its_own(coded, tmp_path):
    from workbench.services.deidentification import scan_files
    from workbench.services.name_key import write_key

    leaking = tmp_path / "notities.csv"
    leaking.write_text("wie,wat\nAmbtenaar A,belde met ingrid over heem-bewoners\n", encoding="utf-8")
    result = scan_files(coded.ctx, [leaking])
    assert {leak.spelling for leak in result.leaks} == {"ingrid", "heem"}
    assert not result.clean
    out = tmp_path / "themes.docx"
    coded.exports.themes(out, pseudonymise=True)
    assert scan_files(coded.ctx, [out, Path(f"{out}.de-identification.docx")]).clean

    key, count = write_key(coded.ctx, tmp_path / "sleutel.csv")
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    rows = list(csv.DictReader(key.open(encoding="utf-8-sig")))
    assert count == len(rows) and {"real_name", "kind", "pseudonym"} <= set(rows[0])
    assert {"Ingrid Bosman": "Respondent 2", "Tarweweg": "een straat in Nijmegen-West"}.items() <= {
        row["real_name"]: row["pseudonym"] for row in rows}.items()
    book = load_workbook(write_key(coded.ctx, tmp_path / "sleutel.xlsx")[0])
    assert book.active["A1"].value == "real_name"


def test_suggestions_list_what_the_register_lacks_with_where(project):
    found = {c.text: c for c in project.name_suggestions.suggest()}
    assert found["el Amrani, Fatima"].reason == "speaker label"
    assert "Bosman, Ingrid" not in found  # the actor register names her already
    assert found["Lotte Hendriks"].reason == "capitalised word"
    assert found["ingrid.bosman@waalwonen.nl"].reason == "e-mail address"
    assert found["06-12345678"].reason == "phone number"
    place = found["Lotte Hendriks"].places[0]
    assert place.document == "heem-bewoner" and "Lotte Hendriks" in place.context
    _register(project)
    after = {c.text for c in project.name_suggestions.suggest()}
    assert not {"el Amrani, Fatima", "Lotte Hendriks", "ingrid.bosman@waalwonen.nl", "06-12345678"} & after


def test_an_export_scan_uses_the_same_replacer_as_the_export(coded):
    replacer = coded.pseudonyms.replacer()
    assert isinstance(replacer, Replacer) and replacer.age_band == 10
    assert RegisteredName("Woonstichting Waalwonen", "Corporatie A", (), "organisation") in replacer.entries


def test_a_filtered_export_reports_only_the_documents_it_shows(coded, tmp_path):
    from workbench.domain.exports import FragmentFilter
    from workbench.domain.filters import Selection

    out = tmp_path / "een.xlsx"
    result = coded.exports.fragments(out, filters=FragmentFilter(selection=Selection(documents=("heem-bewoner",))),
                                     pseudonymise=True)
    table = Document(result.deidentification).tables[0]
    sources = [row.cells[0].text for row in table.rows][1:-1]
    assert "Wijkonderneming A-bewoner" in sources and "Interview Respondent 2" not in sources


def test_a_pseudonymised_export_from_an_empty_register_is_refused(tmp_path):
    with Project.init(tmp_path / "leeg", name="Leeg", coder="anna") as empty:
        with pytest.raises(InvalidInput, match="register is empty"):
            empty.exports.codebook(tmp_path / "codeboek.qdc", pseudonymise=True)
    assert not (tmp_path / "codeboek.qdc").exists()
