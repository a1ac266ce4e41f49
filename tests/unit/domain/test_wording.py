"""Shortening labels: cut after a whole word, never inside one."""

from workbench.domain.wording import shortened


def test_a_long_label_is_cut_after_a_whole_word():
    title = "Werkbezoek Het Klooster met de wethouder en bewoners"
    assert shortened(title, 30) == "Werkbezoek Het Klooster met…"
    assert len(shortened(title, 30)) <= 30
    assert shortened("Kort", 30) == "Kort"
    assert shortened("Subsidie, verlengd", 12) == "Subsidie…"


def test_a_first_word_that_does_not_fit_leaves_no_label():
    assert shortened("Wijkondernemingsbijeenkomst", 10) == ""
