"""Run code queries (`A AND B`, `A NEAR/2 B`, ...) over the project's codings at a chosen unit."""

from __future__ import annotations

import difflib
from collections import defaultdict
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.code_fragments import codes_meant
from workbench.domain.errors import InvalidInput, NotFound
from workbench.domain.filters import EVERYTHING, Selection, matching_documents
from workbench.domain.queries import UNITS, AttributeRef, Binary, CodeRef, Node, Positional, SpeakerRef, parse
from workbench.domain.query_eval import QueryHit, QueryResult, evaluate
from workbench.services.coding_sets import load_spans, speaker_lookup
from workbench.services.context import ServiceContext
from workbench.services.layouts import load_layouts
from workbench.services.lookup import CodeTree
from workbench.services.selection import Scope, attribute_values, chunks, resolve_scope, resolve_speakers
from workbench.services.texts import texts_for
from workbench.services.visibility import visible_selection
from workbench.store.schema import Attribute, Document, Turn


def _unknown_code(tree: CodeTree, leaf: CodeRef) -> str:
    """One sentence naming the unknown code and the closest names the codebook has."""
    entries = tree.ordered()
    names = {entry.name: entry.path for entry in entries} | {entry.path: entry.path for entry in entries}
    close = difflib.get_close_matches(leaf.name, list(names), n=3, cutoff=0.5)
    folded = leaf.name.casefold()
    close += [name for name in names if folded and folded in name.casefold() and name not in close][: 3 - len(close)]
    paths = list(dict.fromkeys(names[name] for name in close))
    hint = (f"the closest names are {', '.join(paths)}" if len(paths) > 1 else f"the closest name is {paths[0]}"
            if paths else "`workbench codebook list` shows the codes")
    return (f"The query names '{leaf.name}' at position {leaf.position + 1}, which is not a code in the codebook; "
            f"{hint} (quote a name that holds an operator word).")


def _leaves(node: Node) -> list[Node]:
    if isinstance(node, (Binary, Positional)):
        return _leaves(node.left) + _leaves(node.right)
    return [node]


def _leaf_spans(leaves: dict[Node, dict[int, list[tuple[int, int]]]], doc_id: int, leaf: Node) -> list[tuple[int, int]]:
    """The raw spans of one query leaf in one document (none where the leaf does not occur)."""
    return leaves[leaf].get(doc_id, [])


def _possible_documents(node: Node, leaves: dict[Node, dict[int, list[tuple[int, int]]]]) -> set[int]:
    """The documents where the query can hold: OR needs either side, NOT its left side, the rest both."""
    if not isinstance(node, (Binary, Positional)):
        return set(leaves[node])
    left = _possible_documents(node.left, leaves)
    if isinstance(node, Binary) and node.op == "NOT":
        return left
    right = _possible_documents(node.right, leaves)
    return left | right if isinstance(node, Binary) and node.op == "OR" else left & right


