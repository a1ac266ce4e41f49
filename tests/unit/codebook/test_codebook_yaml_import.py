"""Reading codebook YAML: the format, the default codebook, each error with its line, hostile files."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from workbench.domain.codebook import iter_codes, normalise_guid
from workbench.domain.errors import ImportFailed
from workbench.importers.codebook_yaml import CodebookFileError, parse_codebook_yaml, read_codebook_yaml

REPO = Path(__file__).resolve().parents[3]
DATA = REPO / "tests" / "data" / "codebook"
DEFAULT = REPO / "codebooks" / "samen-creeren-en-floreren.yaml"


def test_small_codebook_reads_into_the_tree():
    codebook = read_codebook_yaml(DATA / "small.yaml").codebook
    assert (codebook.title, codebook.version, codebook.authors) == ("Kleine test", "0.3", ("A. Onderzoeker", "B. Codeur"))
    paths = [p.path_text for p in iter_codes(codebook.codes)]
    assert paths == ["Vertrouwen", "Vertrouwen/Ruimte om te falen", "Vertrouwen/Vertrouwen in personen",
                     "Financiering", "Financiering/Subsidie voor één jaar"]
    trust = codebook.codes[0]
    assert trust.definition == "Vertrouwen tussen gemeente en wijkonderneming, en tussen bewoners onderling."
    assert trust.rules.keywords_nl == ("vertrouwen", "korte lijntjes")
    assert trust.rules.regexes == ("^(wan|ver)trouw",)
    assert trust.children[0].shortcut == 1 and trust.children[0].example.startswith("Het ging mis")
    assert codebook.codes[1].codable is False
    assert codebook.codes[1].children[0].rules.lemmas == ("subsidie",)


class TestDefaultCodebook:
    """The codebook every new project starts with, written from the project's own themes."""

    @pytest.fixture(scope="class")
    def codebook(self):
        return read_codebook_yaml(DEFAULT).codebook

    def test_has_the_three_named_themes_with_at_least_three_sub_codes(self, codebook):
        themes = {c.name_en: c for c in codebook.codes}
        for english in ("Trust", "Funding", "Roles and tasks"):
            assert len(themes[english].children) >= 3, english
        assert themes["Trust"].name == "Vertrouwen" and themes["Funding"].name == "Financiering"

    def test_has_the_further_themes_of_the_project(self, codebook):
        names = {c.name for c in codebook.codes}
        for theme in ("Fysieke plek", "Borging", "Regelgeving en beleid", "Tijd, ruimte en loslaten",
                      "Openbaar groen", "Impact meten"):
            assert theme in names

    def test_project_concerns_are_codes(self, codebook):
        english = {p.spec.name_en for p in iter_codes(codebook.codes)}
        for concern in ("Trust resting on persons", "Room to fail", "One-year subsidies", "Rental income",
                        "Prevention budgets", "The founder's role", "Residents carrying the place",
                        "Formal–informal tension", "Dependence on persons"):
            assert concern in english

    def test_every_code_is_bilingual_defined_and_codable_ones_have_keywords(self, codebook):
        for placed in iter_codes(codebook.codes):
            spec = placed.spec
            assert spec.name and spec.name_en and spec.definition, placed.path_text
            assert normalise_guid(spec.guid) == spec.guid
            if spec.codable:
                assert spec.rules.keywords_nl and spec.rules.keywords_en, placed.path_text

    def test_keywords_match_dutch_interview_sentences(self, codebook):
        by_name = {p.spec.name: p.spec for p in iter_codes(codebook.codes)}
        sentences = {
            "Vertrouwen in personen": "Met de gemeente zijn de lijntjes kort, dat gaat via persoonlijk contact.",
            "Subsidie voor één jaar": "Elk jaar is het weer afwachten of de subsidie doorgaat.",
            "Huurinkomsten": "We draaien eigenlijk alleen op de zaalverhuur.",
            "Rol van de initiatiefnemer": "Zij is echt de kartrekker van het hele verhaal.",
        }
        for name, sentence in sentences.items():
            rules = by_name[name].rules
            lowered = sentence.lower()
            words = re.findall(r"\w+", lowered)
            hit = any(k.lower() in lowered for k in rules.keywords_nl) or any(
                re.search(r, w) for r in rules.regexes for w in words)
            assert hit, name

    def test_trust_regex_catches_both_trust_and_distrust(self, codebook):
        trust = next(c for c in codebook.codes if c.name == "Vertrouwen")
        assert "^(wan|ver)trouw" in trust.rules.regexes

    def test_shortcuts_one_to_nine_are_all_used_once(self, codebook):
        shortcuts = [p.spec.shortcut for p in iter_codes(codebook.codes) if p.spec.shortcut]
        assert sorted(shortcuts) == list(range(1, 10))

    def test_has_a_category_only_group(self, codebook):
        assert any(not c.codable and c.children for c in codebook.codes)


