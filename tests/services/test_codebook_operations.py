"""Every codebook operation as one unit of work with its event, written back to the YAML file, and undoable."""

from __future__ import annotations

import pytest

from tests.services.codebook_support import add_coding, add_document, codings_of, counts, memo_targets
from workbench.domain.errors import Conflict, InvalidInput, NotFound
from workbench.importers.codebook_yaml import read_codebook_yaml


def file_text(project) -> str:
    return project.codebook.file().read_text(encoding="utf-8")


def paths(project) -> list[str]:
    return [e.path for e in project.codebook.list()]


def test_new_project_has_the_default_codebook_and_its_own_file(project):
    entries = project.codebook.list()
    assert len(entries) == 48
    assert [e.path for e in entries if e.depth == 0][:3] == ["Vertrouwen", "Financiering", "Rollen en taken"]
    own = project.codebook.file()
    if own is not None:
        assert own.name == "samen-creeren-en-floreren.yaml" and own.parent.name == "codebooks"
        assert read_codebook_yaml(own).codebook == project.codebook.codebook()
    # Seeding is not something a first undo takes away.
    with pytest.raises(NotFound):
        project.history.undo()


def test_create_writes_the_file_and_undo_takes_it_back(project):
    before_text, before = file_text(project), paths(project)
    entry = project.codebook.create("Zaalverhuur", parent="Financiering/Huurinkomsten", name_en="Hall rental",
                                    definition="Verhuur van zalen aan clubs en feesten.")
    assert entry.path == "Financiering/Huurinkomsten/Zaalverhuur"
    assert entry.colour == project.codebook.get("Huurinkomsten").colour
    text = file_text(project)
    assert "name: Zaalverhuur" in text and "# ── Financiering / funding" in text
    undone = project.history.undo()
    assert undone.kind == "codebook.create"
    assert paths(project) == before and file_text(project) == before_text
    project.history.redo()
    assert "Financiering/Huurinkomsten/Zaalverhuur" in paths(project)
    assert "name: Zaalverhuur" in file_text(project)


def test_create_is_refused_for_a_taken_name_or_shortcut(project):
    before = counts(project)
    with pytest.raises(Conflict, match="already a code 'Huurinkomsten'"):
        project.codebook.create("huurinkomsten", parent="Financiering")
    with pytest.raises(Conflict, match="Shortcut 1 already belongs"):
        project.codebook.create("Nieuw", shortcut=1)
    with pytest.raises(InvalidInput, match="not a colour"):
        project.codebook.create("Nieuw", colour="blauw")
    assert counts(project) == before


def test_rename_keeps_guid_comments_and_can_be_undone(project):
    guid = project.codebook.get("Vertrouwen").guid
    entry = project.codebook.rename("Vertrouwen", "Vertrouwen en wantrouwen", name_en="Trust and distrust")
    assert entry.guid == guid and entry.name_en == "Trust and distrust"
    assert project.codebook.get("Vertrouwen en wantrouwen/Ruimte om te falen").shortcut == 2
    text = file_text(project)
    assert "    name: Vertrouwen en wantrouwen\n    name_en: Trust and distrust\n" in text
    assert "# ── Vertrouwen / trust" in text
    project.history.undo()
    assert project.codebook.get(guid).name == "Vertrouwen"
    with pytest.raises(Conflict, match="already a code"):
        project.codebook.rename("Vertrouwen/Ruimte om te falen", "vertrouwen in personen")


def test_recolour_follows_inheriting_sub_codes_and_undo(project):
    parent = project.codebook.create("Thema", colour="#101010")
    child = project.codebook.create("Sub", parent="Thema")
    assert child.colour == "#101010"
    project.codebook.recolour("Thema", "#abc")
    assert project.codebook.get("Thema").colour == "#AABBCC"
    assert project.codebook.get("Thema/Sub").colour == "#AABBCC"
    assert 'colour: "#AABBCC"' in file_text(project)
    project.history.undo()
    assert project.codebook.get(parent.guid).colour == "#101010"
    assert project.codebook.get(child.guid).colour == "#101010"


