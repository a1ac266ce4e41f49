"""Speaker labels at the start of a paragraph: `I:`, `Interviewer:`, `INT:`, names, `[Name]`, `SPEAKER_01:`.

A label is read on the first `": "` only and names are never split on commas (`Jansen, Marieke:`). Whether a
name-like prefix really names a speaker is decided per document (`accepted_labels`), because prose has
colons too (`Let op: ...`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.domain.errors import InvalidInput
from workbench.importers.timestamps import TIME, Stamp, is_stamp, leading_stamp

# Role labels researchers and transcription services use; one- and two-letter ones only in capitals.
_ROLE = re.compile(
    r"(?i:interviewer|interviewster|interviewee|respondent|respondente|geïnterviewde|onderzoeker|moderator"
    r"|gespreksleider|facilitator|vraag|antwoord|int|res|resp|mod)|[IRVAQ]|IV"
    r"|(?:(?i:speaker|spreker|deelnemer|participant|persoon|person|respondent|interviewer|int|res)|[IRPD])"
    r"[ _]?\d{1,3}"
)
_TUSSENVOEGSELS = frozenset("van de der den het ten ter te 't in la le du da di dos el von zu".split())
# Capitalised words that open sentences; `Ja: ...` or `Kijk: ...` is speech, not a speaker.
_NOT_NAMES = frozenset(
    "ja nee nou dus maar en want kijk oké ok okay goed precies zeker inderdaad dat dit die wat hoe waarom "
    "waar wie toen daarna nu ook let noot opmerking yes no well so right but and then note".split()
)
# Bracketed notes a transcriber writes, which are not speakers: `[lacht]`, `[Onverstaanbaar]`.
_ANNOTATIONS = frozenset(
    "lacht lachen gelach onverstaanbaar onhoorbaar onduidelijk stilte pauze zucht hoest kucht telefoon "
    "inaudible unintelligible laughs laughter laughing crosstalk silence pause unclear noise sigh".split()
)
_NAME_CHARS = re.compile(r"@?[^\W\d_][\w .,'’\-]*")
_MAX_LABEL = 48
# `Name:`, `Name (00:03):` (Rev), `**I:**` / `**I**:` (Markdown); the name holds no colon: first ": " only.
_COLON_LABEL = re.compile(
    rf"(?P<name>[^:\n]{{1,{_MAX_LABEL}}}?)(?:\s*[(\[](?P<time>{TIME})[)\]])?\s*(?:\*\*|__)?:(?:\*\*|__)?(?=\s|$)"
)
# Teams (Word) and Otter: `Jansen, Marieke   0:03` on a line of its own, the text below it.
_HEADER_LINE = re.compile(rf"(?P<name>\S.{{0,{_MAX_LABEL}}}?)\s{{2,}}(?P<time>{TIME})")


@dataclass(frozen=True, slots=True)
class Label:
    """A speaker prefix found at the start of a paragraph."""

    name: str
    forced: bool = False  # matched a project pattern, so always a speaker
    bracket_only: bool = False  # `[Name] text` without a colon, which needs more evidence
    stamp: Stamp | None = None  # a time written with the label: `Name   0:03`, `Name (00:03):`


def compile_patterns(patterns: Sequence[str], where: str = " in the project settings") -> tuple[re.Pattern[str], ...]:
    """Compile the project's extra speaker patterns; each must capture the speaker in a group `speaker` (and may
    capture the turn's time in a group `time`)."""
    compiled = []
    for source in patterns:
        try:
            pattern = re.compile(source)
        except re.error as error:
            raise InvalidInput(
                f"The speaker pattern '{source}'{where} is not a valid regular expression "
                f"({error}); correct it{' or remove it' if where else ''}."
            ) from None
        if "speaker" not in pattern.groupindex:
            raise InvalidInput(
                f"The speaker pattern '{source}'{where} has no group named 'speaker'; "
                "write it like '^(?P<speaker>[A-Z]{2,3}):\\s*'."
            )
        compiled.append(pattern)
    return tuple(compiled)


