"""`workbench questions ...` (the dynamic learning agenda) and `workbench actions ...` (follow-up actions)."""

from __future__ import annotations

from typing import Optional

import typer

from workbench.cli import app
from workbench.cli.monitoring_commands import AS_JSON
from workbench.cli.state import print_json, state

questions_app = typer.Typer(help="The dynamic learning agenda: questions and their status history.", no_args_is_help=True)
actions_app = typer.Typer(help="Follow-up actions agreed at log entries.", no_args_is_help=True)
app.add_typer(questions_app, name="questions")
app.add_typer(actions_app, name="actions")
ENTRY = typer.Option(None, "--entry", "-e", help="The log entry where it happened (its id).")


@questions_app.command("list")
def questions_list(
    ctx: typer.Context, status: Optional[str] = typer.Option(None, "--status", help="open, provisional, answered or dropped."),
    long_open: bool = typer.Option(False, "--long-open", help="Only questions open for months."),
    as_json: bool = AS_JSON,
) -> None:
    """The learning agenda, oldest question first; questions open for months are marked."""
    questions = state(ctx).project().monitoring.agenda.list(status, long_open_only=long_open)
    if as_json:
        print_json([{**_plain(q), "status": q.status, "days_open": q.days_open, "long_open": q.long_open} for q in questions])
        return
    from workbench.cli.monitoring_text import question_line

    for question in questions:
        typer.echo(question_line(question))


def _plain(value) -> dict:
    from dataclasses import asdict

    return asdict(value)


@questions_app.command("add")
def questions_add(
    ctx: typer.Context, text: str = typer.Argument(..., help="The learning question."),
    by: str = typer.Option("", "--by", help="Who raised it."),
    on: Optional[str] = typer.Option(None, "--on", help="When (default: the entry's date, else today)."),
    entry: Optional[str] = ENTRY, as_json: bool = AS_JSON,
) -> None:
    """Put a learning question on the agenda."""
    question = state(ctx).project().monitoring.agenda.raise_question(text, raised_by=by, raised_on=on, entry=entry)
    if as_json:
        print_json({**_plain(question), "status": question.status})
    else:
        typer.echo(f"Raised Q{question.id} on {question.raised_on.isoformat()}.")


@questions_app.command("status")
def questions_status(
    ctx: typer.Context, question_id: str = typer.Argument(...),
    status: str = typer.Argument(..., help="open, provisional (answer), answered or dropped."),
    on: Optional[str] = typer.Option(None, "--on", help="When (default: the entry's date, else today)."),
    entry: Optional[str] = ENTRY, note: str = typer.Option("", "--note", help="The provisional answer, the answer, or why it was dropped."),
    as_json: bool = AS_JSON,
) -> None:
    """Record a question's new status, dated and linked to the entry where it changed."""
    question = state(ctx).project().monitoring.agenda.change_status(question_id, status, on=on, entry=entry, note=note)
    if as_json:
        print_json({**_plain(question), "status": question.status})
    else:
        typer.echo(f"Q{question.id} is {question.status.replace('_', ' ')} since {question.status_since.isoformat()}.")


@questions_app.command("show")
def questions_show(ctx: typer.Context, question_id: str = typer.Argument(...), as_json: bool = AS_JSON) -> None:
    """One question with its whole status history."""
    question = state(ctx).project().monitoring.agenda.get(question_id)
    if as_json:
        print_json({**_plain(question), "status": question.status, "days_open": question.days_open, "long_open": question.long_open})
        return
    from workbench.cli.monitoring_text import question_detail

    typer.echo(question_detail(question))


@questions_app.command("edit")
def questions_edit(
    ctx: typer.Context, question_id: str = typer.Argument(...), text: Optional[str] = typer.Option(None, "--text"),
    by: Optional[str] = typer.Option(None, "--by"),
) -> None:
    """Reword a question or correct who raised it."""
    question = state(ctx).project().monitoring.agenda.update(question_id, text=text, raised_by=by)
    typer.echo(f"Saved Q{question.id}.")


@questions_app.command("remove")
def questions_remove(ctx: typer.Context, question_id: str = typer.Argument(...)) -> None:
    """Forget a question and its history (to close it, give it the status dropped instead)."""
    state(ctx).project().monitoring.agenda.remove(question_id)
    typer.echo(f"Removed Q{question_id.lstrip('Qq#')}.")


@actions_app.command("list")
def actions_list(
    ctx: typer.Context, status: Optional[str] = typer.Option(None, "--status", help="open, in progress, done or cancelled."),
    overdue: bool = typer.Option(False, "--overdue", help="Only overdue actions."), as_json: bool = AS_JSON,
) -> None:
    """Follow-up actions by due date; overdue ones are flagged."""
    actions = state(ctx).project().monitoring.actions.list(status, overdue_only=overdue)
    if as_json:
        print_json([{**_plain(a), "overdue": a.overdue, "days_overdue": a.days_overdue} for a in actions])
        return
    from workbench.cli.monitoring_text import action_line

    for action in actions:
        typer.echo(action_line(action))


@actions_app.command("add")
def actions_add(
    ctx: typer.Context, action: str = typer.Argument(..., help="What will be done."),
    owner: str = typer.Option("", "--owner", help="Who does it."), due: Optional[str] = typer.Option(None, "--due", help="By when (YYYY-MM-DD)."),
    entry: Optional[str] = ENTRY, status: str = typer.Option("open", "--status"), as_json: bool = AS_JSON,
) -> None:
    """Agree a follow-up action, optionally at a log entry."""
    added = state(ctx).project().monitoring.actions.add(action, owner=owner, due=due, entry=entry, status=status)
    if as_json:
        print_json({**_plain(added), "overdue": added.overdue})
    else:
        typer.echo(f"Added A{added.id}{f', due {added.due.isoformat()}' if added.due else ''}.")


@actions_app.command("status")
def actions_status(
    ctx: typer.Context, action_id: str = typer.Argument(...),
    status: str = typer.Argument(..., help="open, in progress, done or cancelled."), as_json: bool = AS_JSON,
) -> None:
    """Mark an action open, in progress, done or cancelled."""
    changed = state(ctx).project().monitoring.actions.set_status(action_id, status)
    if as_json:
        print_json({**_plain(changed), "overdue": changed.overdue})
    else:
        typer.echo(f"A{changed.id} is {changed.status.replace('_', ' ')}.")


@actions_app.command("edit")
def actions_edit(
    ctx: typer.Context, action_id: str = typer.Argument(...), action: Optional[str] = typer.Option(None, "--action"),
    owner: Optional[str] = typer.Option(None, "--owner"), due: Optional[str] = typer.Option(None, "--due", help="'' removes the due date."),
    entry: Optional[str] = ENTRY,
) -> None:
    """Change an action's text, owner, due date or entry."""
    given = {k: v for k, v in dict(action=action, owner=owner, due=due, entry=entry).items() if v is not None}
    changed = state(ctx).project().monitoring.actions.update(action_id, **given)
    typer.echo(f"Saved A{changed.id}.")


@actions_app.command("remove")
def actions_remove(ctx: typer.Context, action_id: str = typer.Argument(...)) -> None:
    """Remove an action."""
    state(ctx).project().monitoring.actions.remove(action_id)
    typer.echo(f"Removed A{action_id.lstrip('Aa#')}.")
