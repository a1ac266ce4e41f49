"""Reading the monitoring tables into the domain's records, a whole list of entries at once."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from workbench.domain import monitoring as d
from workbench.domain.monitoring_agenda import FollowUpAction, LearningQuestion, StatusChange
from workbench.services.monitoring_lookup import code_paths
from workbench.store.schema import (
    Actor, Code, Coder, Coding, Document, FollowUpAction as ActionRow, LearningQuestion as QuestionRow,
    LearningQuestionStatus, LogEntry, LogEntryActor, LogEntryLink, Memo,
)

QUOTE_LIMIT = 600  # characters of a coded fragment shown as a quote


def actors_by_id(s: Session) -> dict[int, d.Actor]:
    """The whole actor register as domain records."""
    rows = s.scalars(select(Actor)).all()
    names = {row.id: row.name for row in rows}
    return {
        row.id: d.Actor(row.id, row.name, row.kind, row.organisation_type, row.role, row.pseudonym,
                        names.get(row.organisation_id) if row.organisation_id else None)
        for row in rows
    }


def phase_view(row) -> d.Phase:
    return d.Phase(row.id, row.name, row.start, row.end, row.track, row.description)


def _coder_names(s: Session) -> dict[int | None, str]:
    return dict(s.execute(select(Coder.id, Coder.name)).all())


def _links(s: Session, ids, paths: dict[int, str]) -> tuple[dict, dict]:
    links: dict[int, list[d.EntryLink]] = defaultdict(list)
    quotes: dict[int, list[d.Quote]] = defaultdict(list)
    rows = s.scalars(select(LogEntryLink).where(LogEntryLink.entry_id.in_(ids)).order_by(LogEntryLink.id)).all()
    doc_ids = {r.document_id for r in rows if r.document_id}
    coding_rows = {c.id: c for c in s.scalars(select(Coding).where(Coding.id.in_({r.coding_id for r in rows if r.coding_id})))}
    doc_ids |= {c.document_id for c in coding_rows.values()}
    titles = dict(s.execute(select(Document.id, Document.title).where(Document.id.in_(doc_ids))).all())
    for row in rows:
        if row.document_id:
            links[row.entry_id].append(d.EntryLink(row.id, "document", row.document_id, titles.get(row.document_id, "")))
        elif row.code_id:
            links[row.entry_id].append(d.EntryLink(row.id, "code", row.code_id, paths.get(row.code_id, "")))
        elif row.coding_id and (coding := coding_rows.get(row.coding_id)):
            title, path = titles.get(coding.document_id, ""), paths.get(coding.code_id, "")
            links[row.entry_id].append(d.EntryLink(row.id, "coding", coding.id, f"{path} in {title} [{coding.start}-{coding.end}]"))
            # Only the coded span is read; SQL substr counts characters from 1, as both backends do.
            span = s.scalar(select(func.substr(Document.text, coding.start + 1, coding.end - coding.start))
                            .where(Document.id == coding.document_id)) or ""
            fragment = " ".join(span.split())
            if len(fragment) > QUOTE_LIMIT:
                fragment = fragment[:QUOTE_LIMIT].rsplit(" ", 1)[0] + " …"
            quotes[row.entry_id].append(d.Quote(title, path, fragment))
    return links, quotes


def _marks(s: Session, ids) -> tuple[dict, dict]:
    questions: dict[int | None, list[d.QuestionMark]] = defaultdict(list)
    texts = {}
    for row in s.scalars(select(QuestionRow).where(QuestionRow.raised_entry_id.in_(ids)).order_by(QuestionRow.id)):
        texts[row.id] = row.text
        questions[row.raised_entry_id].append(d.QuestionMark(row.id, row.text, "open"))
    changes = s.execute(
        select(LearningQuestionStatus, QuestionRow.text)
        .join(QuestionRow, QuestionRow.id == LearningQuestionStatus.question_id)
        .where(LearningQuestionStatus.entry_id.in_(ids)).order_by(LearningQuestionStatus.date, LearningQuestionStatus.id)
    ).all()
    for change, text in changes:
        mark = d.QuestionMark(change.question_id, text, change.status)
        if mark not in questions[change.entry_id]:
            questions[change.entry_id].append(mark)
    actions: dict[int | None, list[d.ActionMark]] = defaultdict(list)
    for action_row in s.scalars(select(ActionRow).where(ActionRow.entry_id.in_(ids)).order_by(ActionRow.id)):
        actions[action_row.entry_id].append(d.ActionMark(action_row.id, action_row.action, action_row.owner, action_row.due, action_row.status))
    return questions, actions


def load_entries(s: Session, query: Select | None = None) -> list[d.LogEntry]:
    """The entries a query on LogEntry selects (all of them by default), in date order, with everything on them."""
    query = query if query is not None else select(LogEntry)
    # Sorted here, not in SQL: SQLite and PostgreSQL put entries without a time at opposite ends.
    rows = sorted(s.scalars(query).all(), key=lambda r: (r.date, r.time or dt.time.min, r.id))
    if not rows:
        return []
    ids = [row.id for row in rows] if len(rows) <= 5000 else select(query.subquery().c.id)
    register = actors_by_id(s)
    present: dict[int, list[d.Actor]] = defaultdict(list)
    for entry_id, actor_id in s.execute(select(LogEntryActor.entry_id, LogEntryActor.actor_id).where(LogEntryActor.entry_id.in_(ids))):
        present[entry_id].append(register[actor_id])
    coders = _coder_names(s)
    paths = code_paths(s)
    links, quotes = _links(s, ids, paths)
    memos: dict[int | None, list[d.EntryMemo]] = defaultdict(list)
    for memo in s.scalars(select(Memo).where(Memo.log_entry_id.in_(ids)).order_by(Memo.created_at, Memo.id)):
        memos[memo.log_entry_id].append(d.EntryMemo(memo.id, memo.title, memo.text, coders.get(memo.author_id), memo.created_at))
    questions, actions = _marks(s, ids)
    return [
        d.LogEntry(
            id=row.id, guid=row.guid, date=row.date, type=row.type, title=row.title, end_date=row.end_date,
            time=row.time, location=row.location, actors=tuple(sorted(present[row.id], key=lambda a: a.name.casefold())),
            observation=row.observation, interpretation=row.interpretation, reflection=row.reflection,
            significance=row.significance, significance_why=row.significance_why, confidentiality=row.confidentiality,
            author=coders.get(row.author_id), links=tuple(links[row.id]), memos=tuple(memos[row.id]),
            questions=tuple(questions[row.id]), actions=tuple(actions[row.id]), quotes=tuple(quotes[row.id]),
            created_at=row.created_at, updated_at=row.updated_at,
        )
        for row in rows
    ]


def load_questions(s: Session, today: dt.date) -> list[LearningQuestion]:
    """Every learning question with its status history, oldest first."""
    titles: dict[int | None, str] = dict(s.execute(select(LogEntry.id, LogEntry.title)).all())
    history: dict[int, list[StatusChange]] = defaultdict(list)
    for row in s.scalars(select(LearningQuestionStatus).order_by(LearningQuestionStatus.date, LearningQuestionStatus.id)):
        history[row.question_id].append(StatusChange(row.id, row.status, row.date, row.entry_id, titles.get(row.entry_id, ""), row.note))
    return [
        LearningQuestion(row.id, row.text, row.raised_by, row.raised_on, row.raised_entry_id, tuple(history[row.id]), today)
        for row in s.scalars(select(QuestionRow).order_by(QuestionRow.raised_on, QuestionRow.id))
    ]


def load_actions(s: Session, today: dt.date) -> list[FollowUpAction]:
    """Every follow-up action, those due first in due-date order."""
    entries: dict[int | None, tuple[str, dt.date | None]] = {eid: (title, day) for eid, title, day in s.execute(select(LogEntry.id, LogEntry.title, LogEntry.date))}
    rows = s.scalars(select(ActionRow).order_by(ActionRow.due.is_(None), ActionRow.due, ActionRow.id)).all()
    return [
        FollowUpAction(row.id, row.action, row.owner, row.due, row.status, row.entry_id,
                       entries.get(row.entry_id, ("", None))[0], entries.get(row.entry_id, ("", None))[1], today)
        for row in rows
    ]


def code_roots(s: Session) -> dict[int, int]:
    """The top-level ancestor (the theme) of every code, by code id."""
    parents = dict(s.execute(select(Code.id, Code.parent_id)).all())
    roots: dict[int, int] = {}
    for cid in parents:
        seen, current = 0, cid
        while (parent := parents.get(current)) is not None and seen < 64:
            current, seen = parent, seen + 1
        roots[cid] = current
    return roots
