"""Writing codebook YAML: new files, and changes written back keeping comments, order and quoting."""

from __future__ import annotations

import difflib
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from workbench.domain.codebook import AutocodeRules, Codebook, CodeSpec, find_code
from workbench.domain.errors import InvalidInput
from workbench.exporters.codebook_yaml import (
    apply_codebook,
    codebook_yaml_text,
    dump_document,
    write_codebook_yaml,
)
from workbench.services.codebook_file import update_codebook_yaml
from workbench.importers.codebook_yaml import CodebookFileError, parse_codebook_yaml, read_codebook_yaml

REPO = Path(__file__).resolve().parents[3]
DATA = REPO / "tests" / "data" / "codebook"
DEFAULT = REPO / "codebooks" / "samen-creeren-en-floreren.yaml"
NEW_GUID = "0f0e0d0c-0b0a-4909-8807-060504030201"


def _changed(path: Path, change) -> tuple[str, str, Codebook]:
    """Apply `change(codebook) -> codebook` to the file's document; return old text, new text, new tree."""
    original = path.read_text(encoding="utf-8")
    loaded = parse_codebook_yaml(original)
    codebook = change(loaded.codebook)
    apply_codebook(loaded.document, codebook)
    return original, dump_document(loaded.document), codebook


def _diff(old: str, new: str) -> list[str]:
    return [line for line in difflib.ndiff(old.splitlines(), new.splitlines()) if line[:1] in "+-"]


@pytest.mark.parametrize("path", [DATA / "small.yaml", DEFAULT], ids=["small", "default"])
def test_unchanged_tree_writes_back_byte_for_byte(path):
    original, text, _codebook = _changed(path, lambda cb: cb)
    assert text == original


def test_rename_touches_one_line_and_keeps_its_comment():
    def rename(cb):
        trust = cb.codes[0]
        return replace(cb, codes=(replace(trust, name="Vertrouwen en wantrouwen"),) + cb.codes[1:])

    original, text, codebook = _changed(DATA / "small.yaml", rename)
    assert _diff(original, text) == [
        "-     name: Vertrouwen  # the main theme",
        "+     name: Vertrouwen en wantrouwen # the main theme",
    ]
    assert parse_codebook_yaml(text).codebook == codebook


def test_recolour_and_new_fields_go_in_their_place():
    def edit(cb):
        falen = cb.codes[0].children[0]
        falen = replace(falen, colour="#FF0000", when_to_use="Als het misging en de buurt hielp.",
                        rules=AutocodeRules(keywords_nl=("kwetsbare kip",)))
        trust = replace(cb.codes[0], children=(falen,) + cb.codes[0].children[1:])
        return replace(cb, codes=(trust,) + cb.codes[1:])

    original, text, codebook = _changed(DATA / "small.yaml", edit)
    assert _diff(original, text) == [
        '-         colour: "#08519C"',
        '+         colour: "#FF0000"',
        "+         when_to_use: Als het misging en de buurt hielp.",
        "+         rules:",
        "+           keywords_nl: [kwetsbare kip]",
    ]
    lines = text.splitlines()
    assert lines.index("        when_to_use: Als het misging en de buurt hielp.") < lines.index(
        '        example: "Het ging mis met de kippen, en toen hielp de hele straat."')
    assert parse_codebook_yaml(text).codebook == codebook


def test_removing_values_removes_their_keys():
    def edit(cb):
        subsidie = replace(cb.codes[1].children[0], shortcut=None, rules=AutocodeRules(lemmas=("subsidie",)))
        return replace(cb, codes=(cb.codes[0], replace(cb.codes[1], children=(subsidie,))))

    original, text, codebook = _changed(DATA / "small.yaml", edit)
    assert _diff(original, text) == ["-         shortcut: 2", '-           keywords_nl: [subsidie, "elk jaar"]']
    assert parse_codebook_yaml(text).codebook == codebook


def test_reordered_themes_take_their_comments_along():
    original, text, codebook = _changed(DATA / "small.yaml", lambda cb: replace(cb, codes=cb.codes[::-1]))
    lines = text.splitlines()
    first = lines.index("  # ── second theme ──")
    assert lines[first + 1] == "  - guid: 8d406f51-be70-4192-8d3e-4f5a6b7c8d9e"
    second = lines.index("  # ── first theme ──")
    assert lines[second + 1] == "  - guid: 5a1f3c2e-8b4d-4e6f-9a0b-1c2d3e4f5a6b"
    assert second > first
    assert lines[-1] == "# end of the codebook"
    assert text.startswith("# A small codebook used by the tests.\n# It keeps comments")
    assert "name: Vertrouwen  # the main theme" in text
    assert parse_codebook_yaml(text).codebook == codebook


