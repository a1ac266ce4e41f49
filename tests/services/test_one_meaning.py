"""Property: on random projects (codes with sub-codes, one to three coders, overlapping codings) every view of
the same filter gives the same fragments and the same count.

The views: the CLI's `retrieve` and `query` (run in process), the Retrieval screen's list (through the service
call the screen makes, with the code's GUID and its sub-codes toggle), the fragments workbook's rows and its
Code × document total, the theme summary's quotes and counts, and the frequency matrix's cell sums.
"""

from __future__ import annotations

import contextlib
import io
import json
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import delete, select

from tests.services.analysis_fixtures import CODES, build_corpus
from workbench.domain.exports import FragmentFilter, ThemeOptions
from workbench.domain.filters import Selection
from workbench.domain.pseudonyms import Replacer
from workbench.domain.theme_summary import plan_summary
from workbench.project import Project
from workbench.store.schema import Code, Coder, Coding

CODERS = ("anna", "bram", "carla")
PATHS = [path for path, _codable in CODES]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """One SQLite project with the corpus' documents and codes; each example replaces its codings."""
    directory = tmp_path_factory.mktemp("one-meaning") / "project"
    with Project.init(directory, name="Testproject", coder="anna") as project:
        corpus = build_corpus(project, with_codings=False)
        with project.ctx.change("coder.create", summary="Coders", undoable=False) as unit:
            for name in CODERS[1:]:
                if unit.session.scalar(select(Coder.id).where(Coder.name == name)) is None:
                    unit.session.add(Coder(name=name, guid=str(uuid.uuid4())))
        yield project, corpus, directory, tmp_path_factory.mktemp("exports")


def _codings():
    """Codings as (document key, code path, coder, passage, shift, length): codings of the same passage of a
    document start a few characters apart, so they overlap often, and passages may run into each other."""
    return st.lists(st.tuples(st.sampled_from(("gemeente", "corporatie")), st.sampled_from(PATHS[:6]),
                              st.sampled_from(CODERS), st.integers(0, 3), st.integers(0, 12), st.integers(1, 70)),
                    min_size=1, max_size=16)


def _store(project, corpus, codings) -> None:
    with project.ctx.change("coding.test", summary="Random codings", undoable=False) as unit:
        s = unit.session
        s.execute(delete(Coding))
        coders = dict(s.execute(select(Coder.name, Coder.id)).all())
        codes = {}
        for path in PATHS:
            codes[path] = corpus.codes[path]
        made = set()
        for key, path, coder, passage, shift, length in codings:
            text = corpus.texts[key]
            start = min(len(text) - 1, passage * len(text) // 4 + shift)
            end = min(len(text), start + length)
            if (key, path, coder, start, end) in made:
                continue  # a coder codes a stretch with a code once
            made.add((key, path, coder, start, end))
            s.add(Coding(guid=str(uuid.uuid4()), document_id=corpus.documents[key], code_id=codes[path],
                         coder_id=coders[coder], start=start, end=end, status="applied", origin="manual"))


def _cli(directory, *args) -> object:
    """The CLI's JSON answer, run in this process."""
    from workbench.cli import app
    from workbench.cli.errors import run

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(app, ["--project", str(directory), "--coder", "anna", *map(str, args)])
    assert code == 0, err.getvalue()
    return json.loads(out.getvalue())


def _places(items) -> list[tuple[int, int, int]]:
    return sorted((item["document_id"], item["start"], item["end"]) if isinstance(item, dict)
                  else (item.document_id, item.start, item.end) for item in items)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(codings=_codings(), code=st.sampled_from(PATHS), subcodes=st.booleans(),
       coders=st.sets(st.sampled_from(CODERS), max_size=2), per_coder=st.booleans())
def test_every_view_agrees_on_the_fragments_of_a_code(world, codings, code, subcodes, coders, per_coder):
    project, corpus, directory, exports = world
    _store(project, corpus, codings)
    name = code if subcodes else f"={code}"
    selection = Selection(coders=tuple(sorted(coders)))
    coder_options = [option for coder in sorted(coders) for option in ("--coder", coder)]
    scope = [] if subcodes else ["--only"]

    # The one definition, as the service gives it: each fragment named once, with every coder in it.
    fragments = project.retrieval.fragments([code], subcodes=subcodes, selection=selection)
    expected = _places(fragments)
    for fragment in fragments:
        assert len(fragment.coders) == len(set(fragment.coders)) >= 1
        assert fragment.text == corpus.texts[_key(corpus, fragment.document_id)][fragment.start:fragment.end]

    retrieved = _cli(directory, "retrieve", code, *scope, *coder_options, "--json")
    assert _places(retrieved) == expected
    queried = _cli(directory, "query", name, *coder_options, "--json")
    assert _places(queried["hits"]) == expected

    # The Retrieval screen ticks the code by its GUID and passes its sub-codes toggle.
    with project.ctx.read() as s:
        guid = s.scalar(select(Code.guid).where(Code.id == corpus.codes[code]))
    assert _places(project.retrieval.fragments([guid], subcodes=subcodes, selection=selection)) == expected

    matrix = project.matrices.frequencies(by="documents", codes=[code], subcodes=subcodes, selection=selection)
    assert sum(matrix.values[0]) == matrix.row_totals[0] == len(expected)
    by_coder = project.matrices.frequencies(by="coders", codes=[code], subcodes=subcodes, selection=selection)
    per_coder_view = project.retrieval.fragments([code], subcodes=subcodes, selection=selection, per_coder=True)
    assert sum(by_coder.values[0]) == len(per_coder_view) >= len(expected)

    filters = FragmentFilter(codes=(code,), subcodes=subcodes, selection=selection, per_coder=per_coder)
    shown = per_coder_view if per_coder else fragments
    if not expected:
        return
    out = exports / "fragmenten.xlsx"
    project.exports.fragments(out, filters=filters)
    book = load_workbook(out, read_only=True)
    rows = list(book.worksheets[0].iter_rows(values_only=True))  # every fragment, whatever the language calls it
    titles = {f.document: f.document_id for f in shown}
    # Each row: the document first, the fragment's start and end last.
    assert sorted((titles[r[0]], r[-2], r[-1]) for r in rows[1:]) == _places(shown)
    totals = {r[0]: r[-2] for r in book["Code × document"].iter_rows(min_row=2, values_only=True)}
    assert totals[code] == len(shown)
    book.close()

    from workbench.services.fragment_sets import collect

    data = collect(project.ctx, FragmentFilter(codes=(code,), subcodes=subcodes, selection=selection,
                                               context="none", per_coder=per_coder), Replacer([]))
    plan = plan_summary(data, {}, ThemeOptions(charts=False))
    section = next(part for part in plan.sections if part.code.path == code)
    assert section.total.fragments == len(shown) == sum(row.fragments for row in section.counts)
    alone = project.retrieval.fragments([f"={code}"], selection=selection, per_coder=per_coder)
    assert section.available == len(alone)
    quoted = sorted((q.document_id, q.start) for _group, quotes in section.groups for q in quotes)
    assert quoted == sorted((f.document_id, f.start) for f in alone)


def _key(corpus, document_id: int) -> str:
    return next(key for key, value in corpus.documents.items() if value == document_id)
