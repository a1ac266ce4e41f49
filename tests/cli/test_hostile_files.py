"""Hostile files through the command line: one sentence, exit code 2, and the project unchanged."""

from __future__ import annotations

import zipfile

import docx
import pytest

from tests.cli.run import in_process
from tests.unit.importers.hostile_zips import ENTITY_XML, bomb, rewritten
from workbench.project import Project

pytestmark = pytest.mark.reliability


@pytest.fixture
def folder(tmp_path):
    with Project.init(tmp_path / "veldwerk", coder="anna"):
        pass
    return tmp_path / "veldwerk"


def _counts(capfd, folder):
    result = in_process(capfd, "--project", folder, "status", "--json")
    data = result.json()
    return data["documents"], data["codes"], data["codings"]


def _docx(path):
    document = docx.Document()
    document.add_paragraph("R: Met vertrouwen.")
    document.save(str(path))
    return path


def test_importing_a_word_bomb_or_entities_is_one_sentence_and_changes_nothing(folder, tmp_path, capfd):
    before = _counts(capfd, folder)
    source = _docx(tmp_path / "bom.docx")
    with zipfile.ZipFile(source) as archive:
        others = {i.filename: archive.read(i) for i in archive.infolist() if i.filename != "word/document.xml"}
    bomb(source, "word/document.xml", 1024, others, line=b"<w:p><w:r><w:t>Gewone alinea.</w:t></w:r></w:p>")
    entities = rewritten(_docx(tmp_path / "entiteit.docx"), {"word/document.xml": ENTITY_XML})
    for path, words in ((source, "possible zip bomb"), (entities, "declares XML entities")):
        result = in_process(capfd, "--project", folder, "import", path)
        # The import command's contract: a file that fails is one line on stderr and exit code 1.
        assert result.code == 1, result.stderr
        assert result.stderr.count("\n") == 1 and words in result.stderr and "Traceback" not in result.stderr
    assert _counts(capfd, folder) == before


def test_codebook_load_refuses_what_import_project_refuses(folder, tmp_path, capfd):
    before = _counts(capfd, folder)
    qde = b'<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="x"/>'
    slip = tmp_path / "slip.qdpx"
    with zipfile.ZipFile(slip, "w") as archive:
        archive.writestr("project.qde", qde)
        archive.writestr("../../evil.txt", b"x")
    big = bomb(tmp_path / "bom.qdpx", "project.qde", 700, line=b"<Code name='x'/>")
    for path, words in ((slip, "points outside"), (big, "possible zip bomb")):
        for command in (("codebook", "load", path), ("import-project", path)):
            result = in_process(capfd, "--project", folder, *command)
            assert result.code == 2, (command, result.stderr)
            assert words in result.stderr, (command, result.stderr)
    assert _counts(capfd, folder) == before
