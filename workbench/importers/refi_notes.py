"""Read a REFI-QDA project's Notes and attach each to what refers to it (project, document, code, coding)."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from lxml import etree

from workbench.domain.project_exchange import ExchangeNote
from workbench.importers.refi_sources import decode_text, first_text, guid_of, stamp
from workbench.importers.safe_xml import children


def read_notes(root: etree._Element, refs: list[tuple[str, str, str | None]],
               text_of: Callable[[etree._Element, str], bytes | str | None]) -> tuple[list[ExchangeNote], list[str]]:
    """The notes with their targets; a note referred to from several places stays on the first."""
    targets: dict[str, tuple[str, str | None]] = {}
    extra: dict[str, int] = {}
    for note, kind, target in refs:
        if note in targets:
            extra[note] = extra.get(note, 0) + 1
        else:
            targets[note] = (kind, target)
    notes, remarks, seen = [], [], set()
    for container in children(root, "Notes"):
        for element in children(container, "Note"):
            guid = guid_of(element) or str(uuid.uuid4())
            if guid in seen:
                guid = str(uuid.uuid4())
            seen.add(guid)
            data = text_of(element, "Notes")
            text = decode_text(data)[0] if isinstance(data, bytes) else (data or "")
            title = (element.get("name") or "").strip()
            description = first_text(element, "Description").strip()
            if description and not title:
                title = description
            elif description:
                text = f"{description}\n\n{text}" if text else description
            kind, target = targets.get(guid, ("project", None))
            notes.append(ExchangeNote(guid, title[:300], text.replace("\r\n", "\n"), guid_of(element, "creatingUser"),
                                      stamp(element.get("creationDateTime")), stamp(element.get("modifiedDateTime")),
                                      kind, target))
            if extra.get(guid):
                remarks.append(f"The note '{title or guid}' is linked to {extra[guid] + 1} places; it was kept on "
                               "the first of them.")
    return notes, remarks
