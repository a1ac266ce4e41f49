"""Transcript files for importer tests: the committed text layouts, and builders for Word, ODT and PDF ones."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from odfdo import Document, Element, Header, List, ListItem, Paragraph, Table

from workbench.domain.text import normalise_text
from workbench.domain.transcripts import ParsedTranscript

DATA = Path(__file__).parents[2] / "data" / "transcripts"


@pytest.fixture
def data() -> Path:
    """The folder of small real-layout transcripts."""
    return DATA


def _researcher_docx(path: Path) -> Path:
    """A researcher's Word transcript: a heading, header fields, bold labels, timestamps, a soft line break."""
    document = docx.Document()
    document.add_heading("Interview medewerker woningcorporatie", level=1)
    document.add_paragraph("Datum: 5 december 2024")
    document.add_paragraph("Plaats: Nijmegen")
    document.add_paragraph("")
    _labelled(document, "I:", " Wat is de rol van de corporatie bij HEEM? [00:00:12]")
    paragraph = _labelled(document, "R:", " [00:00:18] Wij verhuren de ruimtes aan de wijkonderneming.")
    paragraph.add_run().add_break(WD_BREAK.LINE)
    paragraph.add_run("Maar we zijn ook partner in de gebiedsontwikkeling.")
    document.add_paragraph("Het vertrouwen zit vooral in personen.")
    _labelled(document, "I:", " En de financiering? #00:01:30-5#")
    _labelled(document, "R:", " Een jaar subsidie, daarna zien we wel.")
    document.save(str(path))
    return path


def _table_docx(path: Path) -> Path:
    """A transcript typed in a three-column table (time, speaker, text) below a title and a date row."""
    document = docx.Document()
    document.add_paragraph("Gesprek met de initiatiefnemer")
    meta = document.add_table(rows=1, cols=2)
    meta.cell(0, 0).text, meta.cell(0, 1).text = "Datum", "3 oktober 2024"
    table = document.add_table(rows=4, cols=3)
    rows = [
        ("Tijd", "Spreker", "Tekst"),
        ("00:00:05", "Interviewer", "Hoe is HEEM begonnen?"),
        ("00:00:09", "Initiatiefnemer", "Met een lege container en een koffiezetapparaat."),
        ("00:00:21", "Initiatiefnemer", "Nu draaien er twintig vrijwilligers mee."),
    ]
    for row, values in zip(table.rows, rows):
        for cell, value in zip(row.cells, values):
            cell.text = value
    document.add_paragraph("Einde van het gesprek.")
    document.save(str(path))
    return path


def _teams_docx(path: Path) -> Path:
    """The Microsoft Teams transcript download: a header, then `Name   0:03` and the text for each turn."""
    document = docx.Document()
    for line in ("Overleg HEEM en gemeente", "September 18, 2025, 6:59PM", "41m 5s", "",
                 "Jansen, Marieke started transcription", ""):  # fmt: skip
        document.add_paragraph(line)
    turns = [
        ("Jansen, Marieke   0:03", "Goedemorgen allemaal, fijn dat jullie er zijn."),
        ("de Vries, Pieter   0:09", "Goedemorgen. Zal ik beginnen met de subsidie?"),
        ("de Vries, Pieter   0:15", "Die loopt namelijk in juli af."),
        ("Jansen, Marieke   1:02:07", "Dank je, Pieter."),
    ]
    for header, text in turns:
        document.add_paragraph(header)
        document.add_paragraph(text)
    document.add_paragraph("Jansen, Marieke stopped transcription")
    document.save(str(path))
    return path


def _labelled(document: docx.document.Document, label: str, text: str) -> docx.text.paragraph.Paragraph:
    paragraph = document.add_paragraph()
    paragraph.add_run(label).bold = True
    paragraph.add_run(text)
    return paragraph


def _transcript_odt(path: Path) -> Path:
    """An OpenDocument transcript: heading, header field, labelled paragraphs, a list and a table row."""
    document = Document("text")
    body = document.body
    body.append(Header(1, "Interview bewoner"))
    body.append(Paragraph("Datum: 20 januari 2025"))
    body.append(Paragraph("I: Wat betekent de plek voor jou? [00:00:04]"))
    answer = Paragraph("R: Het is mijn  huiskamer.")
    answer.append(Element.from_tag("<text:line-break/>"))
    answer.append_plain_text("Ik kom er elke dag.")
    body.append(answer)
    items = List()
    for text in ("de moestuin", "het café"):
        item = ListItem()
        item.append(Paragraph(text))
        items.append(item)
    body.append(items)
    table = Table("gesprek", width=2, height=1)
    table.set_value((0, 0), "I")
    table.set_value((1, 0), "Dank je wel.")
    body.append(table)
    document.save(str(path))
    return path


def _text_pdf(path: Path, pages: list[list[str]]) -> Path:
    """A PDF whose pages carry the given lines in a real text layer (Helvetica, WinAnsi encoding)."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
               b"/Encoding /WinAnsiEncoding >>"]  # fmt: skip
    kids = []
    for lines in pages:
        stream = b"BT /F1 11 Tf 14 TL 56 780 Td " + b"".join(b"(" + _pdf_string(line) + b") Tj T* " for line in lines)
        stream += b"ET"
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R >>" % len(objects)
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(kids)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def _pdf_string(line: str) -> bytes:
    raw = line.encode("cp1252")
    escaped = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"".join(bytes([byte]) if byte < 128 else b"\\%03o" % byte for byte in escaped)


@pytest.fixture
def researcher_docx(tmp_path: Path) -> Path:
    return _researcher_docx(tmp_path / "interview corporatie.docx")


@pytest.fixture
def table_docx(tmp_path: Path) -> Path:
    return _table_docx(tmp_path / "gesprek initiatiefnemer.docx")


@pytest.fixture
def teams_docx(tmp_path: Path) -> Path:
    return _teams_docx(tmp_path / "Overleg HEEM.docx")


@pytest.fixture
def transcript_odt(tmp_path: Path) -> Path:
    return _transcript_odt(tmp_path / "interview bewoner.odt")


@pytest.fixture
def make_pdf(tmp_path: Path) -> Callable[[str, list[list[str]]], Path]:
    """Build a PDF with a text layer: `make_pdf(name, [[line, ...], ...])`, one list of lines per page."""
    return lambda name, pages: _text_pdf(tmp_path / name, pages)


Spoken = list[tuple[str | None, str, float | None, float | None]]


@pytest.fixture
def spoken() -> Callable[[ParsedTranscript], Spoken]:
    """`spoken(transcript)`: each turn as (speaker, text, t_start, t_end), after checking the text invariants."""

    def turns_of(transcript: ParsedTranscript) -> Spoken:
        text = transcript.text
        assert text == normalise_text(text)
        assert all("\n\n" not in text[turn.start : turn.end] for turn in transcript.turns)
        between = [text[a.end : b.start] for a, b in zip(transcript.turns, transcript.turns[1:])]
        assert all(gap == "\n\n" for gap in between)
        return [(turn.speaker, text[turn.start : turn.end], turn.t_start, turn.t_end) for turn in transcript.turns]

    return turns_of
