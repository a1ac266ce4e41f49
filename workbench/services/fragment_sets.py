"""Gather the fragments an export holds: retrieval's fragments under the export's filter (codes, a code
query, attributes, coders, blind coding), with the codes, cases and attributes around them, pseudonymised
when asked."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import defaultdict
from dataclasses import replace
from typing import Any

from sqlalchemy import select

from workbench.domain.code_fragments import ALONE_MARK, join_fragments
from workbench.domain.codebook import content_hash
from workbench.domain.codings import Fragment
from workbench.domain.errors import InvalidInput
from workbench.domain.exports import CodeInfo, FragmentFilter, FragmentSet
from workbench.domain.pseudonyms import Replacer
from workbench.domain.queries import Binary, CodeRef, Positional, parse
from workbench.domain.spans import merge
from workbench.services.codebook_rows import entries, project_codebook
from workbench.services.context import ServiceContext
from workbench.services.visibility import visible_selection
from workbench.store.schema import Attribute, Case, CaseDocument, Memo, ProjectSettings


def _code_leaves(node) -> list[CodeRef]:
    if isinstance(node, (Binary, Positional)):
        return _code_leaves(node.left) + _code_leaves(node.right)
    return [node] if isinstance(node, CodeRef) else []


def _within_hits(fragments: list[Fragment], hits) -> list[Fragment]:
    """The fragments that share at least one character with a hit of the query."""
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for hit in hits:
        spans[hit.document_id].append((hit.start, hit.end))
    merged = {doc: merge(found) for doc, found in spans.items()}
    starts = {doc: [start for start, _end in found] for doc, found in merged.items()}
    kept = []
    for fragment in fragments:
        # Merged hits are disjoint and sorted, so only the last one starting before the fragment's end can overlap.
        index = bisect_left(starts.get(fragment.document_id, []), fragment.end) - 1
        if index >= 0 and merged[fragment.document_id][index][1] > fragment.start:
            kept.append(fragment)
    return kept


def _path(replacer: Replacer, path: str) -> str:
    return "/".join(replacer.text(part) for part in path.split("/")) if not replacer.empty else path


def _fragment(f: Fragment, replacer: Replacer) -> Fragment:
    if replacer.empty:
        return f
    text = replacer.text
    attributes = {text(k): replacer.attribute(k, v) for k, v in f.attributes.items()}
    return replace(f, document=text(f.document), code="; ".join(_path(replacer, c) for c in f.code.split("; ")),
                   coder=text(f.coder), text=text(f.text), context=text(f.context), speaker=text(f.speaker),
                   memo=text(f.memo), attributes=attributes, codes=tuple(_path(replacer, c) for c in f.codes),
                   coders=tuple(text(c) for c in f.coders), memos=tuple(text(m) for m in f.memos))


def code_infos(s, replacer: Replacer) -> tuple[CodeInfo, ...]:
    memos: dict[int, list[str]] = defaultdict(list)
    for code_id, title, body in s.execute(select(Memo.code_id, Memo.title, Memo.text)
                                          .where(Memo.code_id.is_not(None)).order_by(Memo.id)):
        memos[code_id].append(_memo_text(title, body))
    text = replacer.text
    return tuple(
        CodeInfo(path=_path(replacer, e.path), name=text(e.name), depth=e.depth, colour=e.colour,
                 definition=text(e.definition), when_to_use=text(e.when_to_use),
                 when_not_to_use=text(e.when_not_to_use), example=text(e.example), codable=e.codable,
                 memos=tuple(text(m) for m in memos.get(e.id, ())))
        for e in entries(s)
    )


def collect(ctx: ServiceContext, filters: FragmentFilter, replacer: Replacer) -> FragmentSet:
    """The fragments of the filter with what the export shows beside them; InvalidInput when none match."""
    from workbench.services.queries import QueryService
    from workbench.services.retrieval import RetrievalService

    with ctx.read() as s:
        selection = visible_selection(ctx, filters.selection, s)
        codebook = project_codebook(s)
        roots = [spec.guid for spec in codebook.codes]
        order = [entry.path for entry in entries(s)]
    codes: list[str] = list(filters.codes)
    if not codes and filters.query:
        codes = [ALONE_MARK + leaf.name if leaf.subcodes is False else leaf.name
                 for leaf in _code_leaves(parse(filters.query))]
    codes = codes or roots
    if not codes:
        raise InvalidInput("The codebook has no codes yet, so there are no coded fragments to export.")
    codings = RetrievalService(ctx).codings(codes, subcodes=filters.subcodes, context=filters.context,
                                            selection=selection)
    if filters.query and codings:
        hits = QueryService(ctx).run(filters.query, unit="span", selection=selection, with_text=False,
                                     subcodes=filters.subcodes).hits
        codings = _within_hits(codings, hits)
    if not codings:
        raise InvalidInput(f"No coded fragment matches this filter ({_describe(filters)}), so nothing was "
                           "written; widen the filter.")
    fragments = _joined_by_theme(codings, filters.per_coder, order)
    with ctx.read() as s:
        cases: dict[int, list[str]] = defaultdict(list)
        for document_id, name in s.execute(select(CaseDocument.document_id, Case.name)
                                           .join(Case, Case.id == CaseDocument.case_id).order_by(Case.name)):
            cases[document_id].append(replacer.text(name))
        present = {name for f in fragments for name in f.attributes}
        names = [n for n in s.scalars(select(Attribute.name).order_by(Attribute.name)) if n in present]
        language = s.scalar(select(ProjectSettings.default_language).limit(1)) or "nl"
        project = s.scalar(select(ProjectSettings.name).limit(1)) or "Project"
        infos = code_infos(s, replacer)
        document_memos = _document_memos(s, {f.document_id for f in fragments}, replacer)
    return FragmentSet(
        project=replacer.text(project), fragments=tuple(_fragment(f, replacer) for f in fragments),
        codes=infos, cases={k: tuple(v) for k, v in cases.items()},
        attribute_names=tuple(replacer.text(n) for n in names), filters=_shown_filters(filters, replacer),
        codebook_version=content_hash(codebook)[:12], codebook_title=replacer.text(codebook.title), language=language,
        pseudonymised=not replacer.empty,
        exported_at=dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M"),
        codings=tuple(_fragment(f, replacer) for f in codings), document_memos=document_memos,
        subcodes=filters.subcodes, per_coder=filters.per_coder,
    )


def _joined_by_theme(codings: list[Fragment], per_coder: bool, order: list[str]) -> list[Fragment]:
    """The export's fragments: the codings joined by `domain.code_fragments` within each top-level theme, so that
    every row belongs to one theme's sheet; in document order."""
    themes: dict[str, list[Fragment]] = defaultdict(list)
    for coding in codings:
        themes[coding.code.split("/", 1)[0]].append(coding)
    joined = [f for found in themes.values() for f in join_fragments(found, per_coder=per_coder, code_order=order)]
    return sorted(joined, key=lambda f: (f.document_id, f.start, f.end, f.code))


