"""What a name is: kinds of entity, how a label splits into given name and surname, and which spellings of an
entity may stand alone as a variant.

Dutch particles (`van`, `de`, `van der`, `el`) belong to the surname and never stand alone; articles, stop
words and tokens under three letters are never variants, because replacing them damages ordinary sentences.
Role labels (`Beleidsadviseur Gemeente`, `Interviewer 2`) name a role, not a person.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

PERSON, ORGANISATION, PLACE, CONTACT = "person", "organisation", "place", "contact"
KINDS = (PERSON, ORGANISATION, PLACE, CONTACT)
KIND_LABELS = {
    "nl": {PERSON: "Personen", ORGANISATION: "Organisaties", PLACE: "Plaatsen", CONTACT: "Contactgegevens"},
    "en": {PERSON: "People", ORGANISATION: "Organisations", PLACE: "Places", CONTACT: "Contact details"},
}

# Dutch (and a few other) surname particles, kept lower case inside a name.
PARTICLES = frozenset(
    "van de der den het 't ten ter te in op aan bij uit von zu la le du da das dos del della di el al "
    "d' l' 's".split()
)
ARTICLES = frozenset("de het een 't the a an".split())
# Function words of Dutch and English: a spelling made only of these is never a name.
STOP_WORDS = ARTICLES | PARTICLES | frozenset(
    """aan al alle als alles altijd ander andere bij daar dan dat deze die dit doch doen door dus een en er ge geen
    geweest haar had heb hebben heeft hem hen het hier hij hoe hun ik in is ja je kan kon kunnen maar me meer men
    met mij mijn moet na naar nee niet niets nog nu of om omdat ons ook op over reeds te tegen toch toen tot u uit
    uw van veel voor want waren was wat we wel werd wezen wie wij wil worden zal ze zei zelf zich zij zijn zo zonder
    zou dus wel echt gewoon even heel hoor nou oké okay ok
    about after all also and any are as at be been but by can could did do does for from had has have he her here
    him his how i if in into is it its just me my no not now of on or our out she so than that their them then
    there they this to too up us very was we were what when where which who why will with would yes you your
    mr mrs ms dr dhr mevr mevrouw meneer heer""".split()
)
# Words that show a name belongs to an organisation, whose parts must not be replaced alone.
INSTITUTION_WORDS = frozenset(
    "gemeente provincie stichting vereniging woningcorporatie corporatie woonstichting wijkonderneming "
    "buurtonderneming buurtbedrijf wijkbedrijf zorggroep buurt wijk ggd zorg welzijn coöperatie bv nv b.v. n.v. "
    "universiteit hogeschool school college raad ministerie waterschap afdeling team municipality foundation "
    "association council university department company ltd inc".split()
)
# Organisations named after the place they govern: the place alone is not the organisation.
GOVERNMENT_WORDS = frozenset("gemeente provincie ministerie waterschap ggd municipality province council".split())
ROLE_WORDS = frozenset(
    """interviewer interviewee respondent resp int spreker speaker spk deelnemer participant moderator
    gespreksleider onderzoeker researcher notulist voorzitter chair wethouder burgemeester ambtenaar
    beleidsadviseur adviseur medewerker beleidsmedewerker wijkmanager manager directeur bestuurder coördinator
    coordinator initiatiefnemer oprichter bewoner buurtbewoner vrijwilliger projectleider programmamanager
    gebiedsregisseur regisseur consulent opbouwwerker verpleegkundige huisarts docent student unknown onbekend
    anoniem anonymous iedereen allen publiek""".split()
) | INSTITUTION_WORDS
ROLE_SUFFIXES = ("adviseur", "medewerker", "manager", "bewoner", "regisseur", "leider", "werker", "houder",
                 "voorzitter", "coördinator", "ambtenaar", "nemer")
MIN_VARIANT = 3
_PHONE = re.compile(r"^\+?[\d\s().\-]{8,}$")
_EMAIL = re.compile(r"^[\w.+\-]+@[\w\-]+(\.[\w\-]+)+$")


def clean_name(text: str) -> str:
    """A name with its whitespace collapsed."""
    return " ".join(text.split())


def fold(text: str) -> str:
    """The key two spellings share when they differ only in case, diacritics, apostrophes or spacing."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return clean_name("".join(c for c in decomposed if not unicodedata.combining(c)).casefold())


def _words(text: str) -> list[str]:
    return clean_name(text).split(" ") if clean_name(text) else []


def _bare(word: str) -> str:
    return word.strip(".,;:()[]'\"’").casefold()


def is_stop_word(text: str) -> bool:
    """True when every word of the text is a function word, an article or a particle."""
    words = _words(text)
    return bool(words) and all(_bare(w) in STOP_WORDS for w in words)


def variant_problem(text: str) -> str | None:
    """Why a spelling cannot be a variant on its own (None when it can)."""
    text = clean_name(text)
    if is_stop_word(text):
        return f"'{text}' is an article, particle or stop word, so replacing it would damage ordinary sentences"
    if sum(1 for c in text if c.isalnum()) < MIN_VARIANT:
        return f"'{text}' has fewer than {MIN_VARIANT} letters, so replacing it would damage ordinary words"
    return None


def looks_like_contact(text: str) -> bool:
    """True for an e-mail address or a phone number."""
    text = text.strip()
    return bool(_EMAIL.match(text)) or (bool(_PHONE.match(text)) and sum(c.isdigit() for c in text) >= 9)


