"""The demo's monitoring log: the project year, its actors, a year of entries, learning questions and actions."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from workbench.domain.monitoring import LogEntry
from workbench.store.schema import Attribute, AttributeValue, Coding, Document, LogEntryLink

# (name, kind, organisation type, role, pseudonym, organisation)
ACTORS = (
    ("HEEM", "organisation", "wijkonderneming", "wijkonderneming in NDW21", "Wijkonderneming A", None),
    ("Gemeente Nijmegen", "organisation", "gemeente", "", "Gemeente", None),
    ("Woonstichting Waalwonen", "organisation", "woningcorporatie", "", "Corporatie A", None),
    ("Zorggroep Lindenhof", "organisation", "zorgorganisatie", "", "Zorgorganisatie", None),
    ("Provincie Gelderland", "organisation", "provincie", "", "Provincie", None),
    ("GGD Gelderland-Zuid", "organisation", "GGD", "", "GGD", None),
    ("De Nieuwe Linde", "organisation", "wijkonderneming", "wijkonderneming in Arnhem", "Wijkonderneming B", None),
    ("Buurtbedrijf Het Klooster", "organisation", "wijkonderneming", "wijkonderneming in Doetinchem", "Wijkonderneming C", None),
    ("Fatima el Amrani", "person", "wijkonderneming", "initiatiefnemer", "Initiatiefnemer A", "HEEM"),
    ("Marieke Jansen", "person", "gemeente", "wijkmanager", "Ambtenaar A", "Gemeente Nijmegen"),
    ("Joost van Dijk", "person", "gemeente", "beleidsadviseur sociaal domein", "Ambtenaar B", "Gemeente Nijmegen"),
    ("Ingrid Bosman", "person", "woningcorporatie", "gebiedsregisseur", "Corporatiemedewerker A", "Woonstichting Waalwonen"),
    ("Henk Willems", "person", "bewoner", "bewoner en vrijwilliger NDW21", "Bewoner A", None),
    ("Sanne de Groot", "person", "wijkonderneming", "coördinator", "Initiatiefnemer B", "De Nieuwe Linde"),
    ("Ruud Hermsen", "person", "provincie", "programmamanager", "Provinciemedewerker A", "Provincie Gelderland"),
)

MEETING_DETAILS = {
    "2024-09-04": dict(
        actors="Fatima el Amrani; Marieke Jansen; Ingrid Bosman; Ruud Hermsen; Zorggroep Lindenhof; GGD Gelderland-Zuid",
        time="14:00", significance="high point",
        significance_why="Voor het eerst zaten alle partners aan één tafel over de rol van de wijkonderneming.",
        interpretation="Iedereen noemt de wijkonderneming waardevol, maar niemand voelt zich eigenaar van de financiering.",
        reflection="Wij worden gezien als neutrale partij; dat geeft ruimte, maar we moeten oppassen geen bemiddelaar te worden.",
    ),
    "2025-01-15": dict(
        actors="Fatima el Amrani; Marieke Jansen; Joost van Dijk; Ingrid Bosman; Sanne de Groot; Ruud Hermsen",
        time="13:30", significance="high point",
        significance_why="De wethouder zegde toe een meerjarig kader te verkennen; de wijkondernemingen uit de provincie herkenden elkaars knelpunten.",
        interpretation="De gedeelde tijdlijn maakte zichtbaar dat de onzekerheid over geld steeds terugkeert.",
    ),
    "2025-06-04": dict(
        actors="Fatima el Amrani; Marieke Jansen; Ingrid Bosman; Henk Willems; Sanne de Groot; Ruud Hermsen",
        time="15:00", significance="high point",
        significance_why="Partners ondertekenden samen de afspraken over borging van de rol van de wijkonderneming.",
        reflection="De leergeschiedenis werd herkend; bewoners vonden hun eigen woorden terug.",
    ),
}

ENTRIES = (
    dict(date="2024-07-11", type="interview", title="Interview initiatiefnemer HEEM", location="Paviljoen NDW21",
         actors="Fatima el Amrani",
         observation="Fatima vertelt hoe HEEM begon met koffie op het bouwterrein en nu een huiskamer voor de wijk is. "
                     "Ze draait vrijwel alles zelf en de huur van de ruimte is de enige vaste inkomstenbron.",
         interpretation="De plek is nieuw; de initiatiefnemer is hier nog het gezicht van alles.",
         reflection="Zij spreekt over 'mijn bewoners'. Hoe houden wij afstand tot haar enthousiasme?"),
    dict(date="2024-07-25", type="interview", title="Interview wijkmanager gemeente", location="Stadhuis Nijmegen",
         actors="Marieke Jansen",
         observation="De wijkmanager ziet HEEM als 'de ogen en oren van de wijk', maar de subsidie loopt via een "
                     "andere afdeling dan de gebiedsontwikkeling.",
         interpretation="Vertrouwen rust op personen: 'ik bel gewoon Fatima'.",
         reflection="Wat gebeurt er als Marieke vertrekt?"),
    dict(date="2024-08-29", type="observation", title="Zomerfeest NDW21 door bewoners georganiseerd", location="NDW21",
         actors="Henk Willems; HEEM",
         observation="Ruim honderd bewoners kwamen naar het zomerfeest; bewoners deden de organisatie zelf, de initiatiefnemer bleef op de achtergrond.",
         significance="high point", significance_why="Bewoners dragen de plek zelf, niet alleen de initiatiefnemer."),
    dict(date="2024-09-26", type="work visit", title="Werkbezoek De Nieuwe Linde", location="Arnhem",
         actors="Sanne de Groot; Ruud Hermsen",
         observation="De Nieuwe Linde bestaat twaalf jaar. De coördinator is nauwelijks meer zichtbaar; een bewonersraad "
                     "beslist over activiteiten. Zij hebben een meerjarige beheerovereenkomst met de corporatie.",
         interpretation="Op een gewortelde plek verschuift de rol van de initiatiefnemer naar de achtergrond.",
         significance="learning moment",
         significance_why="Laat zien hoe de rol van de initiatiefnemer verandert als een plek geworteld raakt."),
    dict(date="2024-10-10", type="interview", title="Interview gebiedsregisseur woningcorporatie", location="Kantoor Waalwonen",
         actors="Ingrid Bosman",
         observation="De corporatie wil de wijkonderneming behouden, maar ziet beheer van het paviljoen niet als haar taak. "
                     "Afspraken lopen per jaar.",
         reflection="Formeel en informeel botsen: de corporatie zoekt een contractpartij, HEEM is een netwerk."),
    dict(date="2024-10-24", type="phone/e-mail", title="Bericht gemeente: subsidie opnieuw voor één jaar",
         actors="Joost van Dijk; Fatima el Amrani",
         observation="De gemeente laat per e-mail weten dat de subsidie voor 2025 opnieuw voor één jaar wordt verleend; "
                     "een meerjarig kader is er niet.",
         interpretation="De afhankelijkheid van jaarlijkse subsidie maakt vooruitplannen onmogelijk.",
         reflection="De initiatiefnemer overweegt te stoppen. Ons project wil de rol zichtbaar maken, maar de kern zit in de financiering.",
         significance="low point",
         significance_why="Onzekerheid voor vrijwilligers en huurders; de initiatiefnemer overwoog te stoppen."),
    dict(date="2024-11-14", type="werkbezoek", title="Werkbezoek Buurtbedrijf Het Klooster", location="Doetinchem",
         actors="Ruud Hermsen",
         observation="Het buurtbedrijf verdient aan schoonmaak en groenonderhoud voor de corporatie en zet dat geld in voor de huiskamer.",
         interpretation="Een tweede verdienmodel naast huur maakt minder afhankelijk van subsidie.",
         significance="learning moment", significance_why="Geldstromen in de wijk kunnen de wijkonderneming zelf voeden."),
    dict(date="2024-11-28", type="meeting", title="Overleg lokale partners NDW21 (1)", location="Paviljoen NDW21",
         actors="Fatima el Amrani; Marieke Jansen; Ingrid Bosman; Henk Willems",
         observation="Na de inbraak in het paviljoen hielpen bewoners en de corporatie samen met herstel; het overleg "
                     "ging vooral over wat dit zei over de wijk.",
         interpretation="'De kracht van de kwetsbare kip': toen het misging, groeide de relatie.",
         significance="learning moment", significance_why="Ruimte om te falen bleek vertrouwen te versterken."),
    dict(date="2024-12-12", type="interview", title="Interview GGD over preventie en sociale samenhang", location="Online",
         actors="GGD Gelderland-Zuid",
         observation="De GGD ziet de wijkonderneming als preventie, maar heeft geen instrument om sociale samenhang te meten.",
         reflection="Meten van impact komt steeds terug; wie is eigenaar van die vraag?"),
    dict(date="2025-02-06", type="decision", title="Gemeente en corporatie: driejarige afspraak over beheer en financiering",
         actors="Marieke Jansen; Joost van Dijk; Ingrid Bosman; Fatima el Amrani",
         observation="Gemeente en corporatie spreken een driejarige afspraak af: beheer van het paviljoen door HEEM, "
                     "gefinancierd uit het gebiedsbudget en de servicekosten.",
         significance="turning point",
         significance_why="Voor het eerst een afspraak over meer dan één jaar: de rol van de wijkonderneming is geborgd."),
    dict(date="2025-03-13", type="training", title="Training 'Impact zichtbaar maken' voor wijkondernemingen", location="Arnhem",
         actors="Sanne de Groot; Fatima el Amrani; Ruud Hermsen",
         observation="Acht wijkondernemingen oefenden met verhalen van betekenisvolle verandering en eenvoudige tellingen."),
    dict(date="2025-03-20", type="interview", title="Groepsgesprek met bewoners NDW21", location="Paviljoen NDW21",
         actors="Henk Willems",
         observation="Drie bewoners vertellen wat het paviljoen voor hen betekent: een plek om elkaar te leren kennen, "
                     "maar ook een plek die afhangt van een paar vrijwilligers.",
         reflection="Bewoners spreken over 'ons paviljoen'; eigenaarschap verschuift van de initiatiefnemer naar de buurt."),
    dict(date="2025-04-10", type="workshop", title="Werksessie borging met gemeente en corporaties", location="Nijmegen",
         actors="Marieke Jansen; Ingrid Bosman; Fatima el Amrani",
         observation="Partners werkten normen uit voor de rol van een wijkonderneming in nieuwe gebiedsontwikkeling.",
         interpretation="Borging gaat over normen en budgetten, niet over personen."),
    dict(date="2025-05-15", type="meeting", title="Teamoverleg: spanning rond de rol van de initiatiefnemer", location="Wageningen",
         confidentiality="internal",
         observation="Het team bespreekt signalen dat de initiatiefnemer overbelast raakt en zich gepasseerd voelt door de afspraken.",
         reflection="Niet delen met partners; eerst een gesprek met de initiatiefnemer zelf."),
)

# (text, raised by, raised at entry title, [(status, date, entry title, note)])
QUESTIONS: tuple[tuple[str, str, str, list[tuple[str, str, str, str]]], ...] = (
    ("Hoe kan de gemeente wijkondernemingen langer dan één jaar financieren?", "HEEM", "Kick-off Samen creëren en floreren",
     [("provisional", "2025-01-15", "Brede bijeenkomst partners en wijkondernemingen", "De wethouder verkent een meerjarig kader."),
      ("answered", "2025-02-06", "Gemeente en corporatie: driejarige afspraak over beheer en financiering", "Driejarige afspraak.")]),
    ("Welke rol heeft de initiatiefnemer als een plek eenmaal geworteld is?", "Onderzoeksteam", "Interview initiatiefnemer HEEM",
     [("provisional", "2024-09-26", "Werkbezoek De Nieuwe Linde", "Op de achtergrond; bewoners dragen de plek.")]),
    ("Hoe maken we de waarde van sociale samenhang zichtbaar voor financiers?", "Provincie", "Werkbezoek De Nieuwe Linde", []),
    ("Kan de corporatie huurkorting geven in ruil voor beheer?", "Gemeente", "Interview gebiedsregisseur woningcorporatie",
     [("dropped", "2025-04-10", "Werksessie borging met gemeente en corporaties", "Kan juridisch niet; het loopt via de servicekosten.")]),
    ("Hoe nemen we de rol van wijkondernemingen op in de normen voor nieuwe gebiedsontwikkeling?", "Gemeente",
     "Brede bijeenkomst partners en wijkondernemingen",
     [("provisional", "2025-06-04", "Slotbijeenkomst, open voor iedereen", "Eerste normen in het afsprakenkader.")]),
)

# (action, owner, due, status, agreed at entry title)
ACTIONS = (
    ("Notitie over meerjarige financiering naar de wethouder sturen", "Marieke Jansen", "2024-11-15", "done",
     "Bericht gemeente: subsidie opnieuw voor één jaar"),
    ("Verslag van het werkbezoek delen met de provincie", "Onderzoeksteam", "2024-10-10", "done", "Werkbezoek De Nieuwe Linde"),
    ("Overzicht maken van instrumenten om sociale samenhang te meten", "GGD Gelderland-Zuid", "2025-03-01", "in progress",
     "Interview GGD over preventie en sociale samenhang"),
    ("Concept-afsprakenkader borging opstellen", "Gemeente Nijmegen", "2025-05-30", "done",
     "Werksessie borging met gemeente en corporaties"),
    ("Leergeschiedenis afronden en delen met alle partners", "Onderzoeksteam", "2025-06-30", "done",
     "Slotbijeenkomst, open voor iedereen"),
)


# What kind of entry each kind of sample document belongs to.
DOCUMENT_KINDS = {"interview": "interview", "groepsgesprek": "interview", "veldnotities": "work_visit", "overleg": "meeting"}


def _documents(project) -> list[tuple[int, dict[str, object], int | None]]:
    """Each unlinked document with its attributes and a coded fragment of quotable length, if it has one."""
    with project.ctx.read() as s:
        linked = set(s.scalars(select(LogEntryLink.document_id).where(LogEntryLink.document_id.is_not(None))))
        found = []
        for doc_id in s.scalars(select(Document.id).order_by(Document.id)):
            if doc_id in linked:
                continue
            attributes = {name.casefold(): value_date or value_text for name, value_date, value_text in s.execute(
                select(Attribute.name, AttributeValue.value_date, AttributeValue.value_text)
                .join(Attribute, Attribute.id == AttributeValue.attribute_id).where(AttributeValue.document_id == doc_id))}
            spans = s.execute(select(Coding.id, Coding.start, Coding.end).where(
                Coding.document_id == doc_id, Coding.status == "applied").order_by(Coding.start)).all()
            quotable = next((cid for cid, start, end in spans if 80 <= end - start <= 400), spans[0][0] if spans else None)
            found.append((doc_id, attributes, quotable))
    return found


def _entry_for(attributes: dict[str, object], entries: list[LogEntry]) -> LogEntry | None:
    """The entry a document belongs to: the one on its date, else one with its organisation and kind."""
    day = attributes.get("date")
    if day:
        on_day = [e for e in entries if e.date.isoformat() == str(day)[:10]]
        if on_day:
            return on_day[0]
    organisation = str(attributes.get("organisation") or "").casefold()
    kind = DOCUMENT_KINDS.get(str(attributes.get("kind") or "").casefold())
    for entry in entries:
        names = {entry.title.casefold()} | {a.name.casefold() for a in entry.actors} | {(a.organisation or "").casefold() for a in entry.actors}
        if organisation and entry.type == kind and any(organisation in name for name in names if name):
            return entry
    return None


def _link_transcripts(project, entries_by_title: dict) -> None:
    """Link the demo's entries to the sample transcripts they are about, with one coded fragment each as a quote."""
    entries = sorted(entries_by_title.values(), key=lambda e: e.date)
    for doc_id, attributes, coding in _documents(project):
        entry = _entry_for(attributes, entries)
        if entry is not None:
            project.monitoring.entries.link(entry.id, documents=(str(doc_id),), codings=(str(coding),) if coding else ())


