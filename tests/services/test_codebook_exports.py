"""The codebook export: REFI-QDA .qdc that validates, YAML that loads back, an Excel sheet of definitions."""

from __future__ import annotations

import json

import pytest
from lxml import etree
from openpyxl import load_workbook

from tests.conftest import shared_path
from tests.services.export_fixtures import export_project  # noqa: F401 - fixture
from workbench.domain.errors import ImportFailed, InvalidInput


def test_qdc_validates_and_holds_the_tree(export_project, tmp_path):
    out = tmp_path / "codeboek.qdc"
    result = export_project.exports.codebook(out)
    schema = etree.XMLSchema(etree.parse(str(shared_path("refi-qda", "Codebook.xsd"))))
    root = etree.parse(str(out)).getroot()
    assert schema.validate(root), schema.error_log
    ns = {"c": "urn:QDA-XML:codebook:1.0"}
    top = root.find("c:Codes/c:Code[@name='Vertrouwen']", ns)
    assert [c.get("name") for c in top.findall("c:Code", ns)] == ["Vertrouwen in personen", "Ruimte om te falen"]
    assert top.get("color") == "#1F77B4"
    manifest = json.loads((tmp_path / "codeboek.qdc.manifest.json").read_text())
    assert manifest["content_sha256"] == result.content_sha256 and manifest["counts"] == {"codes": 7}


def test_yaml_and_xlsx(export_project, tmp_path):
    from workbench.importers.codebook_yaml import read_codebook_yaml

    export_project.exports.codebook(tmp_path / "codeboek.yml")
    loaded = read_codebook_yaml(tmp_path / "codeboek.yml")
    assert [c.name for c in loaded.codebook.codes] == ["Vertrouwen", "Financiering", "Rollen en taken"]
    export_project.exports.codebook(tmp_path / "codeboek.xlsx")
    rows = list(load_workbook(tmp_path / "codeboek.xlsx")["Codeboek"].iter_rows(values_only=True))
    assert rows[0][:4] == ("Code", "Niveau", "Naam", "Definitie") and rows[0][-2:] == ("Codeerbaar", "Coderingen")
    by_path = {r[0]: r for r in rows}
    assert by_path["Vertrouwen/Vertrouwen in personen"][3] == "Vertrouwen dat op een persoon rust."
    assert by_path["Vertrouwen/Vertrouwen in personen"][9] == 3


def test_blind_coding_counts_only_my_codings(export_project, tmp_path):
    export_project.status.update_settings(blind_coding=True)
    export_project.exports.codebook(tmp_path / "c.xlsx")
    rows = {r[0]: r for r in load_workbook(tmp_path / "c.xlsx")["Codeboek"].iter_rows(values_only=True)}
    assert rows["Vertrouwen/Vertrouwen in personen"][9] == 2 and rows["Financiering/Verdienmodel"][9] == 0


def test_wrong_format_and_a_codebook_given_as_project(export_project, tmp_path):
    with pytest.raises(InvalidInput):
        export_project.exports.codebook(tmp_path / "codeboek.txt")
    export_project.exports.codebook(tmp_path / "c.qdc")
    with pytest.raises(ImportFailed, match="codebook load"):
        export_project.exports.import_project(tmp_path / "c.qdc")
