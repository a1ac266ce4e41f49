"""Read a codebook YAML file into domain records, keeping the round-trip document for write-back.

The file is untrusted: tabs, duplicate keys, aliases (the "billion laughs" bomb), unknown keys
and malformed values are all refused with a sentence that names the line.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import MaxDepthExceededError
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from workbench.domain.codebook import MAX_DEPTH, AutocodeRules, Codebook, CodeSpec
from workbench.domain.codebook_checks import check_codebook
from workbench.importers.codebook_yaml_guard import (
    CodebookFileError,
    Refused,
    file_error,
    new_yaml,
    refuse_tabs,
    yaml_error,
)
from workbench.importers.codebook_yaml_layout import (
    CODE_KEYS,
    RULE_KEYS,
    TOP_KEYS,
    LineMap,
    unknown_key_message,
)

MAX_FILE_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class LoadedYamlCodebook:
    """A parsed codebook, the ruamel document it came from, and codes that were given a new GUID."""

    codebook: Codebook
    document: CommentedMap
    assigned_guids: tuple[str, ...] = ()


class _Reader:
    """Turns the ruamel document into domain records, remembering the line of every key."""

    def __init__(self, source: str, lines: list[str]) -> None:
        self.source = source
        self.lines = lines
        self.problems: list[tuple[int, str]] = []
        self.line_map = LineMap()
        self.assigned: list[str] = []

    def problem(self, line: int, message: str) -> None:
        self.problems.append((line, message))

    def key_line(self, node: CommentedMap, key: str) -> int:
        try:
            return int(node.lc.key(key)[0]) + 1
        except (KeyError, TypeError, AttributeError):
            return int(node.lc.line) + 1

    def text(self, node: CommentedMap, key: str, what: str, *, required: bool = False,
             strip: bool = True) -> str:
        value = node.get(key)
        line = self.key_line(node, key)
        if value is None:
            if required:
                self.problem(line, f"{what} has no {key}")
            return ""
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            self.problem(line, f"{what}: {key} must be text; put the value in quotes")
            return ""
        return str(value).strip() if strip else str(value)

    def raw_scalar(self, node: CommentedMap, key: str) -> str:
        """The value exactly as typed (for a version like 1.10 that YAML would read as 1.1)."""
        line, column = node.lc.value(key)
        raw = self.lines[line][column:]
        if " #" in raw:
            raw = raw[: raw.index(" #")]
        return raw.strip().strip("'\"")

    def strings(self, node: CommentedMap, key: str, what: str) -> tuple[str, ...]:
        value = node.get(key)
        line = self.key_line(node, key)
        if value is None:
            return ()
        if not isinstance(value, CommentedSeq):
            self.problem(line, f"{what}: {key} must be a list, for example [woord, ander woord]")
            return ()
        items = []
        for position, item in enumerate(value):
            if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                item_line = int(value.lc.item(position)[0]) + 1
                self.problem(item_line, f"{what}: every entry of {key} must be text")
                continue
            items.append(str(item).strip())
        return tuple(items)

    def flag(self, node: CommentedMap, key: str, what: str, default: bool) -> bool:
        value = node.get(key, default)
        if not isinstance(value, bool):
            self.problem(self.key_line(node, key), f"{what}: {key} must be true or false, "
                                                   f"not {value!r}")
            return default
        return value

    def check_keys(self, node: CommentedMap, allowed: tuple[str, ...], what: str) -> None:
        for key in node:
            if key not in allowed:
                self.problem(self.key_line(node, key), unknown_key_message(key, allowed, what))

    def codebook(self, top: object) -> Codebook:
        if not isinstance(top, CommentedMap):
            self.problem(1, "the file must be a mapping with title and codes at the top")
            return Codebook(title="")
        self.check_keys(top, TOP_KEYS, "the codebook")
        title = self.text(top, "title", "the codebook", required=True)
        version = ""
        if isinstance(top.get("version"), float):
            version = self.raw_scalar(top, "version")
        elif isinstance(top.get("version"), date):
            version = top["version"].isoformat()
        else:
            version = self.text(top, "version", "the codebook")
        authors = self.strings(top, "authors", "the codebook")
        description = self.text(top, "description", "the codebook")
        self.line_map.record((), top, self.key_line)
        codes = self.code_list(top, (), "the codebook")
        if "codes" not in top:
            self.problem(int(top.lc.line) + 1, "the codebook has no codes list")
        return Codebook(title, version, authors, codes, description)

    def code_list(self, parent: CommentedMap, where: tuple[int, ...], what: str) -> tuple[CodeSpec, ...]:
        value = parent.get("codes")
        if value is None:
            return ()
        if not isinstance(value, CommentedSeq):
            self.problem(self.key_line(parent, "codes"), f"{what}: codes must be a list of "
                                                          "codes, each starting with '- '")
            return ()
        specs = []
        for position, item in enumerate(value):
            if not isinstance(item, CommentedMap):
                line = int(value.lc.item(position)[0]) + 1
                self.problem(line, f"{what}: every entry of codes must be a code with keys "
                                   "such as guid and name")
                continue
            specs.append(self.code(item, where + (position,)))
        return tuple(specs)

    def code(self, node: CommentedMap, where: tuple[int, ...]) -> CodeSpec:
        name = node.get("name")
        what = f"code {str(name)!r}" if isinstance(name, (str, int)) else "a code"
        self.check_keys(node, CODE_KEYS, what)
        self.line_map.record(where, node, self.key_line)
        guid = self.text(node, "guid", what)
        if not guid:
            # A code written without a GUID gets one now; it is saved when the file is written back.
            guid = str(uuid.uuid4())
            self.assigned.append(str(name))
            if "guid" in node:
                node["guid"] = guid
            else:
                node.insert(0, "guid", guid)
        shortcut = node.get("shortcut")
        if "colour" in node and node["colour"] is None:
            self.problem(self.key_line(node, "colour"), f"{what}: colour is empty; a colour "
                         'starts with # and must be in quotes, for example colour: "#1F77B4"')
        rules_node = node.get("rules")
        rules = AutocodeRules()
        if rules_node is not None:
            if isinstance(rules_node, CommentedMap):
                self.check_keys(rules_node, RULE_KEYS, f"the rules of {what}")
                self.line_map.record_rules(where, rules_node, self.key_line)
                unit = self.text(rules_node, "unit", f"the rules of {what}") or "sentence"
                rules = AutocodeRules(
                    keywords_nl=self.strings(rules_node, "keywords_nl", what),
                    keywords_en=self.strings(rules_node, "keywords_en", what),
                    lemmas=self.strings(rules_node, "lemmas", what),
                    regexes=tuple(str(r) for r in self.strings(rules_node, "regexes", what)),
                    unit=unit,
                )
            else:
                self.problem(self.key_line(node, "rules"), f"{what}: rules must be a block with "
                             "keywords_nl, keywords_en, lemmas or regexes")
        return CodeSpec(
            guid=guid,
            name=self.text(node, "name", what, required=True, strip=False),
            name_en=self.text(node, "name_en", what, strip=False),
            definition=self.text(node, "definition", what),
            when_to_use=self.text(node, "when_to_use", what),
            when_not_to_use=self.text(node, "when_not_to_use", what),
            example=self.text(node, "example", what),
            colour=(self.text(node, "colour", what).upper() or None),
            shortcut=shortcut,
            codable=self.flag(node, "codable", what, True),
            retired=self.flag(node, "retired", what, False),
            rules=rules,
            children=self.code_list(node, where, what),
        )


def parse_codebook_yaml(text: str, source: str = "the codebook file") -> LoadedYamlCodebook:
    """Parse and validate codebook YAML text; `source` names the file in error messages."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    if "\x00" in text:
        raise CodebookFileError(f"{source} contains NUL bytes, so it is not a YAML text file; "
                                "choose the right file.")
    refuse_tabs(text, source)
    try:
        document = new_yaml().load(text)
    except Refused as exc:
        raise file_error(source, [(exc.line, exc.message)]) from None
    except MaxDepthExceededError as exc:
        line = int(exc.problem_mark.line) + 1 if exc.problem_mark else 1
        raise file_error(source, [(line, f"codes are nested more than {MAX_DEPTH} levels deep")]) from None
    except MarkedYAMLError as exc:
        raise yaml_error(source, exc) from None
    except (YAMLError, RecursionError, ValueError) as exc:
        raise CodebookFileError(f"{source} could not be read as YAML ({type(exc).__name__}); "
                                "check that it is a codebook file.") from None
    if document is None:
        raise CodebookFileError(f"{source} is empty; a codebook needs at least a title and "
                                "a list of codes.")
    reader = _Reader(source, text.split("\n"))
    codebook = reader.codebook(document)
    problems = list(reader.problems)
    for problem in check_codebook(codebook):
        problems.append((reader.line_map.line_of(problem.index_path, problem.field), problem.message))
    if problems:
        raise file_error(source, problems)
    return LoadedYamlCodebook(codebook, document, tuple(reader.assigned))


