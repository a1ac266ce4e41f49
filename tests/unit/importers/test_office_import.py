"""Word (researcher layout, tables, Teams), OpenDocument, RTF and PDF transcripts."""

from __future__ import annotations

from pathlib import Path

from workbench.importers.registry import read_transcript


def test_researcher_word_transcript(researcher_docx: Path, spoken) -> None:
    transcript = read_transcript(researcher_docx)
    assert transcript.format == "docx"
    assert transcript.title == "Interview medewerker woningcorporatie"
    assert dict(transcript.metadata) == {"date": "2024-12-05", "place": "Nijmegen"}
    assert spoken(transcript) == [
        ("I", "Wat is de rol van de corporatie bij HEEM?", None, 12.0),
        (
            "R",
            "Wij verhuren de ruimtes aan de wijkonderneming.\nMaar we zijn ook partner in de gebiedsontwikkeling.\n"
            "Het vertrouwen zit vooral in personen.",
            18.0,
            None,
        ),
        ("I", "En de financiering?", None, 90.5),
        ("R", "Een jaar subsidie, daarna zien we wel.", None, None),
    ]


def test_word_tables_are_read_in_order(table_docx: Path, spoken) -> None:
    transcript = read_transcript(table_docx)
    assert transcript.title == "Gesprek met de initiatiefnemer"
    assert dict(transcript.metadata) == {"date": "2024-10-03"}
    assert spoken(transcript) == [
        ("Interviewer", "Hoe is HEEM begonnen?", 5.0, None),
        # Every row keeps its time: a row of the same speaker with a time of its own is a turn of its own.
        ("Initiatiefnemer", "Met een lege container en een koffiezetapparaat.", 9.0, None),
        ("Initiatiefnemer", "Nu draaien er twintig vrijwilligers mee.\nEinde van het gesprek.", 21.0, None),
    ]


def test_teams_word_transcript(teams_docx: Path, spoken) -> None:
    transcript = read_transcript(teams_docx)
    assert transcript.format == "docx-teams"
    assert transcript.title == "Overleg HEEM en gemeente"
    assert dict(transcript.metadata) == {"date": "2025-09-18"}
    assert spoken(transcript) == [
        ("Jansen, Marieke", "Goedemorgen allemaal, fijn dat jullie er zijn.", 3.0, None),
        ("de Vries, Pieter", "Goedemorgen. Zal ik beginnen met de subsidie?", 9.0, None),
        ("de Vries, Pieter", "Die loopt namelijk in juli af.", 15.0, None),
        ("Jansen, Marieke", "Dank je, Pieter.", 3727.0, None),
    ]


def test_opendocument_transcript(transcript_odt: Path, spoken) -> None:
    transcript = read_transcript(transcript_odt)
    assert transcript.format == "odt"
    assert transcript.title == "Interview bewoner"
    assert dict(transcript.metadata) == {"date": "2025-01-20"}
    assert spoken(transcript) == [
        ("I", "Wat betekent de plek voor jou?", None, 4.0),
        ("R", "Het is mijn huiskamer.\nIk kom er elke dag.\nde moestuin\nhet café", None, None),
        ("I", "Dank je wel.", None, None),
    ]


def test_an_opendocument_file_named_docx_is_read_as_odt(transcript_odt: Path, tmp_path: Path) -> None:
    renamed = tmp_path / "bewoner.docx"
    renamed.write_bytes(transcript_odt.read_bytes())
    assert read_transcript(renamed).format == "odt"


def test_rtf_transcript_with_code_page_and_unicode_escapes(data: Path, spoken) -> None:
    transcript = read_transcript(data / "interview.rtf")
    assert transcript.format == "rtf"
    assert transcript.title == "Interview woningcorporatie"
    assert dict(transcript.metadata) == {"date": "2024-12-05"}
    assert spoken(transcript) == [
        ("I", "Wat is de rol van de corporatie bij HEEM?", None, 130.0),
        (
            "R",
            "Wij verhuren de ruimtes, maar we zijn ook partner. Het café is van de bewoners.\n"
            "Coördinatie kost ons ongeveer € 5.000 per jaar.",
            None,
            None,
        ),
        ("I", "En het vertrouwen?", None, None),
        ("R", "Dat zit in personen, niet in organisaties.", None, None),
    ]


def test_pdf_text_layer_over_pages(make_pdf, spoken) -> None:
    path = make_pdf(
        "interview gemeente.pdf",
        [
            ["Interview gemeente", "Datum: 12 november 2024", "", "I: Hoe gaat het met de financiering? [00:00:05]"],
            ["R: Elk jaar een nieuwe subsidie (café, coördinatie).", "I: En daarna?", "R: Dat weten we niet."],
        ],
    )
    transcript = read_transcript(path)
    assert transcript.format == "pdf"
    assert transcript.title == "Interview gemeente"
    assert dict(transcript.metadata) == {"date": "2024-11-12"}
    assert spoken(transcript) == [
        ("I", "Hoe gaat het met de financiering?", None, 5.0),
        ("R", "Elk jaar een nieuwe subsidie (café, coördinatie).", None, None),
        ("I", "En daarna?", None, None),
        ("R", "Dat weten we niet.", None, None),
    ]
