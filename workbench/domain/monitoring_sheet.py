"""A researcher's own spreadsheet log as read from the file, and what importing it would do row by row."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Any

from workbench.domain.monitoring import EntryDraft

REQUIRED_FIELDS = ("date", "title")

# Header names (Dutch and English) that researchers use for each field of an entry.
HEADER_NAMES = {
    "date": ("datum", "date", "dag", "startdatum", "start date", "begindatum", "datum activiteit", "day"),
    "end_date": ("einddatum", "end date", "end_date", "end", "tot", "tot en met", "t/m", "until"),
    "time": ("tijd", "time", "tijdstip", "aanvang", "starttijd", "start time"),
    "type": ("type", "soort", "soort activiteit", "activiteitstype", "type activiteit", "categorie",
             "activity type", "kind", "entry type"),
    "title": ("titel", "title", "onderwerp", "activiteit", "naam activiteit", "subject", "activity", "wat"),
    "location": ("locatie", "plaats", "location", "waar", "place", "plek", "where"),
    "actors": ("aanwezig", "aanwezigen", "actoren", "actors", "deelnemers", "participants", "wie",
               "betrokkenen", "present", "people", "who", "actors present"),
    "observation": ("observatie", "observation", "wat gebeurde er", "wat is er gebeurd", "verslag",
                    "beschrijving", "omschrijving", "notities", "notes", "what happened", "observaties"),
    "interpretation": ("interpretatie", "interpretation", "analyse", "analysis", "duiding"),
    "reflection": ("reflectie", "reflection", "reflectie onderzoeker", "reflecties", "reflections"),
    "significance": ("significance", "markering", "tijdlijn", "moment", "type moment", "belang",
                     "timeline significance", "hoogte/dieptepunt", "significantie"),
    "significance_why": ("waarom", "why", "toelichting", "waarom belangrijk", "significance why",
                         "significance_why", "why significant", "toelichting markering"),
    "confidentiality": ("vertrouwelijkheid", "vertrouwelijk", "confidentiality", "intern", "internal",
                        "zichtbaarheid", "visibility"),
    "author": ("auteur", "author", "door", "ingevuld door", "monitor", "onderzoeker", "researcher"),
}
TEXT_FIELDS_JOINED = ("observation", "interpretation", "reflection")


def header_key(text: object) -> str:
    """A header as compared: lower case, accents and punctuation removed ('Wat gebeurde er?' -> 'watgebeurdeer')."""
    decomposed = unicodedata.normalize("NFKD", str(text or "").casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())


HEADER_INDEX = {header_key(name): field for field, names in HEADER_NAMES.items() for name in (field, *names)}


def field_for_header(header: object, mapping: dict[str, str] | None = None) -> str | None:
    """The entry field a column header stands for, with the user's own mapping tried first."""
    key = header_key(header)
    if mapping:
        own = {header_key(k): v for k, v in mapping.items()}
        if key in own:
            return own[key]
    return HEADER_INDEX.get(key)


@dataclass(frozen=True)
class SheetColumn:
    """A column of the sheet and the field it fills (None: ignored)."""

    position: int
    header: str
    field: str | None


@dataclass(frozen=True)
class SheetRow:
    """One filled row of the sheet: its number as the spreadsheet shows it, and its values by field."""

    number: int
    values: dict[str, Any]


@dataclass(frozen=True)
class LogSheet:
    """The sheet as read: which columns map to which fields, and the filled rows."""

    path: str
    sheet: str
    columns: tuple[SheetColumn, ...]
    rows: tuple[SheetRow, ...]

    @property
    def ignored(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns if c.field is None)


@dataclass(frozen=True)
class RowCheck:
    """What importing one row would do: the entry it makes, or the problems that stop it."""

    number: int
    draft: EntryDraft | None
    problems: tuple[str, ...] = ()
    duplicate: bool = False

    @property
    def ok(self) -> bool:
        return self.draft is not None and not self.problems


@dataclass(frozen=True)
class SheetPreview:
    """The whole import looked at before anything is written."""

    sheet: LogSheet
    rows: tuple[RowCheck, ...]
    new_actors: tuple[str, ...] = ()

    @property
    def good(self) -> tuple[RowCheck, ...]:
        return tuple(r for r in self.rows if r.ok and not r.duplicate)

    @property
    def bad(self) -> tuple[RowCheck, ...]:
        return tuple(r for r in self.rows if not r.ok)

    @property
    def duplicates(self) -> tuple[RowCheck, ...]:
        return tuple(r for r in self.rows if r.ok and r.duplicate)

    def problem_lines(self) -> tuple[str, ...]:
        """One line per problem, each starting with its row number."""
        return tuple(f"row {r.number}: {problem}" for r in self.bad for problem in r.problems)


@dataclass(frozen=True)
class SheetImport:
    """What an import did."""

    path: str
    added: tuple[int, ...]
    duplicates: tuple[int, ...]
    skipped: tuple[int, ...]
    new_actors: tuple[str, ...]
