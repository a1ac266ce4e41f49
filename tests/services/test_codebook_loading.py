"""Loading codebook files into a project (sync by GUID), exports, diffs and refused files."""

from __future__ import annotations

import shutil
from pathlib import Path
from dataclasses import replace

import pytest

from tests.conftest import shared_path
from tests.services.codebook_support import DEFAULT_CODEBOOK, REPO, add_coding, add_document, codings_of, counts
from workbench.domain.codebook import AutocodeRules, iter_codes
from workbench.domain.errors import Conflict, ImportFailed
from workbench.exporters.codebook_yaml import write_codebook_yaml
from workbench.importers.codebook_yaml import read_codebook_yaml
from workbench.project import Project

DATA = REPO / "tests" / "data" / "codebook"


def edited_copy(tmp_path, change) -> Path:
    """A copy of the default codebook with `change(codebook) -> codebook` applied."""
    codebook = change(read_codebook_yaml(DEFAULT_CODEBOOK).codebook)
    path = tmp_path / "edited.yaml"
    write_codebook_yaml(codebook, path)
    return path


def without(codebook, *names):
    """The codebook with the named sub-codes (of any theme) left out."""
    return replace(codebook, codes=tuple(
        replace(theme, children=tuple(c for c in theme.children if c.name not in names))
        for theme in codebook.codes))


def test_load_retires_missing_codes_with_codings_and_deletes_the_rest(project, tmp_path):
    doc = add_document(project)
    add_coding(project, doc, "Kijkgroen", 0, 20)
    guid = project.codebook.get("Kijkgroen").guid
    path = edited_copy(tmp_path, lambda cb: without(cb, "Kijkgroen", "Beheer van groen"))
    report = project.codebook.load(path)
    assert report.retired == ("Openbaar groen/Kijkgroen",)
    assert report.deleted == ("Openbaar groen/Beheer van groen",)
    assert not report.added and not report.updated
    kept = project.codebook.get(guid)
    assert kept.retired and kept.codings == 1
    assert codings_of(project, guid) == [(doc, 0, 20, "applied")]
    if project.codebook.file():
        written = read_codebook_yaml(project.codebook.file()).codebook
        assert [p.spec.retired for p in iter_codes(written.codes) if p.spec.guid == guid] == [True]
    # Loading the full codebook again brings the retired code back.
    again = project.codebook.load(DEFAULT_CODEBOOK)
    assert "Openbaar groen/Kijkgroen" in again.updated and "Openbaar groen/Beheer van groen" in again.added
    assert not project.codebook.get(guid).retired


def test_load_renames_moves_and_adds_by_guid(project, tmp_path):
    doc = add_document(project)
    add_coding(project, doc, "Huurinkomsten", 0, 20)

    def change(cb):
        funding = cb.codes[1]
        rent = replace(funding.children[2], name="Verhuur", colour="#000000")
        place = cb.codes[3]
        return replace(cb, codes=(cb.codes[0], replace(funding, children=funding.children[:2] + funding.children[3:]),
                                  cb.codes[2], replace(place, children=place.children + (rent,))) + cb.codes[4:])

    report = project.codebook.load(edited_copy(tmp_path, change))
    assert report.updated == ("Fysieke plek/Verhuur",)
    entry = project.codebook.get("Fysieke plek/Verhuur")
    assert entry.colour == "#000000" and entry.codings == 1
    project.history.undo()
    assert project.codebook.get(entry.guid).path == "Financiering/Huurinkomsten"


def test_swapping_names_of_siblings_in_a_file_loads(project, tmp_path):
    def swap(cb):
        trust = cb.codes[0]
        a, b = trust.children[0], trust.children[1]
        return replace(cb, codes=(replace(trust, children=(replace(a, name=b.name), replace(b, name=a.name))
                                          + trust.children[2:]),) + cb.codes[1:])

    first = project.codebook.get("Vertrouwen in personen").guid
    report = project.codebook.load(edited_copy(tmp_path, swap))
    assert len(report.updated) == 2
    assert project.codebook.get(first).name == "Vertrouwen tussen gemeente en wijkonderneming"


def test_a_new_code_where_a_retired_one_had_the_name(project, tmp_path):
    doc = add_document(project)
    add_coding(project, doc, "Leervraag", 0, 5)
    old = project.codebook.get("Leervraag").guid

    def change(cb):
        history = cb.codes[-1]
        fresh = replace(history.children[-1], guid="0f0e0d0c-0b0a-4909-8807-060504030201")
        return replace(cb, codes=cb.codes[:-1] + (replace(history, children=history.children[:-1] + (fresh,)),))

    report = project.codebook.load(edited_copy(tmp_path, change))
    assert report.retired == ("Leergeschiedenis/Leervraag",)
    assert project.codebook.get(old).name == "Leervraag (retired)"
    assert project.codebook.get("Leergeschiedenis/Leervraag").guid == "0f0e0d0c-0b0a-4909-8807-060504030201"


def test_refused_files_leave_the_project_unchanged(project, tmp_path):
    before, version = counts(project), project.codebook.version()
    own = project.codebook.file()
    text = own.read_text(encoding="utf-8") if own else None
    deep = tmp_path / "deep.qdc"
    code = '<Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="a" isCodable="true">'
    deep.write_text('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>' + code * 10_000 + "</Code>" * 10_000
                    + "</Codes></CodeBook>", encoding="utf-8")
    for path in (DATA / "broken.qdc", DATA / "entity-bomb.qdc", DATA / "xxe.qdc", deep, DATA / "tabs.yaml",
                 DATA / "duplicate-keys.yaml", DATA / "alias-bomb.yaml", DATA / "unknown-key.yaml"):
        with pytest.raises(ImportFailed) as caught:
            project.codebook.load(path)
        message = str(caught.value)
        assert str(path) in message and message.endswith(".") and "\n" not in message
    assert counts(project) == before and project.codebook.version() == version
    if own:
        assert own.read_text(encoding="utf-8") == text


