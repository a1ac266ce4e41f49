"""`workbench import`, `documents` and `show` through the real entry point."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.cli.run import workbench

DATA = Path(__file__).parents[1] / "data" / "transcripts"


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    from workbench.project import Project

    directory = tmp_path / "project"
    Project.init(directory, name="CLI", coder="anna").close()
    return directory


def run(project_dir: Path, *args: str | Path):
    return workbench("--project", project_dir, "--coder", "anna", *args)


def test_import_documents_show(project_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "interviews"
    folder.mkdir()
    for name in ("interview_labels.txt", "teams.vtt"):
        shutil.copy(DATA / name, folder)
    sheet = tmp_path / "blad.csv"
    sheet.write_text("file,organisation\nteams.vtt,Gemeente Nijmegen\n", encoding="utf-8")
    options = ("--attr", "case=pilot", "--attributes", sheet, "--speaker", "Interviewer=Lotte")
    result = run(project_dir, "import", folder, *options)
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"imported: {folder / 'interview_labels.txt'} as 'Interview medewerker gemeente Nijmegen' (id 1, txt, nl): "
        "5 turns, 2 speakers, 76 words"
    )
    assert lines[1].startswith(f"imported: {folder / 'teams.vtt'} as 'teams' (id 2, vtt-teams, nl): 4 turns, 3 speakers")
    assert lines[2] == "2 imported, 0 skipped, 0 failed."

    listed = run(project_dir, "documents", "--json").json()
    assert [set(row) >= {"id", "title", "format", "language", "words", "turns", "speakers", "codings", "attributes"}
            for row in listed] == [True, True]  # fmt: skip
    assert listed[0]["speakers"] == ["Lotte", "Respondent"]
    assert listed[0]["attributes"] == {"case": "pilot", "date": "2024-11-12", "place": "Nijmegen"}
    assert listed[1]["attributes"] == {"case": "pilot", "organisation": "Gemeente Nijmegen"}

    shown = run(project_dir, "show", "teams", "--json").json()
    assert set(shown) >= {"id", "title", "text", "turns", "sentences", "attributes"}
    assert shown["turns"][0] == {"start": 0, "end": 89, "speaker": "Jansen, Marieke", "t_start": 3.12, "t_end": 10.0}
    assert shown["text"][:89].endswith("Zullen we met de financiering beginnen?")
    assert all(set(sentence) == {"start", "end"} for sentence in shown["sentences"])

    text = run(project_dir, "show", "1")
    assert text.code == 0 and "\n[00:01:05] Lotte: En hoe kijk je nu naar de financiering?\n" in text.stdout


def test_repeats_failures_and_exit_codes(project_dir: Path, tmp_path: Path) -> None:
    good = Path(shutil.copy(DATA / "otter.txt", tmp_path))
    assert run(project_dir, "import", good).code == 0
    fake = tmp_path / "nep.docx"
    fake.write_text("geen Word", encoding="utf-8")
    before = run(project_dir, "documents", "--json").json()
    result = run(project_dir, "import", good, fake, tmp_path / "weg.vtt")
    assert result.code == 1
    assert result.stdout.splitlines() == [
        f"skipped: {good} has the same text as 'otter' (id 1), which is already imported",
        "0 imported, 1 skipped, 2 failed.",
    ]
    assert result.stderr.splitlines() == [
        f"failed: {fake} is not a Word document: it is not the ZIP package such files are; check it.",
        f"failed: {tmp_path / 'weg.vtt'} does not exist; check the path.",
    ]
    assert run(project_dir, "documents", "--json").json() == before


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("leeg.txt", b"", "is empty"),
        ("ruis.txt", bytes(range(256)) * 4, "holds binary data"),
        ("nul.txt", b"I: Hallo\x00 daar\n", "contains NUL bytes"),
        ("kapot.vtt", b"WEBVTT\n\n1\n00:00:01.000 -> 00:00:02.000\nHoi\n", "malformed cue timing on line 4"),
        ("kapot.srt", b"1\n00:00:01,000 - 00:00:02,000\nHoi\n", "malformed subtitle timing on line 2"),
        ("kapot.json", b'{"segments": [', "is not valid JSON"),
        ("vreemd.json", b'{"rows": []}', "JSON but not a transcript"),
        ("interview.doc", b"\xd0\xcf\x11\xe0", "unsupported file type (.doc)"),
    ],
)
def test_bad_input_is_one_sentence_and_changes_nothing(
    project_dir: Path, tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    result = run(project_dir, "import", path, "--json")
    assert result.code == 1 and "Traceback" not in result.stderr
    line = result.stderr.strip()
    assert line.startswith(f"failed: {path} ") and problem in line and "\n" not in line
    assert [r["status"] for r in result.json()] == ["failed"]
    assert run(project_dir, "documents", "--json").json() == []


def test_user_mistakes_in_options(project_dir: Path, tmp_path: Path) -> None:
    good = Path(shutil.copy(DATA / "otter.txt", tmp_path))
    result = run(project_dir, "import", good, "--attr", "organisatie")
    assert result.code == 2
    assert result.stderr == (
        "workbench: --attr 'organisatie' is not KEY=VALUE; write it like --attr organisation=gemeente.\n"
    )
    empty = tmp_path / "leeg"
    empty.mkdir()
    result = run(project_dir, "import", empty)
    assert result.code == 2 and "There are no transcript files in" in result.stderr
    result = run(project_dir, "show", "bestaat niet")
    assert result.code == 2 and "There is no document 'bestaat niet'" in result.stderr
    assert run(project_dir, "documents", "--json").json() == []


def test_speaker_patterns_commands(project_dir: Path, tmp_path: Path) -> None:
    pattern = r"^\[(?P<speaker>[A-Z]{2,4}) (?P<time>\d\d:\d\d)\]\s*"
    path = tmp_path / "labels.txt"
    path.write_text("[INT 00:01] Hoe begon het?\n\n[RES 00:05] Met koffie.\n", encoding="utf-8")
    tried = run(project_dir, "speaker-patterns", "try", path, "--pattern", pattern, "--json")
    assert tried.code == 0, tried.stderr
    assert tried.json() == {"now": {"(no speaker)": 2}, "with_pattern": {"INT": 1, "RES": 1}}
    assert run(project_dir, "speaker-patterns", "add", pattern).code == 0
    assert run(project_dir, "speaker-patterns", "list", "--json").json() == [pattern]
    bad = run(project_dir, "speaker-patterns", "add", "([")
    assert bad.code == 2 and bad.stderr.startswith("workbench: The speaker pattern '([' is not a valid")
    assert "Traceback" not in bad.stderr and len(bad.stderr.strip().splitlines()) == 1
    assert run(project_dir, "speaker-patterns", "remove", pattern).code == 0
    assert run(project_dir, "speaker-patterns", "list", "--json").json() == []


def test_document_rename_speaker_and_remove(project_dir: Path) -> None:
    assert run(project_dir, "import", DATA / "whisperx_speakers.srt").code == 0
    (doc,) = run(project_dir, "documents", "--json").json()
    speakers = doc["speakers"]
    assert run(project_dir, "document", "rename", str(doc["id"]), "Groepsgesprek bewoners").code == 0
    renamed = run(project_dir, "document", "speaker", speakers[0], "Ria", "--doc", "Groepsgesprek bewoners", "--json")
    assert renamed.code == 0, renamed.stderr
    assert renamed.json()["new"] == "Ria" and list(renamed.json()["turns"]) == ["Groepsgesprek bewoners"]
    (doc,) = run(project_dir, "documents", "--json").json()
    assert doc["title"] == "Groepsgesprek bewoners" and "Ria" in doc["speakers"]
    missing = run(project_dir, "document", "speaker", "Niemand", "X")
    assert missing.code == 2 and missing.stderr.startswith("workbench: No turn in the project has the speaker")
    removed = run(project_dir, "document", "remove", "Groepsgesprek bewoners", "--json")
    assert removed.code == 0 and removed.json()["title"] == "Groepsgesprek bewoners"
    assert run(project_dir, "documents", "--json").json() == []
    assert run(project_dir, "undo").code == 0
    assert [d["title"] for d in run(project_dir, "documents", "--json").json()] == ["Groepsgesprek bewoners"]
