"""Replace a document's text with a corrected version of it, re-anchoring every coding, as one undoable step.

The old text, turns and sentences go into the step's event (so undo restores them and the history keeps the old
text); the document gets a new GUID, because a text, once stored under a GUID, never changes. Codings follow
their words (see domain/reanchoring.py); memos and log links hang on codings and documents, so they follow too.
What cannot be placed with confidence stays at its suggested place and is listed for review on the document.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from workbench.domain.codings import fingerprint
from workbench.domain.errors import Conflict, InvalidInput, NotFound
from workbench.domain.reanchoring import (
    KEPT,
    REVIEW,
    Placement,
    ReanchorTally,
    TurnShape,
    reanchor,
)
from workbench.domain.replacement import (
    REVIEW_KEY,
    PlacementReview,
    ReplacementResult,
    review_entries,
    review_entry,
)
from workbench.domain.spans import check_span, shorten
from workbench.services.context import ServiceContext
from workbench.services.document_preparation import PreparationFailed, prepare
from workbench.services.lookup import CodeTree, coder_names, resolve_document
from workbench.store.schema import Coding, Document, LogEntryLink, Memo, Sentence, Turn

_PARKED = 1_000_000_000  # codings are moved this far out of the way first, so no two collide on their way


class ReplacementService:
    """Replace documents with corrected versions, and settle the codings that wait for review."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def replace(self, document: str | int, path: str | Path, *, language: str | None = None,
                speaker_map: Mapping[str, str] | None = None) -> ReplacementResult:
        """Give `document` the text of the file at `path`, re-anchoring its codings; one undoable step.

        Raises ImportFailed when the file cannot be read, NotFound for an unknown document and Conflict when
        another document already has the file's text; the project is then unchanged.
        """
        from workbench.services.documents import DocumentService

        path = Path(path)
        with self.ctx.read() as s:
            document_id, title = resolve_document(s, document)
        settings = DocumentService(self.ctx).import_settings(language, speaker_map)
        prepared = prepare(str(path), settings)
        if isinstance(prepared, PreparationFailed):
            from workbench.domain.errors import ImportFailed

            raise ImportFailed(prepared.message)
        with self.ctx.change("document.replace", target=f"document:{document_id}") as unit:
            s = unit.session
            row = s.get(Document, document_id)
            if row is None:
                raise NotFound(f"There is no document {document_id}; `workbench documents` lists them.")
            same_text = row.text_sha256 == prepared.sha256
            old_layout = [(t.start, t.end, t.speaker, t.t_start, t.t_end) for t in row.turns]
            if same_text and old_layout == [tuple(turn) for turn in prepared.turns]:
                count = s.scalar(select(func.count()).select_from(Coding).where(Coding.document_id == document_id))
                return ReplacementResult(document_id, title, path.name, row.format, ReanchorTally(count or 0, 0, 0),
                                         0, 0, (), unchanged=True)
            other = s.scalar(select(Document.title).where(Document.text_sha256 == prepared.sha256,
                                                          Document.id != document_id))
            if other is not None:
                raise Conflict(f"{path.name} has the same text as the document '{other}'; "
                               f"it cannot also become the text of '{title}'.")
            old_text = row.text
            old_turns = [TurnShape(t.start, t.end, t.speaker) for t in row.turns]
            new_turns = [TurnShape(start, end, speaker) for start, end, speaker, _, _ in prepared.turns]
            codings = list(s.scalars(select(Coding).where(Coding.document_id == document_id).order_by(Coding.id)))
            if same_text:  # only the speakers, times or file format changed: every coding stays where it is
                placements = [Placement(c.id, KEPT, c.start, c.end, "exact", 100.0) for c in codings]
            else:
                placements = reanchor(old_text, prepared.text, [(c.id, c.start, c.end) for c in codings],
                                      old_turns, new_turns)
            # A coding still waiting for review from an earlier replacement waits on: the coder has not decided.
            prior = {e["coding"]: e for e in review_entries(row.metadata_)}
            placements = [Placement(p.key, REVIEW, p.start, p.end, p.method, p.score, prior[p.key].get("reason", ""))
                          if p.key in prior and p.outcome != REVIEW else p for p in placements]
            placements = _settle(codings, placements, prepared.text)
            by_id = {c.id: c for c in codings}
            reviews = [prior.get(p.key) or review_entry(p, old_text, by_id[p.key].start, by_id[p.key].end)
                       for p in placements if p.outcome == REVIEW]
            _move_codings(s, codings, placements, prepared.text)
            _replace_layout(s, row, prepared)
            if not same_text:
                row.guid = str(uuid.uuid4())
            row.text, row.text_sha256, row.word_count = prepared.text, prepared.sha256, prepared.words
            row.format, row.language = prepared.format, prepared.language
            row.original_filename = path.name
            metadata = {k: v for k, v in (row.metadata_ or {}).items() if k != REVIEW_KEY}
            metadata.update(prepared.metadata)
            if reviews:
                metadata[REVIEW_KEY] = reviews
            row.metadata_ = metadata
            tally = ReanchorTally.of(placements)
            memos = s.scalar(select(func.count()).select_from(Memo).where(
                Memo.coding_id.in_([c.id for c in codings]) if codings else Memo.id < 0)) or 0
            links = s.scalar(select(func.count()).select_from(LogEntryLink).where(
                LogEntryLink.coding_id.in_([c.id for c in codings]) if codings else LogEntryLink.id < 0)) or 0
            unit.describe(summary=f"Replaced the text of '{title}' with {path.name} ({tally.line})",
                          source=str(path), tally={"kept": tally.kept, "moved": tally.moved, "review": tally.review})
            s.flush()
            reviews_now = _reviews(s, [row.id])
        return ReplacementResult(document_id, title, path.name, prepared.format, tally, memos, links,
                                 tuple(reviews_now))

    # -- the review list ------------------------------------------------------------------------------

    def reviews(self, document: str | int | None = None) -> list[PlacementReview]:
        """The codings waiting for review, of one document or of all, in document and text order."""
        with self.ctx.read() as s:
            ids = [resolve_document(s, document)[0]] if document is not None else None
            return _reviews(s, ids)

    def place(self, coding_id: int, start: int | None = None, end: int | None = None) -> PlacementReview:
        """Settle a coding under review at `[start, end)`, or where it was suggested; one undoable step."""
        with self.ctx.change("document.review.place", target=f"coding:{coding_id}") as unit:
            s = unit.session
            review, row, document = _under_review(s, coding_id)
            start = review.start if start is None else start
            end = review.end if end is None else end
            check_span(start, end, len(document.text), document.title)
            clash = s.scalar(select(Coding.id).where(
                Coding.document_id == row.document_id, Coding.code_id == row.code_id, Coding.coder_id == row.coder_id,
                Coding.start == start, Coding.end == end, Coding.id != row.id))
            if clash is not None:
                raise Conflict(f"Coding {clash} already has this code on [{start}, {end}); drop this one instead.")
            row.start, row.end = start, end
            row.fingerprint = fingerprint(document.text, start, end)
            _forget(document, coding_id)
            unit.describe(summary=f"Placed the coding '{shorten(review.old_text)}' ({review.code}) "
                                  f"on '{shorten(document.text[start:end])}'")
        return review

    def drop(self, coding_id: int) -> PlacementReview:
        """Remove a coding under review, with its memos and links; one undoable step."""
        with self.ctx.change("document.review.drop", target=f"coding:{coding_id}") as unit:
            s = unit.session
            review, row, document = _under_review(s, coding_id)
            for dependant in (*s.scalars(select(Memo).where(Memo.coding_id == coding_id)),
                              *s.scalars(select(LogEntryLink).where(LogEntryLink.coding_id == coding_id))):
                s.delete(dependant)
            s.flush()
            s.delete(row)
            _forget(document, coding_id)
            unit.describe(summary=f"Dropped the coding '{shorten(review.old_text)}' ({review.code}) after a replacement")
        return review


