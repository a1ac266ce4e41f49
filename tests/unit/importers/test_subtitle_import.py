"""WebVTT and SubRip: Teams voice tags, Zoom prefixes, speakerless Amberscript and Whisper cues."""

from __future__ import annotations

from pathlib import Path

from workbench.importers.registry import read_transcript

WHISPER = [
    (None, "Het begon eigenlijk heel klein.", 0.0, 3.2),
    (None, "Een paar bewoners die koffie schonken in de container.", 3.2, 7.8),
    (None, "Nu komen er elke week zestig mensen.", 9.1, 12.0),
]


def test_teams_voice_tags_with_commas_unclosed_tags_and_anonymous_users(data: Path, spoken) -> None:
    transcript = read_transcript(data / "teams.vtt")
    assert transcript.format == "vtt-teams"
    assert transcript.title == "teams"
    assert spoken(transcript) == [
        (
            "Jansen, Marieke",
            "Goedemorgen allemaal, fijn dat jullie aansluiten. Zullen we met de financiering beginnen?",
            3.12,
            10.0,
        ),
        ("de Vries, Pieter (Gemeente Nijmegen)", "Ja. De subsidie loopt tot juli & daarna is het onzeker.", 10.52, 16.04),
        ("Bewoner NDW21", "Mag ik daar iets over zeggen?", 16.5, 19.9),
        ("Jansen, Marieke", "Natuurlijk.", 20.1, 23.0),
    ]


def test_zoom_name_prefixes(data: Path, spoken) -> None:
    transcript = read_transcript(data / "zoom.vtt")
    assert transcript.format == "vtt-zoom"
    assert spoken(transcript) == [
        ("Marieke Jansen", "Goedemorgen allemaal.", 2.16, 5.94),
        ("Pieter de Vries", "Goedemorgen. Zal ik beginnen? De huurinkomsten zijn ons enige verdienmodel.", 6.1, 12.0),
        ("Anouk", "Dat klopt.", 12.5, 14.0),
    ]


def test_amberscript_subtitles_start_a_turn_at_each_cue_that_begins_a_sentence(data: Path, spoken) -> None:
    vtt = read_transcript(data / "amberscript.vtt")
    assert vtt.format == "vtt"
    # A subtitle line that goes on with the sentence before it stays in that sentence's turn.
    assert spoken(vtt) == [
        (
            None,
            "Goedemorgen, welkom bij dit gesprek over de wijkonderneming. We willen graag weten hoe het begonnen is.",
            0.449,
            7.4,
        ),
        (None, "Het begon met een lege container.", 9.5, 12.189),
        (None, "Bewoners kwamen vanzelf.", 12.289, 15.639),
    ]
    srt = read_transcript(data / "amberscript.srt")
    assert srt.format == "srt"
    assert spoken(srt) == spoken(vtt)[:1] + [(None, "Het begon met een lege container.", 9.5, 12.189)]


def test_whisper_vtt_without_hours_and_srt(data: Path, spoken) -> None:
    vtt = spoken(read_transcript(data / "whisper.vtt"))
    assert vtt[:2] == WHISPER[:2]
    assert vtt[2] == (None, "Nu komen er elke week zestig mensen.", 69.1, 72.0)
    assert spoken(read_transcript(data / "whisper.srt")) == WHISPER


def test_srt_speaker_prefixes_merge_consecutive_cues(data: Path, spoken) -> None:
    assert spoken(read_transcript(data / "whisperx_speakers.srt")) == [
        ("SPEAKER_00", "Goedemorgen, fijn dat u tijd heeft. Zullen we beginnen?", 0.0, 4.0),
        ("SPEAKER_01", "Ja. Het buurtbedrijf bestaat nu twee jaar.", 4.2, 8.9),
    ]


def test_cues_are_read_in_time_order_and_tags_dropped(tmp_path: Path, spoken) -> None:
    path = tmp_path / "meeting.vtt"
    path.write_text(
        "WEBVTT\n\nNOTE exported\n\n2\n00:00:05.000 --> 00:00:06.000 align:start\n<v.loud Anouk>Later.</v>\n\n"
        "1\n00:00:01.000 --> 00:00:02.000\n<v Pieter><i>Eerst</i> dit.</v>\n",
        encoding="utf-8",
    )
    assert spoken(read_transcript(path)) == [("Pieter", "Eerst dit.", 1.0, 2.0), ("Anouk", "Later.", 5.0, 6.0)]


def test_a_vtt_saved_as_txt_is_read_as_vtt(data: Path, tmp_path: Path, spoken) -> None:
    path = tmp_path / "teams export.txt"
    path.write_bytes((data / "teams.vtt").read_bytes())
    transcript = read_transcript(path)
    assert transcript.format == "vtt-teams"
    assert spoken(transcript) == spoken(read_transcript(data / "teams.vtt"))
