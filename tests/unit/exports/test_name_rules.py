"""Names as a register understands them: label shapes, particles, kinds, role labels, and matching that misses
neither case, accents, possessives nor hyphenated compounds while leaving ordinary words alone."""

from __future__ import annotations

import pytest

from workbench.domain.name_candidates import EMAIL, NAME, PHONE, find_candidates
from workbench.domain.name_rules import (
    ORGANISATION,
    PERSON,
    entity_spellings,
    guess_kind,
    is_role_label,
    split_person,
    variant_problem,
)
from workbench.domain.pseudonyms import AMBIGUOUS, RegisteredName, Replacer, derived_forms

ORDINARY = {"linde", "groot", "klooster", "broederij", "bakker", "de", "nieuwe"}.__contains__


def _ordinary(word: str) -> bool:
    return ORDINARY(word.lower())


@pytest.mark.parametrize("label, given, surname", [
    ("Bosman, Ingrid", "Ingrid", "Bosman"),
    ("el Amrani, Fatima", "Fatima", "el Amrani"),
    ("Vries, Jan de", "Jan", "de Vries"),
    ("Ingrid Bosman", "Ingrid", "Bosman"),
    ("Joost van Dijk", "Joost", "van Dijk"),
    ("Anna Maria van der Berg", "Anna", "van der Berg"),
    ("Wethouder Jansen", "Jansen", ""),
    ("Marieke Jansen (gemeente)", "Marieke", "Jansen"),
])
def test_both_label_shapes_split_into_given_name_and_surname(label, given, surname):
    person = split_person(label)
    assert (person.given, person.surname) == (given, surname)


def test_a_comma_label_gives_clean_variants_and_particles_never_stand_alone():
    forms = dict(derived_forms("Bosman, Ingrid", PERSON))
    assert {"Ingrid Bosman", "Ingrid", "Bosman", "I. Bosman"} <= set(forms)
    assert not any("," in text and text.endswith(",") for text in forms)
    assert "B. Ingrid" not in forms
    fatima = [text for text, _kind in derived_forms("el Amrani, Fatima", PERSON)]
    assert "el" not in fatima and "El" not in fatima
    assert {"Fatima el Amrani", "el Amrani", "Amrani", "Fatima"} <= set(fatima)


def test_ordinary_surnames_are_kept_only_in_exact_case():
    spellings = {s.text: s for s in entity_spellings("Sanne de Groot", PERSON, _ordinary)}
    assert spellings["Groot"].exact_case and spellings["de Groot"].exact_case
    replacer = Replacer([RegisteredName("Sanne de Groot", "Respondent 1")], _ordinary)
    assert replacer.text("Sanne is de groot geworden; Groot zei het, DE GROOT ook, met De Groot.") == (
        "Respondent 1 is de groot geworden; Respondent 1 zei het, Respondent 1 ook, met Respondent 1.")


@pytest.mark.parametrize("variant", ["De", "de", "el", "van der", "Jo", "het", "the"])
def test_articles_particles_stop_words_and_short_tokens_are_no_variants(variant):
    assert variant_problem(variant)


def test_organisations_and_places_have_their_own_variants():
    assert guess_kind("De Broederij") == PERSON or guess_kind("De Nieuwe Linde") == ORGANISATION
    assert guess_kind("Woonstichting Waalwonen") == ORGANISATION
    assert [t for t, _k in derived_forms("De Broederij", ORGANISATION)] == ["Broederij"]
    assert "Waalwonen" in [t for t, _k in derived_forms("Woonstichting Waalwonen", ORGANISATION)]
    # A municipality is named after its place: the place alone is not the organisation.
    assert derived_forms("Gemeente Nijmegen", ORGANISATION) == []
    assert derived_forms("Tarweweg", "place") == []


@pytest.mark.parametrize("label, role", [
    ("Beleidsadviseur Gemeente", True), ("Bewoner 2", True), ("Interviewer", True), ("SPEAKER_01", False),
    ("Marieke (gemeente)", False), ("Fatima el Amrani", False), ("Wijkmanager", True),
])
def test_role_labels_are_not_people(label, role):
    assert is_role_label(label) is role


