"""Reading a meeting report (a kick-off, a work visit, a workshop) into what the monitoring log needs.

A report as researchers write it: a title with a date, lines like `Waar:` and `Aanwezigen:` (people as
`Name (Organisation)`, several per organisation), announced dates (`15 januari 2025: brede bijeenkomst`), then
notes and questions. Dutch and English. Whatever cannot be placed (an attendee it cannot split, a date it cannot
read, a type it had to guess) is listed as unplaced, never dropped.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from workbench.domain.errors import InvalidInput
from workbench.domain.monitoring_values import MONTH_NAMES, entry_type, parse_date, parse_time


@dataclass(frozen=True)
class Attendee:
    """A person (or organisation) the report lists as present, with the organisation and role it gives."""

    name: str
    organisation: str | None = None
    role: str = ""


@dataclass(frozen=True)
class AnnouncedDate:
    """A future date the report announces, as a planned log entry."""

    date: dt.date
    title: str
    type: str
    line: str


@dataclass(frozen=True)
class Unplaced:
    """Something in the report that could not be placed, with the line it is on and why."""

    what: str
    text: str
    why: str

    @property
    def line(self) -> str:
        return f"{self.what}: '{self.text}' ({self.why})"


@dataclass(frozen=True)
class ReportReading:
    """What a report says, as the monitoring log stores it."""

    title: str
    date: dt.date | None
    type: str
    time: dt.time | None
    location: str
    attendees: tuple[Attendee, ...]
    announced: tuple[AnnouncedDate, ...]
    questions: tuple[str, ...]
    observation: str
    unplaced: tuple[Unplaced, ...]


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum() or ch == " ").strip()


_FIELDS = {
    "date": ("datum", "date", "wanneer", "when", "dag", "day"),
    "location": ("waar", "locatie", "plaats", "where", "location", "venue", "place", "adres", "address"),
    "time": ("tijd", "tijdstip", "time", "aanvang", "start"),
    "attendees": ("aanwezigen", "aanwezig", "deelnemers", "present", "attendees", "participants", "attendance",
                  "met", "wie", "who"),
    "absent": ("afwezig", "afgemeld", "afmeldingen", "absent", "apologies", "verhinderd", "niet aanwezig"),
    "type": ("soort", "type", "soort bijeenkomst", "activiteit", "kind", "activity"),
    "author": ("verslag", "notulen", "notulist", "verslaglegging", "minutes", "author", "auteur", "door", "by"),
}
_FIELD_OF = {word: field for field, words in _FIELDS.items() for word in words}
_FIELD_LINE = re.compile(r"^([^\W\d][\w .'-]{0,30}?)\s*:\s*(.*)$")
_BULLET = re.compile(r"^(?:[-*•·–]\s+|\d{1,2}[.)]\s+)")
_MARKUP = re.compile(r"^#{1,6}\s*|\*\*|__")
# Dates as people write them: 2024-09-04, 04-09-'24, 4/9/2024, 4 september 2024, 15 januari '25, September 4, 2024.
_DATE = re.compile(
    r"\b\d{4}-\d{1,2}-\d{1,2}\b"
    r"|\b\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|['’]\d{2}|\d{2})(?![\d/.-]\d)"
    r"|\b\d{1,2}(?:e|st|nd|rd|th)?\s+[^\W\d_]{3,10}\.?,?\s+(?:\d{4}|['’]\d{2})\b"
    r"|\b[^\W\d_]{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,\s+\d{4}\b"
)
_WRITTEN_MONTH = re.compile(r"[^\W\d_]{3,10}")
_ROLES = {
    "bewoner", "bewoners", "resident", "residents", "onderzoeker", "onderzoekers", "researcher", "researchers",
    "vrijwilliger", "vrijwilligers", "volunteer", "voorzitter", "chair", "notulist", "minutes", "gast", "guest",
    "stagiair", "intern", "student", "wethouder", "alderman", "gespreksleider", "facilitator",
}
_JOIN = re.compile(r"\s+(?:en|and|&|\+)\s+|\s*&\s*|\s+/\s+")
_NAME = re.compile(r"^[^\W\d_][\w'’.\- ]*$")
_PARTICLES = {"van", "de", "der", "den", "het", "ter", "ten", "te", "el", "al", "la", "le", "von", "da", "dos", "in", "t"}
_REPORT_WORDS = {"verslag", "notulen", "report", "minutes", "aantekeningen", "notes", "impressie", "samenvatting"}
_QUESTION = re.compile(r"[^.!?\n]*\?")
_NOTE_HEADINGS = ("notities", "aantekeningen", "verslag", "notes", "wat er gebeurde", "what happened", "bespreking",
                  "discussion", "samenvatting", "summary", "opening", "terugblik")


def clean_line(line: str) -> str:
    """A line without Markdown heading marks, emphasis and bullets."""
    text = _MARKUP.sub("", line.strip()).strip()
    return _BULLET.sub("", text).strip()


def find_dates(text: str) -> list[tuple[dt.date | None, str]]:
    """Every date written in `text`, in order, as (date, as written); the date is None when it cannot be read."""
    found: list[tuple[dt.date | None, str]] = []
    for match in _DATE.finditer(text):
        raw = match.group()
        try:
            found.append((parse_date(raw), raw))
        except InvalidInput:
            month = _WRITTEN_MONTH.search(raw)
            if month is None or _month_like(month.group()):
                found.append((None, raw))
    return found


def _month_like(word: str) -> bool:
    """Whether a word that is not a month looks like a misspelt one ('janauri'), not like any other word."""
    return process.extractOne(word.casefold(), list(MONTH_NAMES), scorer=fuzz.ratio, score_cutoff=75) is not None


def guess_type(text: str) -> str | None:
    """The entry type that words in `text` name ('startbijeenkomst' -> meeting, 'work visit' -> work_visit)."""
    words = [w for w in re.findall(r"[^\W\d_][\w/-]*", text.casefold()) if w not in _REPORT_WORDS]
    for size in (2, 1):
        for index in range(len(words) - size + 1):
            phrase = " ".join(words[index : index + size])
            found = _type_of(phrase)
            if found:
                return found
    for word in words:  # Dutch compounds: 'startbijeenkomst', 'kennisbezoek', 'slotworkshop'
        for cut in range(1, len(word) - 4):
            found = _type_of(word[cut:])
            if found:
                return found
    return None


def _type_of(phrase: str) -> str | None:
    try:
        found = entry_type(phrase)
    except InvalidInput:
        return None
    return None if found == "other" else found


def split_attendees(value: str) -> tuple[list[Attendee], list[Unplaced]]:
    """People from an attendee line: `A (Org), B en C (Org2); D (rol, Org3)`, or `Org: A, B`.

    Names listed before an organisation in brackets belong to it (`A, B (Org)`); a name without any organisation
    after it stays without one.
    """
    value = value.strip().rstrip(".")
    heading = re.match(r"^([^:()]{2,60}):\s*(.+)$", value)
    if heading and not any(ch in heading[1] for ch in ",;"):
        people, unplaced = split_attendees(heading[2])
        return [Attendee(p.name, p.organisation or heading[1].strip(), p.role) for p in people], unplaced
    people = []
    unplaced = []
    waiting: list[str] = []
    for chunk in _top_level(value):
        chunk = chunk.strip()
        if not chunk:
            continue
        bracket = re.match(r"^(.*?)\s*\(([^()]*)\)\s*$", chunk)
        names_part, inside = (bracket[1], bracket[2].strip()) if bracket else (chunk, None)
        names = [n.strip() for n in _JOIN.split(names_part) if n.strip()]
        bad = [n for n in names if not _looks_like_name(n)]
        if bad or (bracket is None and "(" in chunk) or not names:
            unplaced.append(Unplaced("attendee", chunk, "not a name, or a name with an organisation in brackets"))
            continue
        if inside is None:
            waiting.extend(names)
            continue
        organisation, role = _organisation_and_role(inside)
        for name in [*waiting, *names]:
            people.append(Attendee(name, organisation, role))
        waiting = []
    people.extend(Attendee(name) for name in waiting)
    return people, unplaced


def _top_level(value: str) -> list[str]:
    """The parts of a list separated by commas or semicolons outside brackets."""
    parts: list[str] = []; depth = 0; current: list[str] = []
    for ch in value:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if ch in ",;" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _looks_like_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 6 or not _NAME.match(text):
        return False
    # Every word of a name is capitalised, but for particles such as 'van', 'de' and 'el'.
    return all(w[:1].isupper() or w.casefold() in _PARTICLES for w in words) and words[0][:1].isupper()


def _organisation_and_role(inside: str) -> tuple[str | None, str]:
    """`(HEEM)` -> HEEM; `(bewoner)` -> a role; `(wijkmanager, Gemeente Nijmegen)` -> both."""
    parts = [p.strip() for p in re.split(r"[,;]", inside) if p.strip()]
    if not parts:
        return None, ""
    if len(parts) == 1:
        return (None, parts[0]) if _fold(parts[0]) in _ROLES else (parts[0], "")
    return parts[-1], ", ".join(parts[:-1])


def read_report(lines: Sequence[str], fallback_title: str = "") -> ReportReading:
    """Read a report's lines (paragraphs, in order) into a log entry's parts; see the module text."""
    cleaned = [clean_line(line) for line in _without_front_matter(lines)]
    unplaced: list[Unplaced] = []
    first = next((i for i, line in enumerate(cleaned) if line), None)
    title = cleaned[first] if first is not None else fallback_title
    fields: dict[str, str] = {}
    attendees: list[Attendee] = []
    field_lines: set[int] = {first} if first is not None else set()
    index = 0
    while index < len(cleaned):
        match = _FIELD_LINE.match(cleaned[index])
        field = _FIELD_OF.get(_fold(match[1])) if match else None
        if field is None or index == first:
            index += 1
            continue
        field_lines.add(index)
        value = match[2].strip() if match else ""
        if field == "attendees":
            items = [value] if value else []
            while not value and index + 1 < len(cleaned) and cleaned[index + 1] and not _is_field(cleaned[index + 1]):
                index += 1
                field_lines.add(index)
                items.append(cleaned[index])
            for item in items:
                people, bad = split_attendees(item)
                attendees.extend(people)
                unplaced.extend(bad)
        else:
            fields.setdefault(field, value)
        index += 1
    date = _report_date(title, fields.get("date", ""), fallback_title, cleaned[:8], unplaced)
    kind = guess_type(fields.get("type", "")) or guess_type(title) or guess_type(fallback_title)
    if kind is None:
        kind = "meeting"
        unplaced.append(Unplaced("type", title, "no kind of activity named in the title; taken as a meeting"))
    time = None
    if fields.get("time"):
        first_time = re.search(r"\d{1,2}[:.]\d{2}", fields["time"])
        try:
            time = parse_time(first_time.group()) if first_time else None
        except InvalidInput:
            time = None
        if time is None:
            unplaced.append(Unplaced("time", fields["time"], "not a time of day"))
    announced = _announced(cleaned, field_lines, date, unplaced)
    questions = _questions(cleaned, field_lines)
    return ReportReading(
        title=_title_without_date(title) or fallback_title, date=date, type=kind, time=time,
        location=fields.get("location", ""), attendees=tuple(_unique(attendees)), announced=tuple(announced),
        questions=tuple(questions), observation=_observation(cleaned, field_lines, lines), unplaced=tuple(unplaced),
    )


def _is_field(line: str) -> bool:
    """Whether a line is one of the report's field lines (`Waar:`, `Datum:`), not just any `Org: names` line."""
    match = _FIELD_LINE.match(line)
    return match is not None and _fold(match[1]) in _FIELD_OF


