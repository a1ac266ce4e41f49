"""The rules a codebook must keep: GUID and colour formats, shortcuts, unique sibling names, valid rules."""

from __future__ import annotations

import re
from dataclasses import dataclass

from workbench.domain.codebook import (
    AUTOCODE_UNITS,
    MAX_DEPTH,
    Codebook,
    CodeSpec,
    is_rrggbb,
    iter_codes,
    join_path,
    name_key,
    normalise_guid,
)
from workbench.domain.errors import InvalidInput

MAX_NAME_LENGTH = 200
MAX_RULE_LENGTH = 500
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class CodebookProblem:
    """One broken rule: where it is (index path of the code, field) and what is wrong."""

    index_path: tuple[int, ...]
    field: str | None
    message: str


def check_name(name: object, what: str = "name") -> str | None:
    """Why a code name is unacceptable, or None when it is fine."""
    if not isinstance(name, str) or not name.strip():
        return f"the {what} is empty"
    if name != name.strip():
        return f"the {what} {name!r} starts or ends with spaces"
    if _CONTROL.search(name):
        return f"the {what} {name!r} contains a line break or control character"
    if len(name) > MAX_NAME_LENGTH:
        return f"the {what} is longer than {MAX_NAME_LENGTH} characters"
    return None


def check_colour(colour: object) -> str | None:
    """Why a colour is unacceptable (it must be `#RRGGBB`), or None."""
    if colour is None or is_rrggbb(colour):
        return None
    return f"the colour {colour!r} is not written as #RRGGBB (for example #1F77B4)"


def check_shortcut(shortcut: object) -> str | None:
    """Why a shortcut key is unacceptable (it must be a whole number 1–9), or None."""
    if shortcut is None:
        return None
    if isinstance(shortcut, bool) or not isinstance(shortcut, int) or not 1 <= shortcut <= 9:
        return f"the shortcut {shortcut!r} is not a whole number from 1 to 9"
    return None


def check_regex(pattern: str) -> str | None:
    """Why an auto-coding regular expression is unacceptable, or None."""
    if not pattern.strip():
        return "a regular expression is empty"
    if len(pattern) > MAX_RULE_LENGTH:
        return f"a regular expression is longer than {MAX_RULE_LENGTH} characters"
    try:
        re.compile(pattern)
    except re.error as exc:
        return f"the regular expression {pattern!r} is invalid ({exc})"
    return None


def _own_problems(spec: CodeSpec) -> list[tuple[str, str]]:
    """Problems within one code's own fields, as (field, message) pairs."""
    problems: list[tuple[str, str]] = []
    if normalise_guid(spec.guid) is None:
        problems.append(("guid", f"the guid {spec.guid!r} is not a GUID like "
                                 "3f2b8c1e-0d4a-4c6b-9e7f-1a2b3c4d5e6f"))
    for field, value in (("name", spec.name), ("name_en", spec.name_en)):
        if field == "name_en" and value == "":
            continue
        reason = check_name(value, "name" if field == "name" else "English name")
        if reason:
            problems.append((field, reason))
    for field, reason in (("colour", check_colour(spec.colour)),
                          ("shortcut", check_shortcut(spec.shortcut))):
        if reason:
            problems.append((field, reason))
    if spec.shortcut is not None and not spec.codable:
        problems.append(("shortcut", "a category-only code (codable: false) cannot have a "
                                     "shortcut key"))
    rules = spec.rules
    if not rules.empty and not spec.codable:
        problems.append(("rules", "a category-only code (codable: false) cannot have "
                                  "auto-coding rules; put them on a codable sub-code"))
    if rules.unit not in AUTOCODE_UNITS:
        problems.append(("unit", f"the rule unit {rules.unit!r} is not one of "
                                 f"{', '.join(AUTOCODE_UNITS)}"))
    for field, values in (("keywords_nl", rules.keywords_nl), ("keywords_en", rules.keywords_en),
                          ("lemmas", rules.lemmas)):
        for value in values:
            if not value.strip():
                problems.append((field, f"{field} holds an empty entry"))
            elif len(value) > MAX_RULE_LENGTH:
                problems.append((field, f"{field} holds an entry longer than "
                                        f"{MAX_RULE_LENGTH} characters"))
    for pattern in rules.regexes:
        reason = check_regex(pattern)
        if reason:
            problems.append(("regexes", reason))
    return problems


def check_code(spec: CodeSpec) -> None:
    """Raise InvalidInput naming the first problem in one code's own fields."""
    problems = _own_problems(spec)
    if problems:
        raise InvalidInput(f"Code {spec.name!r} cannot be saved: {problems[0][1]}.")


def check_codebook(codebook: Codebook) -> list[CodebookProblem]:
    """Every broken rule in the codebook, in tree order."""
    problems: list[CodebookProblem] = []
    if not isinstance(codebook.title, str) or not codebook.title.strip():
        problems.append(CodebookProblem((), "title", "the codebook has no title"))
    seen_guids: dict[str, str] = {}
    seen_shortcuts: dict[int, str] = {}
    sibling_names: dict[tuple[int, ...], dict[str, str]] = {}
    for placed in iter_codes(codebook.codes):
        spec, where = placed.spec, placed.index_path
        label = f"code {join_path(placed.path)!r}"
        if len(where) > MAX_DEPTH:
            problems.append(CodebookProblem(where, None, f"{label} is nested more than "
                                                          f"{MAX_DEPTH} levels deep"))
            continue
        for field, message in _own_problems(spec):
            problems.append(CodebookProblem(where, field, f"{label}: {message}"))
        guid = normalise_guid(spec.guid)
        if guid is not None:
            if guid in seen_guids:
                problems.append(CodebookProblem(where, "guid", f"{label} has the same guid "
                                                f"as code {seen_guids[guid]!r}"))
            else:
                seen_guids[guid] = join_path(placed.path)
        siblings = sibling_names.setdefault(where[:-1], {})
        key = name_key(spec.name) if isinstance(spec.name, str) else ""
        if key and key in siblings:
            problems.append(CodebookProblem(where, "name", f"{label} appears twice under the "
                                            "same parent; sibling names must differ"))
        siblings.setdefault(key, spec.name)
        if spec.shortcut is not None and not spec.retired and check_shortcut(spec.shortcut) is None:
            if spec.shortcut in seen_shortcuts:
                problems.append(CodebookProblem(where, "shortcut", f"{label} uses shortcut "
                                                f"{spec.shortcut}, which code "
                                                f"{seen_shortcuts[spec.shortcut]!r} already has"))
            else:
                seen_shortcuts[spec.shortcut] = join_path(placed.path)
    return problems


def validate_codebook(codebook: Codebook, source: str = "The codebook") -> None:
    """Raise InvalidInput naming the first broken rule (and how many more there are)."""
    problems = check_codebook(codebook)
    if problems:
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise InvalidInput(f"{source} is not valid: {problems[0].message}{more}.")