def is_role_label(label: str) -> bool:
    """True when a speaker label names a role (`Beleidsadviseur Gemeente`, `Bewoner 2`), not a person."""
    words = [_bare(w) for w in _words(re.sub(r"\(.*?\)", " ", label))]
    words = [w for w in words if w and not w.isdigit() and not (len(w) == 1 and w.isalpha())]
    if not words:
        return True
    return all(w in ROLE_WORDS or w in STOP_WORDS or w.endswith(ROLE_SUFFIXES) for w in words)


def guess_kind(name: str) -> str:
    """The kind of entity a name most likely is, for a register entry given without one."""
    if looks_like_contact(name):
        return CONTACT
    words = _words(name)
    if any(_bare(w) in INSTITUTION_WORDS for w in words):
        return ORGANISATION
    if words and (_bare(words[0]) in {"het", "the", "'t"} or (_bare(words[0]) == "de" and len(words) > 2)):
        return ORGANISATION
    return PERSON


@dataclass(frozen=True)
class PersonName:
    """A person's name split into the given name and the surname with its particles."""

    given: str
    surname: str

    @property
    def full(self) -> str:
        return clean_name(f"{self.given} {self.surname}")


def split_person(label: str) -> PersonName | None:
    """`Bosman, Ingrid`, `el Amrani, Fatima`, `Vries, Jan de` and `Ingrid Bosman` alike; None when it is no name."""
    label = clean_name(re.sub(r"\(.*?\)", " ", label))
    if not label:
        return None
    if "," in label:
        surname, _, given = (part.strip() for part in label.partition(","))
        given_words = _words(given)
        trailing: list[str] = []
        while given_words and given_words[-1].casefold() in PARTICLES:
            trailing.insert(0, given_words.pop())
        surname = clean_name(" ".join(trailing + [surname]))
        return PersonName(" ".join(given_words), surname) if surname else None
    words = _words(label)
    # A leading role or title (`Wethouder Jansen`, `dhr. de Vries`) is not part of the name.
    while len(words) > 1 and (_bare(words[0]) in ROLE_WORDS or _bare(words[0]) in STOP_WORDS - PARTICLES):
        words = words[1:]
    if len(words) == 1:
        return PersonName(words[0], "")
    if words[0].casefold() in PARTICLES:
        return PersonName("", " ".join(words))
    rest = words[1:]
    start = next((i for i, w in enumerate(rest) if w.casefold() in PARTICLES), len(rest) - 1)
    return PersonName(words[0], " ".join(rest[start:]))


def _core_surname(surname: str) -> str:
    """The surname without its particles: `el Amrani` -> `Amrani`."""
    words = _words(surname)
    while words and words[0].casefold() in PARTICLES:
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class Spelling:
    """A spelling of an entity that is replaced; `exact_case` ones match only as capitalised or upper case,
    because in lower case they are an ordinary word (`Linde`, `Groot`)."""

    text: str
    kind: str  # full, variant, first name, surname, initial, short name
    exact_case: bool = False


def _person_spellings(name: str) -> list[tuple[str, str]]:
    person = split_person(name)
    if person is None or not person.surname:
        return []
    forms: list[tuple[str, str]] = [(person.surname, "surname"), (_core_surname(person.surname), "surname")]
    if person.given:
        forms.append((person.full, "full"))
        forms.append((f"{person.surname}, {person.given}", "full"))
        given = person.given.split(" ")[0]
        if len(given.rstrip(".")) > 1:
            # An initial alone (`J.`) is too loose to replace everywhere.
            forms.append((given, "first name"))
        if given[:1].isalpha():
            forms.append((f"{given[0]}. {person.surname}", "initial"))
            forms.append((f"{person.surname}, {given[0]}.", "initial"))
    return forms


def _organisation_spellings(name: str) -> list[tuple[str, str]]:
    words = _words(name)
    forms: list[tuple[str, str]] = []
    while len(words) > 1 and (words[0].casefold() in ARTICLES):
        words = words[1:]
        forms.append((" ".join(words), "short name"))
    if len(words) > 1 and _bare(words[0]) in INSTITUTION_WORDS and _bare(words[0]) not in GOVERNMENT_WORDS:
        rest = words[1:]
        forms.append((" ".join(rest), "short name"))
        while len(rest) > 1 and rest[0].casefold() in ARTICLES:
            rest = rest[1:]
            forms.append((" ".join(rest), "short name"))
    return forms


def entity_spellings(name: str, kind: str, ordinary: Callable[[str], bool] = lambda _w: False) -> list[Spelling]:
    """The spellings derived from a registered name besides itself, by kind, without loose particles or stop
    words; a single ordinary word (`ordinary`) is kept only in exact case."""
    name = clean_name(name)
    if kind == PERSON:
        pairs = _person_spellings(name) if len(_words(name)) <= 6 else []
    elif kind == ORGANISATION:
        pairs = _organisation_spellings(name)
    else:
        pairs = []
    found: dict[str, Spelling] = {}
    for text, form_kind in pairs:
        text = clean_name(text)
        if not text or fold(text) == fold(name) or fold(text) in found or variant_problem(text):
            continue
        words = text.split(" ")
        plain = all(ordinary(w.lower()) or is_stop_word(w) for w in words) and not all(is_stop_word(w) for w in words)
        found[fold(text)] = Spelling(text, form_kind, exact_case=plain)
    return list(found.values())
