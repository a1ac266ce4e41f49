"""Pseudonymise a whole exchanged project: texts (with their spans moved along), titles, speakers,
attributes, cases, notes, users and the codebook's words."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from workbench.domain.codebook import Codebook, CodeSpec
from workbench.domain.project_exchange import ExchangeDocument, ExchangeProject, ExchangeTurn
from workbench.domain.pseudonyms import Replacer


def _pairs(replacer: Replacer, pairs: tuple[tuple[str, Any], ...]) -> tuple[tuple[str, Any], ...]:
    return tuple((replacer.text(name), replacer.attribute(name, value)) for name, value in pairs)


def _code(replacer: Replacer, spec: CodeSpec) -> CodeSpec:
    return replace(
        spec, name=replacer.text(spec.name), name_en=replacer.text(spec.name_en),
        definition=replacer.text(spec.definition), when_to_use=replacer.text(spec.when_to_use),
        when_not_to_use=replacer.text(spec.when_not_to_use), example=replacer.text(spec.example),
        children=tuple(_code(replacer, child) for child in spec.children),
    )


def pseudonymise_codebook(codebook: Codebook, replacer: Replacer) -> Codebook:
    """The codebook with names replaced in every code's words (examples often quote people)."""
    if replacer.empty:
        return codebook
    return replace(codebook, title=replacer.text(codebook.title), description=replacer.text(codebook.description),
                   authors=codebook.authors, codes=tuple(_code(replacer, c) for c in codebook.codes))


def pseudonymise_project(project: ExchangeProject, replacer: Replacer) -> ExchangeProject:
    """The project with every registered name replaced; coded spans follow the changed texts."""
    if replacer.empty:
        return project
    documents: list[ExchangeDocument] = []
    rewrites = {}
    for document in project.documents:
        rewritten = replacer.rewrite(document.text)
        rewrites[document.guid] = rewritten
        turns = tuple(
            ExchangeTurn(rewritten.offset(t.start), rewritten.offset(t.end, end=True), replacer.text(t.speaker),
                         t.t_start, t.t_end)
            for t in document.turns
        )
        documents.append(replace(
            document, title=replacer.text(document.title), text=rewritten.text, turns=turns,
            attributes=_pairs(replacer, document.attributes), description=replacer.text(document.description),
        ))
    codings = []
    for coding in project.codings:
        moved = rewrites.get(coding.document_guid)
        if moved is None:
            codings.append(coding)
            continue
        codings.append(replace(coding, start=moved.offset(coding.start),
                               end=moved.offset(coding.end, end=True)))
    return replace(
        project,
        name=replacer.text(project.name),
        codebook=pseudonymise_codebook(project.codebook, replacer),
        users=tuple(replace(u, name=replacer.text(u.name)) for u in project.users),
        variables=tuple(replace(v, name=replacer.text(v.name), description=replacer.text(v.description))
                        for v in project.variables),
        cases=tuple(replace(c, name=replacer.text(c.name), description=replacer.text(c.description),
                            attributes=_pairs(replacer, c.attributes)) for c in project.cases),
        documents=tuple(documents),
        codings=tuple(codings),
        notes=tuple(replace(n, title=replacer.text(n.title), text=replacer.text(n.text)) for n in project.notes),
    )