def test_an_article_is_never_replaced_on_its_own():
    replacer = Replacer([RegisteredName("De Nieuwe Linde", "Wijkonderneming B", kind=ORGANISATION),
                         RegisteredName("De Broederij", "Wijkonderneming D", kind=ORGANISATION)], _ordinary)
    text = "De school is van de gemeente. Definitie: De rol van De Broederij en De Nieuwe Linde; de linde bloeit."
    assert replacer.text(text) == ("De school is van de gemeente. Definitie: De rol van Wijkonderneming D en "
                                   "Wijkonderneming B; de linde bloeit.")
    assert replacer.text("Bij Broederij en Nieuwe Linde") == "Bij Wijkonderneming D en Wijkonderneming B"


def test_matching_ignores_case_and_accents_and_finds_compounds_and_possessives():
    replacer = Replacer([RegisteredName("HEEM", "Wijkonderneming A", kind=ORGANISATION),
                         RegisteredName("Marieke Jansen", "Ambtenaar A"), RegisteredName("Zoë Kramer", "Respondent 9"),
                         RegisteredName("Kantoor Waalwonen", "Kantoor A", kind="place")])
    text = "heem-bewoner, HEEM-bewoner en Heem; Marieke's plan, MARIEKE JANSEN; Zoe en zoë KRAMER; kantoor waalwonen."
    assert replacer.text(text) == (
        "Wijkonderneming A-bewoner, Wijkonderneming A-bewoner en Wijkonderneming A; Ambtenaar A's plan, "
        "Ambtenaar A; Respondent 9 en Respondent 9; Kantoor A.")
    assert replacer.text("heemtuin en Mariekes") == "heemtuin en Ambtenaar A's"


def test_phone_numbers_match_whatever_their_spacing_and_ages_become_bands():
    replacer = Replacer([RegisteredName("06-12345678", "[telefoon]", kind="contact")], age_band=10)
    assert replacer.text("Bel 06 123 456 78 of 0612345678.") == "Bel [telefoon] of [telefoon]."
    assert replacer.text("Ze is 43 jaar, een 43-jarige; he is 67 years old. In 2024 kwamen 12 mensen.") == (
        "Ze is 40-49 jaar, een 40-49-jarige; he is 60-69 years old. In 2024 kwamen 12 mensen.")
    assert replacer.attribute("Leeftijd", 43.0) == "40-49"
    assert replacer.attribute("Leeftijd", "43") == "40-49"
    assert replacer.attribute("organisatie", "gemeente") == "gemeente"


def test_one_entity_keeps_one_pseudonym_under_every_spelling_and_shared_names_stay_hidden():
    replacer = Replacer([RegisteredName("Fatima el Amrani", "Respondent 4", ("Fatima (HEEM)",)),
                         RegisteredName("Fatima Bakker", "Respondent 7")])
    assert replacer.text("el Amrani, Fatima; F. el Amrani; Amrani") == "Respondent 4; Respondent 4; Respondent 4"
    assert replacer.text("Fatima zei") == f"{AMBIGUOUS} zei"


def test_candidates_are_capitalised_words_inside_sentences_emails_and_phone_numbers():
    text = ("Gisteren sprak ik Lotte Hendriks van Woonstichting Waalwonen. Financiering bleef lastig. "
            "Mail lotte@waalwonen.nl of bel +31 6 1234 5678. Daar zat ook De Broederij bij, zei Fatima.")
    found = find_candidates([("Interview", text)], _ordinary, {"financiering"},
                            lambda t: [(m.start(), m.end()) for m in __import__("re").finditer("Fatima", t)])
    by_text = {c.text: c for c in found}
    assert by_text["Lotte Hendriks"].reason == NAME
    assert by_text["Woonstichting Waalwonen"].reason == NAME
    assert by_text["De Broederij"].reason == NAME
    assert by_text["lotte@waalwonen.nl"].reason == EMAIL
    assert by_text["+31 6 1234 5678"].reason == PHONE
    # Sentence starts, codebook words and registered names are no candidates.
    assert not {"Gisteren", "Financiering", "Mail", "Daar", "Fatima"} & set(by_text)
    place = by_text["Lotte Hendriks"].places[0]
    assert place.document == "Interview" and text[place.start:].startswith("Lotte Hendriks")