def _memo_text(title: str, body: str) -> str:
    return f"{title}: {body}" if title and body else title or body


def _document_memos(s, document_ids: set[int], replacer: Replacer) -> dict[int, tuple[str, ...]]:
    """The memos written on the exported documents, in the order they were written."""
    memos: dict[int, list[str]] = defaultdict(list)
    query = select(Memo.document_id, Memo.title, Memo.text).where(Memo.document_id.is_not(None)).order_by(Memo.id)
    for document_id, title, body in s.execute(query):
        if document_id in document_ids and (title or body):
            memos[document_id].append(replacer.text(_memo_text(title, body)))
    return {k: tuple(v) for k, v in memos.items()}


def _shown_filters(filters: FragmentFilter, replacer: Replacer) -> dict[str, Any]:
    """The filter as the export shows it; names typed into it (a speaker, a title) are replaced too."""
    described = filters.describe()
    if replacer.empty:
        return described
    return {key: [replacer.text(v) if isinstance(v, str) else v for v in value] if isinstance(value, list)
            else replacer.text(value) if isinstance(value, str) else value for key, value in described.items()}


def _describe(filters: FragmentFilter) -> str:
    parts: list[Any] = []
    if filters.codes:
        parts.append("codes " + ", ".join(filters.codes))
    if filters.query:
        parts.append(f"query {filters.query!r}")
    s = filters.selection
    parts += [f"{k}={v}" for k, v in s.attributes]
    if s.coders:
        parts.append("coders " + ", ".join(s.coders))
    if s.documents:
        parts.append("documents " + ", ".join(map(str, s.documents)))
    if s.speakers:
        parts.append("speakers " + ", ".join(s.speakers))
    return "; ".join(parts) or "every code"
