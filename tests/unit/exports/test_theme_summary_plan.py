"""The theme summary's content before typesetting: quote choice, dates, attributions, counts."""

from __future__ import annotations

import datetime as dt

from workbench.domain.codings import Fragment
from workbench.domain.exports import CodeInfo, FragmentSet, ThemeOptions
from workbench.domain.theme_summary import choose_quotes, default_attribute, long_date, plan_summary


def _fragment(number: int, document: int, code: str, text: str, organisation: str = "gemeente") -> Fragment:
    return Fragment(coding_id=number, document_id=document, document=f"Interview {document}", code=code,
                    coder="anna", start=number * 100, end=number * 100 + len(text), text=text, context_start=0,
                    context_end=0, context=text, speaker="Respondent" if document != 3 else None,
                    t_start=754.0 if number == 1 else None, t_end=None, status="applied", memo="",
                    attributes={"organisatie": organisation, "datum": dt.date(2024, 10, 8)})


FRAGMENTS = [
    _fragment(1, 1, "Vertrouwen/Personen", "kort"),
    _fragment(2, 1, "Vertrouwen/Personen", "een veel langere uitspraak over vertrouwen"),
    _fragment(3, 1, "Vertrouwen/Personen", "middellang citaat"),
    _fragment(4, 2, "Vertrouwen/Personen", "uit het tweede interview", "corporatie"),
    _fragment(5, 3, "Vertrouwen", "over vertrouwen in het algemeen", "wijkonderneming"),
]


def test_quotes_spread_over_documents_longest_or_first():
    own = FRAGMENTS[:4]
    assert [f.coding_id for f in choose_quotes(own, 2, "spread")] == [2, 4]
    assert [f.coding_id for f in choose_quotes(own, 2, "longest")] == [2, 4]
    assert [f.coding_id for f in choose_quotes(own, 3, "spread")] == [2, 3, 4]
    assert [f.coding_id for f in choose_quotes(own, 2, "first")] == [1, 2]
    assert choose_quotes(own, None, "spread") == own


def test_dates_in_the_projects_language():
    assert long_date(dt.date(2024, 10, 8), "nl") == "8 oktober 2024"
    assert long_date(dt.date(2024, 10, 8), "en") == "8 October 2024"
    assert long_date(None, "nl") == ""


def test_plan_counts_include_sub_codes_and_attributions_read_naturally():
    codes = (CodeInfo("Vertrouwen", "Vertrouwen", 0, "#1F77B4", definition="Vertrouwen."),
             CodeInfo("Vertrouwen/Personen", "Personen", 1, "#2C7FB8"))
    data = FragmentSet(project="P", fragments=tuple(FRAGMENTS), codes=codes,
                       attribute_names=("datum", "organisatie"), language="nl", exported_at="2024-11-02 10:00")
    assert default_attribute(data) == "organisatie"
    plan = plan_summary(data, {1: dt.date(2024, 10, 8)}, ThemeOptions())
    top, sub = plan.sections
    assert (top.level, top.total.fragments, top.total.documents, top.has_children) == (1, 5, 3, True)
    assert [(r.label, r.fragments) for r in top.counts] == [("corporatie", 1), ("gemeente", 3), ("wijkonderneming", 1)]
    assert plan.values == ("corporatie", "gemeente", "wijkonderneming")
    first_quote = sub.groups[0][1][0]
    assert first_quote.attribution == "Interview 1, Respondent, gemeente, 8 oktober 2024, 00:12:34"
    assert top.groups[0][1][0].attribution == "Interview 3, wijkonderneming"
    assert plan.facts[0] == ("Datum", "2 november 2024")


def test_overlapping_codings_are_one_quote_naming_its_coders_with_the_memos_beside_it():
    bram = Fragment(coding_id=9, document_id=1, document="Interview 1", code="Vertrouwen/Personen", coder="bram",
                    start=102, end=150, text="x" * 48, context_start=102, context_end=150, context="x" * 48,
                    speaker="Respondent", t_start=None, t_end=None, status="applied", memo="Sterk citaat.",
                    attributes={"organisatie": "gemeente", "datum": dt.date(2024, 10, 8)})
    codes = (CodeInfo("Vertrouwen", "Vertrouwen", 0, "#1F77B4"),
             CodeInfo("Vertrouwen/Personen", "Personen", 1, "#2C7FB8"))
    data = FragmentSet(project="P", fragments=tuple(FRAGMENTS), codes=codes, codings=(*FRAGMENTS, bram),
                       attribute_names=("organisatie",), language="nl", document_memos={1: ("Gesprek in de kantine.",)})
    options = ThemeOptions(group_by="attribute")
    top, sub = plan_summary(data, {}, options).sections
    assert (top.total.fragments, sub.total.fragments, sub.available) == (5, 4, 4)
    quotes = [quote for _group, found in sub.groups for quote in found]
    joined = next(q for q in quotes if q.start == 100)
    assert joined.coders == ("anna", "bram") and joined.memos == ("bram: Sterk citaat.",)
    assert joined.attribution.startswith("Interview 1, Respondent, gemeente")
    assert [q.document_memos for q in quotes if q.document_id == 1] == [("Gesprek in de kantine.",), (), ()]