def _without_front_matter(lines: Sequence[str]) -> list[str]:
    lines = list(lines)
    if lines and lines[0].strip() == "---":
        for end in range(1, len(lines)):
            if lines[end].strip() in ("---", "..."):
                return lines[end + 1 :]
    return lines


def _report_date(title: str, field: str, fallback: str, top: Sequence[str], unplaced: list[Unplaced]) -> dt.date | None:
    for source in (title, field, fallback, *top):
        for day, raw in find_dates(source):
            if day is not None:
                return day
            unplaced.append(Unplaced("date", raw, "not a date that exists or a month that is known"))
    unplaced.append(Unplaced("date", title, "no date of the meeting in the title, a Datum/Date line or the file name"))
    return None


def _title_without_date(title: str) -> str:
    """The title as the log shows it: the date it carries stays in the entry's date, not in its title."""
    stripped = _DATE.sub("", title)
    return re.sub(r"\s{2,}", " ", re.sub(r"[\s,:–-]+$", "", stripped)).strip()


def _announced(cleaned: Sequence[str], skip: set[int], date: dt.date | None,
               unplaced: list[Unplaced]) -> list[AnnouncedDate]:
    """Future dates with what is planned on them: `15 januari 2025: brede bijeenkomst voor partners`."""
    found: list[AnnouncedDate] = []
    seen: set[tuple[dt.date, str]] = set()
    for index, line in enumerate(cleaned):
        if index in skip or not line:
            continue
        for day, raw in find_dates(line):
            if day is None:
                unplaced.append(Unplaced("date", raw, f"not a date that can be read, in '{line[:80]}'"))
                continue
            if date is None or day <= date:
                continue
            what = line.replace(raw, " ", 1)
            what = re.sub(r"^\W*(?:op|on|per|vanaf|from)?\s*[:\-–,]?\s*", "", what, flags=re.IGNORECASE)
            what = re.sub(r"\s{2,}", " ", what).strip(" :;,.–-") or "Geplande bijeenkomst"
            key = (day, what.casefold())
            if key in seen:
                continue
            seen.add(key)
            found.append(AnnouncedDate(day, what[:1].upper() + what[1:], guess_type(what) or "meeting", line))
    return found


