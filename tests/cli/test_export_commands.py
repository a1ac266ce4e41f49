"""The export, import-project and names commands through the real entry point."""

from __future__ import annotations

import zipfile

import pytest

from tests.cli.run import workbench
from tests.services.export_fixtures import build_sample
from workbench.project import Project


@pytest.fixture
def folder(tmp_path):
    with Project.init(tmp_path / "p", name="Wijkondernemingen", coder="anna", seed=False) as project:
        build_sample(project, register=False)
    return tmp_path / "p"


def test_names_register_from_speakers_and_list(folder):
    added = workbench("--project", folder, "names", "from-speakers", "--json")
    assert added.code == 0, added.stderr
    assert [e["pseudonym"] for e in added.json()] == ["Respondent 1", "Respondent 2"]
    manual = workbench("--project", folder, "names", "add", "Marieke Jansen", "--as", "Gemeente-medewerker")
    assert manual.code == 0 and "Marieke" in manual.stdout
    listed = workbench("--project", folder, "names", "list", "--json").json()
    entry = next(e for e in listed if e["real_name"] == "Jan de Vries")
    assert {"Jan", "de Vries", "J. de Vries"} <= set(entry["replaced"])
    again = workbench("--project", folder, "names", "add", "Jan de Vries")
    assert again.code == 2 and again.stderr.startswith("workbench: ") and again.stderr.count("\n") == 1


def test_exports_and_round_trip(folder, tmp_path):
    out = tmp_path / "uit"
    fragments = workbench("--project", folder, "export", "fragments", "--out", out / "f.xlsx", "--code", "Vertrouwen",
                          "--json")
    assert fragments.code == 0, fragments.stderr
    assert fragments.json()["counts"]["fragments"] == 3  # two coders' overlapping codings are one fragment
    assert (out / "f.xlsx.manifest.json").exists()
    themes = workbench("--project", folder, "export", "themes", "--out", out / "t.docx", "--quotes", "2",
                       "--by", "organisatie")
    assert themes.code == 0 and "Wrote" in themes.stdout
    codebook = workbench("--project", folder, "export", "codebook", "--out", out / "c.qdc")
    assert codebook.code == 0 and (out / "c.qdc").read_bytes().startswith(b"<?xml")
    qdpx = workbench("--project", folder, "export", "qdpx", "--out", out / "p.qdpx")
    assert qdpx.code == 0
    with zipfile.ZipFile(out / "p.qdpx") as archive:
        assert "project.qde" in archive.namelist()

    with Project.init(tmp_path / "q", name="Ontvangen", coder="carla", seed=False):
        pass
    imported = workbench("--project", tmp_path / "q", "import-project", out / "p.qdpx", "--json")
    assert imported.code == 0, imported.stderr
    assert imported.json()["documents"] == 3 and imported.json()["codings"] == 8


def test_user_mistakes_are_one_sentence(folder, tmp_path):
    (tmp_path / "evil.qdpx").write_bytes(b"PK\x03\x04 broken")
    cases = [
        ("export", "fragments", "--out", tmp_path / "x.xlsx", "--attr", "organisatie=ministerie"),
        ("export", "fragments", "--out", tmp_path / "x.pdf"),
        ("export", "qdpx", "--out", folder / ".workbench" / "project.db" / "x.qdpx"),
        ("import-project", tmp_path / "evil.qdpx"),
        ("import-project", tmp_path / "missing.qdpx"),
    ]
    for args in cases:
        result = workbench("--project", folder, *args)
        assert result.code == 2, (args, result.stderr)
        assert result.stderr.startswith("workbench: ") and result.stderr.count("\n") == 1, result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_import_with_unplaceable_selections_exits_1(folder):
    from pathlib import Path

    sample = Path(__file__).resolve().parents[1] / "data" / "exports" / "nvivo-windows-style.qdpx"
    result = workbench("--project", folder, "import-project", sample)
    assert result.code == 1
    assert "UTF-16 units" in result.stdout and "does not fit its text" in result.stderr
