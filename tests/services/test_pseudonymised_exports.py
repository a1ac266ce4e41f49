"""With --pseudonymise, no output format holds a registered name in any spelling: the bytes are scanned."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from tests.services.export_fixtures import REAL_NAMES, export_project  # noqa: F401 - fixture
from workbench.domain.exports import FragmentFilter
from workbench.domain.filters import Selection
from workbench.domain.pseudonyms import RegisteredName, Replacer

FORMATS = ["fragments.xlsx", "fragments.csv", "themes.docx", "project.qdpx", "codebook.qdc", "codebook.yaml",
           "codebook.xlsx"]
# Every spelling that must be gone: full names, first names, surnames, upper case.
SPELLINGS = ("Jan de Vries", "Fatima Bakker", "Fatima", "Bakker", "de Vries", "De Vries", "JAN DE VRIES")


def _texts(path: Path) -> list[str]:
    """Each file of the export as text: the members of a zip (xlsx, docx, qdpx), or the file itself."""
    data = path.read_bytes()
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            return [archive.read(name).decode("utf-8", errors="replace") for name in archive.namelist()
                    if not name.endswith(".png")]
    return [data.decode("utf-8-sig")]


def _export(project, name: str, out: Path):
    kind, _dot, fmt = name.partition(".")
    # A filter that names a person must not bring the name back through the manifest or the title page.
    named = FragmentFilter(selection=Selection(speakers=("Jan de Vries", "Fatima Bakker", "Interviewer")))
    if kind == "fragments":
        return project.exports.fragments(out, filters=named, pseudonymise=True)
    if kind == "themes":
        return project.exports.themes(out, filters=named, pseudonymise=True)
    if kind == "project":
        return project.exports.qdpx(out, pseudonymise=True)
    return project.exports.codebook(out, pseudonymise=True)


@pytest.mark.parametrize("name", FORMATS)
def test_no_registered_name_survives(export_project, tmp_path, name):
    with export_project.ctx.change("test.name-in-codebook", undoable=False) as unit:
        from workbench.store.schema import Code

        code = unit.session.get(Code, export_project.sample.codes["Vertrouwen in personen"])
        code.example = "Ik bel gewoon Jan, die kent ons."
    out = tmp_path / name
    result = _export(export_project, name, out)
    assert result.pseudonymised
    finder = Replacer([RegisteredName(n, "x") for n in REAL_NAMES])
    texts = _texts(out) + [Path(result.manifest).read_text()] if result.manifest else _texts(out)
    for text in texts:
        assert finder.found(text) == [], name
        for spelling in SPELLINGS:
            assert spelling not in text, (name, spelling)
    joined = "\n".join(texts)
    if name != "codebook.qdc" and not name.startswith("codebook"):
        assert "Respondent 1" in joined or "Respondent 2" in joined


def test_without_the_option_names_stay(export_project, tmp_path):
    export_project.exports.fragments(tmp_path / "f.csv")
    assert "Jan de Vries" in (tmp_path / "f.csv").read_text(encoding="utf-8-sig")