def _questions(cleaned: Sequence[str], skip: set[int]) -> list[str]:
    found: list[str] = []
    for index, line in enumerate(cleaned):
        if index in skip:
            continue
        for match in _QUESTION.finditer(line):
            question = clean_line(match.group()).strip()
            if len(question) >= 15 and question not in found:
                found.append(question)
    return found


def _observation(cleaned: Sequence[str], skip: set[int], raw: Sequence[str], limit: int = 1200) -> str:
    """The first notes of the report (under a notes heading if there is one), for the entry's observation."""
    body = [(i, line) for i, line in enumerate(cleaned) if line and i not in skip]
    start = next((n for n, (_, line) in enumerate(body)
                  if any(_fold(line).startswith(h) for h in _NOTE_HEADINGS) and len(line) < 60), None)
    chosen = body[start + 1 :] if start is not None else body
    parts: list[str] = []
    size = 0
    for _, line in chosen:
        if line.endswith("?") or (len(line) < 60 and not line.endswith((".", "!", ":"))) and parts:
            break
        if _DATE.match(line):
            continue
        parts.append(line)
        size += len(line)
        if size >= limit:
            break
    return "\n".join(parts)[: limit + 200]


def _unique(people: list[Attendee]) -> list[Attendee]:
    seen: dict[str, Attendee] = {}
    for person in people:
        seen.setdefault(_fold(person.name), person)
    return list(seen.values())
