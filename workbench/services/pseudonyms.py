"""The project's name register: people, organisations, places and contact details with the pseudonyms that
replace them in exports, and the one replacer every export builds from it."""

from __future__ import annotations

import builtins
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.errors import Conflict, InvalidInput, NeedsConfirmation, NotFound
from workbench.domain.name_rules import (
    CONTACT,
    KINDS,
    ORGANISATION,
    PERSON,
    clean_name,
    fold,
    is_role_label,
    split_person,
    variant_problem,
)
from workbench.domain.pseudonyms import RegisteredName, Replacer
from workbench.domain.wording import counted
from workbench.services.context import ServiceContext
from workbench.store.monitoring_schema import Actor
from workbench.store.schema import Document, Pseudonym, Turn

MAX_NAME = 300
AGE_RULE = "age"
AGE_RULE_NAME = "leeftijd"
# Speaker labels that name a role, not a person: they need no pseudonym.
GENERIC_SPEAKER = re.compile(
    r"^(i|r|int|interviewer|interviewee|respondent|resp|spreker|speaker|spk|deelnemer|participant|"
    r"moderator|gespreksleider|onderzoeker|researcher|unknown|onbekend|anoniem|anonymous)"
    r"[\s_\-]*\d*$",
    re.IGNORECASE,
)
# How a pseudonym is numbered when none is given, per kind.
DEFAULT_PATTERNS = {PERSON: "Respondent {n}", ORGANISATION: "Organisatie {n}", "place": "Plaats {n}",
                    CONTACT: "[contactgegeven {n}]"}
SHOWN_USES = 5


def _entry(row: Pseudonym) -> RegisteredName:
    return RegisteredName(row.real_name, row.pseudonym, tuple(str(v) for v in row.variants or ()), row.kind or "")


def _checked(text: str, what: str) -> str:
    value = clean_name(text or "")
    if not value:
        raise InvalidInput(f"The {what} is empty; give a name such as 'Jan de Vries'.")
    if len(value) > MAX_NAME:
        raise InvalidInput(f"The {what} '{value[:40]}…' is longer than {MAX_NAME} characters; shorten it.")
    return value


def _ordinary(word: str) -> bool:
    from workbench.nlp.word_lists import is_ordinary_word

    return is_ordinary_word(word)


def _actor_kind(kind: str) -> str:
    return ORGANISATION if kind == "organisation" else PERSON


def _covers(replacer: Replacer, name: str) -> bool:
    """True when the replacer replaces the whole name as one entity (a role in brackets aside: `Fatima (HEEM)`)."""
    name = clean_name(re.sub(r"\(.*?\)", " ", name))
    found = replacer.matches(name)
    return len(found) == 1 and found[0][0] == 0 and found[0][1] == len(name)


def register_entries(s: Session) -> tuple[tuple[RegisteredName, ...], int | None]:
    """Every entity exports hide, with its one pseudonym, and the age band width (None: ages stay).

    The name register comes first; people and organisations of the monitoring log's actor register that it
    does not name yet are added with their own pseudonym, so a person has one pseudonym in every export.
    """
    rows = s.scalars(select(Pseudonym).order_by(Pseudonym.real_name)).all()
    band = next((int(r.pseudonym) for r in rows if r.kind == AGE_RULE and r.pseudonym.isdigit()), None)
    entries = [_entry(row) for row in rows if row.kind != AGE_RULE]
    known = Replacer(entries, _ordinary)
    for actor in s.scalars(select(Actor).order_by(Actor.id)):
        if not clean_name(actor.name) or _covers(known, actor.name):
            continue
        shown = actor.pseudonym or f"{'Persoon' if actor.kind == 'person' else 'Organisatie'} {actor.id}"
        entries.append(RegisteredName(clean_name(actor.name), shown, (), _actor_kind(actor.kind)))
    return tuple(entries), band


def build_replacer(s: Session) -> Replacer:
    """The replacer every pseudonymised export uses (one definition of who becomes what)."""
    entries, band = register_entries(s)
    return Replacer(entries, _ordinary, band)


def refuse_empty(replacer: Replacer) -> Replacer:
    """The replacer, unless it hides nothing: a pseudonymised export from an empty register would be a false promise."""
    if replacer.empty:
        raise InvalidInput("The name register is empty, so a pseudonymised export would hide nothing; add the names "
                           "first (`workbench names suggest` lists likely ones, `workbench names add` registers them).")
    return replacer


