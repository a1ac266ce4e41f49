"""The demo's codings: a handful of realistic codings (and a memo) on the imported sample transcripts.

Each code is applied to the sentences where one of its phrases first occurs, so the demo works with whatever
sample transcripts are shipped. Without documents or without the default codebook's codes nothing happens.
"""

from __future__ import annotations

from pathlib import Path

from workbench.domain.errors import WorkbenchError

# Code path -> phrases whose sentences the demo codes (at most two sentences per code and document).
DEMO_CODINGS = (
    ("Vertrouwen/Vertrouwen in personen", ("korte lijntjes", "persoonlijk contact", "die kent ons", "vertrouwen")),
    ("Vertrouwen/Ruimte om te falen", ("ging mis", "fouten", "mislukt", "kippen")),
    ("Financiering/Subsidie voor één jaar", ("subsidie", "één jaar", "jaar subsidie")),
    ("Financiering/Huurinkomsten", ("huur",)),
    ("Rollen en taken/Bewoners dragen de plek", ("bewoners", "vrijwilligers")),
    ("Borging/Afhankelijkheid van personen", ("als zij weggaat", "als hij weggaat", "afhankelijk")),
    ("Fysieke plek/Ontmoetingsplek", ("ontmoet", "koffie")),
)
PER_DOCUMENT = 2
MEMO = "Vertrouwen rust hier op personen: wat gebeurt er als de initiatiefnemer vertrekt?"


def _usable(tree, path: str) -> bool:
    try:
        entry = tree.resolve(path)
    except WorkbenchError:
        return False
    return entry.codable and not entry.retired


def add_to_demo(project, samples_dir: Path) -> None:
    """Code the demo's transcripts with a few sentences per theme; quietly does nothing without documents or codes."""
    from sqlalchemy import select

    from workbench.domain.filters import Selection
    from workbench.services.lookup import CodeTree
    from workbench.store.schema import Document

    with project.ctx.read() as s:
        documents = list(s.scalars(select(Document.id).order_by(Document.id)))
        tree = CodeTree.load(s)
    codes = [(code, phrases) for code, phrases in DEMO_CODINGS if _usable(tree, code)]
    first_coding = None
    for code, phrases in codes:
        for doc_id in documents:
            done = 0
            for phrase in phrases:
                hits = project.search.search(phrase, selection=Selection(documents=(str(doc_id),)), limit=PER_DOCUMENT)
                for hit in hits[: PER_DOCUMENT - done]:
                    sentence = project.coding.grow(doc_id, hit.start, hit.end, to="sentence")
                    coding = project.coding.apply(doc_id, code, sentence.start, sentence.end)
                    first_coding = first_coding or coding
                    done += 1
                if done >= PER_DOCUMENT:
                    break
    if first_coding is not None:
        project.coding.set_memo(first_coding.id, MEMO)