def _settle(codings: list[Coding], placements: list[Placement], text: str) -> list[Placement]:
    """Placements made unique per code and coder: confident ones first, so a suggestion never pushes one out;
    a second coding landing on a taken span goes to review, its suggestion nudged to a free span."""
    taken: set[tuple[int, int, int, int]] = set()
    settled: list[Placement | None] = [None] * len(placements)
    order = sorted(range(len(placements)), key=lambda i: placements[i].outcome == REVIEW)
    for index in order:
        coding, placement = codings[index], placements[index]
        start, end = placement.start, placement.end
        if start is None or end is None or start >= end:
            start, end = 0, 1  # the importer never gives an empty text
            placement = Placement(placement.key, REVIEW, start, end, "none", 0.0, placement.reason or "no place found")
        key = (coding.code_id, coding.coder_id, start, end)
        if key in taken:
            if placement.outcome != REVIEW:
                placement = Placement(placement.key, REVIEW, start, end, placement.method, placement.score,
                                      "another coding with the same code now covers the same words")
            while key in taken and end > start + 1:
                end -= 1
                key = (coding.code_id, coding.coder_id, start, end)
            while key in taken:
                end += 1
                key = (coding.code_id, coding.coder_id, start, end)
            placement = Placement(placement.key, placement.outcome, start, min(end, len(text)), placement.method,
                                  placement.score, placement.reason)
        elif (start, end) != (placement.start, placement.end):
            placement = Placement(placement.key, placement.outcome, start, end, placement.method, placement.score,
                                  placement.reason)
        taken.add((coding.code_id, coding.coder_id, *_span(placement)))
        settled[index] = placement
    return [p for p in settled if p is not None]


