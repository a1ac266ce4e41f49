"""Write or change a log entry; ctrl+s checks every field and returns the draft, Esc cancels (asking first when
something was typed).

The form only reads what was typed: problems (a missing title, an end before the date) are named in a
notification and the form stays open, so nothing is saved half. The caller saves the draft.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, TextArea

from workbench.domain.monitoring import EntryDraft
from workbench.domain.monitoring_drafts import entry_problems
from workbench.domain.monitoring_values import CONFIDENTIALITIES, ENTRY_TYPES, SIGNIFICANCES, label
from workbench.tui.markup import esc
from workbench.tui.widgets.timeline_layout import SYMBOLS

INPUTS = {
    "date": ("Date", "YYYY-MM-DD"),
    "end_date": ("End date", "YYYY-MM-DD, for more days"),
    "time": ("Time", "HH:MM, optional"),
    "title": ("Title", "e.g. Interview wijkmanager"),
    "location": ("Location", "e.g. Paviljoen NDW21"),
    "actors": ("Present (actors, separated by ;)", "names from the actor register"),
    "significance_why": ("Why it is a high/low point, learning moment or turning point", "only for a marked entry"),
}
TEXTS = {
    "observation": "Observation: what happened",
    "interpretation": "Interpretation: what it means",
    "reflection": "Reflection: our own role, doubts and questions",
}
SELECTS = {
    "type": ("Type", [(label(t), t) for t in ENTRY_TYPES]),
    "significance": ("Significance", [(f"{SYMBOLS[s]} {label(s)}", s) for s in SIGNIFICANCES]),
    "confidentiality": ("Confidentiality", [("internal: not in exports" if c == "internal" else c, c) for c in CONFIDENTIALITIES]),
}


def shown(value: Any) -> str:
    """A stored value as the form shows it: dates as YYYY-MM-DD, times as HH:MM, actor names joined by ';'."""
    if value is None:
        return ""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return str(value)


class EntryFormScreen(ModalScreen[EntryDraft | None]):
    """Every field of a log entry; returns the checked draft, or None when cancelled."""

    CSS_PATH = "entry_form.tcss"
    BINDINGS = [Binding("ctrl+s", "save", "Save", priority=True), Binding("escape", "cancel", "Cancel")]

    def __init__(self, heading: str, values: Mapping[str, Any]):
        super().__init__()
        self.heading = heading
        self.values = dict(values)

    def _input(self, field: str) -> Input:
        title, placeholder = INPUTS[field]
        box = Input(shown(self.values.get(field)), placeholder=placeholder, id=f"entry-{field}")
        box.border_title = title
        return box

    def _select(self, field: str) -> Select:
        _title, options = SELECTS[field]
        allowed = [value for _label, value in options]
        current = self.values.get(field)
        return Select(options, value=current if current in allowed else allowed[0], allow_blank=False,
                      id=f"entry-{field}")

    def _text(self, field: str) -> TextArea:
        area = TextArea(shown(self.values.get(field)), id=f"entry-{field}", soft_wrap=True, classes="entry-text")
        area.border_title = TEXTS[field]
        return area

    def compose(self) -> ComposeResult:
        with Vertical(id="entry-form"):
            yield Label(f"[b]{esc(self.heading)}[/b]  [dim]ctrl+s saves · Esc cancels · Tab next field[/dim]")
            with VerticalScroll(id="entry-fields"):
                with Horizontal(classes="entry-row"):
                    yield self._input("date")
                    yield self._input("end_date")
                    yield self._input("time")
                with Horizontal(classes="entry-row"):
                    yield self._select("type")
                    yield self._select("significance")
                    yield self._select("confidentiality")
                yield self._input("title")
                with Horizontal(classes="entry-row"):
                    yield self._input("location")
                    yield self._input("actors")
                yield self._input("significance_why")
                yield self._text("observation")
                yield self._text("interpretation")
                yield self._text("reflection")

    def on_mount(self) -> None:
        for field, (title, _options) in SELECTS.items():
            self.query_one(f"#entry-{field}", Select).query_one("SelectCurrent").border_title = title
        self.query_one("#entry-title" if self.values.get("date") else "#entry-date", Input).focus()
        self.opened_with = self.raw_values()  # what Esc compares with before it throws anything away

    def raw_values(self) -> dict[str, Any]:
        """What the form holds now, as the raw values an entry is read from."""
        raw: dict[str, Any] = {"author": self.values.get("author")}
        for field in INPUTS:
            raw[field] = self.query_one(f"#entry-{field}", Input).value
        for field in SELECTS:
            raw[field] = self.query_one(f"#entry-{field}", Select).value
        for field in TEXTS:
            raw[field] = self.query_one(f"#entry-{field}", TextArea).text
        return raw

    def action_save(self) -> None:
        draft, problems = entry_problems(self.raw_values())
        if draft is None:
            self.notify(" ".join(problems), title="Not saved", severity="error", timeout=8, markup=False)
            return
        self.dismiss(draft)

    def _throw_away(self, yes: bool | None) -> None:
        if yes:
            self.dismiss(None)

    def action_cancel(self) -> None:
        """Close; when something was typed, only after asking, since the typing would be lost."""
        if self.raw_values() == self.opened_with:
            self.dismiss(None)
            return
        from workbench.tui.screens.confirm_dialog import ConfirmDialog

        self.app.push_screen(
            ConfirmDialog("Throw away what you typed?", "This entry is not saved: ctrl+s saves it instead.",
                          "Throw away", "Keep editing"),
            self._throw_away)
