"""Differences between two versions of a codebook, matched by GUID."""

from __future__ import annotations

from dataclasses import replace

from workbench.domain.codebook import AutocodeRules, Codebook, CodeSpec
from workbench.domain.codebook_diff import diff_codebooks

G = [f"{n:08x}-0000-4000-8000-{n:012x}" for n in range(1, 20)]


def old() -> Codebook:
    return Codebook("Oud", codes=(
        CodeSpec(G[0], "Vertrouwen", "Trust", definition="Tussen partners.", colour="#1F77B4", children=(
            CodeSpec(G[1], "Ruimte om te falen"),
            CodeSpec(G[2], "Vertrouwen in personen"),
            CodeSpec(G[3], "Wantrouwen"),
        )),
        CodeSpec(G[4], "Financiering", children=(CodeSpec(G[5], "Subsidie"),)),
        CodeSpec(G[6], "Groen"),
    ))


def kinds(diff) -> set[tuple[str, str]]:
    return {(c.kind, c.path) for c in diff.changes}


def test_identical_codebooks_have_no_changes():
    diff = diff_codebooks(old(), replace(old(), title="Nieuw"))
    assert diff.empty and diff.old_hash == diff.new_hash


def test_added_and_removed_codes():
    before = old()
    after = replace(before, codes=before.codes[:2] + (CodeSpec(G[9], "Impact meten"),))
    diff = diff_codebooks(before, after)
    assert kinds(diff) == {("added", "Impact meten"), ("removed", "Groen")}
    assert diff.old_hash != diff.new_hash


def test_renamed_code_and_its_children_keep_their_identity():
    before = old()
    after = replace(before, codes=(replace(before.codes[0], name="Vertrouwen en wantrouwen"),)
                    + before.codes[1:])
    diff = diff_codebooks(before, after)
    renamed = diff.of_kind("renamed")
    assert len(renamed) == 1 and renamed[0].guid == G[0]
    assert renamed[0].old_path == "Vertrouwen" and renamed[0].path == "Vertrouwen en wantrouwen"
    assert renamed[0].details[0].field == "name"
    assert not diff.of_kind("added") and not diff.of_kind("removed") and not diff.of_kind("moved")


def test_moved_code_names_old_and_new_parent():
    before = old()
    trust, funding = before.codes[0], before.codes[1]
    falen = trust.children[0]
    after = replace(before, codes=(
        replace(trust, children=trust.children[1:]),
        replace(funding, children=funding.children + (falen,)),
        before.codes[2],
    ))
    moved = diff_codebooks(before, after).of_kind("moved")
    assert len(moved) == 1
    assert moved[0].path == "Financiering/Ruimte om te falen"
    assert moved[0].old_path == "Vertrouwen/Ruimte om te falen"
    assert (moved[0].details[0].old, moved[0].details[0].new) == ("Vertrouwen", "Financiering")


def test_reordering_marks_only_the_code_that_moved_among_its_siblings():
    before = old()
    trust = before.codes[0]
    a, b, c = trust.children
    after = replace(before, codes=(replace(trust, children=(a, c, b)),) + before.codes[1:])
    reordered = diff_codebooks(before, after).of_kind("reordered")
    assert len(reordered) == 1
    # Inserting a code before others does not count as reordering them.
    inserted = replace(before, codes=(CodeSpec(G[10], "Nieuw"),) + before.codes)
    assert not diff_codebooks(before, inserted).of_kind("reordered")


def test_redefined_recoloured_retired_and_changed():
    before = old()
    trust = before.codes[0]
    after = replace(before, codes=(
        replace(trust, definition="Tussen partners en bewoners.", example="Ik bel haar gewoon.",
                colour="#08519c", shortcut=3, rules=AutocodeRules(keywords_nl=("vertrouwen",))),
        before.codes[1],
        replace(before.codes[2], retired=True),
    ))
    diff = diff_codebooks(before, after)
    redefined = diff.of_kind("redefined")[0]
    assert {d.field for d in redefined.details} == {"definition", "example"}
    assert diff.of_kind("recoloured")[0].details[0].new == "#08519C"
    assert diff.of_kind("retired")[0].path == "Groen"
    changed = diff.of_kind("changed")[0]
    assert {d.field for d in changed.details} == {"shortcut", "rules"}


def test_same_colour_in_other_case_and_guid_case_are_no_change():
    before = old()
    after = replace(before, codes=(replace(before.codes[0], colour="#1f77b4", guid=G[0].upper()),)
                    + before.codes[1:])
    assert diff_codebooks(before, after).empty
