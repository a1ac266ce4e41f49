"""Sentence and turn spans of documents, kept in memory once read: like the text, they are fixed at import.

Retrieval finds each coding's context and turn by bisecting these spans instead of asking the database for
every coding. Only the spans and the turns' times are kept; speakers are read fresh, since a label may be
renamed. Entries are keyed by database, document id and GUID, and the least recently used are dropped.
"""

from __future__ import annotations

import threading
from array import array
from collections import OrderedDict
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.spans import Units
from workbench.services.plain_rows import plain_rows
from workbench.services.selection import chunks
from workbench.store.schema import Sentence, Turn

MAX_DOCUMENTS = 5000
_lock = threading.Lock()
_cache: OrderedDict[tuple[str, int, str], DocumentSpans] = OrderedDict()
_asked: set[tuple[str, int, str]] = set()  # documents whose spans were asked for, read or not


@dataclass(frozen=True)
class DocumentSpans:
    """One document's sentences and turns (with the turns' ids and times), in order."""

    sentences: Units
    turns: Units
    turn_ids: array
    turn_starts_at: tuple[float | None, ...]
    turn_ends_at: tuple[float | None, ...]


def _read(session: Session, document_ids: list[int]) -> dict[int, DocumentSpans]:
    sentences: dict[int, Units] = {}
    turns: dict[int, tuple] = {}
    for part in chunks(document_ids):
        query = select(Sentence.document_id, Sentence.start, Sentence.end).where(Sentence.document_id.in_(part))
        for doc_id, group in groupby(plain_rows(session, query.order_by(Sentence.document_id, Sentence.start)),
                                     key=itemgetter(0)):
            rows = list(group)
            sentences[doc_id] = Units.ordered(array("q", (r[1] for r in rows)), array("q", (r[2] for r in rows)))
        turn_query = select(Turn.document_id, Turn.start, Turn.end, Turn.id, Turn.t_start, Turn.t_end).where(
            Turn.document_id.in_(part)
        )
        for doc_id, group in groupby(plain_rows(session, turn_query.order_by(Turn.document_id, Turn.start)),
                                     key=itemgetter(0)):
            rows = list(group)
            turns[doc_id] = (
                Units.ordered(array("q", (r[1] for r in rows)), array("q", (r[2] for r in rows))),
                array("q", (r[3] for r in rows)), tuple(r[4] for r in rows), tuple(r[5] for r in rows),
            )
    empty = Units.ordered(array("q"), array("q"))
    result = {}
    for doc_id in document_ids:
        own_turns, ids, starts_at, ends_at = turns.get(doc_id, (empty, array("q"), (), ()))
        result[doc_id] = DocumentSpans(sentences.get(doc_id) or own_turns, own_turns, ids, starts_at, ends_at)
    return result


def cached_spans(session: Session, guids: dict[int, str]) -> tuple[dict[int, DocumentSpans], bool]:
    """The spans of those documents (given as `{id: guid}`) that are in memory already, and whether any of
    the others is asked for the first time in this process (each is noted as asked for)."""
    database = str(session.get_bind().engine.url)
    with _lock:
        found = {doc_id: _cache[(database, doc_id, guid)] for doc_id, guid in guids.items()
                 if (database, doc_id, guid) in _cache}
        keys = {(database, doc_id, guid) for doc_id, guid in guids.items() if doc_id not in found}
        first = not keys <= _asked
        _asked.update(keys)
    return found, first


def document_spans(session: Session, guids: dict[int, str]) -> dict[int, DocumentSpans]:
    """The spans of the documents given as `{id: guid}`, from memory where possible."""
    database = str(session.get_bind().engine.url)
    found: dict[int, DocumentSpans] = {}
    with _lock:
        for doc_id, guid in guids.items():
            key = (database, doc_id, guid)
            if key in _cache:
                _cache.move_to_end(key)
                found[doc_id] = _cache[key]
    missing = sorted(set(guids) - set(found))
    if missing:
        read = _read(session, missing)
        found.update(read)
        with _lock:
            for doc_id, spans in read.items():
                _cache[(database, doc_id, guids[doc_id])] = spans
            while len(_cache) > MAX_DOCUMENTS:
                _cache.popitem(last=False)
    return found


def forget_all() -> None:
    """Empty the cache (the benchmark uses it to measure a first read)."""
    with _lock:
        _cache.clear()
        _asked.clear()
