"""The codebook records: GUID and colour rules, walking the tree, the content hash, validation."""

from __future__ import annotations

from dataclasses import replace

import pytest

from workbench.domain.code_description import DescribedFields, pack_description, unpack_description
from workbench.domain.codebook import (
    MAX_DEPTH,
    AutocodeRules,
    Codebook,
    CodeSpec,
    build_tree,
    code_count,
    content_hash,
    find_by_path,
    find_code,
    flatten,
    iter_codes,
    normalise_colour,
    normalise_guid,
    same_guid,
)
from workbench.domain.codebook_checks import check_code, check_codebook, validate_codebook
from workbench.domain.errors import InvalidInput

G = [f"{n:08x}-0000-4000-8000-{n:012x}" for n in range(1, 20)]


def tree() -> Codebook:
    return Codebook(
        title="Test",
        codes=(
            CodeSpec(G[0], "Vertrouwen", "Trust", colour="#1F77B4", children=(
                CodeSpec(G[1], "Ruimte om te falen", shortcut=1),
                CodeSpec(G[2], "Vertrouwen in personen", shortcut=2),
            )),
            CodeSpec(G[3], "Financiering", codable=False, children=(
                CodeSpec(G[4], "Subsidie", children=(CodeSpec(G[5], "Eén jaar"),)),
            )),
        ),
    )


@pytest.mark.parametrize("raw", [
    "5215cc69-b628-4e02-afb9-9beeaee55808",
    "5215CC69-B628-4E02-AFB9-9BEEAEE55808",
    "{5215cc69-b628-4e02-afb9-9beeaee55808}",
    "  {5215CC69-b628-4E02-afb9-9BEEAEE55808} ",
])
def test_guids_are_compared_without_case_or_braces(raw):
    assert normalise_guid(raw) == "5215cc69-b628-4e02-afb9-9beeaee55808"
    assert same_guid(raw, "{5215CC69-B628-4E02-AFB9-9BEEAEE55808}")


@pytest.mark.parametrize("raw", ["", "5215cc69", "{5215cc69-b628-4e02-afb9-9beeaee55808",
                                 "5215cc69-b628-4e02-afb9-9beeaee5580g", "not a guid"])
def test_malformed_guids_are_not_guids(raw):
    assert normalise_guid(raw) is None
    assert not same_guid(raw, raw)


def test_hex_ascii_guids_that_are_not_rfc4122_are_accepted():
    # NVivo for Mac writes GUIDs like this one.
    assert normalise_guid("34653336-3766-3235-6466-363134396437") == "34653336-3766-3235-6466-363134396437"


@pytest.mark.parametrize("raw, expected", [
    ("#1f77b4", "#1F77B4"), ("#F0A", "#FF00AA"), ("#FF33CC33", "#33CC33"), (" #abc ", "#AABBCC"),
    ("#12345", None), ("red", None), ("", None), ("#GGGGGG", None),
])
def test_colours_are_normalised_to_rrggbb(raw, expected):
    assert normalise_colour(raw) == expected


def test_iter_codes_walks_parents_before_children_with_paths():
    placed = list(iter_codes(tree().codes))
    assert [p.path_text for p in placed] == [
        "Vertrouwen", "Vertrouwen/Ruimte om te falen", "Vertrouwen/Vertrouwen in personen",
        "Financiering", "Financiering/Subsidie", "Financiering/Subsidie/Eén jaar",
    ]
    assert placed[2].parent_guid == G[0] and placed[2].position == 1
    assert placed[5].index_path == (1, 0, 0)


def test_find_by_guid_and_by_path():
    codebook = tree()
    assert find_code(codebook, G[5].upper()).path_text == "Financiering/Subsidie/Eén jaar"
    assert find_by_path(codebook, "financiering/subsidie").spec.guid == G[4]
    assert find_code(codebook, G[18]) is None
    assert code_count(codebook) == 6


def test_flatten_and_build_tree_give_back_the_same_tree():
    codebook = tree()
    nodes = flatten(codebook)
    assert [n.spec.children for n in nodes] == [()] * 6
    assert build_tree(reversed(nodes)) == codebook.codes


def test_content_hash_follows_the_codes_not_the_title():
    codebook = tree()
    assert content_hash(codebook) == content_hash(replace(codebook, title="Other", authors=("X",)))
    renamed = replace(codebook, codes=(replace(codebook.codes[0], name="Trust"),) + codebook.codes[1:])
    assert content_hash(renamed) != content_hash(codebook)
    swapped = replace(codebook, codes=codebook.codes[::-1])
    assert content_hash(swapped) != content_hash(codebook)
    upper = replace(codebook, codes=(replace(codebook.codes[0], guid=G[0].upper()),) + codebook.codes[1:])
    assert content_hash(upper) == content_hash(codebook)
    assert len(content_hash(codebook)) == 64


