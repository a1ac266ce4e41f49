"""Document texts, kept in memory once read: a stored text never changes, so a cached copy never goes stale.

Cutting many fragments out of long transcripts inside the database is slow (both SQLite and PostgreSQL walk
the whole UTF-8 text for each cut), so services read each text once and slice it in Python. The cache is
keyed by database, document id and the document's GUID, so a document deleted and replaced under the same id
is never served from an old copy. (The GUID is read rather than the text's hash because it is stored before
the text: reading it never touches the text's pages.) Its size is bounded; the least recently used texts go
first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.services.selection import chunks
from workbench.store.schema import Document

MAX_CHARACTERS = 60_000_000
MAX_DOCUMENTS_OF_OFFSETS = 2000
_lock = threading.Lock()
_cache: OrderedDict[tuple[str, int], tuple[str, str]] = OrderedDict()
_offsets: OrderedDict[tuple[str, int, str], object] = OrderedDict()
_size = 0


def _remember(key: tuple[str, int], guid: str, text: str) -> None:
    global _size
    with _lock:
        old = _cache.pop(key, None)
        if old is not None:
            _size -= len(old[1])
        _cache[key] = (guid, text)
        _size += len(text)
        while _size > MAX_CHARACTERS and len(_cache) > 1:
            _, (_, dropped) = _cache.popitem(last=False)
            _size -= len(dropped)


def _cached(key: tuple[str, int], guid: str) -> str | None:
    with _lock:
        found = _cache.get(key)
        if found is None or found[0] != guid:
            return None
        _cache.move_to_end(key)
        return found[1]


def document_texts(session: Session, guids: dict[int, str]) -> dict[int, str]:
    """The texts of the documents given as `{id: guid}`, from memory where the GUID still matches."""
    database = str(session.get_bind().engine.url)
    texts: dict[int, str] = {}
    missing = []
    for doc_id, guid in guids.items():
        text = _cached((database, doc_id), guid)
        if text is None:
            missing.append(doc_id)
        else:
            texts[doc_id] = text
    for part in chunks(sorted(missing), 100):
        query = select(Document.id, Document.guid, Document.text).where(Document.id.in_(part))
        for doc_id, guid, text in session.execute(query).all():
            _remember((database, doc_id), guid, text)
            texts[doc_id] = text
    return texts


def document_guids(session: Session, document_ids: Iterable[int]) -> dict[int, str]:
    """The GUID of each document."""
    guids: dict[int, str] = {}
    for part in chunks(sorted(set(document_ids))):
        guids.update(session.execute(select(Document.id, Document.guid).where(Document.id.in_(part))).all())
    return guids


def texts_for(session: Session, document_ids: Iterable[int]) -> dict[int, str]:
    """The texts of the documents, from memory where possible."""
    return document_texts(session, document_guids(session, document_ids))


def word_offsets(text: str):
    """Where each word of a text begins, as a numpy array (the word rule of `count_words`)."""
    from workbench.domain.arrays import np
    from workbench.domain.spans import WORD

    numpy = np()
    return numpy.fromiter((m.start() for m in WORD.finditer(text)), dtype=numpy.int64)


def word_offsets_for(session: Session, document_ids: Iterable[int]) -> dict[int, object]:
    """The word offsets of each document's text, computed once per text and kept like the texts."""
    database = str(session.get_bind().engine.url)
    guids = document_guids(session, document_ids)
    result, missing = {}, {}
    with _lock:
        for doc_id, guid in guids.items():
            found = _offsets.get((database, doc_id, guid))
            if found is None:
                missing[doc_id] = guid
            else:
                _offsets.move_to_end((database, doc_id, guid))
                result[doc_id] = found
    for doc_id, text in document_texts(session, missing).items():
        offsets = word_offsets(text)
        result[doc_id] = offsets
        with _lock:
            _offsets[(database, doc_id, missing[doc_id])] = offsets
            while len(_offsets) > MAX_DOCUMENTS_OF_OFFSETS:
                _offsets.popitem(last=False)
    return result


def forget_all() -> None:
    """Empty the caches (the benchmark uses it to measure a first read)."""
    global _size
    with _lock:
        _cache.clear()
        _offsets.clear()
        _size = 0
