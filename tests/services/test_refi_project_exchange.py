"""The REFI-QDA project: export validates and says what the store holds, the round trip keeps everything,
real samples import, and hostile or broken packages change nothing."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import func, select

from tests.conftest import shared_path
from tests.services.export_fixtures import export_project, fresh_project  # noqa: F401 - fixtures
from workbench.domain.errors import ImportFailed, InvalidInput
from workbench.store.schema import (
    Attribute,
    AttributeValue,
    Case,
    CaseDocument,
    Code,
    Coder,
    Coding,
    Document,
    Event,
    Memo,
    Turn,
)

NS = {"q": "urn:QDA-XML:project:1.0"}
DATA = Path(__file__).resolve().parents[1] / "data" / "exports"
SAMPLES = ("atlasti-23.2-win_blank-project.qdpx", "atlasti-23.2-win_target-project.qdpx",
           "atlasti-8.4-mac_standard-project.qde", "nvivo-mac-15.0_project.qdpx")


def _qde(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("project.qde"))


def test_export_validates_and_holds_the_project(export_project, tmp_path):
    out = tmp_path / "wijk.qdpx"
    result = export_project.exports.qdpx(out)
    schema = etree.XMLSchema(etree.parse(str(shared_path("refi-qda", "Project-mrt2019.xsd"))))
    root = _qde(out)
    assert schema.validate(root), schema.error_log
    assert result.counts["codings"] == 8  # the suggestion is not exported

    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        assert names[0] == "project.qde" and "manifest.json" in names
        texts = {}
        for source in root.iterfind("q:Sources/q:TextSource", NS):
            guid = source.get("guid")
            assert source.get("plainTextPath") == f"internal://{guid}.txt"
            data = archive.read(f"sources/{guid}.txt")
            assert not data.startswith(b"\xef\xbb\xbf")
            texts[guid] = data.decode("utf-8")
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["content_sha256"] == result.content_sha256 and manifest["counts"]["documents"] == 3

    with export_project.ctx.read() as s:
        stored = dict(s.execute(select(Document.guid, Document.text)).all())
        coded = {(c.guid, s.get(Document, c.document_id).text[c.start:c.end])
                 for c in s.scalars(select(Coding).where(Coding.status == "applied"))}
    assert texts == stored
    found = set()
    for source in root.iterfind("q:Sources/q:TextSource", NS):
        for selection in source.iterfind("q:PlainTextSelection", NS):
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            for coding in selection.iterfind("q:Coding", NS):
                found.add((coding.get("guid"), texts[source.get("guid")][start:end]))
    assert coded <= found  # the rest are the speakers' turns
    speakers = root.find("q:CodeBook/q:Codes/q:Code[@name='Sprekers']", NS)
    assert speakers.get("isCodable") == "false"
    assert {c.get("name") for c in speakers} - {None} >= {"Interviewer", "Jan de Vries", "Fatima Bakker"}
    memo_refs = root.findall(".//q:Coding/q:NoteRef", NS) + root.findall("q:NoteRef", NS)
    assert len(memo_refs) == 3  # two coding memos and the project memo
    assert root.find("q:Variables/q:Variable[@name='jaren ervaring']", NS).get("typeOfVariable") == "Integer"


def test_the_same_state_exports_the_same_content(export_project, tmp_path):
    first = export_project.exports.qdpx(tmp_path / "a.qdpx")
    second = export_project.exports.qdpx(tmp_path / "b.qdpx")
    assert first.content_sha256 == second.content_sha256
    with zipfile.ZipFile(tmp_path / "a.qdpx") as a, zipfile.ZipFile(tmp_path / "b.qdpx") as b:
        assert a.read("project.qde") == b.read("project.qde")


def _snapshot(project) -> dict:
    with project.ctx.read() as s:
        docs = {d.id: d for d in s.scalars(select(Document))}
        codes = {c.id: c for c in s.scalars(select(Code))}
        coders = dict(s.execute(select(Coder.id, Coder.name)).all())
        attributes = dict(s.execute(select(Attribute.id, Attribute.name)).all())

        def path(code_id):
            code = codes[code_id]
            return (path(code.parent_id) + "/" if code.parent_id else "") + code.name

        return {
            "documents": sorted((d.guid, d.title, d.text) for d in docs.values()),
            "codes": sorted((c.guid, path(c.id), c.description, c.when_to_use, c.colour) for c in codes.values()),
            "codings": sorted((c.guid, docs[c.document_id].title, path(c.code_id), coders[c.coder_id], c.start, c.end)
                              for c in s.scalars(select(Coding).where(Coding.status == "applied"))),
            "memos": sorted((m.title, m.text, coders.get(m.author_id), bool(m.document_id), bool(m.code_id),
                             bool(m.coding_id)) for m in s.scalars(select(Memo))),
            "attributes": sorted((docs[v.document_id].title if v.document_id else "case", attributes[v.attribute_id],
                                  v.value_text, v.value_number, v.value_date, v.value_bool)
                                 for v in s.scalars(select(AttributeValue))),
            "turns": sorted((docs[t.document_id].title, t.start, t.end, t.speaker, t.t_start, t.t_end)
                            for t in s.scalars(select(Turn)) if t.speaker),
            "cases": sorted((c.name, c.description) for c in s.scalars(select(Case))),
            "case_documents": sorted(docs[cd.document_id].title for cd in s.scalars(select(CaseDocument))),
        }


def test_round_trip_keeps_documents_codes_codings_memos_and_attributes(export_project, fresh_project, tmp_path):
    out = tmp_path / "wijk.qdpx"
    export_project.exports.qdpx(out)
    report = fresh_project.exports.import_project(out)
    assert (report.documents, report.codings, report.memos, report.cases) == (3, 8, 5, 1)
    assert report.dropped == () and report.unmapped == ()
    assert _snapshot(fresh_project) == _snapshot(export_project)

    again = fresh_project.exports.import_project(out)
    assert (again.documents, again.documents_merged, again.codings, again.codings_skipped) == (0, 3, 0, 8)
    assert again.codes_matched == 7 and again.codes_added == 0


@pytest.mark.parametrize("name", SAMPLES)
def test_each_real_sample_imports(fresh_project, name):
    report = fresh_project.exports.import_project(shared_path("refi-qda", "samples", name))
    with fresh_project.ctx.read() as s:
        codes = {c.name: c for c in s.scalars(select(Code))}
        coders = set(s.scalars(select(Coder.name)))
    if name.startswith("atlasti-23.2-win_blank"):
        assert codes == {} and {"Enric Llagostera", "ATLAS.ti"} <= coders
    elif name.startswith("atlasti-23.2-win_target"):
        assert codes["2022-05-10T02:05:59Z 19e4dce"].parent_id == codes["Commits"].id
    elif name.startswith("atlasti-8.4"):
        assert codes["diet Coke"].parent_id == codes["Coke"].id and len(codes) == 14
        assert report.memos == 2
        assert any(line.startswith("Links") for line in report.dropped)
        assert any("text file is not in the package" in line for line in report.dropped)
    else:
        assert report.codes_added == 262
        assert any("no text" in line for line in report.dropped)


def test_other_programs_positions_are_mapped(fresh_project):
    nvivo = fresh_project.exports.import_project(DATA / "nvivo-windows-style.qdpx")
    assert nvivo.position_model == "UTF-16 units" and len(nvivo.unmapped) == 1
    atlas = fresh_project.exports.import_project(DATA / "atlasti-style.qdpx")
    assert atlas.position_model == "code points, CRLF counted once"
    qualcoder = fresh_project.exports.import_project(DATA / "qualcoder-style.qdpx")
    assert qualcoder.cases == 1
    with fresh_project.ctx.read() as s:
        coded = sorted(s.get(Document, c.document_id).text[c.start:c.end] for c in s.scalars(select(Coding)))
        memos = {m.text: (m.coding_id is not None) for m in s.scalars(select(Memo))}
    assert coded == sorted([
        "de bewoners dragen de plek.", "Die is voor één jaar, dat is lastig 🙁.", "We willen het project borgen.",
        "Maar er is geen meerjarig kader, zeker niet na 2025.", "Huur is het enige verdienmodel.",
    ])
    assert memos == {"Bewoners voelen zich eigenaar.\n": True, "Belangrijk voor de borging.": True}


def _zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return path


MINIMAL = b'<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="x"/>'
XXE = (b'<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
       b'<Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>')


@pytest.mark.parametrize("case", ["slip", "absolute", "bomb", "xxe", "damaged", "garbage", "two-qde", "missing"])
def test_hostile_or_broken_packages_change_nothing(export_project, tmp_path, case):
    path = tmp_path / "evil.qdpx"
    if case == "slip":
        _zip(path, {"project.qde": MINIMAL, "../../evil.txt": b"x"})
    elif case == "absolute":
        _zip(path, {"project.qde": MINIMAL, "/etc/evil.txt": b"x"})
    elif case == "bomb":
        _zip(path, {"project.qde": MINIMAL, "sources/a.txt": bytes(20 * 1024 * 1024)})
    elif case == "xxe":
        _zip(path, {"project.qde": XXE})
    elif case == "damaged":
        export_project.exports.qdpx(tmp_path / "good.qdpx")
        data = (tmp_path / "good.qdpx").read_bytes()
        path.write_bytes(data[: len(data) // 2])
    elif case == "garbage":
        path.write_bytes(b"\x00\x01 not a project at all")
    elif case == "two-qde":
        _zip(path, {"a.qde": MINIMAL, "b.qde": MINIMAL})
    before = _counts(export_project)
    with pytest.raises(ImportFailed) as raised:
        export_project.exports.import_project(path)
    message = str(raised.value)
    assert str(path) in message and "\n" not in message and message.endswith(".")
    assert _counts(export_project) == before


def _counts(project) -> tuple:
    with project.ctx.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) for t in (Document, Code, Coding, Memo, Event))


def test_an_unwritable_place_is_one_sentence(export_project, tmp_path):
    blocker = tmp_path / "notes.txt"
    blocker.write_text("a file, not a folder")
    for place in (blocker / "x.qdpx", tmp_path, Path("/proc/workbench-test.qdpx")):
        with pytest.raises(InvalidInput) as raised:
            export_project.exports.qdpx(place)
        assert str(place) in str(raised.value) and "\n" not in str(raised.value)
    assert not list(tmp_path.glob("*.part"))
