"""The name register, the leak scan and erasure through the CLI, in this interpreter as the entry point runs them."""

from __future__ import annotations

import json
import stat

import pytest
from docx import Document

from tests.cli.run import Result
from workbench.project import Project

TRANSCRIPT = """Interviewer: Hoe gaat het met HEEM?
Bosman, Ingrid: Goed. Ik werk met Lotte Hendriks en de heem-bewoners, bel 06-12345678.
Beleidsadviseur Gemeente: Dat klopt.
"""


@pytest.fixture
def cli(capfd):
    from workbench.cli import app
    from workbench.cli.errors import run as run_cli

    def run(folder, *args) -> Result:
        capfd.readouterr()
        code = run_cli(app, ["--project", str(folder), "--coder", "anna", *map(str, args)])
        out = capfd.readouterr()
        return Result(code, out.out, out.err)

    return run


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "heem-bewoner.txt").write_text(TRANSCRIPT, encoding="utf-8")
    with Project.init(tmp_path / "p", name="Proef", coder="anna") as project:
        assert project.documents.import_paths([tmp_path / "heem-bewoner.txt"])[0].status == "imported"
        document = project.documents.list()[0]
        for sentence in project.documents.show(document.id).sentences:
            project.coding.apply(document.id, "Vertrouwen", sentence.start, sentence.end)
    return tmp_path / "p"


def test_register_from_speakers_refuses_loose_variants_and_lists_kinds(cli, folder):
    added = cli(folder, "names", "from-speakers", "--json")
    assert added.code == 0, added.stderr
    assert [(e["real_name"], e["kind"]) for e in added.json()] == [("Ingrid Bosman", "person")]
    bad = cli(folder, "names", "add", "De Broederij", "--variant", "De")
    assert bad.code == 2 and bad.stderr.startswith("workbench: ") and bad.stderr.count("\n") == 1
    assert "article" in bad.stderr
    role = cli(folder, "names", "add", "Beleidsadviseur Gemeente")
    assert role.code == 2 and "role" in role.stderr
    org = cli(folder, "names", "add", "HEEM", "--kind", "organisation", "--as", "Wijkonderneming A", "--json")
    assert org.code == 0 and org.json()["kind"] == "organisation"
    listed = cli(folder, "names", "list", "--json").json()
    ingrid = next(e for e in listed if e["real_name"] == "Ingrid Bosman")
    assert {"Ingrid", "Bosman", "Bosman, Ingrid", "I. Bosman"} <= set(ingrid["replaced"])
    assert cli(folder, "names", "ages", "--band", "10").code == 0


def test_suggest_check_and_key(cli, folder, tmp_path):
    suggested = cli(folder, "names", "suggest", "--json")
    assert suggested.code == 0, suggested.stderr
    found = {c["text"]: c for c in suggested.json()}
    assert found["Bosman, Ingrid"]["reason"] == "speaker label"
    assert found["Lotte Hendriks"]["places"][0]["document"] == "heem-bewoner"
    assert found["06-12345678"]["reason"] == "phone number"
    for args in (("names", "from-speakers"), ("names", "add", "HEEM", "--kind", "organisation"),
                 ("names", "add", "Lotte Hendriks"), ("names", "add", "06-12345678", "--kind", "contact")):
        assert cli(folder, *args).code == 0
    assert cli(folder, "names", "suggest", "--json").json() == []

    out = tmp_path / "uit" / "themes.docx"
    exported = cli(folder, "export", "themes", "--out", out, "--pseudonymise", "--json")
    assert exported.code == 0, exported.stderr
    assert (tmp_path / "uit" / "themes.docx.de-identification.docx").exists()
    clean = cli(folder, "names", "check", out, tmp_path / "uit" / "themes.docx.de-identification.docx")
    assert clean.code == 0 and "No registered name" in clean.stdout

    leaking = Document()
    leaking.add_paragraph("Notulen: Ingrid en de heem-bewoners")
    leaking.save(tmp_path / "notulen.docx")
    found = cli(folder, "names", "check", tmp_path / "notulen.docx", "--json")
    assert found.code == 1
    assert {leak["spelling"] for leak in found.json()["leaks"]} == {"Ingrid", "heem"}
    missing = cli(folder, "names", "check", tmp_path / "weg.docx")
    assert missing.code == 2 and "is not a file" in missing.stderr

    key = cli(folder, "names", "key", "--out", tmp_path / "sleutel.csv")
    assert key.code == 0 and stat.S_IMODE((tmp_path / "sleutel.csv").stat().st_mode) == 0o600
    assert "Ingrid Bosman" in (tmp_path / "sleutel.csv").read_text(encoding="utf-8-sig")
    wrong = cli(folder, "names", "key", "--out", tmp_path / "sleutel.docx")
    assert wrong.code == 2 and not (tmp_path / "sleutel.docx").exists()


def test_remove_with_erase_asks_for_yes_and_lists_backups(cli, folder):
    refused = cli(folder, "document", "remove", "heem-bewoner", "--erase")
    assert refused.code == 2 and "cannot be undone" in refused.stderr and "--yes" in refused.stderr
    assert cli(folder, "documents", "--json").json()
    erased = cli(folder, "document", "remove", "heem-bewoner", "--erase", "--yes", "--json")
    assert erased.code == 0, erased.stderr
    data = json.loads(erased.stdout)
    assert data["title"] == "heem-bewoner" and data["compacted"] is True
    assert cli(folder, "documents", "--json").json() == []
    database = (folder / ".workbench" / "project.db").read_bytes()
    assert b"Lotte Hendriks" not in database and b"12345678" not in database
