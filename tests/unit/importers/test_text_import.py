"""Plain text and Markdown transcripts: encodings, line endings, labels, timestamps, header fields."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.domain.errors import InvalidInput
from workbench.importers.registry import read_transcript

RESIDENT = [
    ("I", "Hoe lang woon je hier al?", None, None),
    ("R", "Bijna twee jaar. Het café in de container is echt de plek waar je elkaar ziet.", None, None),
    ("I", "Wat kost een kop koffie?", None, None),
    ("R", "€ 1,50 – en wie het niet kan betalen, krijgt er gewoon één. Dat is de afspraak.", None, None),
]


@pytest.mark.parametrize(
    "name", ["interview_cp1252_crlf.txt", "interview_utf16.txt", "interview_bom_cr.txt"]
)
def test_windows_encodings_and_line_endings_read_the_same(data: Path, spoken, name: str) -> None:
    transcript = read_transcript(data / name)
    assert transcript.format == "txt"
    assert transcript.title == "Interview bewoner NDW21"
    assert dict(transcript.metadata) == {"date": "2025-01-20"}
    assert spoken(transcript) == RESIDENT
    assert "\r" not in transcript.text and "\ufeff" not in transcript.text


def test_long_labels_timestamps_and_continuation_paragraphs(data: Path, spoken) -> None:
    transcript = read_transcript(data / "interview_labels.txt")
    assert transcript.title == "Interview medewerker gemeente Nijmegen"
    assert dict(transcript.metadata) == {"date": "2024-11-12", "place": "Nijmegen"}
    assert transcript.language == "nl"
    assert spoken(transcript) == [
        ("Interviewer", "Fijn dat je tijd hebt. Hoe is de samenwerking met HEEM ontstaan?", None, 12.0),
        (
            "Respondent",
            "Via de wijkmanager, eigenlijk. We kenden elkaar al van een bewonersavond in NDW21.\n"
            "Daarna hebben we een keer koffie gedronken in de container op het plein.",
            None,
            None,
        ),
        ("Interviewer", "En hoe kijk je nu naar de financiering?", 65.0, None),
        (
            "Respondent",
            "Het is subsidie voor een jaar, en ieder jaar weer opnieuw aanvragen. Dat vreet tijd.\n"
            "Eerlijk gezegd weten we ook niet goed bij welke afdeling het hoort.",
            69.0,
            None,
        ),
        ("Interviewer", "Dank je wel.", None, None),
    ]


def test_f4_trailing_timestamps_with_tenths_end_the_turn(data: Path, spoken) -> None:
    turns = spoken(read_transcript(data / "interview_f4.txt"))
    assert [(speaker, end) for speaker, _, _, end in turns] == [("I", 754.5), ("R", 761.2), ("I", 764.0), ("R", 782.7)]
    assert turns[3][1].endswith("Dhr. Bakker van de corporatie was er ook bij.")


def test_short_labels_and_every_timestamp_form(data: Path, spoken) -> None:
    assert spoken(read_transcript(data / "interview_short_labels.txt")) == [
        ("INT", "Wat betekent de plek voor bewoners?", None, None),
        ("RES", "Het is een huiskamer voor de buurt.\nMensen komen er binnen zonder afspraak.", None, 3.0),
        ("INT", "En wie houdt de sleutel?", 41.0, None),
        ("RES", "Drie vrijwilligers. Die hebben elk een sleutel", None, 62.0),
    ]


def test_names_as_labels_with_bracketed_names_and_prose_colons(data: Path, spoken) -> None:
    turns = spoken(read_transcript(data / "interview_names.txt"))
    assert [speaker for speaker, *_ in turns] == [
        "Marieke Jansen", "Pieter de Vries", "Anouk", "Marieke Jansen", "Anouk", "Pieter de Vries",
    ]  # fmt: skip
    assert turns[4][1] == "Goed. Let op: het is wel tijdelijk, dat merk je."


def test_otter_layout_name_and_time_above_the_text(data: Path, spoken) -> None:
    assert spoken(read_transcript(data / "otter.txt")) == [
        ("Marieke Jansen", "Goedemorgen allemaal, fijn dat jullie er zijn.", 3.0, None),
        ("Speaker 2", "Dank je. Zal ik beginnen met een rondje?", 9.0, None),
        ("Marieke Jansen", "Graag.", 75.0, None),
    ]


def test_amberscript_text_export(data: Path, spoken) -> None:
    transcript = read_transcript(data / "amberscript.txt")
    assert transcript.format == "amberscript-txt"
    assert spoken(transcript) == [
        ("Speaker 1", "Goedemorgen, fijn dat u tijd heeft.", 0.0, None),
        ("Speaker 2", "Graag gedaan. Ik vertel graag over HEEM.", 4.0, None),
        ("Speaker 1", "Hoe is het begonnen?", 9.0, None),
        ("Speaker 2", "Met een paar bewoners en een lege container op het plein.", 12.0, None),
    ]


def test_whisperx_text_with_bracketed_speaker_ids(data: Path, spoken) -> None:
    turns = spoken(read_transcript(data / "whisperx.txt"))
    assert [speaker for speaker, *_ in turns] == ["SPEAKER_00", "SPEAKER_01", "SPEAKER_00"]
    assert turns[1][1] == "Graag gedaan. Waar wilt u beginnen?"


def test_whisper_text_without_speakers_is_one_turn(data: Path, spoken) -> None:
    transcript = read_transcript(data / "whisper.txt")
    assert transcript.title == "whisper"
    assert spoken(transcript) == [
        (
            None,
            "Dit is een transcript van Whisper, zonder sprekers.\nHet loopt door op de volgende regel.\n"
            "En nog een regel.",
            None,
            None,
        )
    ]


def test_markdown_field_notes_front_matter_headings_and_bold_labels(data: Path, spoken) -> None:
    transcript = read_transcript(data / "fieldnotes.md")
    assert transcript.format == "md"
    assert transcript.title == "Veldnotities werkbezoek De Kroon"
    assert dict(transcript.metadata) == {"date": "2024-10-03", "place": "Arnhem"}
    assert spoken(transcript) == [
        (
            None,
            "Ontvangst in de buurtkamer door de initiatiefnemer. Er staat koffie klaar.\n"
            "Opvallend: de ruimte wordt ook door de bibliotheek gebruikt.",
            None,
            None,
        ),
        (None, "Wat we zagen", None, None),
        (
            None,
            "- Een moestuin die door vijf bewoners wordt onderhouden.\n"
            "- Een prikbord vol briefjes: hulp gevraagd en aangeboden.",
            None,
            None,
        ),
        ("Initiatiefnemer", "We hebben geen vaste financiering, alleen de huur van de ruimtes.", None, None),
        ("Onderzoeker", "Hoe lang kunnen jullie zo door?", None, None),
        ("Initiatiefnemer", "Zolang de vrijwilligers het volhouden.", None, None),
        (None, "Reflectie", None, None),
        (None, "De plek draait op een paar personen. Wat gebeurt er als zij stoppen?", None, None),
    ]


def test_speaker_map_names_the_labels(data: Path) -> None:
    transcript = read_transcript(data / "interview_f4.txt", speaker_map={"I": "Interviewer", "r": "Bewoner"})
    assert transcript.speakers == ("Interviewer", "Bewoner")


def test_project_patterns_add_speaker_prefixes(tmp_path: Path, spoken) -> None:
    path = tmp_path / "focusgroep.txt"
    path.write_text("B1 - Ik woon hier sinds de start.\nB2 - Ik pas sinds kort.\nB1 - Welkom!\n", encoding="utf-8")
    assert [speaker for speaker, *_ in spoken(read_transcript(path))] == [None]
    transcript = read_transcript(path, extra_speaker_patterns=[r"(?P<speaker>B\d) - "])
    assert spoken(transcript) == [
        ("B1", "Ik woon hier sinds de start.", None, None),
        ("B2", "Ik pas sinds kort.", None, None),
        ("B1", "Welkom!", None, None),
    ]


@pytest.mark.parametrize(
    ("pattern", "problem"), [("(?P<speaker>B\\d", "not a valid regular expression"), ("B\\d - ", "no group")]
)
def test_a_broken_project_pattern_is_named(tmp_path: Path, pattern: str, problem: str) -> None:
    path = tmp_path / "focusgroep.txt"
    path.write_text("B1 - Ik woon hier.\n", encoding="utf-8")
    with pytest.raises(InvalidInput, match=problem) as raised:
        read_transcript(path, extra_speaker_patterns=[pattern])
    assert pattern in str(raised.value)


def test_unlabelled_text_keeps_blank_line_paragraphs_as_turns(tmp_path: Path, spoken) -> None:
    path = tmp_path / "notities.txt"
    path.write_text("Eerste alinea\nloopt door.\n\n\nTweede alinea.\n", encoding="utf-8")
    assert spoken(read_transcript(path)) == [
        (None, "Eerste alinea\nloopt door.", None, None),
        (None, "Tweede alinea.", None, None),
    ]


def test_a_time_of_day_opening_a_sentence_is_kept_as_words(tmp_path: Path, spoken) -> None:
    path = tmp_path / "verslag.txt"
    path.write_text("R: Prima.\n12:30 begon de vergadering, om 13:15 was iedereen weg.\n", encoding="utf-8")
    assert spoken(read_transcript(path)) == [
        ("R", "Prima.\n12:30 begon de vergadering, om 13:15 was iedereen weg.", None, None)
    ]


def test_english_transcripts_are_detected(tmp_path: Path) -> None:
    path = tmp_path / "interview.txt"
    path.write_text("I: How did the cooperation with the city start?\nR: Through a friend, really.\n", "utf-8")
    assert read_transcript(path).language == "en"
