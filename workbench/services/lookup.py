"""Find the documents, codes and coders a user names: by id or title, by path, name or GUID, by name.

DOC is a document id or its exact title. CODE is a code path (`Financiering/Subsidie voor één jaar`, names
joined by `/`, case and spacing around `/` ignored), a unique name, or a GUID (case-insensitive, braces
stripped).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.codebook import join_path, name_key, normalise_guid
from workbench.domain.errors import InvalidInput, NotFound
from workbench.store.schema import Code, Coder, Document


@dataclass(frozen=True)
class CodeEntry:
    """One code of the tree with its path."""

    id: int
    guid: str
    parent_id: int | None
    name: str
    path: str
    codable: bool
    retired: bool
    colour: str


class CodeTree:
    """The codebook's codes with their paths, parents and children, read in one query."""

    def __init__(self, rows: Iterable):
        """`rows` are `(id, guid, parent_id, name, codable, retired, colour, sort_order)` tuples."""
        by_id = {row[0]: tuple(row) for row in rows}
        self.children: dict[int | None, list[int]] = {}
        for row in sorted(by_id.values(), key=lambda r: (r[7] or 0, r[3].casefold(), r[0])):
            self.children.setdefault(row[2], []).append(row[0])
        self.entries: dict[int, CodeEntry] = {}
        for code_id in self._walk(None):
            code_id, guid, parent_id, name, is_codable, retired, colour, _order = by_id[code_id]
            parent = self.entries.get(parent_id) if parent_id is not None else None
            path = join_path([parent.path, name]) if parent else name
            self.entries[code_id] = CodeEntry(code_id, guid, parent_id, name, path, bool(is_codable), bool(retired), colour)

    @classmethod
    def load(cls, session: Session) -> CodeTree:
        """Read the tree; plain rows, not ORM objects, so it stays cheap to call once per use case."""
        columns = (Code.id, Code.guid, Code.parent_id, Code.name, Code.codable, Code.retired, Code.colour, Code.sort_order)
        return cls(session.execute(select(*columns)).all())

    def _walk(self, parent: int | None) -> Iterator[int]:
        """Code ids below `parent`, depth-first in codebook order."""
        stack = list(reversed(self.children.get(parent, [])))
        while stack:
            code_id = stack.pop()
            yield code_id
            stack.extend(reversed(self.children.get(code_id, [])))

    def ordered(self) -> list[CodeEntry]:
        """Every code in codebook order, parents before their children."""
        return list(self.entries.values())

    def path(self, code_id: int) -> str:
        return self.entries[code_id].path

    def descendants(self, code_id: int) -> list[int]:
        """The code's sub-codes at every depth, in codebook order."""
        return list(self._walk(code_id))

    def ancestors(self, code_id: int) -> list[int]:
        result = []
        parent = self.entries[code_id].parent_id
        while parent is not None:
            result.append(parent)
            parent = self.entries[parent].parent_id
        return result

    def resolve(self, ref: str) -> CodeEntry:
        """The code named by a path, a unique name or a GUID."""
        text = (ref or "").strip()
        if not text:
            raise InvalidInput("No code was given; name one by its path, e.g. Financiering/Subsidie voor één jaar.")
        guid = normalise_guid(text)
        if guid is not None:
            for entry in self.entries.values():
                if normalise_guid(entry.guid) == guid:
                    return entry
        wanted = _path_key(text)
        for entry in self.entries.values():
            if _path_key(entry.path) == wanted:
                return entry
        named = [e for e in self.entries.values() if name_key(e.name) == name_key(text)]
        if len(named) == 1:
            return named[0]
        if named:
            paths = ", ".join(e.path for e in named)
            raise InvalidInput(f"The code name '{text}' is used more than once ({paths}); give its full path.")
        raise NotFound(f"There is no code '{text}' in the codebook; `workbench codebook list` shows the codes.")

    def resolve_many(self, refs: Iterable[str], subcodes: bool = False) -> list[int]:
        """The ids of the named codes (and of their sub-codes when asked), without repeats."""
        ids: dict[int, None] = {}
        for ref in refs:
            entry = self.resolve(ref)
            ids[entry.id] = None
            if subcodes:
                ids.update(dict.fromkeys(self.descendants(entry.id)))
        return list(ids)


def _path_key(path: str) -> str:
    return "/".join(name_key(part) for part in path.split("/"))


def codable(entry: CodeEntry) -> CodeEntry:
    """The entry itself when codings may be applied with it; InvalidInput for a category or a retired code."""
    if not entry.codable:
        raise InvalidInput(
            f"'{entry.path}' is a category that only groups its sub-codes; code with one of its sub-codes instead."
        )
    if entry.retired:
        raise InvalidInput(f"The code '{entry.path}' is retired; choose a current code for new codings.")
    return entry


def resolve_document(session: Session, ref: str | int) -> tuple[int, str]:
    """The id and title of the document named by its id or exact title."""
    text = str(ref).strip()
    if not text:
        raise InvalidInput("No document was given; name it by its id or its exact title (`workbench documents`).")
    if text.isdigit():
        found = session.execute(select(Document.id, Document.title).where(Document.id == int(text))).first()
        if found is not None:
            return found.id, found.title
    rows = session.execute(select(Document.id, Document.title).where(Document.title == text)).all()
    if len(rows) == 1:
        return rows[0].id, rows[0].title
    if len(rows) > 1:
        ids = ", ".join(str(r.id) for r in rows)
        raise InvalidInput(f"Several documents are titled '{text}' (ids {ids}); give the document's id instead.")
    raise NotFound(f"There is no document '{text}' in this project; `workbench documents` lists them with their ids.")


def resolve_documents(session: Session, refs: Iterable[str | int]) -> list[int]:
    """The ids of several documents named by id or title."""
    return list(dict.fromkeys(resolve_document(session, ref)[0] for ref in refs))


def resolve_coder(session: Session, name: str) -> int:
    """The id of an existing coder, by name (case-insensitive when unambiguous)."""
    rows = session.execute(select(Coder.id, Coder.name)).all()
    for row in rows:
        if row.name == name:
            return row.id
    folded = [row for row in rows if row.name.casefold() == name.strip().casefold()]
    if len(folded) == 1:
        return folded[0].id
    known = ", ".join(sorted(row.name for row in rows)) or "none yet"
    raise NotFound(f"There is no coder named '{name}' in this project (coders: {known}).")


def coder_names(session: Session) -> dict[int | None, str]:
    return dict(session.execute(select(Coder.id, Coder.name)).all())
