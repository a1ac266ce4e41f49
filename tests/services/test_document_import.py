"""Importing, listing and showing documents through the document service, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from workbench.domain.errors import ImportFailed, InvalidInput, NotFound
from workbench.store.schema import Attribute, AttributeValue, Document, Event, Sentence, Turn

DATA = Path(__file__).parents[1] / "data" / "transcripts"
SAMPLES = Path(__file__).parents[2] / "transcripts"


def row_counts(project) -> dict[str, int]:
    """How many rows the import-related tables hold: equal counts before and after mean nothing changed."""
    with project.ctx.read() as s:
        return {
            table.__tablename__: s.scalar(select(func.count()).select_from(table))
            for table in (Document, Turn, Sentence, Attribute, AttributeValue, Event)
        }


def copy(name: str, folder: Path, new_name: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(DATA / name, folder / (new_name or name)))


def test_import_a_folder_then_list_and_show(project, tmp_path: Path) -> None:
    folder = tmp_path / "interviews"
    for name in ("interview_labels.txt", "teams.vtt", "whisperx.json"):
        copy(name, folder / "sub" if name == "teams.vtt" else folder)
    (folder / "README.md").write_text("# Over deze map\n", encoding="utf-8")
    (folder / "opname.mp3").write_bytes(b"ID3")
    seen = []
    results = project.documents.import_paths([folder], progress=lambda done, total, r: seen.append((done, total)))
    assert [r.status for r in results] == ["imported"] * 3
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert [Path(r.path).name for r in results] == ["interview_labels.txt", "teams.vtt", "whisperx.json"]
    listed = {d.title: d for d in project.documents.list()}
    labels = listed["Interview medewerker gemeente Nijmegen"]
    assert (labels.format, labels.language, labels.turns, labels.codings) == ("txt", "nl", 5, 0)
    assert labels.speakers == ("Interviewer", "Respondent") and labels.words == 76
    assert labels.attributes == {"date": dt.date(2024, 11, 12), "place": "Nijmegen"}
    assert listed["teams"].speakers == ("Jansen, Marieke", "de Vries, Pieter (Gemeente Nijmegen)", "Bewoner NDW21")

    shown = project.documents.show("Interview medewerker gemeente Nijmegen")
    assert shown.id == labels.id and shown.metadata == {"date": "2024-11-12", "place": "Nijmegen"}
    assert shown.text.startswith("Fijn dat je tijd hebt.") and shown.original_filename == "interview_labels.txt"
    assert [(t.speaker, t.t_start, t.t_end) for t in shown.turns][:3] == [
        ("Interviewer", None, 12.0), ("Respondent", None, None), ("Interviewer", 65.0, None),
    ]  # fmt: skip
    for sentence in shown.sentences:
        assert any(t.start <= sentence.start < sentence.end <= t.end for t in shown.turns)
    assert [shown.text[s.start : s.end] for s in shown.sentences][:3] == [
        "Fijn dat je tijd hebt.", "Hoe is de samenwerking met HEEM ontstaan?", "Via de wijkmanager, eigenlijk.",
    ]  # fmt: skip


def test_identical_text_is_skipped(project, tmp_path: Path) -> None:
    first = copy("interview_bom_cr.txt", tmp_path)
    assert project.documents.import_paths([first])[0].status == "imported"
    before = row_counts(project)
    again = project.documents.import_paths([first, copy("interview_utf16.txt", tmp_path)])
    assert [r.status for r in again] == ["skipped", "skipped"]
    assert "same text as 'Interview bewoner NDW21'" in again[1].message
    assert row_counts(project) == before


def test_a_bad_file_changes_nothing_and_stops_nothing(project, tmp_path: Path) -> None:
    good = copy("otter.txt", tmp_path)
    bad = tmp_path / "kapot.docx"
    bad.write_bytes(b"PK\x03\x04 afgebroken")
    empty = tmp_path / "leeg.txt"
    empty.write_bytes(b"")
    before = row_counts(project)
    results = project.documents.import_paths([bad, good, empty], attributes={"case": "pilot"})
    assert [r.status for r in results] == ["failed", "imported", "failed"]
    assert results[0].message.startswith(f"{bad} is not a readable Word document")
    assert results[2].message == f"{empty} is empty; there is nothing to import."
    after = row_counts(project)
    assert after["documents"] == before["documents"] + 1 and after["attribute_values"] == before["attribute_values"] + 1


def test_a_value_an_attribute_cannot_hold_fails_that_file_only(project, tmp_path: Path) -> None:
    project.documents.import_paths([copy("otter.txt", tmp_path)], attributes={"date": "2024-10-01"})
    before = row_counts(project)
    path = copy("whisper.txt", tmp_path)
    results = project.documents.import_paths([path], attributes={"date": "volgend jaar", "nieuw": "x"})
    assert results[0].status == "failed"
    assert results[0].message.startswith(f"{path} was not imported: the value of the date attribute 'date'")
    assert row_counts(project) == before  # the new attribute 'nieuw' went with the rolled-back file


def test_attributes_from_the_file_the_sheet_and_the_command(project, tmp_path: Path) -> None:
    labels = copy("interview_labels.txt", tmp_path)
    names = copy("interview_names.txt", tmp_path)
    sheet = tmp_path / "respondenten.csv"
    sheet.write_text("bestand;organisatie;place\ninterview_labels.txt;Gemeente Nijmegen;Stadhuis\n", encoding="utf-8")
    project.documents.import_paths([labels, names], attribute_sheet=sheet, attributes={"case": "NDW21"})
    attributes = {d.title: d.attributes for d in project.documents.list()}
    assert attributes["Interview medewerker gemeente Nijmegen"] == {
        "case": "NDW21", "date": dt.date(2024, 11, 12), "organisatie": "Gemeente Nijmegen", "place": "Stadhuis",
    }  # fmt: skip
    assert attributes["interview_names"] == {"case": "NDW21"}


def test_an_unusable_sheet_stops_the_import_before_it_starts(project, tmp_path: Path) -> None:
    sheet = tmp_path / "blad.csv"
    sheet.write_text("organisatie\nGemeente\n", encoding="utf-8")
    before = row_counts(project)
    with pytest.raises(ImportFailed, match="no column naming the transcript files"):
        project.documents.import_paths([copy("otter.txt", tmp_path)], attribute_sheet=sheet)
    assert row_counts(project) == before


def test_language_speaker_names_and_project_patterns(project, tmp_path: Path) -> None:
    focus = tmp_path / "focusgroep.txt"
    focus.write_text("B1 - Ik woon hier sinds de start.\nB2 - Ik pas sinds kort.\n", encoding="utf-8")
    project.status.update_settings(speaker_patterns=[r"(?P<speaker>B\d) - "])
    results = project.documents.import_paths([focus, copy("interview_f4.txt", tmp_path)], language="en",
                                             speaker_map={"I": "Interviewer", "B1": "Bewoner 1"})  # fmt: skip
    assert [r.speakers for r in results] == [("Bewoner 1", "B2"), ("Interviewer", "R")]
    assert {d.language for d in project.documents.list()} == {"en"}
    project.status.update_settings(speaker_patterns=["(?P<speaker>"])
    with pytest.raises(InvalidInput, match="project settings"):
        project.documents.import_paths([focus])
    with pytest.raises(InvalidInput, match="'fr' is not supported"):
        project.documents.import_paths([focus], language="fr")


def test_titles_name_one_document_each(project, tmp_path: Path) -> None:
    first = copy("whisper.json", tmp_path / "a")
    second = copy("whisperx.json", tmp_path / "b", "whisper.json")
    results = project.documents.import_paths([first, second])
    assert [r.title for r in results] == ["whisper", "whisper (2)"]
    assert project.documents.show("whisper (2)").id == results[1].document_id
    with pytest.raises(NotFound):
        project.documents.show("whisper (3)")


def test_worker_processes_give_the_same_documents(project, tmp_path: Path, monkeypatch) -> None:
    import workbench.services.document_preparation as preparation

    names = ["interview_labels.txt", "teams.vtt", "zoom.vtt", "amberscript.json", "otter.txt", "whisper.tsv"]
    paths = [copy(name, tmp_path) for name in names] + [tmp_path / "weg.txt"]
    monkeypatch.setattr(preparation, "_PARALLEL_FILES", 2)
    monkeypatch.setattr(preparation, "_PARALLEL_BYTES", 1)
    assert preparation.worker_count(paths) == 2
    results = project.documents.import_paths(paths)
    assert [r.status for r in results] == ["imported"] * 6 + ["failed"]
    shown = project.documents.show("zoom")
    assert [t.speaker for t in shown.turns] == ["Marieke Jansen", "Pieter de Vries", "Anouk"]


def test_the_sample_transcripts_import(project) -> None:
    results = project.documents.import_paths([SAMPLES])  # six transcripts and, in reports/, the kick-off report
    assert len(results) == 7 and {r.status for r in results} == {"imported"}
    assert all(300 <= r.words <= 1500 and r.language == "nl" for r in results)


def test_a_megabyte_without_a_line_break(project, tmp_path: Path) -> None:
    path = tmp_path / "lang.txt"
    path.write_text(" ".join(["bewoners", "vertrouwen", "de", "gemeente"] * 50_000), encoding="utf-8")
    result = project.documents.import_paths([path])[0]
    assert (result.status, result.turns, result.words) == ("imported", 1, 200_000)
    assert len(project.documents.show(result.document_id).text) == path.stat().st_size
