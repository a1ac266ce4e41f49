"""Whisper / WhisperX JSON and TSV, and Amberscript JSON."""

from __future__ import annotations

from pathlib import Path

from workbench.importers.registry import read_transcript


def test_whisper_json_segments_and_language(data: Path, spoken) -> None:
    transcript = read_transcript(data / "whisper.json")
    assert transcript.format == "whisper-json"
    assert transcript.language == "nl"
    # Without speakers every segment is a turn of its own, so each keeps its start time.
    assert spoken(transcript) == [
        (None, "Het begon eigenlijk heel klein.", 0.0, 3.2),
        (None, "Een paar bewoners die koffie schonken in de container.", 3.2, 7.8),
        (None, "Nu komen er elke week zestig mensen.", 9.1, 12.0),
    ]


def test_whisperx_json_speakers(data: Path, spoken) -> None:
    transcript = read_transcript(data / "whisperx.json")
    assert transcript.speakers == ("SPEAKER_00", "SPEAKER_01")
    assert spoken(transcript) == [
        ("SPEAKER_00", "Goedemorgen, fijn dat u tijd heeft. Zullen we beginnen?", 0.031, 4.0),
        ("SPEAKER_01", "Ja. Het buurtbedrijf bestaat nu twee jaar.", 4.2, 8.9),
        (None, "En de gemeente betaalt mee.", 9.3, 11.0),
    ]


def test_whisper_tsv_times_in_milliseconds(data: Path, spoken) -> None:
    transcript = read_transcript(data / "whisper.tsv")
    assert transcript.format == "whisper-tsv"
    assert spoken(transcript) == spoken(read_transcript(data / "whisper.json"))


def test_amberscript_json_speaker_names_and_word_times(data: Path, spoken) -> None:
    transcript = read_transcript(data / "amberscript.json")
    assert transcript.format == "amberscript-json"
    assert spoken(transcript) == [
        ("Speaker 1", "Goedemorgen, welkom allemaal.", 0.45, 2.1),
        ("Anouk", "Dank je.", 2.5, 3.2),
        ("Speaker 1", "Zullen we beginnen?", 4.0, 5.3),
    ]


def test_a_bare_list_of_segments_is_whisper_too(tmp_path: Path, spoken) -> None:
    path = tmp_path / "segments.json"
    path.write_text('[{"start": 1, "end": 2.5, "text": " Hallo.", "speaker": "SPEAKER_03"}]', encoding="utf-8")
    assert spoken(read_transcript(path)) == [("SPEAKER_03", "Hallo.", 1.0, 2.5)]
