"""REFI-QDA codebooks: every export valid against Codebook.xsd, the real samples read, hostile files refused."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import shared_path
from workbench.domain.codebook import AutocodeRules, Codebook, CodeSpec, iter_codes
from workbench.domain.errors import ImportFailed, InvalidInput
from workbench.exporters.qdc import qdc_bytes, write_qdc
from workbench.importers.codebook_yaml import read_codebook_yaml
from workbench.importers.qdc import read_qdc

REPO = Path(__file__).resolve().parents[3]
DATA = REPO / "tests" / "data" / "codebook"
DEFAULT = REPO / "codebooks" / "samen-creeren-en-floreren.yaml"
NS = "{urn:QDA-XML:codebook:1.0}"
G = [f"{n:08x}-0000-4000-8000-{n:012x}" for n in range(1, 20)]


def assert_valid(data: bytes) -> None:
    """Validate with both lxml and xmlschema against the official schema."""
    import xmlschema

    xsd_path = shared_path("refi-qda", "Codebook.xsd")
    schema = etree.XMLSchema(etree.parse(str(xsd_path)))
    document = etree.fromstring(data)
    assert schema.validate(document), schema.error_log
    errors = list(xmlschema.XMLSchema(str(xsd_path)).iter_errors(data.decode("utf-8")))
    assert errors == []


def without_workbench_only_fields(codes):
    """What a .qdc cannot carry: shortcuts and auto-coding rules."""
    return tuple(replace(c, shortcut=None, rules=AutocodeRules(),
                         children=without_workbench_only_fields(c.children)) for c in codes)


@pytest.fixture(scope="module")
def default_codebook() -> Codebook:
    return read_codebook_yaml(DEFAULT).codebook


def test_default_codebook_exports_valid_and_reads_back_as_the_same_tree(default_codebook, tmp_path):
    path = tmp_path / "default.qdc"
    write_qdc(default_codebook, path)
    data = path.read_bytes()
    assert_valid(data)
    back = read_qdc(path)
    assert back.codebook.codes == without_workbench_only_fields(default_codebook.codes)
    assert back.origin.startswith("workbench ")
    assert back.notes == ()


def test_export_follows_the_interop_rules(default_codebook):
    data = qdc_bytes(default_codebook)
    assert data.startswith(b"<?xml") and not data.startswith(b"\xef\xbb\xbf")
    root = etree.fromstring(data)
    assert root.tag == f"{NS}CodeBook"
    assert root.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation").endswith(
        "/versions/Codebook/v1.0/Codebook.xsd")
    codes = list(root.iter(f"{NS}Code"))
    assert len(codes) == len(list(iter_codes(default_codebook.codes)))
    assert all(len(c.get("color")) == 7 and c.get("color").startswith("#") for c in codes)
    assert root.find(f"{NS}Sets") is None
    assert all((d.text or "").strip() for d in root.iter(f"{NS}Description"))
    category = next(c for c in codes if c.get("name") == "Leergeschiedenis")
    assert category.get("isCodable") == "false"
    assert [child.get("name") for child in category.findall(f"{NS}Code")] == [
        "Hoogtepunt", "Dieptepunt", "Leermoment", "Leervraag"]
    trust = next(c for c in codes if c.get("name") == "Vertrouwen")
    description = trust.find(f"{NS}Description").text
    assert description.startswith("Vertrouwen tussen gemeente en wijkonderneming")
    assert "\n\nEnglish name: Trust" in description
    # Description comes before the nested codes, as the schema's sequence demands.
    assert etree.QName(trust[0]).localname == "Description"


def test_small_and_odd_codebooks_export_valid():
    odd = Codebook("Odd", codes=(
        CodeSpec("{" + G[0].upper() + "}", 'Naam met "quotes" & <tekens>', colour="#AABBCC"),
        CodeSpec(G[1], "Leeg"),
        CodeSpec(G[2], "Categorie", codable=False, children=(CodeSpec(G[3], "Één\u0007"),)),
    ))
    data = qdc_bytes(odd)
    assert_valid(data)
    root = etree.fromstring(data)
    assert root.find(f"{NS}Codes/{NS}Code").get("guid") == G[0]
    assert root.find(f"{NS}Codes/{NS}Code[@name='Leeg']/{NS}Description") is None


def test_retired_codes_are_left_out_unless_they_hold_active_ones():
    codebook = Codebook("R", codes=(
        CodeSpec(G[0], "Oud", retired=True),
        CodeSpec(G[1], "Oude groep", retired=True, children=(CodeSpec(G[2], "Nog actief"),)),
        CodeSpec(G[3], "Actief"),
    ))
    data = qdc_bytes(codebook)
    assert_valid(data)
    names = [c.get("name") for c in etree.fromstring(data).iter(f"{NS}Code")]
    assert names == ["Oude groep", "Nog actief", "Actief"]
    kept = etree.fromstring(data).find(f"{NS}Codes/{NS}Code")
    assert kept.get("isCodable") == "false"
    assert len(list(etree.fromstring(qdc_bytes(codebook, include_retired=True)).iter(f"{NS}Code"))) == 4


def test_a_codebook_without_active_codes_cannot_be_exported():
    with pytest.raises(InvalidInput, match="has no codes to export"):
        qdc_bytes(Codebook("Leeg", codes=(CodeSpec(G[0], "Oud", retired=True),)))


class TestRealSamples:
    """Files written by ATLAS.ti and NVivo (reference data beside the project)."""

    def test_atlas_ti_23_codebook(self):
        imported = read_qdc(shared_path("refi-qda", "samples", "atlasti-23.4-win_codebook.qdc"))
        (code,) = imported.codebook.codes
        assert (code.guid, code.name, code.colour, code.definition) == (
            "1ff58b12-6f6f-4b0c-8be5-bbdc91f55294", "code1", "#46AA00", "description")
        assert imported.origin == "ATLAS.ti Win 23.4.0"
        assert any("Code sets" in note and note.endswith(": 1.") for note in imported.notes)

    def test_atlas_ti_8_standard_project_rebuilds_the_flattened_hierarchy(self):
        imported = read_qdc(shared_path("refi-qda", "samples", "atlasti-8.4-mac_standard-project.qde"))
        codebook = imported.codebook
        assert codebook.title == "ATLAS.ti standard project"
        paths = {p.path_text: p.spec for p in iter_codes(codebook.codes)}
        assert len(paths) == 14
        assert paths["Coke/diet Coke"].definition == "non sucré"
        assert paths["Coke/full-fat Coke"].colour == "#966450"
        assert paths["cornflakes"].definition == "breakfast cereal made by Kellogg’s"
        assert paths['"rushed"'].colour == "#F00082"
        assert paths["milk"].colour is None
        assert any("Parent::Child" in note and note.endswith(": 2.") for note in imported.notes)

    def test_atlas_ti_23_project_zip(self):
        codebook = read_qdc(shared_path("refi-qda", "samples", "atlasti-23.2-win_target-project.qdpx")).codebook
        assert codebook.title == "target-atlas-project"
        (commits,) = codebook.codes
        assert commits.guid == "a182cd3a-d83c-4d8c-bc80-26d9103ec6d6"
        assert [c.name for c in commits.children] == ["2022-05-10T02:05:59Z 19e4dce", "2022-02-11T10:39:25Z cdbfd92"]

    def test_nvivo_mac_project_zip_with_deep_hierarchy(self):
        codebook = read_qdc(shared_path("refi-qda", "samples", "nvivo-mac-15.0_project.qdpx")).codebook
        placed = list(iter_codes(codebook.codes))
        assert len(placed) == 262
        assert max(len(p.path) for p in placed) == 7
        paths = {p.path_text for p in placed}
        assert "rq1_definition/concepts/abstraction" in paths
        assert "rq1_definition/competencies/programming" in paths
        assert all(p.spec.codable for p in placed)

    def test_blank_project_has_no_codes_to_load(self):
        with pytest.raises(ImportFailed, match="project without a codebook"):
            read_qdc(shared_path("refi-qda", "samples", "atlasti-23.2-win_blank-project.qdpx"))


def test_namespace_variants_accents_guids_and_colours():
    imported = read_qdc(DATA / "accents-1-0-colon.qdc")
    group, zorg = imported.codebook.codes
    assert (group.name, group.guid, group.codable, group.colour) == (
        "Coöperatie en één wijk", "5215cc69-b628-4e02-afb9-9beeaee55808", False, "#FF00AA")
    assert group.definition == 'Samenwerking in de wijk; ook "naïeve" verwachtingen.'
    assert [(c.name, c.colour, c.codable) for c in group.children] == [
        ("Crème de la crème", "#33CC33", True), ("Ærø & Straße", "#1F77B4", True)]
    assert zorg.guid == "9fa9bcb7-5b59-47a9-8c3e-f65cffdc7520" and zorg.colour == "#D62728"


def test_namespace_0_4_with_a_duplicate_sibling_name():
    imported = read_qdc(DATA / "namespace-0-4.qdc")
    assert [c.name for c in imported.codebook.codes] == ["Důvěra", "Důvěra (2)"]
    assert imported.codebook.codes[0].definition == "Popis kódu s háčky a čárkami"
    assert any("numbered: 1." in note for note in imported.notes)


class TestHostileFiles:
    """Each is refused with one sentence naming the file; nothing is read from elsewhere."""

    def test_invalid_xml(self):
        with pytest.raises(ImportFailed, match=r"broken\.qdc is not well-formed XML at line 5"):
            read_qdc(DATA / "broken.qdc")

    def test_entity_bomb(self):
        with pytest.raises(ImportFailed, match="DOCTYPE with entities.*refused for safety"):
            read_qdc(DATA / "entity-bomb.qdc")

    def test_external_entity(self):
        with pytest.raises(ImportFailed, match="refused for safety") as caught:
            read_qdc(DATA / "xxe.qdc")
        assert "root:" not in str(caught.value)

    def test_nesting_ten_thousand_deep(self, tmp_path):
        code = '<Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="a" isCodable="true">'
        path = tmp_path / "deep.qdc"
        path.write_text('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>' + code * 10_000
                        + "</Code>" * 10_000 + "</Codes></CodeBook>", encoding="utf-8")
        with pytest.raises(ImportFailed, match="nested too deeply"):
            read_qdc(path)

    def test_nesting_deeper_than_a_codebook_allows(self, tmp_path):
        code = '<Code guid="{}" name="a" isCodable="true">'
        body = "".join(code.format(f"{n:08x}-0000-4000-8000-{n:012x}") for n in range(40))
        path = tmp_path / "deep40.qdc"
        path.write_text('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>' + body + "</Code>" * 40
                        + "</Codes></CodeBook>", encoding="utf-8")
        with pytest.raises(ImportFailed, match="more than 32 levels deep"):
            read_qdc(path)

    def test_empty_codes_and_other_xml(self):
        with pytest.raises(ImportFailed, match="without any codes"):
            read_qdc(DATA / "no-codes.qdc")
        with pytest.raises(ImportFailed, match=r"root element is <html>"):
            read_qdc(DATA / "not-refi.xml")

    def test_zip_without_one_project_file(self, tmp_path):
        path = tmp_path / "two.qdpx"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("a.qde", "<Project/>")
            archive.writestr("b.qde", "<Project/>")
        with pytest.raises(ImportFailed, match="holds 2 .qde project files"):
            read_qdc(path)

    def test_damaged_zip(self, tmp_path):
        path = tmp_path / "damaged.qdpx"
        path.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
        with pytest.raises(ImportFailed, match="damaged"):
            read_qdc(path)

    def test_bom_and_utf16_files_are_read(self, tmp_path):
        text = ('<?xml version="1.0" encoding="{}"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
                '<Code guid="1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294" name="Één" isCodable="true"/>'
                "</Codes></CodeBook>")
        bom = tmp_path / "bom.qdc"
        bom.write_bytes(b"\xef\xbb\xbf" + text.format("UTF-8").encode("utf-8"))
        assert read_qdc(bom).codebook.codes[0].name == "Één"
        utf16 = tmp_path / "utf16.qdc"
        utf16.write_bytes(text.format("UTF-16").encode("utf-16"))
        assert read_qdc(utf16).codebook.codes[0].name == "Één"
