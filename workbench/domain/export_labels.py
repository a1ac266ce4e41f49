"""The words of the fragment and codebook workbooks (and CSV), per language: one catalogue that every such export
reads, so that a Dutch project's files are Dutch throughout and an English project's English.

Columns and sheets have internal keys (`document`, `time`, `sheet_all`, ...); what a person sees comes from the
catalogue of the project's language. A language without a catalogue gets the English one.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

# The language tag a document carries (Word's spell-check and hyphenation follow it).
LANGUAGE_TAGS: Mapping[str, str] = MappingProxyType({"nl": "nl-NL", "en": "en-GB"})

_CATALOGUES: dict[str, dict[str, str]] = {
    "nl": {
        # The columns of the fragment table.
        "document": "Document", "case": "Casus", "speaker": "Spreker", "time": "Tijd", "code": "Code",
        "code_with_subcodes": "Code (met subcodes)", "code_alone": "Code (alleen de code zelf)",
        "level": "Niveau {number}", "fragment": "Fragment", "context": "Context", "coder": "Codeur", "memo": "Memo",
        "status": "Status", "start": "Begin", "end": "Einde",
        # Sheets.
        "sheet_all": "Alle fragmenten", "sheet_code_document": "Code × document",
        "sheet_code_attribute": "Code × kenmerk", "sheet_codebook": "Codeboek", "sheet_export": "Export",
        "sheet_theme": "Thema",
        # Counts.
        "total": "Totaal", "documents": "Documenten", "fragments": "Fragmenten", "codes": "Codes",
        # The codebook's columns.
        "name": "Naam", "definition": "Definitie", "when_to_use": "Wanneer gebruiken",
        "when_not_to_use": "Wanneer niet gebruiken", "example": "Voorbeeld", "colour": "Kleur",
        "codable": "Codeerbaar", "codings": "Coderingen", "depth": "Niveau",
        # About the export.
        "project": "Project", "exported": "Geëxporteerd op", "codebook": "Codeboek",
        "codebook_version": "Versie codeboek", "pseudonymised": "Gepseudonimiseerd", "filter": "Filter",
        "yes": "ja", "no": "nee", "no_value": "(geen)",
        "workbook_title": "Gecodeerde fragmenten: {project}", "codebook_title": "Codeboek: {title}",
        # Filter names.
        "filter_codes": "codes", "filter_query": "zoekvraag", "filter_documents": "documenten",
        "filter_attributes": "kenmerken", "filter_speakers": "sprekers", "filter_coders": "codeurs",
        "filter_statuses": "status", "filter_date_from": "vanaf", "filter_date_to": "tot en met",
        "filter_context": "context",
        # Coding statuses.
        "status_applied": "toegepast", "status_suggested": "voorgesteld", "status_rejected": "afgewezen",
        # How much text around a fragment is shown.
        "context_sentence": "zin", "context_turn": "beurt", "context_none": "geen",
    },
    "en": {
        "document": "Document", "case": "Case", "speaker": "Speaker", "time": "Time", "code": "Code",
        "code_with_subcodes": "Code (sub-codes included)", "code_alone": "Code (alone)",
        "level": "Level {number}", "fragment": "Fragment", "context": "Context", "coder": "Coder", "memo": "Memo",
        "status": "Status", "start": "Start", "end": "End",
        "sheet_all": "All fragments", "sheet_code_document": "Code × document",
        "sheet_code_attribute": "Code × attribute", "sheet_codebook": "Codebook", "sheet_export": "Export",
        "sheet_theme": "Theme",
        "total": "Total", "documents": "Documents", "fragments": "Fragments", "codes": "Codes",
        "name": "Name", "definition": "Definition", "when_to_use": "When to use",
        "when_not_to_use": "When not to use", "example": "Example", "colour": "Colour",
        "codable": "Codable", "codings": "Codings", "depth": "Level",
        "project": "Project", "exported": "Exported", "codebook": "Codebook",
        "codebook_version": "Codebook version", "pseudonymised": "Pseudonymised", "filter": "Filter",
        "yes": "yes", "no": "no", "no_value": "(none)",
        "workbook_title": "Coded fragments: {project}", "codebook_title": "Codebook: {title}",
        "filter_codes": "codes", "filter_query": "query", "filter_documents": "documents",
        "filter_attributes": "attributes", "filter_speakers": "speakers", "filter_coders": "coders",
        "filter_statuses": "statuses", "filter_date_from": "from", "filter_date_to": "to",
        "filter_context": "context",
        "status_applied": "applied", "status_suggested": "suggested", "status_rejected": "rejected",
        "context_sentence": "sentence", "context_turn": "turn", "context_none": "none",
    },
}


class ExportLabels:
    """The words of one language's catalogue; an unknown key is shown as it is."""

    def __init__(self, language: str | None = "nl"):
        self.language = language if language in _CATALOGUES else "en"
        self._words = _CATALOGUES[self.language]

    def __getitem__(self, key: str) -> str:
        return self._words.get(key, key)

    @property
    def tag(self) -> str:
        """The language tag for document metadata and styles (`nl-NL`, `en-GB`)."""
        return LANGUAGE_TAGS[self.language]

    def level(self, number: int) -> str:
        """The heading of the column with the code's level `number` (`Niveau 1`, `Level 1`)."""
        return self._words["level"].format(number=number)

    def yes_no(self, value: bool) -> str:
        return self._words["yes"] if value else self._words["no"]

    def status(self, value: str) -> str:
        """A coding status in words (`toegepast`, `applied`)."""
        return self._words.get(f"status_{value}", value)

    def filter_name(self, key: str) -> str:
        """The name of a filter as the export's about sheet shows it."""
        return self._words.get(f"filter_{key}", key)

    def filter_value(self, key: str, value: object) -> str:
        """A filter's value in words: statuses and the context in the language, lists joined by commas."""
        values = list(value) if isinstance(value, (list, tuple)) else [value]
        if key == "statuses":
            values = [self.status(str(v)) for v in values]
        elif key == "context":
            values = [self._words.get(f"context_{v}", str(v)) for v in values]
        return ", ".join(map(str, values))