def test_move_and_new_child_under_a_leaf_keep_the_theme_comment_in_front_of_its_theme():
    def edit(cb):
        trust, funding = cb.codes
        moved = trust.children[1]
        subsidie = replace(funding.children[0], children=(
            CodeSpec(NEW_GUID, "Meerjarige afspraak", "Multi-year agreement",
                     definition="Een afspraak over financiering voor meer dan een jaar, zodat de "
                                "wijkonderneming verder kan plannen dan de volgende aanvraag."),))
        return replace(cb, codes=(
            replace(trust, children=trust.children[:1]),
            replace(funding, children=(subsidie, moved)),
        ))

    original, text, codebook = _changed(DATA / "small.yaml", edit)
    lines = text.splitlines()
    theme = lines.index("  # ── second theme ──")
    assert lines[theme + 1] == "  - guid: 8d406f51-be70-4192-8d3e-4f5a6b7c8d9e"
    assert "            definition: >-" in lines
    assert lines[-1] == "# end of the codebook"
    assert parse_codebook_yaml(text).codebook == codebook
    assert find_code(codebook, NEW_GUID).path_text == "Financiering/Subsidie voor één jaar/Meerjarige afspraak"


def test_deleting_a_code_removes_it_from_the_file():
    def edit(cb):
        trust = cb.codes[0]
        return replace(cb, codes=(replace(trust, children=trust.children[:1]),) + cb.codes[1:])

    original, text, codebook = _changed(DATA / "small.yaml", edit)
    assert "Vertrouwen in personen" not in text
    assert "  # ── second theme ──" in text
    assert parse_codebook_yaml(text).codebook == codebook


def test_changes_to_the_default_codebook_read_back_equal():
    def edit(cb):
        codes = list(cb.codes)
        codes[0], codes[1] = codes[1], codes[0]
        codes[2] = replace(codes[2], name="Rollen", definition="Wie wat doet.\nOok in de wijk.")
        return replace(cb, codes=tuple(codes), version="1.1", authors=cb.authors + ("C. Nieuw",))

    original, text, codebook = _changed(DEFAULT, edit)
    assert parse_codebook_yaml(text).codebook == codebook
    assert text.count("# ──") == original.count("# ──")
    assert '    definition: |\n      Wie wat doet.\n      Ook in de wijk.\n' in text


def test_new_file_reads_back_the_same_codebook(tmp_path):
    codebook = read_codebook_yaml(DEFAULT).codebook
    path = tmp_path / "codebooks" / "copy.yaml"
    write_codebook_yaml(codebook, path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Codebook of the workbench")
    assert read_codebook_yaml(path).codebook == codebook
    assert max(len(line) for line in text.splitlines() if "definition" not in line) < 400


def test_new_file_for_a_minimal_codebook():
    text = codebook_yaml_text(Codebook("Leeg", codes=(CodeSpec(NEW_GUID, "Eén"),)))
    assert "title: Leeg\ncodes:\n  - guid: 0f0e0d0c-0b0a-4909-8807-060504030201\n    name: Eén\n" in text


def test_update_writes_the_file_in_place_keeping_comments(tmp_path):
    path = tmp_path / "small.yaml"
    shutil.copy(DATA / "small.yaml", path)
    codebook = read_codebook_yaml(path).codebook
    changed = replace(codebook, codes=(replace(codebook.codes[0], colour="#000000"),) + codebook.codes[1:])
    text = update_codebook_yaml(path, changed)
    assert path.read_text(encoding="utf-8") == text
    assert "# ── first theme ──" in text and 'colour: "#000000"' in text
    assert read_codebook_yaml(path).codebook == changed
    assert [p.name for p in tmp_path.iterdir()] == ["small.yaml"]


def test_update_refuses_a_file_broken_since_it_was_loaded(tmp_path):
    path = tmp_path / "small.yaml"
    shutil.copy(DATA / "small.yaml", path)
    codebook = read_codebook_yaml(path).codebook
    path.write_text(path.read_text(encoding="utf-8") + "extra: true\n", encoding="utf-8")
    with pytest.raises(CodebookFileError, match="unknown key 'extra'"):
        update_codebook_yaml(path, codebook)


def test_unwritable_place_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(InvalidInput, match="cannot be written"):
        write_codebook_yaml(Codebook("T", codes=(CodeSpec(NEW_GUID, "A"),)), blocker / "c.yaml")


def test_indentation_of_the_file_is_kept(tmp_path):
    text = ("title: T\ncodes:\n- guid: 5a1f3c2e-8b4d-4e6f-9a0b-1c2d3e4f5a6b\n  name: A\n  codes:\n"
            "  - guid: 6b2e4d3f-9c5e-4f70-8b1c-2d3e4f5a6b7c\n    name: B\n")
    path = tmp_path / "flat.yaml"
    path.write_text(text, encoding="utf-8")
    codebook = read_codebook_yaml(path).codebook
    new = update_codebook_yaml(path, replace(codebook, codes=(replace(codebook.codes[0], name="A2"),)))
    assert new == text.replace("name: A\n", "name: A2\n")
