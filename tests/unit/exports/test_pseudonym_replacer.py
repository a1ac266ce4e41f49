"""The pure replacer: names, variants, possessives, Dutch particles and word boundaries, with offset mapping."""

from __future__ import annotations

from workbench.domain.pseudonyms import AMBIGUOUS, RegisteredName, Replacer, derived_forms

REGISTER = [
    RegisteredName("Jan de Vries", "Respondent 3"),
    RegisteredName("Anna Bakker", "Gemeente-medewerker"),
    RegisteredName("Thomas Jansen", "Respondent 4", ("Tom",)),
]


def test_full_names_first_names_surnames_and_initials_are_replaced():
    replacer = Replacer(REGISTER)
    text = "Jan de Vries belde. Later zei Jan dat De Vries en J. de Vries dezelfde zijn; Bakker knikte, Tom ook."
    assert replacer.text(text) == (
        "Respondent 3 belde. Later zei Respondent 3 dat Respondent 3 en Respondent 3 dezelfde zijn; "
        "Gemeente-medewerker knikte, Respondent 4 ook."
    )


def test_possessives_follow_the_pseudonym():
    replacer = Replacer(REGISTER)
    assert replacer.text("Jans fiets") == "Respondent 3's fiets"
    assert replacer.text("Jan's fiets") == "Respondent 3's fiets"
    assert replacer.text("Anna’s idee") == "Gemeente-medewerker’s idee"
    assert replacer.text("Annas idee") == "Gemeente-medewerkers idee"
    assert replacer.text("Thomas' plan") == "Respondent 4's plan"
    assert replacer.text("'Jan' zei het") == "'Respondent 3' zei het"


def test_words_that_merely_contain_a_name_stay():
    replacer = Replacer(REGISTER)
    text = "In januari kwam hij via de Jansenstraat, niet Jansen-achtig; Annabel en Bakkerij bleven."
    assert replacer.text(text) == text.replace("Jansen-", "Respondent 4-")


def test_upper_case_names_and_line_breaks_inside_a_name():
    replacer = Replacer(REGISTER)
    assert replacer.text("JAN DE VRIES: ja") == "Respondent 3: ja"
    assert replacer.text("met Jan\nde Vries") == "met Respondent 3"


def test_organisations_give_no_loose_first_word():
    assert derived_forms("Gemeente Nijmegen") == []
    replacer = Replacer([RegisteredName("Gemeente Nijmegen", "de gemeente")])
    assert replacer.text("Gemeente Nijmegen en de gemeente") == "de gemeente en de gemeente"
    assert replacer.text("Gemeente Arnhem") == "Gemeente Arnhem"


def test_a_first_name_two_people_share_is_hidden_but_not_attributed():
    replacer = Replacer([RegisteredName("Jan de Vries", "Respondent 1"), RegisteredName("Jan Smit", "Respondent 2")])
    assert replacer.text("Jan zei het tegen Jan Smit") == f"{AMBIGUOUS} zei het tegen Respondent 2"


def test_offsets_map_across_replacements_and_snap_to_whole_names():
    replacer = Replacer(REGISTER)
    text = "Zei Jan de Vries: 😊 ja."
    rewritten = replacer.rewrite(text)
    assert rewritten.text == "Zei Respondent 3: 😊 ja."
    assert rewritten.offset(0) == 0
    assert rewritten.offset(4) == 4
    assert rewritten.offset(16, end=True) == len("Zei Respondent 3")
    # A span that started inside the name now starts at the pseudonym, and one that ended inside ends after it.
    assert rewritten.offset(8) == 4
    assert rewritten.offset(8, end=True) == len("Zei Respondent 3")
    tail = text.index("ja")
    assert rewritten.text[rewritten.offset(tail):rewritten.offset(tail + 2, end=True)] == "ja"


def test_an_empty_register_changes_nothing():
    replacer = Replacer([])
    assert replacer.empty
    assert replacer.text("Jan de Vries") == "Jan de Vries"
    assert replacer.rewrite("Jan").edits == ()


def test_lower_case_full_names_and_either_apostrophe():
    replacer = Replacer([RegisteredName("Jan de Vries", "Respondent 3"), RegisteredName("Sean O'Brien", "Respondent 5"),
                         RegisteredName("Anna Bakker", "Respondent 6")], ordinary={"bakker"}.__contains__)
    assert replacer.text("notulen: jan de vries en sean o’brien") == "notulen: Respondent 3 en Respondent 5"
    assert replacer.text("O’Brien’s idee") == "Respondent 5’s idee"
    # A derived surname that is an ordinary word is the name only when capitalised.
    assert replacer.text("de bakker en Bakker") == "de bakker en Respondent 6"
