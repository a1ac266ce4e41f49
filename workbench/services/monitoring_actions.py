"""Follow-up actions agreed at log entries: who does what by when, and which are overdue."""

from __future__ import annotations

import datetime as dt
from typing import Any

from workbench.domain import monitoring_values as values
from workbench.domain.errors import InvalidInput
from workbench.domain.monitoring_agenda import FollowUpAction
from workbench.services import monitoring_lookup as find
from workbench.services.context import ServiceContext
from workbench.services.monitoring_views import load_actions
from workbench.store.schema import FollowUpAction as ActionRow


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


class ActionService:
    """Actions with an owner, a due date and a status, linked to the entry that agreed them."""

    def __init__(self, ctx: ServiceContext):
        self.ctx = ctx

    def list(self, status: str | None = None, *, overdue_only: bool = False, today: dt.date | None = None) -> list[FollowUpAction]:
        """Actions by due date (those without one last); optionally one status or only the overdue ones."""
        wanted = values.action_status(status) if status else None
        with self.ctx.read() as s:
            actions = load_actions(s, today or dt.date.today())
        return [a for a in actions if (wanted is None or a.status == wanted) and (a.overdue or not overdue_only)]

    def get(self, action_id: object, *, today: dt.date | None = None) -> FollowUpAction:
        with self.ctx.read() as s:
            row = find.action(s, action_id)
            return next(a for a in load_actions(s, today or dt.date.today()) if a.id == row.id)

    def add(self, action: str, *, owner: str = "", due: object = None, entry: object = None,
            status: str = "open") -> FollowUpAction:
        """Agree an action, optionally at an entry and with a due date."""
        text = " ".join((action or "").split())
        if not text:
            raise InvalidInput("The action is empty; say what will be done, for example 'Notitie sturen aan de wethouder'.")
        due_date = values.optional_date(due, "The due date")
        state = values.action_status(status)
        with self.ctx.change("action.add") as unit:
            at = find.optional_entry(unit.session, entry)
            if at is not None and due_date is not None and due_date < at.date:
                raise InvalidInput(f"The due date {due_date.isoformat()} is before the entry that agreed the action "
                                   f"({at.date.isoformat()}); check the date.")
            row = ActionRow(action=text, owner=(owner or "").strip(), due=due_date, status=state,
                            entry_id=at.id if at else None)
            unit.session.add(row)
            unit.session.flush()
            unit.describe(target=f"action:{row.id}", summary=f"Agreed action '{_short(text)}'")
            key = row.id
        return self.get(key)

    def update(self, action_id: object, **fields: Any) -> FollowUpAction:
        """Change an action's text, owner, due date, status or entry."""
        unknown = set(fields) - {"action", "owner", "due", "status", "entry"}
        if unknown:
            raise InvalidInput(f"An action has no field '{sorted(unknown)[0]}'; the fields are action, owner, due, status, entry.")
        with self.ctx.change("action.update") as unit:
            row = find.action(unit.session, action_id)
            changed = []
            if "action" in fields:
                text = " ".join(str(fields["action"] or "").split())
                if not text:
                    raise InvalidInput("The action is empty; say what will be done.")
                row.action = text
                changed.append("text")
            if "owner" in fields:
                row.owner = str(fields["owner"] or "").strip()
                changed.append("owner")
            if "due" in fields:
                row.due = values.optional_date(fields["due"], "The due date")
                changed.append("due date")
            if "status" in fields:
                row.status = values.action_status(fields["status"])
                changed.append(f"status ({values.label(row.status)})")
            if "entry" in fields:
                at = find.optional_entry(unit.session, fields["entry"])
                row.entry_id = at.id if at else None
                changed.append("entry")
            unit.describe(target=f"action:{row.id}", summary=f"Changed {', '.join(changed) or 'nothing'} of action '{_short(row.action)}'")
            key = row.id
        return self.get(key)

    def set_status(self, action_id: object, status: str) -> FollowUpAction:
        """Mark an action open, in progress, done or cancelled."""
        return self.update(action_id, status=status)

    def remove(self, action_id: object) -> None:
        with self.ctx.change("action.remove") as unit:
            row = find.action(unit.session, action_id)
            unit.describe(target=f"action:{row.id}", summary=f"Removed action '{_short(row.action)}'")
            unit.session.delete(row)
