"""One log entry in full: what happened, what it meant, who was there, and what hangs on it.

Returns what the reader wants next ('edit' or 'memo'), or None; the caller does the rest.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from workbench.domain.monitoring import LogEntry
from workbench.domain.monitoring_labels import SIGNIFICANCE_COLOURS
from workbench.domain.monitoring_values import label
from workbench.tui.markup import esc
from workbench.tui.widgets.timeline_layout import SYMBOLS


def entry_markup(entry: LogEntry) -> str:
    """The entry as Textual markup, every piece of user text escaped."""
    when = entry.date.isoformat() + (f" – {entry.end_date.isoformat()}" if entry.end_date else "")
    when += f" {entry.time.strftime('%H:%M')}" if entry.time else ""
    colour = SIGNIFICANCE_COLOURS.get(entry.significance, SIGNIFICANCE_COLOURS["none"])
    mark = SYMBOLS.get(entry.significance, "•")
    lines = [f"[b]{esc(entry.title)}[/b]  [dim]#{entry.id}[/dim]",
             f"{when} · {label(entry.type)}" + (f" · {esc(entry.location)}" if entry.location else "")
             + (" · [b]internal[/b]" if entry.confidentiality == "internal" else "")]
    if entry.marked:
        why = f": {esc(entry.significance_why)}" if entry.significance_why else ""
        lines.append(f"[{colour}]{mark}[/] [b]{label(entry.significance)}[/b]{why}")
    if entry.actors:
        lines.append("[dim]Present:[/dim] " + "; ".join(esc(a.name) + (f" ({esc(a.role)})" if a.role else "") for a in entry.actors))
    for heading, text in (("Observation", entry.observation), ("Interpretation", entry.interpretation),
                          ("Reflection", entry.reflection)):
        if text:
            lines += ["", f"[b]{heading}[/b]", esc(text)]
    if entry.quotes:
        lines += ["", "[b]Quotes[/b]"] + [f"“{esc(q.text)}” [dim]— {esc(q.document)}[/dim]" for q in entry.quotes]
    if entry.links:
        lines += ["", "[b]Linked[/b]"] + [f"{link.kind}: {esc(link.label)}" for link in entry.links]
    if entry.questions:
        lines += ["", "[b]Learning questions[/b]"] + [f"Q{q.id} ({label(q.status)}) {esc(q.text)}" for q in entry.questions]
    if entry.actions:
        lines += ["", "[b]Actions[/b]"] + [
            f"A{a.id} ({label(a.status)}) {esc(a.action)}" + (f" — {esc(a.owner)}" if a.owner else "")
            + (f", due {a.due.isoformat()}" if a.due else "") for a in entry.actions
        ]
    for memo in entry.memos:
        title = f" “{esc(memo.title)}”" if memo.title else ""
        lines += ["", f"[b]Memo{title}[/b] [dim]by {esc(memo.author or '-')}, {memo.created_at:%Y-%m-%d}[/dim]", esc(memo.text)]
    return "\n".join(lines)


class EntryDetailScreen(ModalScreen[str | None]):
    """Read an entry; e edits it, m writes a memo on it, Esc closes."""

    CSS_PATH = "entry_detail.tcss"
    BINDINGS = [
        Binding("e", "done('edit')", "Edit"),
        Binding("m", "done('memo')", "Memo"),
        Binding("escape,enter,q", "done('')", "Close"),
    ]

    def __init__(self, entry: LogEntry):
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        with Vertical(id="entry-detail"):
            with VerticalScroll(id="entry-detail-body"):
                yield Static(entry_markup(self.entry), id="entry-detail-text")
            yield Label("[dim]e edit · m memo · Esc close · ↑↓ scroll[/dim]")

    def on_mount(self) -> None:
        self.query_one("#entry-detail-body").focus()

    def action_done(self, choice: str) -> None:
        self.dismiss(choice or None)