def read_codebook_yaml(path: Path) -> LoadedYamlCodebook:
    """Read a codebook YAML file (UTF-8, at most 5 MB) into domain records."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise CodebookFileError(f"{source} is {size // (1024 * 1024)} MB, more than a codebook "
                                    "can be (5 MB); check that it is the right file.")
        data = path.read_bytes()
    except FileNotFoundError:
        raise CodebookFileError(f"{source} does not exist; check the path.") from None
    except IsADirectoryError:
        raise CodebookFileError(f"{source} is a folder; give the path of a .yaml file.") from None
    except OSError as exc:
        raise CodebookFileError(f"{source} cannot be read ({exc.strerror}); check its "
                                "permissions.") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CodebookFileError(f"{source}, line {line}: the file is not UTF-8 text; save it as "
                                "UTF-8 and load it again.", [(line, "not UTF-8")]) from None
    return parsed_once(text, source)


def parsed_once(text: str, source: str) -> LoadedYamlCodebook:
    """`parse_codebook_yaml`, remembered per text: the same codebook is read often (every new project reads the
    default one) and ruamel's round-trip parser is slow. Only good results are kept, and they name no file, so
    the same text under another path gets the same answer. Callers must not change the returned document;
    rewriting a file parses it afresh."""
    found = _PARSED.get(text)
    if found is None:
        found = parse_codebook_yaml(text, source)
        if len(_PARSED) >= 8:
            _PARSED.pop(next(iter(_PARSED)))
        _PARSED[text] = found
    return found


_PARSED: dict[str, LoadedYamlCodebook] = {}
