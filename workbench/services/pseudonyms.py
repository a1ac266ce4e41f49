"""The project's name register: real names and the pseudonyms that replace them in exports."""

from __future__ import annotations

import builtins
import re

from sqlalchemy import select

from workbench.domain.errors import Conflict, InvalidInput, NotFound
from workbench.domain.pseudonyms import RegisteredName, Replacer, clean_name
from workbench.services.context import ServiceContext
from workbench.store.schema import Pseudonym, Turn

MAX_NAME = 300
# Speaker labels that name a role, not a person: they need no pseudonym.
GENERIC_SPEAKER = re.compile(
    r"^(i|r|int|interviewer|interviewee|respondent|resp|spreker|speaker|spk|deelnemer|participant|"
    r"moderator|gespreksleider|onderzoeker|researcher|unknown|onbekend|anoniem|anonymous)"
    r"[\s_\-]*\d*$",
    re.IGNORECASE,
)


def _entry(row: Pseudonym) -> RegisteredName:
    return RegisteredName(row.real_name, row.pseudonym, tuple(str(v) for v in row.variants or ()))


def _checked(text: str, what: str) -> str:
    value = clean_name(text or "")
    if not value:
        raise InvalidInput(f"The {what} is empty; give a name such as 'Jan de Vries'.")
    if len(value) > MAX_NAME:
        raise InvalidInput(f"The {what} '{value[:40]}…' is longer than {MAX_NAME} characters; shorten it.")
    return value


class PseudonymService:
    """Add, list and remove names in the register, and hand out the replacer exports use."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def list(self) -> tuple[RegisteredName, ...]:
        """Every registered name, alphabetically."""
        with self.ctx.read() as s:
            rows = s.scalars(select(Pseudonym).order_by(Pseudonym.real_name)).all()
            return tuple(_entry(row) for row in rows)

    def replacer(self) -> Replacer:
        """The replacer for the register as it is now."""
        return Replacer(self.list())

    def add(self, real_name: str, pseudonym: str | None = None, variants: tuple[str, ...] = (),
            *, pattern: str = "Respondent {n}") -> RegisteredName:
        """Register a name; without a pseudonym it gets the next number of `pattern`."""
        real = _checked(real_name, "real name")
        extra = tuple(dict.fromkeys(_checked(v, "variant") for v in variants))
        with self.ctx.change("names.add", target="names", summary=f"Registered a name as {pseudonym or 'a pseudonym'}") as unit:
            s = unit.session
            rows = s.scalars(select(Pseudonym)).all()
            if any(clean_name(r.real_name).casefold() == real.casefold() for r in rows):
                raise Conflict(f"'{real}' is already in the name register; remove it first to change its pseudonym.")
            chosen = _checked(pseudonym, "pseudonym") if pseudonym else _next_pseudonym(pattern, [r.pseudonym for r in rows])
            if Replacer([RegisteredName(real, chosen, extra)]).found(chosen):
                raise InvalidInput(f"The pseudonym '{chosen}' contains the name it should hide; choose another one.")
            s.add(Pseudonym(real_name=real, pseudonym=chosen, variants=list(extra)))
            unit.describe(summary=f"Registered a name as {chosen}")
            return RegisteredName(real, chosen, extra)

    def remove(self, real_name: str) -> RegisteredName:
        """Take a name out of the register."""
        real = clean_name(real_name or "")
        with self.ctx.change("names.remove", target="names", summary="Removed a name from the register") as unit:
            rows = unit.session.scalars(select(Pseudonym)).all()
            row = next((r for r in rows if clean_name(r.real_name).casefold() == real.casefold()), None)
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
        replacer = self.replacer()
        pending = []
        for label in sorted({clean_name(label) for label in labels if label and label.strip()}):
            if GENERIC_SPEAKER.match(label):
                continue
            if replacer.text(label) != label:
                continue
            pending.append(label)
        return pending

    def from_speakers(self, pattern: str = "Respondent {n}") -> tuple[RegisteredName, ...]:
        """Register every speaker label that names a person, numbered with `pattern`; returns the new entries."""
        if "{n}" not in pattern:
            raise InvalidInput(f"The pattern '{pattern}' has no {{n}} for the number; write it like 'Respondent {{n}}'.")
        labels = self.unregistered_speakers()
        if not labels:
            return ()
        added = []
        with self.ctx.change("names.from_speakers", target="names",
                             summary=f"Registered {len(labels)} speaker names") as unit:
            taken = list(unit.session.scalars(select(Pseudonym.pseudonym)).all())
            for label in labels:
                pseudonym = _next_pseudonym(pattern, taken)
                taken.append(pseudonym)
                unit.session.add(Pseudonym(real_name=label[:MAX_NAME], pseudonym=pseudonym, variants=[]))
                added.append(RegisteredName(label, pseudonym))
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
