"""The project year of Samen creëren en floreren: its phases per track and its three fixed meetings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class PhasePlan:
    """A phase as the project plan names it."""

    name: str
    track: str
    start: dt.date
    end: dt.date
    description: str


@dataclass(frozen=True)
class MeetingPlan:
    """A fixed meeting of the project year."""

    date: dt.date
    title: str
    observation: str
    location: str = "Nijmegen"


@dataclass(frozen=True)
class YearSetUp:
    """What setting up the year did: how many phases and meetings were added, and how many were there already."""

    phases_added: int
    meetings_added: int
    already_there: int


PROJECT_YEAR_PHASES = (
    PhasePlan(
        "Fase 1: pilot HEEM in NDW21", "Pilot", dt.date(2024, 7, 1), dt.date(2025, 6, 30),
        "De rol van wijkonderneming HEEM in het tijdelijke woongebied NDW21: interviews met partners, "
        "procesmonitoring en twee bijeenkomsten met lokale partners.",
    ),
    PhasePlan(
        "Fase 1: provinciaal spoor", "Provinciaal spoor", dt.date(2024, 9, 1), dt.date(2025, 1, 31),
        "Werkbezoeken aan andere wijkondernemingen in Gelderland en uitwisseling van kennis.",
    ),
    PhasePlan(
        "Fase 2: trainingen en werksessies", "Fase 2", dt.date(2025, 1, 1), dt.date(2025, 6, 30),
        "Trainingen, workshops en sessies met wijkondernemingen en partners.",
    ),
)

PROJECT_YEAR_MEETINGS = (
    MeetingPlan(dt.date(2024, 9, 4), "Kick-off Samen creëren en floreren",
                "Start van het project met alle partners: wijkondernemingen, zorgorganisatie, woningcorporaties, "
                "gemeente Nijmegen, provincie, GGD en universiteit."),
    MeetingPlan(dt.date(2025, 1, 15), "Brede bijeenkomst partners en wijkondernemingen",
                "Bijeenkomst voor alle partners en de wijkondernemingen uit de provincie: tussenresultaten en de "
                "opzet van fase 2."),
    MeetingPlan(dt.date(2025, 6, 4), "Slotbijeenkomst, open voor iedereen",
                "Afsluiting van het projectjaar: opbrengsten, de leergeschiedenis en afspraken voor borging."),
)