class QueryService:
    """Evaluates query expressions; the pure rules live in `domain.queries` and `domain.query_eval`."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def run(self, expression: str, *, unit: str = "span", selection: Selection = EVERYTHING,
            with_text: bool = True, subcodes: bool = True) -> QueryResult:
        """The hits of `expression` at `unit` (span, sentence, turn or document) among the selected codings.

        A bare code name takes its sub-codes along unless `subcodes` is off; `=CODE` is always the code alone.
        """
        if unit not in UNITS:
            raise InvalidInput(f"The unit '{unit}' is not one of {', '.join(UNITS)}.")
        tree_node = parse(expression)
        with self.ctx.read() as s:
            scope = resolve_scope(s, visible_selection(self.ctx, selection, s))
            leaves = self._resolve_leaves(s, tree_node, scope, subcodes)
            documents = _possible_documents(tree_node, leaves)
            if scope.document_ids is not None:
                documents &= scope.document_ids
            layouts = load_layouts(s, documents)
            found: dict[int, list[tuple[int, int]]] = {}
            for doc_id in sorted(documents):
                hits = evaluate(tree_node, unit, layouts[doc_id], partial(_leaf_spans, leaves, doc_id))
                if hits:
                    found[doc_id] = hits
            named = [subcodes if leaf.subcodes is None else leaf.subcodes
                     for leaf in _leaves(tree_node) if isinstance(leaf, CodeRef)]
            return QueryResult(expression, unit, tuple(self._hits(s, found, unit, with_text)), len(found),
                               subcodes=any(named))

    def _resolve_leaves(self, s: Session, node: Node, scope: Scope,
                        subcodes: bool = True) -> dict[Node, dict[int, list[tuple[int, int]]]]:
        """The raw spans of every leaf of the query, per document."""
        tree = CodeTree.load(s)
        leaves: dict[Node, dict[int, list[tuple[int, int]]]] = {}
        wanted: dict[Node, list[int]] = {}
        for leaf in _leaves(node):
            if isinstance(leaf, CodeRef):
                try:
                    entry = tree.resolve(leaf.name)
                except NotFound:
                    raise NotFound(_unknown_code(tree, leaf)) from None
                with_subcodes = subcodes if leaf.subcodes is None else leaf.subcodes
                wanted[leaf] = codes_meant(entry.id, with_subcodes, tree.descendants)
            elif isinstance(leaf, AttributeRef):
                leaves[leaf] = self._attribute_leaf(s, leaf, scope)
            elif isinstance(leaf, SpeakerRef):
                leaves[leaf] = self._speaker_leaf(s, leaf, scope)
        spans = load_spans(s, scope, {code for ids in wanted.values() for code in ids}, coders=False)
        for leaf, ids in wanted.items():
            codes = set(ids)
            per_doc: dict[int, list[tuple[int, int]]] = defaultdict(list)
            for doc, code, start, end in spans:
                if code in codes:
                    per_doc[doc].append((start, end))
            leaves[leaf] = dict(per_doc)
        return leaves

    def _attribute_leaf(self, s: Session, leaf: AttributeRef, scope: Scope) -> dict[int, list[tuple[int, int]]]:
        known = {name.casefold() for name in s.scalars(select(Attribute.name))}
        if leaf.key.casefold() not in known:
            raise NotFound(
                f"The query names the attribute '{leaf.key}' at position {leaf.position + 1}, which no document has."
            )
        docs = matching_documents(attribute_values(s), [(leaf.key, leaf.value)])
        if scope.document_ids is not None:
            docs &= scope.document_ids
        lengths = load_layouts(s, docs)
        return {doc: [(0, layout.length)] for doc, layout in lengths.items() if layout.length}

    def _speaker_leaf(self, s: Session, leaf: SpeakerRef, scope: Scope) -> dict[int, list[tuple[int, int]]]:
        names = resolve_speakers(s, [leaf.name])
        query = select(Turn.document_id, Turn.start, Turn.end).where(Turn.speaker.in_(names))
        per_doc: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for doc_id, start, end in s.execute(query).all():
            if scope.document_ids is None or doc_id in scope.document_ids:
                per_doc[doc_id].append((start, end))
        return dict(per_doc)

    def _hits(self, s: Session, found: dict[int, list[tuple[int, int]]], unit: str, with_text: bool) -> list[QueryHit]:
        titles: dict[int, str] = {}
        for part in chunks(sorted(found)):
            titles.update(s.execute(select(Document.id, Document.title).where(Document.id.in_(part))).all())
        texts = texts_for(s, found) if with_text and unit != "document" else {}
        speaker = speaker_lookup(s, found)
        hits = []
        for doc_id, spans in found.items():
            text = texts.get(doc_id, "")
            for start, end in spans:
                hits.append(QueryHit(doc_id, titles[doc_id], start, end, text[start:end],
                                     speaker(doc_id, start) if unit != "document" else None))
        return hits
