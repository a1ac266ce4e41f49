"""The dynamic learning agenda: questions raised at entries, and every status change they go through."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from workbench.domain import monitoring_values as values
from workbench.domain.errors import InvalidInput
from workbench.domain.monitoring_agenda import LearningQuestion, check_change
from workbench.services import monitoring_lookup as find
from workbench.services.context import ServiceContext
from workbench.services.monitoring_views import load_questions
from workbench.store.schema import LearningQuestion as QuestionRow, LearningQuestionStatus


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


class AgendaService:
    """Learning questions with who raised them, when, and a dated status history."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def list(self, status: str | None = None, *, today: dt.date | None = None,
             long_open_only: bool = False) -> list[LearningQuestion]:
        """The agenda, oldest question first; optionally only one status or only questions open for long."""
        wanted = values.question_status(status) if status else None
        with self.ctx.read() as s:
            questions = load_questions(s, today or dt.date.today())
        return [q for q in questions if (wanted is None or q.status == wanted) and (q.long_open or not long_open_only)]

    def get(self, question_id: object, *, today: dt.date | None = None) -> LearningQuestion:
        with self.ctx.read() as s:
            row = find.question(s, question_id)
            return next(q for q in load_questions(s, today or dt.date.today()) if q.id == row.id)

    def raise_question(self, text: str, *, raised_by: str = "", raised_on: object = None,
                       entry: object = None) -> LearningQuestion:
        """Put a question on the agenda; it starts open on the day it was raised (the entry's date by default)."""
        text = " ".join((text or "").split())
        if not text:
            raise InvalidInput("The question is empty; write the learning question as a question.")
        with self.ctx.change("question.raise") as unit:
            s = unit.session
            at = find.optional_entry(s, entry)
            day = values.parse_date(raised_on, "The date the question was raised") if raised_on else (at.date if at else dt.date.today())
            row = QuestionRow(text=text, raised_by=(raised_by or "").strip(), raised_on=day, raised_entry_id=at.id if at else None)
            s.add(row)
            s.flush()
            s.add(LearningQuestionStatus(question_id=row.id, status="open", date=day, entry_id=row.raised_entry_id))
            unit.describe(target=f"question:{row.id}", summary=f"Raised learning question '{_short(text)}'")
            question_id = row.id
        return self.get(question_id)

    def change_status(self, question_id: object, status: str, *, on: object = None, entry: object = None,
                      note: str = "") -> LearningQuestion:
        """Record a new status (provisional answer, answered, dropped, open again) on a date, at an entry."""
        new = values.question_status(status)
        with self.ctx.change("question.status") as unit:
            s = unit.session
            row = find.question(s, question_id)
            at = find.optional_entry(s, entry)
            day = values.parse_date(on, "The date of the change") if on else (at.date if at else dt.date.today())
            history = s.scalars(select(LearningQuestionStatus).where(LearningQuestionStatus.question_id == row.id)
                                .order_by(LearningQuestionStatus.date, LearningQuestionStatus.id)).all()
            current = history[-1].status if history else "open"
            check_change(current, new, day, row.raised_on, history[-1].date if history else None)
            s.add(LearningQuestionStatus(question_id=row.id, status=new, date=day, entry_id=at.id if at else None,
                                         note=(note or "").strip()))
            unit.describe(target=f"question:{row.id}",
                          summary=f"Learning question '{_short(row.text)}' is now {values.label(new)}")
            key = row.id
        return self.get(key)

    def update(self, question_id: object, *, text: str | None = None, raised_by: str | None = None) -> LearningQuestion:
        """Reword a question or correct who raised it (its history stays)."""
        with self.ctx.change("question.update") as unit:
            row = find.question(unit.session, question_id)
            if text is not None:
                text = " ".join(text.split())
                if not text:
                    raise InvalidInput("The question is empty; write the learning question as a question.")
                row.text = text
            if raised_by is not None:
                row.raised_by = raised_by.strip()
            unit.describe(target=f"question:{row.id}", summary=f"Changed learning question '{_short(row.text)}'")
            key = row.id
        return self.get(key)

    def remove(self, question_id: object) -> None:
        """Take a question and its history off the agenda (dropping it keeps it; this forgets it)."""
        with self.ctx.change("question.remove") as unit:
            s = unit.session
            row = find.question(s, question_id)
            for change in s.scalars(select(LearningQuestionStatus).where(LearningQuestionStatus.question_id == row.id)):
                s.delete(change)
            unit.describe(target=f"question:{row.id}", summary=f"Removed learning question '{_short(row.text)}'")
            s.flush()
            s.delete(row)
