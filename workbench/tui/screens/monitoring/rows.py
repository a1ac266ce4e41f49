"""How the monitoring screen shows its records: table cells and markup for markers, entries, questions, actions.

Every piece of user text is escaped (markup) or put in a plain Text (table cells).
"""

from __future__ import annotations

from rich.text import Text

from workbench.domain.monitoring_labels import SIGNIFICANCE_COLOURS
from workbench.domain.monitoring_values import label
from workbench.domain.spans import shorten
from workbench.tui.markup import esc
from workbench.tui.screens.status_dialog import STATUS_SYMBOLS, STATUS_WORDS
from workbench.tui.widgets.timeline_layout import SYMBOLS

LEGEND = "  ".join(f"[{SIGNIFICANCE_COLOURS[s]}]{SYMBOLS[s]}[/] {label(s) if s != 'none' else 'other'}"
                   for s in ("high_point", "low_point", "learning_moment", "turning_point", "none"))
ACTIVE = ("open", "in_progress")


def _colour(significance: str) -> str:
    return SIGNIFICANCE_COLOURS.get(significance, SIGNIFICANCE_COLOURS["none"])


def marker_details(marker, zoom: str, width: int = 120) -> str:
    """Three lines under the timeline: the entry under the cursor, why it matters, and the legend."""
    keys = f"   [dim]z {zoom}s · ←→↑↓ move · , . scroll · ⏎ open[/dim]" if width >= 110 else ""
    if marker is None:
        return f"No entries on the timeline yet: n adds one.\n\n{LEGEND}{keys}"
    when = marker.date.isoformat() + (f" – {marker.end_date.isoformat()}" if marker.end_date else "")
    mark = label(marker.significance) if marker.significance != "none" else "entry"
    prefix = f"{marker.symbol} {mark} · {when} · {label(marker.type)} · "
    title = shorten(marker.title, max(width - len(prefix) - 4, 12))
    first = (f"[{_colour(marker.significance)}]{marker.symbol}[/] [b]{mark}[/b] · {when} · {label(marker.type)} · "
             f"[b]{esc(title)}[/b]")
    why = f"[i]{esc(shorten(marker.why, max(width - 4, 20)))}[/i]" if marker.why else ""
    return f"{first}\n{why}\n{LEGEND}{keys}"


def entry_cells(entry) -> tuple:
    """Date, type, mark (symbol and word), title and who was there."""
    mark = Text(SYMBOLS.get(entry.significance, "•"), style=f"bold {_colour(entry.significance)}")
    if entry.marked:
        mark.append(f" {label(entry.significance)}")
    title = Text(shorten(entry.title, 40))
    if entry.confidentiality == "internal":
        title.append(" (internal)", style="dim")
    present = Text(shorten("; ".join(a.name for a in entry.actors), 26))
    return entry.date.isoformat(), label(entry.type), mark, title, present


def entry_preview(entry, shown: int) -> str:
    """The title, why it matters and the start of each text of the entry under the cursor."""
    if entry is None:
        return f"[dim]{shown} entries. n adds one; / filters.[/dim]"
    parts = [f"[b]{esc(entry.title)}[/b] [dim]#{entry.id} · {shown} entries shown · ⏎ opens, e edits[/dim]"]
    if entry.marked and entry.significance_why:
        parts.append(f"{SYMBOLS.get(entry.significance, '•')} [i]{esc(shorten(entry.significance_why, 160))}[/i]")
    for heading, text in (("Observation", entry.observation), ("Interpretation", entry.interpretation),
                          ("Reflection", entry.reflection)):
        if text:
            parts.append(f"[dim]{heading}:[/dim] {esc(shorten(text, 220))}")
    return "\n".join(parts)


def question_cells(question) -> tuple:
    """Number, status (symbol and word), since when, how long unsettled (flagged when long open), the question."""
    status = Text(f"{STATUS_SYMBOLS.get(question.status, '?')} {question.status}",
                  style="bold" if question.status == "open" else "")
    if question.status in ("open", "provisional"):
        span = Text(f"{question.months_open} months" if question.months_open else f"{question.days_open} days")
        if question.long_open:
            span.append(" ⚠", style="bold red")
    else:
        span = Text("—", style="dim")
    return f"Q{question.id}", status, question.status_since.isoformat(), span, Text(shorten(question.text, 90))


def question_history(question) -> str:
    """The question in full, who raised it, and every dated status it had, with the entry where it changed."""
    if question is None:
        return "[dim]No learning questions yet: n raises one.[/dim]"
    who = f" by {esc(question.raised_by)}" if question.raised_by else ""
    lines = [f"[b]Q{question.id}[/b] {esc(question.text)}",
             f"[dim]Raised{who} on {question.raised_on.isoformat()} · s changes the status[/dim]"]
    for change in question.history:
        at = f" at {esc(change.entry_title)}" if change.entry_title else ""
        note = f" — {esc(change.note)}" if change.note else ""
        lines.append(f"  {change.date.isoformat()}  {STATUS_SYMBOLS.get(change.status, '?')} "
                     f"{STATUS_WORDS.get(change.status, change.status)}{at}{note}")
    if question.long_open:
        lines.append(f"[b red]⚠[/] open for {question.months_open} months without even a provisional answer")
    return "\n".join(lines)


def action_cells(action) -> tuple:
    """Status, due date, how late (flagged), the action, its owner and the entry that agreed it."""
    late = Text(f"⚠ {action.days_overdue} days", style="bold red") if action.overdue else Text("")
    status = Text(label(action.status), style="" if action.status in ACTIVE else "dim")
    return (status, action.due.isoformat() if action.due else "—", late, Text(shorten(action.action, 60)),
            Text(shorten(action.owner, 24)), Text(shorten(action.entry_title, 40)))


def action_summary(actions: list, showing_all: bool) -> str:
    """How many actions are open and overdue, and which are listed."""
    active = [a for a in actions if a.status in ACTIVE]
    overdue = sum(1 for a in active if a.overdue)
    late = f"[b red]⚠ {overdue} overdue[/]" if overdue else "none overdue"
    which = "all actions" if showing_all else "open actions"
    return f" {len(active)} open · {late} · {len(actions)} in all · showing {which} (a toggles)"
