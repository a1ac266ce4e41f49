"""How the monitoring commands print entries, questions, actions and timelines as plain text."""

from __future__ import annotations

from workbench.domain.monitoring_values import label

MARKS = {"high_point": "+ high point", "low_point": "- low point", "learning_moment": "! learning moment",
         "turning_point": "> turning point"}


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def entry_line(entry) -> str:
    """'#12  2024-09-04  meeting      Kick-off …  [+ high point]  (3 actors)'."""
    mark = f"  [{MARKS[entry.significance]}]" if entry.marked else ""
    internal = "  (internal)" if entry.confidentiality == "internal" else ""
    actors = f"  — {', '.join(a.name for a in entry.actors[:3])}{' …' if len(entry.actors) > 3 else ''}" if entry.actors else ""
    return f"#{entry.id:<4} {entry.date.isoformat()}  {label(entry.type):<13} {_short(entry.title, 60)}{mark}{internal}{actors}"


def entry_detail(entry) -> str:
    """Every field of an entry, with its links, memos, questions and actions."""
    when = entry.date.isoformat() + (f" – {entry.end_date.isoformat()}" if entry.end_date else "")
    when += f" {entry.time.strftime('%H:%M')}" if entry.time else ""
    lines = [f"#{entry.id}  {entry.title}", f"  Date:            {when}", f"  Type:            {label(entry.type)}"]
    if entry.location:
        lines.append(f"  Location:        {entry.location}")
    for actor in entry.actors:
        role = ", ".join(p for p in (actor.role, actor.organisation or "", actor.organisation_type) if p)
        lines.append(f"  Present:         {actor.name}{f' ({role})' if role else ''}")
    lines.append(f"  Significance:    {label(entry.significance)}{f' – {entry.significance_why}' if entry.significance_why else ''}")
    lines.append(f"  Confidentiality: {entry.confidentiality}")
    lines.append(f"  Author:          {entry.author or '-'}")
    for heading, text in (("Observation", entry.observation), ("Interpretation", entry.interpretation),
                          ("Reflection", entry.reflection)):
        if text:
            lines += ["", f"{heading}:"] + [f"  {line}" for line in text.splitlines()]
    if entry.links:
        lines += ["", "Links:"] + [f"  [{link.id}] {link.kind}: {link.label}" for link in entry.links]
    if entry.quotes:
        lines += ["", "Quotes:"] + [f"  “{_short(q.text, 200)}” — {q.document}" for q in entry.quotes]
    if entry.questions:
        lines += ["", "Learning questions:"] + [f"  Q{q.id} ({label(q.status)}) {q.text}" for q in entry.questions]
    if entry.actions:
        lines += ["", "Actions:"] + [
            f"  A{a.id} ({label(a.status)}) {a.action}{f' – {a.owner}' if a.owner else ''}{f', due {a.due.isoformat()}' if a.due else ''}"
            for a in entry.actions
        ]
    for memo in entry.memos:
        lines += ["", f"Memo{f' “{memo.title}”' if memo.title else ''} by {memo.author or '-'}:"] + [f"  {l}" for l in memo.text.splitlines()]
    return "\n".join(lines)


def question_line(question) -> str:
    """'Q3  open (since 2024-09-26, 9 months — open for long)  How …'."""
    flag = "  [open for long]" if question.long_open else ""
    return (f"Q{question.id:<3} {label(question.status):<12} since {question.status_since.isoformat()}  "
            f"{_short(question.text, 70)}  (raised {question.raised_on.isoformat()}"
            f"{f' by {question.raised_by}' if question.raised_by else ''}){flag}")


def question_detail(question) -> str:
    lines = [f"Q{question.id}  {question.text}",
             f"  Raised:  {question.raised_on.isoformat()}{f' by {question.raised_by}' if question.raised_by else ''}",
             f"  Status:  {label(question.status)} ({question.days_open} days{', open for long' if question.long_open else ''})",
             "  History:"]
    for change in question.history:
        where = f" at #{change.entry_id} {change.entry_title}" if change.entry_id else ""
        note = f" – {change.note}" if change.note else ""
        lines.append(f"    {change.date.isoformat()}  {label(change.status):<12}{where}{note}")
    return "\n".join(lines)


def action_line(action) -> str:
    """'A2  open  due 2025-03-01 (OVERDUE 30 days)  Send …  – Owner  (from #12)'."""
    due = f"due {action.due.isoformat()}" if action.due else "no due date"
    overdue = f" (OVERDUE {action.days_overdue} days)" if action.overdue else ""
    owner = f" – {action.owner}" if action.owner else ""
    origin = f"  (from #{action.entry_id})" if action.entry_id else ""
    return f"A{action.id:<3} {label(action.status):<12} {due}{overdue}  {_short(action.action, 70)}{owner}{origin}"


def timeline_text(timeline) -> str:
    """The timeline month by month: phases running, entries with their marks, theme counts."""
    lines = []
    for row in timeline.rows:
        lines.append(f"{row.month.key}  {' | '.join(row.phases) if row.phases else ''}".rstrip())
        for entry in row.entries:
            mark = f"  [{MARKS[entry.significance]}]" if entry.marked else ""
            lines.append(f"    {entry.date.day:>2}  {label(entry.type):<13} {_short(entry.title, 60)}{mark}")
        counts = [f"{name} {count}" for name, count in row.theme_counts if count]
        if counts:
            lines.append(f"    themes: {', '.join(counts)}")
    return "\n".join(lines)


def preview_text(check) -> str:
    """What an import would do: the column mapping, then one line per row."""
    lines = [f"{check.sheet.path} (sheet {check.sheet.sheet}):"]
    for column in check.sheet.columns:
        lines.append(f"  column '{column.header}' -> {label(column.field) if column.field else '(ignored)'}")
    for row in check.rows:
        if row.ok:
            d = row.draft
            state = "already in the log" if row.duplicate else "ok"
            lines.append(f"  row {row.number:<4} {state:<18} {d.date.isoformat()}  {label(d.type):<13} {_short(d.title, 50)}")
        else:
            lines.append(f"  row {row.number:<4} {'PROBLEM':<18} {' '.join(row.problems)}")
    if check.new_actors:
        lines.append("  new actors: " + ", ".join(check.new_actors))
    lines.append(f"  {len(check.good)} to import, {len(check.duplicates)} already in the log, {len(check.bad)} with problems.")
    return "\n".join(lines)