def _span(placement: Placement) -> tuple[int, int]:
    """A settled placement's span: kept and moved codings always have one."""
    if placement.start is None or placement.end is None:
        raise ValueError(f"the placement of coding {placement.key} has no span")
    return placement.start, placement.end


def _move_codings(s: Session, codings: list[Coding], placements: list[Placement], text: str) -> None:
    """Give each coding its new span in two passes, so no two codings of one code ever meet on the way."""
    moving = [(c, p) for c, p in zip(codings, placements) if (c.start, c.end) != (p.start, p.end)]
    for coding, _ in moving:
        coding.start, coding.end = coding.start + _PARKED, coding.end + _PARKED
    s.flush()
    for coding, placement in moving:
        coding.start, coding.end = _span(placement)
    for coding, placement in zip(codings, placements):
        coding.fingerprint = fingerprint(text, *_span(placement))
    s.flush()


def _replace_layout(s: Session, row: Document, prepared) -> None:
    """The document's turns and sentences become those of the new text (the old ones go into the event)."""
    for old in (*s.scalars(select(Sentence).where(Sentence.document_id == row.id)),
                *s.scalars(select(Turn).where(Turn.document_id == row.id))):
        s.delete(old)
    s.flush()
    s.add_all(Turn(document_id=row.id, start=start, end=end, speaker=speaker, t_start=t_start, t_end=t_end)
              for start, end, speaker, t_start, t_end in prepared.turns)
    s.add_all(Sentence(document_id=row.id, start=start, end=end) for start, end in prepared.sentences)


def _reviews(s: Session, document_ids: list[int] | None) -> list[PlacementReview]:
    query = select(Document).order_by(Document.id)
    if document_ids is not None:
        query = query.where(Document.id.in_(document_ids))
    # Only documents that carry a review list are read whole.
    query = query.where(Document.id.in_(_documents_with_reviews(s)))
    tree = CodeTree.load(s)
    coders = coder_names(s)
    found: list[PlacementReview] = []
    for document in s.scalars(query):
        entries = {e["coding"]: e for e in review_entries(document.metadata_)}
        rows: Sequence[Coding] = list(s.scalars(select(Coding).where(Coding.id.in_(list(entries))).order_by(Coding.start, Coding.id))) if entries else []
        for coding in rows:
            entry = entries[coding.id]
            found.append(PlacementReview(
                coding.id, document.id, document.title, tree.path(coding.code_id), coders.get(coding.coder_id, ""),
                entry.get("old_text", ""), entry.get("before", ""), entry.get("after", ""), coding.start, coding.end,
                document.text[coding.start : coding.end], entry.get("method", ""), float(entry.get("score", 0.0)),
                entry.get("reason", ""),
            ))
    return found


def _documents_with_reviews(s: Session) -> list[int]:
    return [doc_id for doc_id, metadata in s.execute(select(Document.id, Document.metadata_))
            if review_entries(metadata)]


def _under_review(s: Session, coding_id: int) -> tuple[PlacementReview, Coding, Document]:
    row = s.get(Coding, coding_id)
    if row is None:
        raise NotFound(f"There is no coding {coding_id}; `workbench review list` shows the codings to review.")
    found = [r for r in _reviews(s, [row.document_id]) if r.coding_id == coding_id]
    if not found:
        raise InvalidInput(f"Coding {coding_id} is not waiting for review; `workbench review list` shows those that are.")
    return found[0], row, s.get_one(Document, row.document_id)


def _forget(document: Document, coding_id: int) -> None:
    """Take a coding off its document's review list."""
    left = [e for e in review_entries(document.metadata_) if e["coding"] != coding_id]
    metadata = {k: v for k, v in (document.metadata_ or {}).items() if k != REVIEW_KEY}
    if left:
        metadata[REVIEW_KEY] = left
    document.metadata_ = metadata

