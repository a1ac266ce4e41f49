"""How a refused undo or redo is said: which row is in the way, who made it, and what to do.

One wording for every front end, so the command line and the screens name an obstacle the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

# What a researcher calls a row of each table.
ROW_NOUNS = {
    "codings": "coding", "memos": "memo", "codes": "code", "documents": "document", "turns": "turn",
    "sentences": "sentence", "cases": "case", "case_documents": "case membership", "attributes": "attribute",
    "attribute_values": "attribute value", "pseudonyms": "name-register entry", "phases": "phase",
    "actors": "actor", "log_entries": "log entry", "log_entry_actors": "log entry's actor",
    "log_entry_links": "log link", "learning_questions": "learning question",
    "learning_question_statuses": "learning-question status", "follow_up_actions": "action",
    "project_settings": "project settings", "coders": "coder",
}


def row_noun(table: str) -> str:
    """The everyday name of a row of `table`."""
    return ROW_NOUNS.get(table, table.rstrip("s").replace("_", " "))


@dataclass(frozen=True)
class Obstacle:
    """A row that stops an undo or redo: its table, what is wrong, who made or changed it (None when unknown),
    and, for a row that points at one being removed, that row's table."""

    table: str
    kind: str  # "depends", "changed" or "exists"
    by: str | None
    me: str
    on_table: str | None = None


def _whose(obstacle: Obstacle) -> str:
    if obstacle.by is None:
        return "a"
    return "your own" if obstacle.by == obstacle.me else f"{obstacle.by}'s"


def refusal_sentence(verb: str, summary: str, obstacle: Obstacle) -> str:
    """One sentence: `verb` ('undo' or 'redo') of `summary` is refused because of `obstacle`, and what to do."""
    noun = row_noun(obstacle.table)
    head = f"Cannot {verb} '{summary}'"
    ask = "remove it first" if obstacle.by in (None, obstacle.me) else f"ask {obstacle.by} to remove it first"
    if obstacle.kind == "depends":
        on = row_noun(obstacle.on_table or "")
        return (f"{head}: {_whose(obstacle)} {noun} on that {on}, added since, would be lost with it; nothing was "
                f"changed — {ask} if the {verb} should go ahead.")
    if obstacle.kind == "exists":
        return (f"{head}: {_whose(obstacle)} {noun} now holds the place of the one it would bring back; nothing "
                f"was changed.")
    who = "you" if obstacle.by == obstacle.me else (obstacle.by or "someone")
    return (f"{head}: {who} changed or removed that {noun} since, and the {verb} would overwrite it; nothing was "
            f"changed.")
