"""A codebook as it lives in a file: a titled tree of codes with definitions and auto-coding rules.

These records are pure values: importers build them from YAML or REFI-QDA files, services build
them from the store, and exporters write them out again.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator

# A code tree deeper than this is refused: no real codebook needs it, and it keeps walks bounded.
MAX_DEPTH = 32
PATH_SEPARATOR = "/"
AUTOCODE_UNITS = ("sentence", "turn", "match")
# The keys of a codebook YAML file at each level, in their written order (read and written alike).
TOP_KEYS = ("title", "version", "authors", "description", "codes")
CODE_KEYS = (
    "guid", "name", "name_en", "colour", "shortcut", "codable", "retired", "definition",
    "when_to_use", "when_not_to_use", "example", "rules", "codes",
)
RULE_KEYS = ("keywords_nl", "keywords_en", "lemmas", "regexes", "unit")

_GUID = re.compile(
    r"^(\{)?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?(1)\})$"
)
_RGB6 = re.compile(r"^#[0-9a-fA-F]{6}$")
_RGB3 = re.compile(r"^#[0-9a-fA-F]{3}$")
_ARGB8 = re.compile(r"^#[0-9a-fA-F]{8}$")


@dataclass(frozen=True)
class AutocodeRules:
    """What the auto-coder looks for: phrases per language, lemmas and per-word regular expressions."""

    keywords_nl: tuple[str, ...] = ()
    keywords_en: tuple[str, ...] = ()
    lemmas: tuple[str, ...] = ()
    regexes: tuple[str, ...] = ()
    unit: str = "sentence"

    @property
    def empty(self) -> bool:
        """True when the rules would never suggest anything."""
        return not (self.keywords_nl or self.keywords_en or self.lemmas or self.regexes)


NO_RULES = AutocodeRules()


@dataclass(frozen=True)
class CodeSpec:
    """One code of the tree with everything a coder needs to apply it consistently."""

    guid: str
    name: str
    name_en: str = ""
    definition: str = ""
    when_to_use: str = ""
    when_not_to_use: str = ""
    example: str = ""
    colour: str | None = None
    shortcut: int | None = None
    codable: bool = True
    retired: bool = False
    rules: AutocodeRules = NO_RULES
    children: tuple[CodeSpec, ...] = ()


@dataclass(frozen=True)
class Codebook:
    """A titled, versioned tree of codes."""

    title: str
    version: str = ""
    authors: tuple[str, ...] = ()
    codes: tuple[CodeSpec, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class PlacedCode:
    """A code together with where it sits in the tree."""

    spec: CodeSpec
    path: tuple[str, ...]
    parent_guid: str | None
    position: int
    index_path: tuple[int, ...] = field(default=())

    @property
    def path_text(self) -> str:
        """The names from the root down, joined by `/`."""
        return join_path(self.path)


def join_path(names: Iterable[str]) -> str:
    """Join code names into the `Parent/Child` form the CLI and listings use."""
    return PATH_SEPARATOR.join(names)


def normalise_guid(text: str) -> str | None:
    """Return the GUID in lower case without braces, or None when it is not a GUID."""
    match = _GUID.match(text.strip()) if isinstance(text, str) else None
    return match.group(2).lower() if match else None


def same_guid(a: str, b: str) -> bool:
    """Compare two GUIDs as REFI-QDA asks: case-insensitively and ignoring braces."""
    na, nb = normalise_guid(a), normalise_guid(b)
    return na is not None and na == nb


def is_rrggbb(text: object) -> bool:
    """True for a colour written exactly as `#RRGGBB`."""
    return isinstance(text, str) and bool(_RGB6.match(text))


def normalise_colour(text: str) -> str | None:
    """Turn `#RGB`, `#RRGGBB` or `#AARRGGBB` into upper-case `#RRGGBB`; None for anything else."""
    value = text.strip() if isinstance(text, str) else ""
    if _RGB6.match(value):
        return value.upper()
    if _RGB3.match(value):
        return "#" + "".join(ch * 2 for ch in value[1:]).upper()
    if _ARGB8.match(value):
        return "#" + value[3:].upper()
    return None


def name_key(name: str) -> str:
    """The form under which two sibling names count as the same (NFC, case-folded, trimmed)."""
    return unicodedata.normalize("NFC", name).strip().casefold()


def iter_codes(codes: Iterable[CodeSpec]) -> Iterator[PlacedCode]:
    """Yield every code depth-first, parents before children, in sibling order."""
    stack: list[tuple[CodeSpec, tuple[str, ...], str | None, int, tuple[int, ...]]] = []
    top = list(codes)
    for position in range(len(top) - 1, -1, -1):
        stack.append((top[position], (), None, position, ()))
    while stack:
        spec, parent_path, parent_guid, position, parent_index = stack.pop()
        path = parent_path + (spec.name,)
        index_path = parent_index + (position,)
        yield PlacedCode(spec, path, parent_guid, position, index_path)
        for child_pos in range(len(spec.children) - 1, -1, -1):
            stack.append((spec.children[child_pos], path, spec.guid, child_pos, index_path))


def find_code(codebook: Codebook, guid: str) -> PlacedCode | None:
    """The code with this GUID (compared as REFI-QDA asks), or None."""
    wanted = normalise_guid(guid)
    for placed in iter_codes(codebook.codes):
        if normalise_guid(placed.spec.guid) == wanted:
            return placed
    return None


def find_by_path(codebook: Codebook, path: str) -> PlacedCode | None:
    """The code whose `Parent/Child` path matches, ignoring case; None when there is none."""
    wanted = name_key(path)
    for placed in iter_codes(codebook.codes):
        if name_key(placed.path_text) == wanted:
            return placed
    return None


def code_count(codebook: Codebook) -> int:
    """How many codes the tree holds at all levels."""
    return sum(1 for _ in iter_codes(codebook.codes))


def without_children(spec: CodeSpec) -> CodeSpec:
    """The same code with its children removed (one node of a flat listing)."""
    return replace(spec, children=())


@dataclass(frozen=True)
class FlatCode:
    """One node of a tree stored flat, as a database keeps it."""

    spec: CodeSpec
    parent_guid: str | None
    sort_order: int


def flatten(codebook: Codebook) -> list[FlatCode]:
    """The tree as a list of nodes with parent GUID and sibling position, parents first."""
    return [
        FlatCode(without_children(p.spec), p.parent_guid, p.position)
        for p in iter_codes(codebook.codes)
    ]


def build_tree(nodes: Iterable[FlatCode]) -> tuple[CodeSpec, ...]:
    """Rebuild the nested tree from flat nodes; children are ordered by sort order, then name."""
    by_parent: dict[str | None, list[FlatCode]] = {}
    known: set[str] = set()
    for node in nodes:
        by_parent.setdefault(node.parent_guid, []).append(node)
        known.add(node.spec.guid)
    orphan_parents = [p for p in by_parent if p is not None and p not in known]
    for parent in orphan_parents:
        by_parent.setdefault(None, []).extend(by_parent.pop(parent))
    for siblings in by_parent.values():
        siblings.sort(key=lambda n: (n.sort_order, name_key(n.spec.name)))

    def assemble(guid: str | None, depth: int) -> tuple[CodeSpec, ...]:
        if depth > MAX_DEPTH:
            return ()
        return tuple(
            replace(n.spec, children=assemble(n.spec.guid, depth + 1))
            for n in by_parent.get(guid, [])
        )

    return assemble(None, 0)


def _rules_json(rules: AutocodeRules) -> dict[str, object]:
    return {
        "keywords_nl": list(rules.keywords_nl),
        "keywords_en": list(rules.keywords_en),
        "lemmas": list(rules.lemmas),
        "regexes": list(rules.regexes),
        "unit": rules.unit,
    }


def code_json(spec: CodeSpec) -> dict[str, object]:
    """A plain, JSON-ready dictionary of one code's own fields (children left out)."""
    return {
        "guid": normalise_guid(spec.guid) or spec.guid,
        "name": spec.name,
        "name_en": spec.name_en,
        "definition": spec.definition,
        "when_to_use": spec.when_to_use,
        "when_not_to_use": spec.when_not_to_use,
        "example": spec.example,
        "colour": spec.colour.upper() if spec.colour else None,
        "shortcut": spec.shortcut,
        "codable": spec.codable,
        "retired": spec.retired,
        "rules": _rules_json(spec.rules),
    }


def content_hash(codebook: Codebook) -> str:
    """The codebook's version: a SHA-256 over its code tree (all fields, in order), in hex.

    Title, authors and the declared version label are left out, so only changes that
    affect coding change the hash.
    """

    def node(spec: CodeSpec) -> dict[str, object]:
        data = code_json(spec)
        data["children"] = [node(child) for child in spec.children]
        return data

    canonical = json.dumps(
        [node(spec) for spec in codebook.codes], ensure_ascii=False, sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def short_hash(codebook: Codebook) -> str:
    """The first twelve hex digits of the content hash, for display."""
    return content_hash(codebook)[:12]
