"""Apply, resize and remove codings, their memos, and the span helpers the coding screen uses."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from workbench.domain.codings import STATUSES, Coding, NearbyCoding, fingerprint
from workbench.domain.errors import Conflict, InvalidInput, NotFound
from workbench.domain.spans import Span, check_span, shorten
from workbench.services import navigation, visibility
from workbench.services.coding_rows import read_coding, read_codings
from workbench.services.context import ServiceContext, Unit
from workbench.services.lookup import CodeTree, codable, resolve_coder, resolve_document
from workbench.services.texts import texts_for
from workbench.store.base import utcnow
from workbench.store.schema import Coding as CodingRow
from workbench.store.schema import Coder, Document, LogEntryLink, Memo


def _span_text(text: str, start: int, end: int) -> str:
    return shorten(text[start:end])


class CodingService:
    """Codings made by the project's coder; every change is one undoable event."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    # -- changes --------------------------------------------------------------------------------------

    def apply(
        self, document: str | int, code: str, start: int, end: int, *, memo: str | None = None,
        coder: str | None = None, status: str = "applied", origin: str = "manual",
    ) -> Coding:
        """Code `[start, end)` of a document; the same code, span and coder again returns the existing coding."""
        if status not in STATUSES:
            raise InvalidInput(f"The status '{status}' is not one of {', '.join(STATUSES)}.")
        for attempt in range(2):
            try:
                return self._apply(document, code, start, end, memo, coder, status, origin)
            except IntegrityError:
                if attempt:
                    raise
                # A colleague stored the same coding a moment ago; the second try finds it.
        raise AssertionError("unreachable")

    def _apply(self, document, code, start, end, memo, coder, status, origin) -> Coding:
        with self.ctx.change("coding.apply") as unit:
            s = unit.session
            doc_id, title = resolve_document(s, document)
            tree = CodeTree.load(s)
            entry = codable(tree.resolve(code))
            coder_id = resolve_coder(s, coder) if coder else unit.coder_id
            text = texts_for(s, [doc_id])[doc_id]
            check_span(start, end, len(text), title)
            existing = s.scalar(
                select(CodingRow).where(
                    CodingRow.document_id == doc_id, CodingRow.code_id == entry.id,
                    CodingRow.coder_id == coder_id, CodingRow.start == start, CodingRow.end == end,
                )
            )
            quoted = _span_text(text, start, end)
            if existing is not None:
                row = existing
                if status == "applied" and row.status != "applied":
                    row.status = "applied"
                    unit.describe(summary=f"Accepted '{quoted}' as {entry.path}")
            else:
                row = CodingRow(
                    guid=str(uuid.uuid4()), document_id=doc_id, code_id=entry.id, coder_id=coder_id,
                    start=start, end=end, status=status, origin=origin, fingerprint=fingerprint(text, start, end),
                )
                s.add(row)
                verb = "Coded" if status == "applied" else "Suggested"
                unit.describe(summary=f"{verb} '{quoted}' as {entry.path}")
            s.flush()
            if memo is not None and memo.strip():
                self._write_memo(unit, row.id, memo)
                if existing is not None and not unit.summary:
                    unit.describe(summary=f"Wrote a memo on '{quoted}' ({entry.path})")
            unit.describe(target=f"coding:{row.id}")
            return read_codings(s, [CodingRow.id == row.id], tree=tree)[0]

    def remove(self, coding_id: int) -> Coding:
        """Remove a coding with its memos and log-entry links; returns the coding as it was."""
        before = self.get(coding_id)
        with self.ctx.change("coding.remove", target=f"coding:{coding_id}") as unit:
            s = unit.session
            row = self._row(unit, coding_id)
            # Dependent rows go through the ORM first, so the event holds them and undo puts them back.
            for dependant in (*s.scalars(select(Memo).where(Memo.coding_id == coding_id)),
                              *s.scalars(select(LogEntryLink).where(LogEntryLink.coding_id == coding_id))):
                s.delete(dependant)
            s.flush()
            s.delete(row)
            unit.describe(summary=f"Removed the coding '{shorten(before.text)}' ({before.code})")
        return before

    def resize(self, coding_id: int, start: int, end: int) -> Coding:
        """Give a coding a new span; the context fingerprint follows."""
        with self.ctx.change("coding.resize", target=f"coding:{coding_id}") as unit:
            s = unit.session
            row = self._row(unit, coding_id)
            title = s.execute(select(Document.title).where(Document.id == row.document_id)).scalar_one()
            text = texts_for(s, [row.document_id])[row.document_id]
            check_span(start, end, len(text), title)
            if (row.start, row.end) == (start, end):
                return self.get(coding_id)
            clash = s.scalar(
                select(CodingRow.id).where(
                    CodingRow.document_id == row.document_id, CodingRow.code_id == row.code_id,
                    CodingRow.coder_id == row.coder_id, CodingRow.start == start, CodingRow.end == end,
                )
            )
            if clash is not None:
                raise Conflict(f"Coding {clash} already has this code on [{start}, {end}); remove one of the two instead.")
            old = (_span_text(text, row.start, row.end), row.start, row.end)
            row.start, row.end = start, end
            row.fingerprint = fingerprint(text, start, end)
            path = CodeTree.load(s).path(row.code_id)
            unit.describe(summary=f"Resized the coding '{old[0]}' ({path}) from [{old[1]}, {old[2]}) to [{start}, {end})")
        return self.get(coding_id)

    def set_memo(self, coding_id: int, text: str, title: str = "") -> Coding:
        """Write (or replace) the memo on a coding; an empty text removes it."""
        with self.ctx.change("memo.coding", target=f"coding:{coding_id}") as unit:
            row = self._row(unit, coding_id)
            doc_text = texts_for(unit.session, [row.document_id])[row.document_id]
            quoted = _span_text(doc_text, row.start, row.end)
            if text.strip():
                self._write_memo(unit, coding_id, text, title)
                unit.describe(summary=f"Wrote a memo on the coding '{quoted}'")
            else:
                for memo in unit.session.scalars(select(Memo).where(Memo.coding_id == coding_id)):
                    unit.session.delete(memo)
                unit.describe(summary=f"Removed the memo on the coding '{quoted}'")
        return self.get(coding_id)

    def suggest(self, spans: list[tuple[int, int, int]], code: str, *, origin: str, why: str) -> list[Coding]:
        """Store `(document_id, start, end)` spans as suggested codings of one code, in one undoable event.

        Spans this coder already has with the code (in any status) are skipped; returns the new suggestions.
        """
        with self.ctx.change("coding.suggest") as unit:
            s = unit.session
            entry = codable(CodeTree.load(s).resolve(code))
            wanted = sorted(set(spans))
            doc_ids = sorted({doc for doc, _, _ in wanted})
            texts = texts_for(s, doc_ids)
            existing = set(s.execute(
                select(CodingRow.document_id, CodingRow.start, CodingRow.end).where(
                    CodingRow.code_id == entry.id, CodingRow.coder_id == unit.coder_id, CodingRow.document_id.in_(doc_ids)
                )
            ).all()) if doc_ids else set()
            rows = []
            for doc_id, start, end in wanted:
                text = texts.get(doc_id)
                if text is None or (doc_id, start, end) in existing:
                    continue
                check_span(start, end, len(text), str(doc_id))
                rows.append(CodingRow(
                    guid=str(uuid.uuid4()), document_id=doc_id, code_id=entry.id, coder_id=unit.coder_id, start=start,
                    end=end, status="suggested", origin=origin, fingerprint=fingerprint(text, start, end),
                ))
            s.add_all(rows)
            s.flush()
            noun = "coding" if len(rows) == 1 else "codings"
            unit.describe(target=f"code:{entry.id}", summary=f"Suggested {len(rows)} {noun} of {entry.path} {why}")
            ids = [row.id for row in rows]
        if not ids:
            return []
        with self.ctx.read() as s:
            return read_codings(s, [CodingRow.id.in_(ids)])

    def _write_memo(self, unit: Unit, coding_id: int, text: str, title: str = "") -> None:
        memo = unit.session.scalar(select(Memo).where(Memo.coding_id == coding_id).order_by(Memo.id).limit(1))
        if memo is None:
            memo = Memo(guid=str(uuid.uuid4()), title=title, text=text, author_id=unit.coder_id, coding_id=coding_id)
            unit.session.add(memo)
        elif memo.text != text or (title and memo.title != title):
            memo.text = text
            memo.title = title or memo.title
            memo.updated_at = utcnow()

    def _row(self, unit: Unit, coding_id: int) -> CodingRow:
        row = unit.session.get(CodingRow, coding_id)
        if row is None:
            raise NotFound(f"There is no coding with id {coding_id}; `workbench codings` lists them.")
        return row

    # -- reading --------------------------------------------------------------------------------------

    def get(self, coding_id: int) -> Coding:
        """One coding by id."""
        with self.ctx.read() as s:
            found = read_coding(s, coding_id)
        if found is None:
            raise NotFound(f"There is no coding with id {coding_id}; `workbench codings` lists them.")
        return found

    def list(
        self, *, document: str | int | None = None, code: str | None = None, coder: str | None = None,
        status: str | None = None, subcodes: bool = False, limit: int | None = None,
    ) -> list[Coding]:
        """Codings, optionally of one document, code (with its sub-codes), coder or status."""
        with self.ctx.read() as s:
            tree = CodeTree.load(s)
            conditions = visibility.coding_conditions(self.ctx, s)
            if document is not None:
                conditions.append(CodingRow.document_id == resolve_document(s, document)[0])
            if code is not None:
                conditions.append(CodingRow.code_id.in_(tree.resolve_many([code], subcodes)))
            if coder is not None:
                conditions.append(CodingRow.coder_id == resolve_coder(s, coder))
            if status is not None:
                if status not in STATUSES:
                    raise InvalidInput(f"The status '{status}' is not one of {', '.join(STATUSES)}.")
                conditions.append(CodingRow.status == status)
            return read_codings(s, conditions, tree=tree, limit=limit)

    # -- span helpers ---------------------------------------------------------------------------------

    def grow(self, document: str | int, start: int, end: int, to: str = "word") -> Span:
        """Widen a span to whole words, sentences or turns."""
        with self.ctx.read() as s:
            return navigation.grow(s, document, start, end, to)

    def unit_at(self, document: str | int, offset: int, unit: str = "sentence") -> Span | None:
        """The sentence or turn containing an offset, or None between them."""
        with self.ctx.read() as s:
            return navigation.unit_at(s, document, offset, unit)

    def next_coding(self, document: str | int, offset: int, *, coder: str | None = None) -> NearbyCoding | None:
        """The first coding that starts after `offset`."""
        with self.ctx.read() as s:
            return navigation.neighbour(s, document, offset, forward=True, coder=coder,
                                        visible=visibility.coding_conditions(self.ctx, s))

    def previous_coding(self, document: str | int, offset: int, *, coder: str | None = None) -> NearbyCoding | None:
        """The last coding that starts before `offset`."""
        with self.ctx.read() as s:
            return navigation.neighbour(s, document, offset, forward=False, coder=coder,
                                        visible=visibility.coding_conditions(self.ctx, s))

    def where_left_off(self) -> tuple[int, int] | None:
        """The document and offset of the current coder's latest coding, else the first document's start;
        None in a project without documents."""
        with self.ctx.read() as s:
            latest = s.execute(
                select(CodingRow.document_id, CodingRow.start).join(Coder, Coder.id == CodingRow.coder_id)
                .where(Coder.name == self.ctx.coder).order_by(CodingRow.id.desc()).limit(1)
            ).first()
            if latest is not None:
                return latest.document_id, latest.start
            first = s.scalar(select(Document.id).order_by(Document.id).limit(1))
            return None if first is None else (first, 0)