def test_reorder_and_undo(project):
    project.codebook.reorder("Financiering/Preventiebudgetten", 1)
    names = [e.name for e in project.codebook.list() if e.parent_path == "Financiering"]
    assert names[0] == "Preventiebudgetten" and names[1] == "Subsidie voor één jaar"
    lines = file_text(project).splitlines()
    assert lines.index("      - guid: " + project.codebook.get("Preventiebudgetten").guid) < lines.index(
        "      - guid: " + project.codebook.get("Subsidie voor één jaar").guid)
    project.history.undo()
    names = [e.name for e in project.codebook.list() if e.parent_path == "Financiering"]
    assert names[0] == "Subsidie voor één jaar"


def test_move_with_sub_codes_and_undo(project):
    project.codebook.create("Kippen", parent="Vertrouwen/Ruimte om te falen")
    moved = project.codebook.move("Vertrouwen/Ruimte om te falen", "Tijd, ruimte en loslaten", position=1)
    assert moved.path == "Tijd, ruimte en loslaten/Ruimte om te falen" and moved.position == 0
    assert "Tijd, ruimte en loslaten/Ruimte om te falen/Kippen" in paths(project)
    assert project.codebook.file() is None or "Ruimte om te falen" in file_text(project)
    with pytest.raises(Conflict, match="itself or one of its own sub-codes"):
        project.codebook.move("Tijd, ruimte en loslaten", "Tijd, ruimte en loslaten/Ruimte om te falen/Kippen")
    project.history.undo()
    assert "Vertrouwen/Ruimte om te falen/Kippen" in paths(project)
    top = project.codebook.move("Vertrouwen/Ruimte om te falen", None)
    assert top.path == "Ruimte om te falen" and top.depth == 0


def test_merge_moves_codings_collapses_duplicates_and_undo_restores(project):
    doc = add_document(project)
    add_coding(project, doc, "Vertrouwen in personen", 40, 88)
    add_coding(project, doc, "Vertrouwen in personen", 89, 140)
    add_coding(project, doc, "Vertrouwen tussen gemeente en wijkonderneming", 40, 88, memo="dubbel")
    add_coding(project, doc, "Vertrouwen tussen gemeente en wijkonderneming", 0, 38, coder="bram")
    source_guid = project.codebook.get("Vertrouwen tussen gemeente en wijkonderneming").guid
    result = project.codebook.merge("Vertrouwen tussen gemeente en wijkonderneming", "Vertrouwen in personen")
    assert (result.moved, result.collapsed) == (1, 1)
    assert result.target.codings == 3
    assert codings_of(project, "Vertrouwen in personen") == [(doc, 0, 38, "applied"), (doc, 40, 88, "applied"),
                                                             (doc, 89, 140, "applied")]
    assert None not in memo_targets(project)  # the duplicate's memo followed the coding it collapsed into
    assert source_guid not in file_text(project)
    with pytest.raises(NotFound):
        project.codebook.get(source_guid)
    project.history.undo()
    assert codings_of(project, source_guid) == [(doc, 0, 38, "applied"), (doc, 40, 88, "applied")]
    assert codings_of(project, "Vertrouwen in personen") == [(doc, 40, 88, "applied"), (doc, 89, 140, "applied")]
    assert source_guid in file_text(project)


def test_merge_refusals(project):
    with pytest.raises(InvalidInput, match="into itself"):
        project.codebook.merge("Vertrouwen", "Vertrouwen")
    with pytest.raises(Conflict, match="lies inside"):
        project.codebook.merge("Vertrouwen", "Vertrouwen/Ruimte om te falen")
    doc = add_document(project)
    add_coding(project, doc, "Hoogtepunt", 0, 10)
    with pytest.raises(Conflict, match="category-only"):
        project.codebook.merge("Hoogtepunt", "Leergeschiedenis")


def test_split_moves_a_chosen_subset_and_undo(project):
    doc = add_document(project)
    keep = add_coding(project, doc, "Subsidie voor één jaar", 0, 38)
    away = add_coding(project, doc, "Subsidie voor één jaar", 89, 140)
    result = project.codebook.split("Subsidie voor één jaar", "Jaarlijkse aanvraag", [away], name_en="Annual application")
    assert result.moved == 1
    assert result.new.path == "Financiering/Jaarlijkse aanvraag"
    assert result.new.position == result.source.position + 1
    assert codings_of(project, "Jaarlijkse aanvraag") == [(doc, 89, 140, "applied")]
    assert codings_of(project, "Subsidie voor één jaar") == [(doc, 0, 38, "applied")]
    with pytest.raises(InvalidInput, match=f"Coding {keep} is not coded with"):
        project.codebook.split("Jaarlijkse aanvraag", "Nog een", [keep])
    with pytest.raises(NotFound, match="no coding 999999"):
        project.codebook.split("Subsidie voor één jaar", "Nog een", [999999])
    project.history.undo()
    assert "Financiering/Jaarlijkse aanvraag" not in paths(project)
    assert codings_of(project, "Subsidie voor één jaar") == [(doc, 0, 38, "applied"), (doc, 89, 140, "applied")]


