"""Write a codebook as YAML: a fresh file, or a changed tree applied to an existing file so that
its comments, key order and quoting survive (ruamel.yaml round trip)."""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from workbench.domain.codebook import (
    CODE_KEYS,
    RULE_KEYS,
    TOP_KEYS,
    AutocodeRules,
    Codebook,
    CodeSpec,
    normalise_guid,
)
from workbench.exporters.atomic_file import write_atomically
from workbench.exporters.codebook_yaml_comments import CHILDREN, detach, reattach

HEADER = """\
Codebook of the workbench (format: see codebooks/README.md).
Each code keeps its guid for ever; edit names, definitions and rules freely,
and load the file again with `workbench codebook load FILE`.
"""
DEFAULT_INDENT = (2, 4, 2)
_TEXT_KEYS = ("definition", "when_to_use", "when_not_to_use", "example", "description")
_STYLES = (LiteralScalarString, FoldedScalarString, DoubleQuotedScalarString,
           SingleQuotedScalarString)


def _rules_value(rules: AutocodeRules) -> dict[str, object]:
    values: dict[str, object] = {
        "keywords_nl": list(rules.keywords_nl), "keywords_en": list(rules.keywords_en),
        "lemmas": list(rules.lemmas), "regexes": list(rules.regexes),
    }
    if rules.unit != "sentence":
        values["unit"] = rules.unit
    return {key: value for key, value in values.items() if value}


def _code_values(spec: CodeSpec) -> dict[str, object]:
    """The YAML value of each key of a code; None means the key is left out."""
    return {
        "guid": normalise_guid(spec.guid) or spec.guid,
        "name": spec.name,
        "name_en": spec.name_en or None,
        "colour": spec.colour.upper() if spec.colour else None,
        "shortcut": spec.shortcut,
        "codable": None if spec.codable else False,
        "retired": True if spec.retired else None,
        "definition": spec.definition or None,
        "when_to_use": spec.when_to_use or None,
        "when_not_to_use": spec.when_not_to_use or None,
        "example": spec.example or None,
        "rules": _rules_value(spec.rules) or None,
    }


def _current(node: CommentedMap, key: str) -> object:
    """What an existing key means, in the same form `_code_values` produces."""
    value = node.get(key)
    if key == "rules":
        if not isinstance(value, CommentedMap):
            return None
        current: dict[str, list[str] | str] = {k: [str(v).strip() for v in value.get(k) or []] for k in RULE_KEYS[:4]}
        if value.get("unit") not in (None, "sentence"):
            current["unit"] = str(value.get("unit"))
        return {k: v for k, v in current.items() if v} or None
    if key in ("codable", "retired"):
        default = key == "codable"
        return None if value in (None, default) else value
    if key == "colour":
        return str(value).upper() if value else None
    if key == "guid":
        return normalise_guid(str(value)) if value else None
    if isinstance(value, str):
        return value.strip() if key in _TEXT_KEYS else value
    return value


def _folded(text: str, width: int = 80) -> FoldedScalarString:
    """A `>` block scalar broken at spaces so that no line is much longer than `width`."""
    scalar = FoldedScalarString(text)
    positions, start = [], 0
    while len(text) - start > width:
        cut = text.rfind(" ", start, start + width)
        while cut > start and (text[cut - 1] == " " or text[cut + 1] == " "):
            cut = text.rfind(" ", start, cut)
        if cut <= start:
            break
        positions.append(cut)
        start = cut + 1
    scalar.fold_pos = positions
    return scalar


def _styled(old: object, text: str, prose: bool = True) -> object:
    """The new text in the old value's scalar style, or a literal block if it spans lines."""
    if "\n" in text:
        return LiteralScalarString(text + "\n")
    block_end = "\n" if str(old).endswith("\n") else ""
    if isinstance(old, FoldedScalarString):
        return _folded(text + block_end)
    for style in _STYLES:
        if isinstance(old, style):
            return style(text + block_end if style is LiteralScalarString else text)
    if prose and len(text) > 80 and text == text.strip():
        return _folded(text)
    return text


def _flow_list(values: list[str], old: object) -> CommentedSeq:
    seq = CommentedSeq(values)
    if not isinstance(old, CommentedSeq) or old.fa.flow_style():
        seq.fa.set_flow_style()
    return seq


def _yaml_value(key: str, value: object, old: object) -> object:
    if key == "colour":
        assert isinstance(value, str)
        return DoubleQuotedScalarString(value)
    if key == "rules":
        node = old if isinstance(old, CommentedMap) else CommentedMap()
        assert isinstance(value, dict)
        _set_keys(node, {k: value.get(k) for k in RULE_KEYS}, RULE_KEYS,
                  lambda k: _current_rule(node, k), _rule_value)
        return node
    if isinstance(value, str):
        return _styled(old, value, prose=key in _TEXT_KEYS)
    return value


def _current_rule(node: CommentedMap, key: str) -> object:
    value = node.get(key)
    if key == "unit":
        return None if value in (None, "sentence") else str(value)
    return [str(v).strip() for v in value] if value else None


def _rule_value(key: str, value: object, old: object) -> object:
    if key == "unit":
        return value
    assert isinstance(value, list)
    return _flow_list(value, old)