def test_qdc_export_is_valid_and_loads_into_a_new_project_as_the_same_tree(project, tmp_path):
    import xmlschema

    out = project.codebook.export("qdc", tmp_path / "codebook.qdc")
    schema = xmlschema.XMLSchema(str(shared_path("refi-qda", "Codebook.xsd")))
    assert list(schema.iter_errors(out.read_text(encoding="utf-8"))) == []
    with Project.init(tmp_path / "other", name="Ander", coder="bram", seed=False) as other:
        assert other.codebook.list() == []
        report = other.codebook.load(out)
        assert len(report.added) == 48
        mine = [(e.path, e.name_en, e.colour, e.codable, e.definition) for e in project.codebook.list()]
        theirs = [(e.path, e.name_en, e.colour, e.codable, e.definition) for e in other.codebook.list()]
        assert theirs == mine
        assert [e.guid for e in other.codebook.list()] == [e.guid for e in project.codebook.list()]
        written = other.codebook.file()
        if written is not None:
            assert written.parent == tmp_path / "other" / "codebooks"
            assert read_codebook_yaml(written).codebook == other.codebook.codebook()


def test_loading_a_qdc_keeps_what_the_format_cannot_carry(project, tmp_path):
    out = project.codebook.export("qdc", tmp_path / "codebook.qdc")
    version = project.codebook.version()
    report = project.codebook.load(out)
    assert not report.changed and project.codebook.version() == version
    assert project.codebook.get("Vertrouwen in personen").shortcut == 1


def test_real_samples_load(project):
    report = project.codebook.load(shared_path("refi-qda", "samples", "atlasti-8.4-mac_standard-project.qde"),
                                   keep_missing=True)
    assert len(report.added) == 14 and not report.deleted
    assert project.codebook.get("Coke/diet Coke").definition == "non sucré"
    assert project.codebook.get("milk").colour == "#808080"
    nvivo = project.codebook.load(shared_path("refi-qda", "samples", "nvivo-mac-15.0_project.qdpx"), keep_missing=True)
    assert len(nvivo.added) == 262
    assert project.codebook.get("rq1_definition/concepts/abstraction").depth == 2


def test_yaml_export_and_diff(project, tmp_path):
    out = project.codebook.export("yaml", tmp_path / "copy.yaml")
    assert project.codebook.diff(out, "project").empty
    assert project.codebook.diff(DEFAULT_CODEBOOK, "project").empty
    project.codebook.rename("Kijkgroen", "Siergroen")
    project.codebook.edit("Gebruiksgroen", definition="Groen om te gebruiken.")
    changed = project.codebook.diff(out, "project")
    assert {(c.kind, c.path) for c in changed.changes} == {
        ("renamed", "Openbaar groen/Siergroen"), ("redefined", "Openbaar groen/Gebruiksgroen")}
    assert changed.old_hash != changed.new_hash == project.codebook.version()


def test_hand_edits_are_not_overwritten(project):
    own = project.codebook.file()
    if own is None:
        pytest.skip("a project opened by URL has no codebook file")
    text = own.read_text(encoding="utf-8").replace("name: Kijkgroen", "name: Siergroen")
    own.write_text(text, encoding="utf-8")
    before = counts(project)
    with pytest.raises(Conflict, match="edited outside the workbench since it was last loaded; load it first"):
        project.codebook.rename("Gebruiksgroen", "Speelgroen")
    assert counts(project) == before and own.read_text(encoding="utf-8") == text
    report = project.codebook.load(own)
    assert report.updated == ("Openbaar groen/Siergroen",)
    project.codebook.rename("Gebruiksgroen", "Speelgroen")
    assert "name: Siergroen" in own.read_text(encoding="utf-8")


def test_a_yaml_file_without_guids_gets_them_written(sqlite_project, tmp_path):
    own = sqlite_project.codebook.file()
    shutil.copy(DATA / "small.yaml", own)
    text = own.read_text(encoding="utf-8") + "  - name: Zonder guid\n    name_en: Without guid\n"
    own.write_text(text, encoding="utf-8")
    report = sqlite_project.codebook.load(own)
    assert "Zonder guid" in report.added and len(report.deleted) == 48
    guid = sqlite_project.codebook.get("Zonder guid").guid
    assert f"  - guid: {guid}\n    name: Zonder guid\n" in own.read_text(encoding="utf-8")
    assert "# ── second theme ──" in own.read_text(encoding="utf-8")


def test_loading_the_own_file_unchanged_changes_nothing(project):
    own = project.codebook.file() or DEFAULT_CODEBOOK
    before = counts(project)
    report = project.codebook.load(own)
    assert not report.changed
    assert counts(project) == before


def test_rules_round_trip_through_the_store(project):
    rules = AutocodeRules(keywords_nl=("zaal",), lemmas=("zaal",), regexes=("^zaal",), unit="turn")
    entry = project.codebook.create("Zaal", parent="Fysieke plek", rules=rules)
    assert entry.rules == {"keywords_nl": ["zaal"], "keywords_en": [], "lemmas": ["zaal"], "regexes": ["^zaal"],
                           "unit": "turn"}
    spec = next(p.spec for p in iter_codes(project.codebook.codebook().codes) if p.spec.guid == entry.guid)
    assert spec.rules == rules and spec.colour is None