def test_delete_is_refused_while_codings_exist_until_merged_away(project):
    doc = add_document(project)
    add_coding(project, doc, "Kijkgroen", 0, 10)
    add_coding(project, doc, "Kijkgroen", 20, 30, status="suggested")
    before = counts(project)
    with pytest.raises(Conflict, match="still has 1 coding; merge them"):
        project.codebook.delete("Kijkgroen")
    with pytest.raises(Conflict, match="has sub-codes"):
        project.codebook.delete("Openbaar groen")
    assert counts(project) == before
    project.codebook.merge("Kijkgroen", "Gebruiksgroen")
    assert project.codebook.get("Gebruiksgroen").codings == 1
    project.history.undo()
    empty = project.codebook.create("Leeg", parent="Openbaar groen")
    deleted = project.codebook.delete(empty.guid)
    assert deleted.path == "Openbaar groen/Leeg"
    project.history.undo()
    assert project.codebook.get(empty.guid).path == "Openbaar groen/Leeg"


def test_delete_takes_suggestions_along_and_undo_brings_them_back(project):
    doc = add_document(project)
    add_coding(project, doc, "Loslaten", 0, 10, status="suggested")
    guid = project.codebook.get("Loslaten").guid
    assert project.codebook.delete("Loslaten").suggestions == 1
    project.history.undo()
    assert codings_of(project, guid) == [(doc, 0, 10, "suggested")]


def test_retire_and_restore(project):
    retired = project.codebook.retire("Vertrouwen in personen")
    assert retired.retired and retired.shortcut is None
    assert "retired: true" in file_text(project)
    assert "Vertrouwen/Vertrouwen in personen" not in [e.path for e in project.codebook.list(include_retired=False)]
    with pytest.raises(Conflict, match="already retired"):
        project.codebook.retire("Vertrouwen in personen")
    project.history.undo()
    entry = project.codebook.get("Vertrouwen in personen")
    assert not entry.retired and entry.shortcut == 1
    project.codebook.retire("Vertrouwen in personen")
    assert not project.codebook.retire("Vertrouwen in personen", retired=False).retired


def test_edit_fields_and_rules(project):
    entry = project.codebook.edit("Huurinkomsten", definition="Inkomsten uit verhuur.", shortcut=None,
                                  rules={"keywords_nl": ("zaalverhuur",), "regexes": ("^verhuur",)})
    assert entry.definition == "Inkomsten uit verhuur." and entry.shortcut is None
    assert entry.rules["keywords_nl"] == ["zaalverhuur"]
    with pytest.raises(InvalidInput, match="regular expression"):
        project.codebook.edit("Huurinkomsten", rules={"regexes": ("^(verhuur",)})
    with pytest.raises(InvalidInput, match="category-only"):
        project.codebook.edit("Leergeschiedenis", shortcut=4)
    project.history.undo()
    assert project.codebook.get("Huurinkomsten").shortcut == 4


def test_history_of_a_code_lists_its_changes(project):
    project.codebook.rename("Loslaten", "Los laten")
    project.codebook.recolour("Los laten", "#000000")
    project.history.undo()
    entries = project.codebook.history("Los laten")
    assert [e.kind for e in entries] == ["codebook.recolour", "codebook.rename", "codebook.load"]
    assert entries[0].undone and not entries[1].undone
    assert "name: 'Loslaten' -> 'Los laten'" in entries[1].details
    guid = project.codebook.get("Los laten").guid
    project.codebook.delete(guid)
    assert project.codebook.history(guid)[0].kind == "codebook.delete"


def test_unknown_codes_are_named_with_a_hint(project):
    with pytest.raises(NotFound, match="no code 'Vertrouwn' \\(did you mean 'Vertrouwen'\\?\\)"):
        project.codebook.get("Vertrouwn")
