"""Export: choose the kind, the filters and pseudonymisation; the file lands in exports/ unless told otherwise."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, LoadingIndicator, Select, Static

from workbench.tui.markup import esc
from workbench.tui.host import host

KINDS = (
    ("Coded fragments (Excel)", "fragments", ".xlsx"),
    ("Coded fragments (CSV)", "fragments", ".csv"),
    ("Theme summary (Word)", "themes", ".docx"),
    ("Whole project (REFI-QDA .qdpx)", "qdpx", ".qdpx"),
    ("Codebook (REFI-QDA .qdc)", "codebook", ".qdc"),
    ("Process timeline (Word)", "timeline", ".docx"),
    ("Process timeline (Excel)", "timeline", ".xlsx"),
)


@dataclass
class ExportWritten(Message):
    """An export finished (or failed, with the reason)."""

    text: str
    ok: bool


class ExportDialog(ModalScreen[None]):
    """Write one export; the dialog shows the path it wrote, or why it could not."""

    CSS_PATH = "export_dialog.tcss"
    BINDINGS = [Binding("escape", "close", "Close"), Binding("ctrl+s", "export", "Export", priority=True)]

    def __init__(self, codes: list[str] | None = None, filters: str = "", query: str = ""):
        super().__init__()
        self.codes = list(codes or [])
        self.filters = filters
        self.query_text = query

    def compose(self) -> ComposeResult:
        with Vertical(id="export"):
            yield Label("[b]Export[/b]  [dim]ctrl+s writes it · Esc closes[/dim]")
            yield Select([(label, index) for index, (label, _k, _s) in enumerate(KINDS)], value=0,
                         allow_blank=False, id="export-kind")
            yield Input(", ".join(self.codes), placeholder="codes (empty: all)", id="export-codes")
            yield Input(self.query_text, placeholder="query, e.g. Vertrouwen NEAR/2 Financiering", id="export-query")
            yield Input(self.filters, placeholder="filter: organisation=gemeente speaker=R coder=anna", id="export-filter")
            yield Checkbox("Pseudonymise names (the project's name register)", id="export-pseudonymise")
            yield Input(placeholder="output file", id="export-path")
            with Horizontal(id="export-row"):
                yield Button("Export", id="export-go", variant="primary")
                yield LoadingIndicator(id="export-busy")
            yield Static("", id="export-result")

    def on_mount(self) -> None:
        self.query_one("#export-busy").display = False
        self._default_path()

    @on(Select.Changed, "#export-kind")
    def _default_path(self) -> None:
        label, kind, suffix = KINDS[self.query_one("#export-kind", Select).value]
        folder = (host(self).project.directory or Path.cwd()) / "exports"
        stamp = dt.date.today().isoformat()
        self.query_one("#export-path", Input).value = str(folder / f"{kind}-{stamp}{suffix}")

    @on(Button.Pressed, "#export-go")
    def action_export(self) -> None:
        _label, kind, suffix = KINDS[self.query_one("#export-kind", Select).value]
        codes = [c.strip() for c in self.query_one("#export-codes", Input).value.split(",") if c.strip()]
        request = {
            "kind": kind, "suffix": suffix, "codes": codes,
            "query": self.query_one("#export-query", Input).value.strip() or None,
            "filters": self.query_one("#export-filter", Input).value.strip(),
            "pseudonymise": self.query_one("#export-pseudonymise", Checkbox).value,
            "path": Path(self.query_one("#export-path", Input).value.strip()).expanduser(),
        }
        self.query_one("#export-busy").display = True
        self.query_one("#export-go", Button).disabled = True
        self.write_export(request)

    @work(thread=True, exclusive=True, group="export")
    def write_export(self, request: dict) -> None:
        from workbench.domain.errors import WorkbenchError
        from workbench.domain.exports import FragmentFilter
        from workbench.domain.filter_text import parse_filters

        project = host(self).project
        kind, path, pseudonymise = request["kind"], request["path"], request["pseudonymise"]
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            wanted = FragmentFilter(codes=tuple(request["codes"]), query=request["query"],
                                    selection=parse_filters(request["filters"]))
            if kind == "fragments":
                result = project.exports.fragments(path, filters=wanted, pseudonymise=pseudonymise)
            elif kind == "themes":
                result = project.exports.themes(path, filters=wanted, pseudonymise=pseudonymise)
            elif kind == "qdpx":
                result = project.exports.qdpx(path, pseudonymise=pseudonymise)
            elif kind == "codebook":
                result = project.exports.codebook(path, pseudonymise=pseudonymise)
            else:
                result = project.monitoring.export_timeline(request["suffix"].lstrip("."), path,
                                                            pseudonymise=pseudonymise)
        except (WorkbenchError, OSError) as exc:
            self.post_message(ExportWritten(str(exc), ok=False))
            return
        written = getattr(result, "path", None) or str(path)
        counts = ", ".join(f"{v} {k}" for k, v in (getattr(result, "counts", None) or {}).items())
        self.post_message(ExportWritten(f"Wrote {written}" + (f" ({counts})" if counts else ""), ok=True))

    @on(ExportWritten)
    def _written(self, message: ExportWritten) -> None:
        self.query_one("#export-busy").display = False
        self.query_one("#export-go", Button).disabled = False
        colour = "green" if message.ok else "red"
        self.query_one("#export-result", Static).update(f"[{colour}]{esc(message.text)}[/{colour}]")

    def action_close(self) -> None:
        self.dismiss(None)