def split_label(line: str, extra: Sequence[re.Pattern[str]] = ()) -> tuple[Label | None, str]:
    """Split a speaker label off the start of `line` (already stripped); return it (or None) and the rest."""
    for pattern in extra:
        match = pattern.match(line)
        if match and match.group("speaker"):
            # A pattern may capture the turn's time too, in a group named `time`.
            written = match.group("time") if "time" in pattern.groupindex else None
            stamp = leading_stamp(written)[0] if written else None
            return Label(match.group("speaker").strip(), forced=True, stamp=stamp), line[match.end() :].strip()
    if len(line) <= _MAX_LABEL + 16 and line[-1:].isdigit():
        header = _HEADER_LINE.fullmatch(line)
        if header and plausible_name(header.group("name")):
            stamp, _ = leading_stamp(header.group("time"))
            return Label(header.group("name").strip(), stamp=stamp), ""
    text = line[2:] if line.startswith(("**", "__")) else line
    if text.startswith("["):
        return _bracketed(line, text)
    match = _COLON_LABEL.match(text)
    if match is None:
        return None, line
    name = match.group("name").removesuffix("**").removesuffix("__").strip()
    if not plausible_name(name):
        return None, line
    stamp = leading_stamp(match.group("time"))[0] if match.group("time") else None
    return Label(name, stamp=stamp), text[match.end() :].strip()


def _bracketed(line: str, text: str) -> tuple[Label | None, str]:
    """`[Name]: text`, `[SPEAKER_00]: text` or `[Name] text`."""
    close = text.find("]", 0, _MAX_LABEL + 2)
    if close <= 1:
        return None, line
    name = text[1:close].strip()
    rest = text[close + 1 :].removeprefix("**").removeprefix("__")
    colon = rest.startswith(":")
    if colon:
        rest = rest[1:]
    if (rest and not rest[0].isspace()) or is_stamp(name) or not plausible_name(name):
        return None, line
    return Label(name, bracket_only=not colon), rest.strip()


def plausible_name(name: str) -> bool:
    """Cheap shape check for a label: short, starts with a letter, only name characters."""
    return 0 < len(name) <= _MAX_LABEL and len(name.split()) <= 5 and _NAME_CHARS.fullmatch(name) is not None


def is_role_label(name: str) -> bool:
    """Tell whether `name` is a role label (`I`, `R`, `Interviewer`, `INT`, `Speaker 2`, `SPEAKER_01`)."""
    return _ROLE.fullmatch(name) is not None


def is_name_like(name: str) -> bool:
    """Tell whether `name` looks like a person's name: capitalised words, tussenvoegsels, or numbers."""
    words = name.lstrip("@").replace(",", " ").split()
    if not words or words[0].casefold() in _NOT_NAMES or words[0].casefold() in _ANNOTATIONS:
        return False
    return all(
        word[0].isupper() or word.isdigit() or word.casefold() in _TUSSENVOEGSELS or "_" in word for word in words
    )


def accepted_labels(found: Counter[str], forced: set[str], paragraphs: int) -> set[str]:
    """Decide which of the labels found in a document are speakers.

    Role labels and project patterns always count. Without role labels, any name counts when nearly every
    paragraph is labelled (a Zoom file). Otherwise, where the document has role labels or a quarter of its
    paragraphs labelled, a name counts when it recurs or has two words (`Petra de Vries:`). A lone
    `Opvallend:` in field notes never does.
    """
    roles = {name for name in found if name in forced or is_role_label(name)}
    names = {name: count for name, count in found.items() if name not in roles and is_name_like(name)}
    labelled = sum(found[name] for name in roles) + sum(names.values())
    share = labelled / max(paragraphs, 1)
    if not roles and share >= 0.8:
        return set(names)
    if roles or share >= 0.25:
        return roles | {name for name, count in names.items() if count >= 2 or len(name.split()) >= 2}
    return roles