def _error(text: str) -> CodebookFileError:
    with pytest.raises(CodebookFileError) as caught:
        parse_codebook_yaml(textwrap.dedent(text), "test.yaml")
    return caught.value


HEAD = """\
title: T
codes:
  - guid: 5a1f3c2e-8b4d-4e6f-9a0b-1c2d3e4f5a6b
    name: Vertrouwen
"""


@pytest.mark.parametrize("extra, line, words", [
    ('    colour: "#12345"\n', 5, "#RRGGBB"),
    ("    colour: #1F77B4\n", 5, "must be in quotes"),
    ("    shortcut: 0\n", 5, "from 1 to 9"),
    ('    shortcut: "3"\n', 5, "from 1 to 9"),
    ("    codable: yes\n", 5, "true or false"),
    ("    colour_hex: '#1F77B4'\n", 5, "unknown key 'colour_hex'"),
    ("    kleur: x\n", 5, "unknown key 'kleur'"),
    ("    rules:\n      keywords: [a]\n", 6, "did you mean 'keywords_nl'"),
    ("    rules:\n      keywords_nl: vertrouwen\n", 6, "must be a list"),
    ("    rules:\n      regexes: ['^(wan']\n", 6, "regular expression"),
    ("    rules: [a]\n", 5, "rules must be a block"),
    ("    name_en: [Trust]\n", 5, "must be text"),
    ("    codes: Ruimte\n", 5, "codes must be a list"),
    ("    codes:\n      - Ruimte om te falen\n", 6, "must be a code"),
    ("    rules:\n      unit: paragraph\n", 6, "rule unit"),
])
def test_each_malformed_value_names_its_line(extra, line, words):
    error = _error(HEAD + extra)
    assert error.line == line
    assert words in str(error)
    assert str(error).startswith(f"test.yaml, line {line}: ")
    assert str(error).endswith("; fix the file and load it again.")


@pytest.mark.parametrize("text, line, words", [
    (HEAD.replace("5a1f3c2e-8b4d-4e6f-9a0b-1c2d3e4f5a6b", "12345"), 3, "is not a GUID"),
    (HEAD + "  - guid: 5A1F3C2E-8B4D-4E6F-9A0B-1C2D3E4F5A6B\n    name: Ander\n", 5, "same guid"),
    (HEAD + "  - guid: 6b2e4d3f-9c5e-4f70-8b1c-2d3e4f5a6b7c\n    name: vertrouwen\n", 6, "appears twice"),
    (HEAD + "    shortcut: 1\n  - guid: 6b2e4d3f-9c5e-4f70-8b1c-2d3e4f5a6b7c\n    name: Ander\n    shortcut: 1\n",
     8, "already has"),
    ("codes: []\n", 1, "has no title"),
    ("title: T\n", 1, "no codes list"),
    ("- a\n- b\n", 1, "must be a mapping"),
    ("title: T\ncodes:\n  - guid: 5a1f3c2e-8b4d-4e6f-9a0b-1c2d3e4f5a6b\n", 3, "has no name"),
    ("title: T\ncodes: [\n", 3, "YAML is broken"),
    ("title: T\n  codes: []\n", 2, "YAML is broken"),
])
def test_tree_problems_name_their_line(text, line, words):
    error = _error(text)
    assert error.line == line, str(error)
    assert words in str(error)


def test_all_problems_are_counted_in_the_message():
    error = _error(HEAD + '    colour: "red"\n    shortcut: 11\n')
    assert "(and 1 more problems)" in str(error)
    assert [line for line, _ in error.problems] == [5, 6]


def test_missing_guid_is_given_one_and_written_into_the_document():
    loaded = parse_codebook_yaml("title: T\ncodes:\n  - name: Nieuw\n")
    guid = loaded.codebook.codes[0].guid
    assert normalise_guid(guid) == guid
    assert loaded.assigned_guids == ("Nieuw",)
    assert loaded.document["codes"][0]["guid"] == guid


