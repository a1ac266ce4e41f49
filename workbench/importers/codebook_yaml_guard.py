"""Guards for reading untrusted codebook YAML: the error type, tabs, aliases, nesting depth."""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.composer import Composer
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import AliasEvent

from workbench.domain.codebook import MAX_DEPTH
from workbench.domain.errors import ImportFailed

# Each code level is a mapping inside a list, plus a little room for the top and the rules.
MAX_YAML_NESTING = 2 * MAX_DEPTH + 6


class CodebookFileError(ImportFailed):
    """A codebook file was refused; `problems` lists (line, message) pairs, first one in the text."""

    def __init__(self, message: str, problems: list[tuple[int, str]] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []
        self.line = self.problems[0][0] if self.problems else None


def file_error(source: str, problems: list[tuple[int, str]]) -> CodebookFileError:
    """One sentence naming the file and the first problem's line, counting the others."""
    problems = sorted(problems, key=lambda p: p[0])
    line, message = problems[0]
    more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
    return CodebookFileError(f"{source}, line {line}: {message}{more}; fix the file and load it "
                             "again.", problems)


def yaml_error(source: str, exc: YAMLError) -> CodebookFileError:
    """A ruamel syntax error as a sentence with its line."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = int(mark.line) + 1 if mark is not None else 1
    problem = (getattr(exc, "problem", None) or str(exc).splitlines()[0]).strip()
    if "duplicate key" in problem:
        key = problem.split('"')[1] if '"' in problem else "?"
        problem = f"the key {key!r} appears twice in the same block"
    elif "another document" in problem:
        problem = "a second YAML document starts here; a codebook file holds exactly one"
    else:
        problem = f"the YAML is broken here ({problem}); check indentation, colons and quotes"
    return file_error(source, [(line, problem)])


def refuse_tabs(text: str, source: str) -> None:
    """YAML must be indented with spaces; a tab anywhere is refused with its line."""
    for number, line in enumerate(text.split("\n"), start=1):
        if "\t" in line:
            column = line.index("\t") + 1
            raise file_error(source, [(number, f"a tab character at column {column}; YAML must be "
                                               "indented with spaces")])


class Refused(Exception):
    """A construct the codebook format refuses, found while composing the document."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class GuardedComposer(Composer):
    """Refuses aliases as soon as one appears, before anything could be expanded."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.parser.check_event(AliasEvent):
            event = self.parser.peek_event()
            raise Refused(int(event.start_mark.line) + 1,
                          f"the alias *{event.anchor} is not allowed; anchors and aliases are refused "
                          "because they can blow up a file")
        return super().compose_node(parent, index)


def new_yaml() -> YAML:
    """A round-trip YAML instance with the settings codebook files use."""
    yaml = YAML(typ="rt")
    yaml.Composer = GuardedComposer
    yaml.max_depth = MAX_YAML_NESTING
    yaml.preserve_quotes = True
    yaml.allow_duplicate_keys = False
    # Wide enough that no line a person wrote is re-wrapped on write-back.
    yaml.width = 4096
    return yaml