def add_to_demo(project, samples_dir: Path) -> None:
    """Fill the demo project's monitoring log."""
    monitoring = project.monitoring
    monitoring.init_year()
    for name, kind, organisation_type, role, pseudonym, organisation in ACTORS:
        monitoring.actors.add(name, kind=kind, organisation_type=organisation_type, role=role, pseudonym=pseudonym,
                              organisation=organisation)
    entries = {e.title: e for e in monitoring.entries.list()}
    for entry in entries.values():
        details = MEETING_DETAILS.get(entry.date.isoformat())
        if details:
            entries[entry.title] = monitoring.entries.update(entry.id, details)
    for values in ENTRIES:
        entry = monitoring.entries.add(values)
        entries[entry.title] = entry
    low_point = entries["Bericht gemeente: subsidie opnieuw voor één jaar"]
    monitoring.entries.add_memo(low_point.id, "Terugkoppelen in het overleg met lokale partners: wat betekent "
                                "jaarfinanciering voor vrijwilligers?", title="Voor het volgende overleg")
    for text, raised_by, at, history in QUESTIONS:
        question = monitoring.agenda.raise_question(text, raised_by=raised_by, entry=entries[at].id)
        for status, day, where, note in history:
            monitoring.agenda.change_status(question.id, status, on=day, entry=entries[where].id, note=note)
    for action, owner, due, status, at in ACTIONS:
        monitoring.actions.add(action, owner=owner, due=due, entry=entries[at].id, status=status)
    _link_transcripts(project, entries)