def test_a_valid_tree_has_no_problems():
    assert check_codebook(tree()) == []
    validate_codebook(tree())


def _problems(codebook: Codebook) -> list[str]:
    return [p.message for p in check_codebook(codebook)]


def test_each_broken_rule_is_reported_with_the_code_path():
    base = tree()
    trust = base.codes[0]
    cases = {
        "colour": replace(trust, colour="#12"),
        "guid": replace(trust, guid="nope"),
        "name": replace(trust, name=" Vertrouwen"),
        "shortcut": replace(trust, shortcut=12),
    }
    for field, broken in cases.items():
        problems = check_codebook(replace(base, codes=(broken,) + base.codes[1:]))
        assert problems and problems[0].field == field, field
        assert problems[0].index_path == (0,)
        assert "Vertrouwen" in problems[0].message


def test_sibling_names_must_differ_ignoring_case():
    base = tree()
    trust = base.codes[0]
    twin = replace(trust.children[1], name="RUIMTE OM TE FALEN", shortcut=None)
    messages = _problems(replace(base, codes=(replace(trust, children=(trust.children[0], twin)),)
                                 + base.codes[1:]))
    assert any("appears twice under the same parent" in m for m in messages)


def test_same_name_under_different_parents_is_fine():
    base = tree()
    extra = CodeSpec(G[9], "Subsidie")
    trust = replace(base.codes[0], children=base.codes[0].children + (extra,))
    assert check_codebook(replace(base, codes=(trust,) + base.codes[1:])) == []


def test_shortcuts_are_unique_and_only_on_codable_codes():
    base = tree()
    trust = base.codes[0]
    clash = replace(trust, children=(trust.children[0], replace(trust.children[1], shortcut=1)))
    assert any("already has" in m for m in _problems(replace(base, codes=(clash,) + base.codes[1:])))
    category = replace(base.codes[1], shortcut=5)
    assert any("cannot have a shortcut" in m for m in _problems(replace(base, codes=(trust, category))))
    retired = replace(trust, children=(trust.children[0], replace(trust.children[1], shortcut=1, retired=True)))
    assert check_codebook(replace(base, codes=(retired,) + base.codes[1:])) == []


def test_duplicate_guids_and_bad_rules_are_reported():
    base = tree()
    dup = replace(base.codes[1], guid=G[0].upper())
    assert any("same guid" in m for m in _problems(replace(base, codes=(base.codes[0], dup))))
    bad_regex = replace(base.codes[0], rules=AutocodeRules(regexes=("^(wan|ver",)))
    assert any("regular expression" in m for m in _problems(replace(base, codes=(bad_regex,))))
    on_category = replace(base.codes[1], rules=AutocodeRules(keywords_nl=("geld",)))
    assert any("category-only" in m for m in _problems(replace(base, codes=(on_category,))))


def test_trees_deeper_than_the_limit_are_refused():
    spec = CodeSpec(G[0], "leaf")
    for depth in range(MAX_DEPTH + 1):
        spec = CodeSpec(f"{depth:08x}-0000-4000-8000-{depth:012x}", f"level {depth}", children=(spec,))
    assert any("levels deep" in m for m in _problems(Codebook("Deep", codes=(spec,))))


def test_validate_names_the_first_problem_and_counts_the_rest():
    base = tree()
    broken = replace(base.codes[0], colour="blue", guid="x")
    with pytest.raises(InvalidInput, match=r"not valid: .*\(and 1 more problems\)\.$"):
        validate_codebook(replace(base, codes=(broken,) + base.codes[1:]))


def test_check_code_checks_one_code():
    check_code(CodeSpec(G[0], "Goed"))
    with pytest.raises(InvalidInput, match="colour"):
        check_code(CodeSpec(G[0], "Fout", colour="#1234567"))


def test_description_packs_and_unpacks_the_fields():
    fields = DescribedFields(definition="Vertrouwen tussen partners.\n\nOok tussen bewoners.",
                             when_to_use="Als iemand over vertrouwen spreekt.",
                             example='"Ik bel Marieke gewoon."', name_en="Trust")
    text = pack_description(fields)
    assert text.startswith("Vertrouwen tussen partners.")
    assert "\n\nWhen to use: Als iemand" in text and "\n\nEnglish name: Trust" in text
    assert unpack_description(text) == fields


def test_other_programs_descriptions_stay_whole():
    assert unpack_description("thoughts about breakfast foods").definition == "thoughts about breakfast foods"
    odd = "Example: one\n\nExample: two"
    assert unpack_description(odd) == DescribedFields(definition=odd)
    assert unpack_description("") == DescribedFields()