def ordinary_uses(s: Session, spellings: list[str]) -> dict[str, list[tuple[str, str]]]:
    """Where single-word spellings that are ordinary words occur as such (in lower case) in the transcripts:
    (title, context) each. An acronym (`HEEM`) is a name in any case, so it is not asked about."""
    wanted = [clean_name(sp) for sp in spellings
              if " " not in clean_name(sp) and not clean_name(sp).isupper() and _ordinary(clean_name(sp))]
    if not wanted:
        return {}
    uses: dict[str, list[tuple[str, str]]] = {}
    patterns = {w: re.compile(rf"(?<![^\W_]){re.escape(w)}(?![^\W_])", re.IGNORECASE) for w in wanted}
    for title, text in s.execute(select(Document.title, Document.text).order_by(Document.title)):
        for word, pattern in patterns.items():
            for match in pattern.finditer(text or ""):
                if not match.group(0)[:1].islower():
                    continue
                start, end = max(0, match.start() - 30), min(len(text), match.end() + 30)
                uses.setdefault(word, []).append((title, " ".join(text[start:end].split())))
    return uses


def _uses_sentence(uses: dict[str, list[tuple[str, str]]]) -> str:
    parts = []
    for word, places in uses.items():
        shown = "; ".join(f"{title}: “…{context}…”" for title, context in places[:SHOWN_USES])
        more = f" and {len(places) - SHOWN_USES} more" if len(places) > SHOWN_USES else ""
        parts.append(f"'{word}' is an ordinary word and occurs {counted(len(places), 'time')} in the transcripts ({shown}{more})")
    return "; ".join(parts) + ", where it would be replaced too; add it again with --yes to keep it anyway."


