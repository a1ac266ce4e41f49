"""The de-identification report beside a pseudonymised export: a short Word document an ethics board can read.

It says what was replaced per kind of entity and per document, which registered entities were not found, which
indirect identifiers were coarsened, and what the leak scan of the written files found. It never holds a real
name or the key: documents appear under their pseudonymised titles and entities by their pseudonyms.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document

from workbench.domain.deidentification import DeidentificationRecord
from workbench.domain.name_rules import KIND_LABELS, KINDS

WORDS = {
    "nl": {
        "title": "De-identificatieverslag", "export": "Export", "kind": "Soort export", "project": "Project",
        "made": "Gemaakt op", "method": "Werkwijze",
        "method_text": (
            "Namen uit het namenregister van het project zijn vervangen door vaste pseudoniemen: één pseudoniem "
            "per persoon, organisatie, plaats of contactgegeven, in elke export, elk document, elke titel, "
            "bestandsnaam, attribuutwaarde, sprekerlabel en logboekveld. Gezocht is hoofdletterongevoelig, "
            "los van accenten, op hele woorden (ook in samenstellingen met een koppelteken) en met bezitsvormen."),
        "register": "Het register telt", "replacements": "Vervangingen per document",
        "source": "Bron", "total": "Totaal", "not_found": "Geregistreerd maar niet gevonden",
        "none_missing": "Elke geregistreerde naam kwam in het materiaal voor.",
        "coarsening": "Vergroving van indirecte kenmerken",
        "ages": "Exacte leeftijden zijn vervangen door leeftijdsklassen van {band} jaar ({count} keer).",
        "no_ages": "Exacte leeftijden zijn niet vergroofd.",
        "places": "Plaatsen zijn vervangen door de omschrijving die het register geeft (bijvoorbeeld een wijk in plaats van een straat).",
        "scan": "Controle op lekken", "scan_clean": "Alle {parts} tekstdelen van {files} zijn doorzocht op elke "
        "geregistreerde naam in elke schrijfwijze: er is niets gevonden.",
        "scan_leaks": "De controle vond {count} plaatsen met een geregistreerde naam.",
        "key": "De sleutel", "key_text": (
            "De sleutel (echte naam → pseudoniem) staat niet in de export en niet in dit verslag. Hij blijft in "
            "het project en wordt alleen op verzoek apart uitgevoerd (`workbench names key --out ...`)."),
    },
    "en": {
        "title": "De-identification report", "export": "Export", "kind": "Kind of export", "project": "Project",
        "made": "Made on", "method": "Method",
        "method_text": (
            "Names in the project's name register were replaced by stable pseudonyms: one pseudonym per person, "
            "organisation, place or contact detail, in every export, document, title, file name, attribute "
            "value, speaker label and log field. Matching ignores case and accents, keeps to whole words (also "
            "inside hyphenated compounds) and includes possessives."),
        "register": "The register holds", "replacements": "Replacements per document",
        "source": "Source", "total": "Total", "not_found": "Registered but not found",
        "none_missing": "Every registered name occurred in the material.",
        "coarsening": "Coarsening of indirect identifiers",
        "ages": "Exact ages were replaced by age bands of {band} years ({count} times).",
        "no_ages": "Exact ages were not coarsened.",
        "places": "Places were replaced by the description the register gives (an area instead of a street, for example).",
        "scan": "Leak scan", "scan_clean": "All {parts} text parts of {files} were searched for every registered "
        "name in every spelling: nothing was found.",
        "scan_leaks": "The scan found {count} places holding a registered name.",
        "key": "The key", "key_text": (
            "The key (real name → pseudonym) is neither in the export nor in this report. It stays in the project "
            "and is exported on its own, only on request (`workbench names key --out ...`)."),
    },
}


def report_path(export: Path) -> Path:
    """Where the report of an export goes: beside it, named after it."""
    export = Path(export)
    return export.with_name(f"{export.name}.de-identification.docx")


def _table(document, rows: list[list[str]]) -> None:
    made = document.add_table(rows=len(rows), cols=len(rows[0]))
    made.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = made.cell(r, c)
            cell.text = value
            if r == 0 or (r == len(rows) - 1 and row[0] in ("Totaal", "Total")):
                for run in cell.paragraphs[0].runs:
                    run.bold = True


def render(record: DeidentificationRecord) -> bytes:
    """The report as the bytes of a .docx file."""
    words = WORDS.get(record.language, WORDS["en"])
    kinds = KIND_LABELS.get(record.language, KIND_LABELS["en"])
    document = Document()
    document.core_properties.title = words["title"]
    document.core_properties.author = ""
    document.add_heading(words["title"], level=1)
    for label, value in ((words["export"], record.export_file), (words["kind"], record.export_kind),
                         (words["project"], record.project),
                         (words["made"], record.created.strftime("%Y-%m-%d %H:%M UTC"))):
        made = document.add_paragraph()
        made.add_run(f"{label}: ").bold = True
        made.add_run(value)
    document.add_heading(words["method"], level=2)
    document.add_paragraph(words["method_text"])
    document.add_paragraph(f"{words['register']}: " + ", ".join(
        f"{record.entities.get(kind, 0)} {kinds[kind].lower()}" for kind in KINDS) + ".")
    document.add_heading(words["replacements"], level=2)
    rows = [[words["source"], *(kinds[k] for k in KINDS), words["total"]]]
    for source in record.sources:
        rows.append([source.source, *(str(source.counts.get(k, 0)) for k in KINDS), str(source.total)])
    rows.append([words["total"], *(str(record.total(k)) for k in KINDS),
                 str(sum(record.total(k) for k in KINDS))])
    _table(document, rows)
    document.add_heading(words["not_found"], level=2)
    if record.not_found:
        for pseudonym, kind in record.not_found:
            document.add_paragraph(f"{pseudonym} ({kinds.get(kind, kind).lower()})", style="List Bullet")
    else:
        document.add_paragraph(words["none_missing"])
    document.add_heading(words["coarsening"], level=2)
    document.add_paragraph(words["ages"].format(band=record.age_band, count=record.ages_coarsened)
                           if record.age_band else words["no_ages"])
    document.add_paragraph(words["places"])
    document.add_heading(words["scan"], level=2)
    files = ", ".join(record.scan.files)
    document.add_paragraph(words["scan_clean"].format(parts=record.scan.parts, files=files) if record.scan.clean
                           else words["scan_leaks"].format(count=len(record.scan.leaks)))
    document.add_heading(words["key"], level=2)
    document.add_paragraph(words["key_text"])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