def _set_keys(node: CommentedMap, wanted: Mapping[str, object], order: tuple[str, ...],
              current: Any, convert: Any) -> None:
    """Bring the keys of `node` to the wanted values, touching only keys whose meaning changed."""
    for key in order:
        if key not in wanted:
            continue
        value = wanted[key]
        if current(key) == value:
            continue
        if value is None:
            if key in node:
                del node[key]
            continue
        new = convert(key, value, node.get(key))
        if key in node:
            node[key] = new
        else:
            rank = order.index(key)
            position = sum(1 for k in node if k in order and order.index(k) < rank)
            node.insert(position, key, new)


def _apply_code(node: CommentedMap, spec: CodeSpec, index: dict[str, CommentedMap]) -> None:
    _set_keys(node, _code_values(spec), CODE_KEYS, lambda k: _current(node, k), _yaml_value)
    if spec.children:
        old = node.get(CHILDREN)
        seq = old if isinstance(old, CommentedSeq) else CommentedSeq()
        _apply_list(seq, spec.children, index)
        if CHILDREN not in node:
            node.insert(len(node), CHILDREN, seq)
    elif CHILDREN in node:
        del node[CHILDREN]


def _apply_list(seq: CommentedSeq, specs: tuple[CodeSpec, ...], index: dict[str, CommentedMap]) -> None:
    items = []
    for spec in specs:
        node = index.pop(normalise_guid(spec.guid) or spec.guid, None)
        if node is None:
            node = CommentedMap()
        _apply_code(node, spec, index)
        items.append(node)
    if [id(x) for x in seq] != [id(x) for x in items]:
        del seq[:]
        seq.ca.items.clear()
        seq.extend(items)


def _index_codes(document: CommentedMap) -> dict[str, CommentedMap]:
    index: dict[str, CommentedMap] = {}
    pending = [document]
    while pending:
        node = pending.pop()
        for item in node.get(CHILDREN) or []:
            if isinstance(item, CommentedMap):
                guid = normalise_guid(str(item.get("guid", "")))
                if guid:
                    index[guid] = item
                pending.append(item)
    return index


def apply_codebook(document: CommentedMap, codebook: Codebook) -> None:
    """Change a loaded YAML document in place so that it describes `codebook`."""
    kept = detach(document)
    top = {
        "title": codebook.title, "version": codebook.version or None,
        "authors": list(codebook.authors) or None, "description": codebook.description or None,
    }

    def current_top(key: str) -> object:
        value = document.get(key)
        if key == "authors":
            return [str(v).strip() for v in value] if value else None
        return str(value).strip() if value not in (None, "") else None

    def convert_top(key: str, value: object, old: object) -> object:
        if key == "authors":
            assert isinstance(value, list)
            return _flow_list(value, old) if isinstance(old, CommentedSeq) and old.fa.flow_style() \
                else CommentedSeq(value)
        assert isinstance(value, str)
        return _styled(old, value, prose=key in _TEXT_KEYS)

    _set_keys(document, top, TOP_KEYS, current_top, convert_top)
    old = document.get(CHILDREN)
    seq = old if isinstance(old, CommentedSeq) else CommentedSeq()
    _apply_list(seq, codebook.codes, _index_codes(document))
    if CHILDREN not in document:
        document.insert(len(document), CHILDREN, seq)
    reattach(document, kept)


def guess_indent(text: str) -> tuple[int, int, int]:
    """The (mapping, sequence, dash offset) indentation a YAML text uses; (2, 4, 2) if unclear."""
    lines = [line for line in text.split("\n") if line.strip() and not line.lstrip().startswith("#")]
    offset = mapping = None
    for above, line in zip(lines, lines[1:]):
        stripped = line.lstrip(" ")
        above_indent = len(above) - len(above.lstrip(" "))
        if offset is None and stripped.startswith("- ") and above.rstrip().endswith(":"):
            offset = len(line) - len(stripped) - above_indent
        if mapping is None and above.strip() == "rules:" and not stripped.startswith("- "):
            mapping = len(line) - len(stripped) - above_indent
    if offset is None or offset < 0:
        return DEFAULT_INDENT
    mapping = mapping if mapping and 1 < mapping <= 8 else DEFAULT_INDENT[0]
    return mapping, offset + 2, offset


def dump_document(document: CommentedMap, indent: tuple[int, int, int] = (2, 4, 2)) -> str:
    """The YAML text of a document, with (mapping, sequence, offset) indentation."""
    yaml = YAML(typ="rt")
    # Wide enough that no line a person wrote is re-wrapped on write-back.
    yaml.width = 4096
    yaml.indent(mapping=indent[0], sequence=indent[1], offset=indent[2])
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()


def codebook_yaml_text(codebook: Codebook) -> str:
    """The text of a new YAML file for the codebook, with a short explanatory header."""
    document = CommentedMap()
    document.yaml_set_start_comment(HEADER)
    apply_codebook(document, codebook)
    return dump_document(document)


def write_codebook_yaml(codebook: Codebook, path: Path) -> None:
    """Write the codebook to a new YAML file (replacing any file of that name)."""
    write_atomically(path, codebook_yaml_text(codebook).encode("utf-8"))