def test_version_keeps_its_digits():
    loaded = parse_codebook_yaml("title: T\nversion: 1.10\ncodes: []\n")
    assert loaded.codebook.version == "1.10"


class TestHostileFiles:
    """Each is refused with a sentence that names the file and line."""

    def test_tabs(self):
        with pytest.raises(CodebookFileError, match=r"tabs\.yaml, line 4: a tab character at column 1"):
            read_codebook_yaml(DATA / "tabs.yaml")

    def test_duplicate_keys(self):
        with pytest.raises(CodebookFileError, match=r"line 6: the key 'name' appears twice"):
            read_codebook_yaml(DATA / "duplicate-keys.yaml")

    def test_alias_bomb(self):
        with pytest.raises(CodebookFileError, match=r"line 3: the alias \*a is not allowed"):
            read_codebook_yaml(DATA / "alias-bomb.yaml")

    def test_two_documents(self):
        with pytest.raises(CodebookFileError, match="line 3: a second YAML document"):
            read_codebook_yaml(DATA / "two-documents.yaml")

    def test_unknown_key_suggests_the_right_one(self):
        with pytest.raises(CodebookFileError, match=r"line 5: code 'Vertrouwen' has an unknown key 'color' "
                                                     r"\(did you mean 'colour'\?\)"):
            read_codebook_yaml(DATA / "unknown-key.yaml")

    def test_deep_nesting(self, tmp_path):
        lines = ["title: Diep", "codes:"]
        for depth in range(200):
            pad = "  " * (2 * depth)
            lines.append(f"{pad}  - name: N{depth}")
            lines.append(f"{pad}    codes:")
        lines.append("  " * 400 + "  - name: end")
        path = tmp_path / "deep.yaml"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        with pytest.raises(CodebookFileError, match="nested more than 32 levels"):
            read_codebook_yaml(path)

    def test_not_utf8(self, tmp_path):
        path = tmp_path / "latin1.yaml"
        path.write_bytes("title: Coöperatie\ncodes: []\n".encode("cp1252"))
        with pytest.raises(CodebookFileError, match="line 1: the file is not UTF-8"):
            read_codebook_yaml(path)

    def test_binary_and_missing_files(self, tmp_path):
        path = tmp_path / "binary.yaml"
        path.write_bytes(b"title: x\x00\x01\n")
        with pytest.raises(ImportFailed, match="NUL bytes"):
            read_codebook_yaml(path)
        with pytest.raises(ImportFailed, match="does not exist"):
            read_codebook_yaml(tmp_path / "missing.yaml")
        with pytest.raises(ImportFailed, match="is a folder"):
            read_codebook_yaml(tmp_path)

    def test_empty_file(self, tmp_path):
        path = tmp_path / "empty.yaml"
        path.write_text("# only a comment\n", encoding="utf-8")
        with pytest.raises(ImportFailed, match="is empty"):
            read_codebook_yaml(path)


def test_bom_and_crlf_are_accepted(tmp_path):
    path = tmp_path / "windows.yaml"
    path.write_bytes("\ufefftitle: Coöperatie\r\ncodes:\r\n  - name: Eén\r\n".encode("utf-8"))
    codebook = read_codebook_yaml(path).codebook
    assert codebook.title == "Coöperatie" and codebook.codes[0].name == "Eén"


def test_thirty_two_levels_load_and_thirty_three_do_not():
    from workbench.domain.codebook import AutocodeRules, Codebook, CodeSpec
    from workbench.exporters.codebook_yaml import codebook_yaml_text

    def chain(levels: int) -> Codebook:
        spec = CodeSpec("00000000-0000-4000-8000-000000000000", "blad", rules=AutocodeRules(keywords_nl=("a",)))
        for depth in range(1, levels):
            spec = CodeSpec(f"{depth:08x}-0000-4000-8000-{depth:012x}", f"niveau {depth}", children=(spec,))
        return Codebook("Diep", codes=(spec,))

    assert parse_codebook_yaml(codebook_yaml_text(chain(32))).codebook == chain(32)
    with pytest.raises(CodebookFileError, match="nested more than 32 levels deep"):
        parse_codebook_yaml(codebook_yaml_text(chain(33)))
