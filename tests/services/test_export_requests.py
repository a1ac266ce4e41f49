"""One way in for every export: a request names the kind, format, file and fragments, and the service writes it."""

from __future__ import annotations

import openpyxl
import pytest

from tests.services.analysis_fixtures import build_corpus
from workbench.domain.errors import InvalidInput
from workbench.domain.export_request import ExportRequest, split_query, view_filter


def test_the_query_box_is_read_as_retrieval_reads_it():
    assert split_query("Vertrouwen") == (("Vertrouwen",), None)
    assert split_query("Vertrouwen OR Financiering/Huurinkomsten") == ((), "Vertrouwen OR Financiering/Huurinkomsten")
    wanted = view_filter(("Financiering",), "Vertrouwen", "coder=anna organisation=gemeente", subcodes=False)
    assert wanted.codes == ("Financiering", "Vertrouwen") and wanted.query is None and not wanted.subcodes
    assert wanted.selection.coders == ("anna",) and wanted.selection.attributes == (("organisation", "gemeente"),)


def test_a_fragments_request_writes_what_the_retrieval_lists(project, tmp_path):
    build_corpus(project)
    listed = project.retrieval.fragments(["Vertrouwen"], subcodes=False)
    out = tmp_path / "alleen.xlsx"
    done = project.exports.write(ExportRequest("fragments", "xlsx", out, view_filter((), "Vertrouwen", "",
                                                                                     subcodes=False)))
    rows = list(openpyxl.load_workbook(out).worksheets[0].iter_rows(min_row=2, values_only=True))
    assert done.path == str(out) and len([r for r in rows if any(r)]) == len(listed)


def test_an_unknown_kind_is_one_sentence(project, tmp_path):
    with pytest.raises(InvalidInput, match="no export of the kind 'pdf'"):
        project.exports.write(ExportRequest("pdf", "pdf", tmp_path / "x.pdf"))
