"""What a pseudonymised export replaced, for the record an ethics board reads: replacements per kind of entity
and per document, the registered entities not found, the coarsening rules and the leak scan's result.

The record never holds a real name: documents appear under their pseudonymised titles and entities by their
pseudonyms, so the key (real name -> pseudonym) stays in the project.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from workbench.domain.leak_scan import ScanResult
from workbench.domain.name_rules import KINDS
from workbench.domain.pseudonyms import AMBIGUOUS, Replacer


@dataclass(frozen=True)
class SourceTally:
    """Replacements in one source of the export (a document, the codebook, the monitoring log), per kind."""

    source: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class DeidentificationRecord:
    """Everything the de-identification report says about one export."""

    export_file: str
    export_kind: str
    project: str
    created: dt.datetime
    language: str
    entities: dict[str, int]
    sources: tuple[SourceTally, ...]
    not_found: tuple[tuple[str, str], ...]
    age_band: int | None
    ages_coarsened: int
    scan: ScanResult

    def total(self, kind: str) -> int:
        return sum(source.counts.get(kind, 0) for source in self.sources)


def tally_sources(replacer: Replacer, sources: Iterable[tuple[str, Iterable[str | None]]]
                  ) -> tuple[tuple[SourceTally, ...], set[str], int]:
    """Replacements per source and kind, the pseudonyms that were found anywhere, and the ages coarsened."""
    tallies = []
    found: set[str] = set()
    ages = 0
    for label, texts in sources:
        counts: Counter[str] = Counter()
        for text in texts:
            if not text:
                continue
            for _start, _end, form in replacer.matches(text):
                counts[form.entity] += 1
                found.add(form.pseudonym)
            if replacer.age_band and replacer.pattern is not None:
                ages += sum(1 for m in replacer.pattern.finditer(text) if m.groupdict().get("age"))
        tallies.append(SourceTally(replacer.text(label) or label, {k: counts.get(k, 0) for k in KINDS}))
    return tuple(tallies), found, ages


def entities_not_found(replacer: Replacer, found: set[str]) -> tuple[tuple[str, str], ...]:
    """The registered entities (by pseudonym and kind) that occur in none of the sources."""
    missing = {(entry.pseudonym, entry.entity_kind) for entry in replacer.entries
               if entry.pseudonym not in found and entry.pseudonym != AMBIGUOUS}
    return tuple(sorted(missing, key=lambda pair: (KINDS.index(pair[1]) if pair[1] in KINDS else 9, pair[0])))


def entity_counts(replacer: Replacer) -> dict[str, int]:
    """How many entities of each kind the register holds."""
    counts = Counter(entry.entity_kind for entry in replacer.entries)
    return {kind: counts.get(kind, 0) for kind in KINDS}