class PseudonymService:
    """Add, list and remove entries of the register, and hand out the replacer exports use."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def list(self) -> tuple[RegisteredName, ...]:
        """Every registered entity, alphabetically (the age rule is not an entity)."""
        with self.ctx.read() as s:
            rows = s.scalars(select(Pseudonym).order_by(Pseudonym.real_name)).all()
            return tuple(_entry(row) for row in rows if row.kind != AGE_RULE)

    def entities(self) -> tuple[RegisteredName, ...]:
        """Every entity exports hide: the register and the actors it does not name yet."""
        with self.ctx.read() as s:
            return register_entries(s)[0]

    def replacer(self) -> Replacer:
        """The replacer for the register as it is now."""
        with self.ctx.read() as s:
            return build_replacer(s)

    def age_band(self) -> int | None:
        """The width of the age bands exact ages become, or None when ages are exported as they are."""
        with self.ctx.read() as s:
            return register_entries(s)[1]

    def set_age_band(self, width: int | None) -> int | None:
        """Export exact ages as bands of `width` years (None or 0: as they are)."""
        if width is not None and width != 0 and not 2 <= width <= 50:
            raise InvalidInput(f"An age band of {width} years is not sensible; give a width from 2 to 50, such as 10.")
        with self.ctx.change("names.age_band", target="names", summary="Changed the age bands of exports") as unit:
            s = unit.session
            for row in s.scalars(select(Pseudonym).where(Pseudonym.kind == AGE_RULE)):
                s.delete(row)
            s.flush()
            if width:
                s.add(Pseudonym(real_name=AGE_RULE_NAME, pseudonym=str(width), variants=[], kind=AGE_RULE))
            unit.describe(summary=f"Exports show ages in bands of {width} years" if width else "Exports show exact ages")
        return width or None

    def add(self, real_name: str, pseudonym: str | None = None, variants: tuple[str, ...] = (), *,
            kind: str | None = None, pattern: str | None = None, keep_ordinary: bool = False) -> RegisteredName:
        """Register an entity; without a pseudonym it gets the next number of `pattern` (by kind).

        Variants that are articles, particles, stop words or shorter than three letters are refused; a name or
        variant that is an ordinary word occurring in the transcripts is kept only with `keep_ordinary`.
        """
        real = _checked(real_name, "real name")
        if kind is not None and kind not in KINDS:
            raise InvalidInput(f"'{kind}' is not a kind of name; use one of {', '.join(KINDS)}.")
        extra = tuple(dict.fromkeys(_checked(v, "variant") for v in variants))
        for variant in extra:
            problem = variant_problem(variant)
            if problem:
                raise InvalidInput(f"The variant {problem}; register the whole name instead.")
        if kind in (None, PERSON) and is_role_label(real) and not pseudonym:
            raise InvalidInput(f"'{real}' names a role, not a person; roles need no pseudonym "
                               f"(give --kind and --as to register it anyway).")
        entry_kind = kind or RegisteredName(real, "").entity_kind
        with self.ctx.change("names.add", target="names", summary=f"Registered a name as {pseudonym or 'a pseudonym'}") as unit:
            s = unit.session
            rows = [r for r in s.scalars(select(Pseudonym)).all() if r.kind != AGE_RULE]
            if any(fold(r.real_name) == fold(real) for r in rows):
                raise Conflict(f"'{real}' is already in the name register; remove it first to change its pseudonym.")
            if not keep_ordinary:
                uses = ordinary_uses(s, [real, *extra])
                if uses:
                    raise NeedsConfirmation(_uses_sentence(uses))
            chosen = _checked(pseudonym, "pseudonym") if pseudonym else _next_pseudonym(
                pattern or DEFAULT_PATTERNS.get(entry_kind, "Respondent {n}"), [r.pseudonym for r in rows])
            if Replacer([RegisteredName(real, chosen, extra, entry_kind)]).found(chosen):
                raise InvalidInput(f"The pseudonym '{chosen}' contains the name it should hide; choose another one.")
            s.add(Pseudonym(real_name=real, pseudonym=chosen, variants=list(extra), kind=kind or ""))
            unit.describe(summary=f"Registered a name as {chosen}")
            return RegisteredName(real, chosen, extra, kind or "")

    def remove(self, real_name: str) -> RegisteredName:
        """Take a name out of the register."""
        real = clean_name(real_name or "")
        with self.ctx.change("names.remove", target="names", summary="Removed a name from the register") as unit:
            rows = [r for r in unit.session.scalars(select(Pseudonym)).all() if r.kind != AGE_RULE]
            row = next((r for r in rows if fold(r.real_name) == fold(real)), None)
            if row is None:
                raise NotFound(f"'{real}' is not in the name register; see `workbench names list`.")
            entry = _entry(row)
            unit.session.delete(row)
            unit.describe(summary=f"Removed {entry.pseudonym} from the name register")
            return entry

    def unregistered_speakers(self) -> builtins.list[str]:
        """Speaker labels of the project's turns that name a person and are not hidden by the register yet."""
        with self.ctx.read() as s:
            labels = s.scalars(select(Turn.speaker).where(Turn.speaker.is_not(None)).distinct()).all()
            replacer = build_replacer(s)
        pending = []
        for label in sorted({clean_name(label) for label in labels if label and label.strip()}):
            if GENERIC_SPEAKER.match(label) or is_role_label(label):
                continue
            if _covers(replacer, label):
                continue
            pending.append(label)
        return pending

    def from_speakers(self, pattern: str = "Respondent {n}") -> tuple[RegisteredName, ...]:
        """Register every speaker label that names a person, numbered with `pattern`; returns the new entries.

        `Bosman, Ingrid`, `Ingrid Bosman` and `Ingrid` are one person: the fullest label is registered and the
        others are found through it.
        """
        if "{n}" not in pattern:
            raise InvalidInput(f"The pattern '{pattern}' has no {{n}} for the number; write it like 'Respondent {{n}}'.")
        labels = self.unregistered_speakers()
        if not labels:
            return ()

        def fullness(label: str) -> tuple[int, str]:
            person = split_person(label)
            return (-(len(person.full) if person else 0), label)

        added = []
        with self.ctx.change("names.from_speakers", target="names",
                             summary=f"Registered {len(labels)} speaker names") as unit:
            s = unit.session
            entries = list(register_entries(s)[0])
            taken = list(s.scalars(select(Pseudonym.pseudonym)).all())
            for label in sorted(labels, key=fullness):
                if _covers(Replacer(entries, _ordinary), label):
                    continue
                person = split_person(label)
                # The name without a role in brackets: `Marieke (gemeente)` registers Marieke.
                real = (person.full if person.surname and person.given else person.given or person.surname) \
                    if person else label
                pseudonym = _next_pseudonym(pattern, taken)
                taken.append(pseudonym)
                variants = [label] if fold(label) != fold(real) else []
                s.add(Pseudonym(real_name=real[:MAX_NAME], pseudonym=pseudonym, variants=variants, kind=PERSON))
                entry = RegisteredName(real, pseudonym, tuple(variants), PERSON)
                entries.append(entry)
                added.append(entry)
            unit.describe(summary=f"Registered {len(added)} speaker names")
        return tuple(added)


def _next_pseudonym(pattern: str, taken: list[str]) -> str:
    """The pattern with the lowest number above every number already used with it."""
    if "{n}" not in pattern:
        raise InvalidInput(f"The pattern '{pattern}' has no {{n}} for the number; write it like 'Respondent {{n}}'.")
    prefix, _, suffix = pattern.partition("{n}")
    highest = 0
    for name in taken:
        if name.startswith(prefix) and name.endswith(suffix):
            middle = name[len(prefix): len(name) - len(suffix) if suffix else None]
            if middle.isdigit():
                highest = max(highest, int(middle))
    return f"{prefix}{highest + 1}{suffix}"
