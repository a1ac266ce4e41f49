"""Files that cannot be imported get one sentence naming the file and the problem, never a traceback."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from workbench.domain.errors import ImportFailed
from workbench.importers.registry import read_transcript


def failure(path: Path) -> str:
    with pytest.raises(ImportFailed) as raised:
        read_transcript(path)
    message = str(raised.value)
    assert message.startswith(str(path)) and message.endswith(".") and "\n" not in message
    return message


def write(tmp_path: Path, name: str, content: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


@pytest.mark.parametrize("name", ["leeg.txt", "leeg.docx", "leeg.vtt", "leeg.json", "leeg.pdf"])
def test_empty_files(tmp_path: Path, name: str) -> None:
    assert "is empty" in failure(write(tmp_path, name, b""))


def test_whitespace_only_text_is_empty(tmp_path: Path) -> None:
    assert "is empty" in failure(write(tmp_path, "spaties.txt", b"  \r\n\t\n"))


def test_a_header_without_any_transcript(tmp_path: Path) -> None:
    assert "has no transcript text" in failure(write(tmp_path, "kop.txt", "Datum: 12 november 2024\n"))


def test_binary_data(tmp_path: Path) -> None:
    assert "binary data" in failure(write(tmp_path, "ruis.txt", bytes(range(256)) * 8))
    assert "a PNG image" in failure(write(tmp_path, "foto.txt", b"\x89PNG\r\n\x1a\n" + bytes(64)))


def test_nul_bytes_in_text(tmp_path: Path) -> None:
    message = failure(write(tmp_path, "kapot.txt", b"I: Hallo daar, hoe gaat het?\nR: Goed\x00 hoor.\n" * 3))
    assert "NUL bytes" in message and "byte 36" in message


def test_truncated_docx(tmp_path: Path, researcher_docx: Path) -> None:
    data = researcher_docx.read_bytes()
    message = failure(write(tmp_path, "afgebroken.docx", data[: len(data) // 2]))
    assert "not a readable Word document" in message


def test_fake_docx(tmp_path: Path) -> None:
    assert "not a Word document" in failure(write(tmp_path, "nep.docx", "I: dit is gewoon tekst\n"))
    archive = tmp_path / "archief.docx"
    with zipfile.ZipFile(archive, "w") as package:
        package.writestr("notities.txt", "geen Word")
    assert "not a readable Word document" in failure(archive)


def test_old_word_document_renamed(tmp_path: Path) -> None:
    message = failure(write(tmp_path, "oud.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)))
    assert "old Word 97-2003 document" in message and "save it as .docx" in message


def test_damaged_odt(tmp_path: Path, transcript_odt: Path) -> None:
    data = transcript_odt.read_bytes()
    assert "not a readable OpenDocument text" in failure(write(tmp_path, "kapot.odt", data[: len(data) // 3]))


@pytest.mark.parametrize(
    ("timing", "line"),
    [("00:00:01.000 -> 00:00:02.000", 4), ("00:00:01.000 --> 00:00:0x.000", 4), ("00:01 --> 00:02", 4)],
)
def test_malformed_vtt_timing(tmp_path: Path, timing: str, line: int) -> None:
    path = write(tmp_path, "overleg.vtt", f"WEBVTT\n\n1\n{timing}\n<v Anouk>Hallo</v>\n")
    message = failure(path)
    assert f"malformed cue timing on line {line}" in message and timing in message


def test_vtt_cue_without_timing(tmp_path: Path) -> None:
    path = write(tmp_path, "overleg.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHallo\n\nLosse tekst\n")
    assert "malformed cue timing on line 6 ('Losse tekst')" in failure(path)


def test_vtt_without_header(tmp_path: Path) -> None:
    assert "does not start with 'WEBVTT'" in failure(write(tmp_path, "x.vtt", "1\n00:00:01.000 --> 00:00:02.000\nHoi\n"))


def test_vtt_without_cues(tmp_path: Path) -> None:
    assert "has no text in its cues" in failure(write(tmp_path, "leeg.vtt", "WEBVTT\n\n"))


def test_malformed_srt_timing(tmp_path: Path) -> None:
    path = write(tmp_path, "ondertitels.srt", "1\n00:00:00,449 --> 00:00:03,769\nHoi\n\n2\n00:00:04 -> 00:00:05,000\nDag\n")
    message = failure(path)
    assert "malformed subtitle timing on line 6 ('00:00:04 -> 00:00:05,000')" in message


def test_text_in_an_srt_file(tmp_path: Path) -> None:
    assert "malformed subtitle timing on line" in failure(write(tmp_path, "x.srt", "Dit is geen SRT.\nEcht niet.\n"))


def test_invalid_json(tmp_path: Path) -> None:
    message = failure(write(tmp_path, "whisper.json", '{"segments": [{"start": 0, "end": 1, "text": "Hoi"}'))
    assert "is not valid JSON" in message and "line 1" in message


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ('{"name": "geen transcript"}', "JSON but not a transcript"),
        ("[1, 2, 3]", "JSON but not a transcript"),
        ('{"segments": [{"start": "nul", "end": 1, "text": "Hoi"}]}', "segment without a numeric start"),
        ('{"speakers": [], "segments": [{"speaker": "spk1", "words": [{"start": 1}]}]}', "segment whose words"),
    ],
)
def test_json_of_the_wrong_shape(tmp_path: Path, content: str, problem: str) -> None:
    assert problem in failure(write(tmp_path, "export.json", content))


def test_malformed_tsv(tmp_path: Path) -> None:
    assert "is not a Whisper TSV file" in failure(write(tmp_path, "x.tsv", "naam\tleeftijd\nAnouk\t34\n"))
    message = failure(write(tmp_path, "y.tsv", "start\tend\ttext\n0\t1000\tHoi\nnul\t2000\tDag\n"))
    assert "malformed line 3" in message


@pytest.mark.parametrize("name", ["interview.doc", "opname.mp3", "README"])
def test_unsupported_extension(tmp_path: Path, name: str) -> None:
    assert "unsupported file type" in failure(write(tmp_path, name, "I: Hallo\n"))


def test_missing_file(tmp_path: Path) -> None:
    assert "does not exist" in failure(tmp_path / "weg.txt")


def test_a_folder_named_like_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "map.txt"
    folder.mkdir()
    assert "is a folder" in failure(folder)


@pytest.mark.skipif(os.geteuid() == 0, reason="file permissions do not stop the root user from reading")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "geheim.txt", "I: Hallo\n")
    path.chmod(0)
    assert "cannot be read (permission denied)" in failure(path)


def test_pdf_without_text_layer(make_pdf) -> None:
    assert "has no text layer" in failure(make_pdf("scan.pdf", [[]]))


def test_fake_pdf(tmp_path: Path) -> None:
    assert "not a readable PDF" in failure(write(tmp_path, "nep.pdf", b"%PDF-1.4\nrommel zonder structuur\n"))


def test_fake_rtf(tmp_path: Path) -> None:
    assert "is not an RTF document" in failure(write(tmp_path, "nep.rtf", "Gewoon tekst.\n"))
