"""Export: choose the kind, the fragments (codes, query, filter, sub-codes) and pseudonymisation; the dialog
answers with an ExportRequest, and the screen that opened it has the export service write it.

Opened from Retrieval it starts from the view's exact filter, with codes by name, so the file holds the
fragments the view lists. A failed export opens the dialog again with what was chosen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Label, Select

from workbench.domain.errors import WorkbenchError
from workbench.domain.export_request import ExportRequest, view_filter
from workbench.domain.exports import FragmentFilter
from workbench.tui.host import host
from workbench.tui.widgets.toggles import MarkedCheckbox

KINDS = (  # what the list shows, the kind of export, its format
    ("Coded fragments (Excel)", "fragments", "xlsx"),
    ("Coded fragments (CSV)", "fragments", "csv"),
    ("Theme summary (Word)", "themes", "docx"),
    ("Whole project (REFI-QDA .qdpx)", "qdpx", "qdpx"),
    ("Codebook (REFI-QDA .qdc)", "codebook", "qdc"),
    ("Process timeline (Word)", "timeline", "docx"),
    ("Process timeline (Excel)", "timeline", "xlsx"),
)
FILTERED = ("fragments", "themes")  # the kinds the fragment filter applies to


@dataclass(frozen=True)
class ExportPreset:
    """What the dialog starts from: the fragments of a view, shown by name, and the kind last chosen."""

    codes: tuple[str, ...] = ()  # code paths, as the dialog shows and the services read them
    query: str = ""
    filters: str = ""
    subcodes: bool = True
    context: str = "sentence"
    kind: int = 0
    path: str = ""
    pseudonymise: bool = False


class ExportDialog(ModalScreen[ExportRequest | None]):
    """The choices of one export; ctrl+s (or the button) answers with the request, Esc cancels."""

    CSS_PATH = "export_dialog.tcss"
    BINDINGS = [Binding("escape", "close", "Close"), Binding("ctrl+s", "export", "Export", priority=True)]

    def __init__(self, preset: ExportPreset = ExportPreset()):
        super().__init__()
        self.preset = preset

    def compose(self) -> ComposeResult:
        preset = self.preset
        with Vertical(id="export"):
            yield Label("[b]Export[/b]  [dim]ctrl+s writes it · Esc closes[/dim]")
            yield Select([(label, index) for index, (label, _k, _f) in enumerate(KINDS)], value=preset.kind,
                         allow_blank=False, id="export-kind")
            yield Input(", ".join(preset.codes), placeholder="codes by name or path, separated by commas (empty: all)",
                        id="export-codes")
            yield Input(preset.query, placeholder="query, e.g. Vertrouwen NEAR/2 Financiering", id="export-query")
            yield Input(preset.filters, placeholder="filter: organisation=gemeente speaker=R coder=anna",
                        id="export-filter")
            yield MarkedCheckbox("Sub-codes count with their code", preset.subcodes, id="export-subcodes")
            yield MarkedCheckbox("Pseudonymise names (the project's name register)", preset.pseudonymise,
                                 id="export-pseudonymise")
            yield Input(preset.path, placeholder="output file", id="export-path")
            with Horizontal(id="export-row"):
                yield Button("Export", id="export-go", variant="primary")
            yield Label("", id="export-result", markup=False)

    def on_mount(self) -> None:
        if not self.preset.path:
            self._default_path()
        self._filter_fields()

    def _kind(self) -> tuple[str, str, str]:
        value = self.query_one("#export-kind", Select).value
        return KINDS[value if isinstance(value, int) else 0]

    @on(Select.Changed, "#export-kind")
    def _kind_changed(self) -> None:
        self._default_path()
        self._filter_fields()

    def _default_path(self) -> None:
        _label, kind, fmt = self._kind()
        folder = (host(self).project.directory or Path.cwd()) / "exports"
        self.query_one("#export-path", Input).value = str(folder / f"{kind}-{dt.date.today().isoformat()}.{fmt}")

    def _filter_fields(self) -> None:
        """The fragment filter applies to fragments and themes only: for the others it is not offered."""
        filtered = self._kind()[1] in FILTERED
        for selector in ("#export-codes", "#export-query", "#export-filter", "#export-subcodes"):
            self.query_one(selector).display = filtered

    @on(Button.Pressed, "#export-go")
    def action_export(self) -> None:
        _label, kind, fmt = self._kind()
        codes = tuple(c.strip() for c in self.query_one("#export-codes", Input).value.split(",") if c.strip())
        path_text = self.query_one("#export-path", Input).value.strip()
        if not path_text:
            self.query_one("#export-result", Label).update("Give the file to write, e.g. exports/fragmenten.xlsx.")
            return
        try:
            wanted = view_filter(codes, self.query_one("#export-query", Input).value,
                                 self.query_one("#export-filter", Input).value,
                                 subcodes=self.query_one("#export-subcodes", MarkedCheckbox).value,
                                 context=self.preset.context)
        except WorkbenchError as exc:
            self.query_one("#export-result", Label).update(str(exc))
            return
        self.dismiss(ExportRequest(kind, fmt, Path(path_text).expanduser(),
                                   wanted if kind in FILTERED else FragmentFilter(),
                                   self.query_one("#export-pseudonymise", MarkedCheckbox).value))

    def action_close(self) -> None:
        self.dismiss(None)


def preset_of(request: ExportRequest, context: str = "sentence") -> ExportPreset:
    """The dialog's fields for a request, to open it again after a failure."""
    kind = next(i for i, (_l, k, f) in enumerate(KINDS) if k == request.kind and f == request.format)
    wanted = request.filters
    return ExportPreset(wanted.codes, wanted.query or "", _filter_text(wanted), wanted.subcodes, context, kind,
                        str(request.path), request.pseudonymise)


def _filter_text(wanted: FragmentFilter) -> str:
    """The filter box's text for a selection (the words parse_filters reads)."""
    s = wanted.selection
    words = [f"{k}={v}" for k, v in s.attributes] + [f"speaker={v}" for v in s.speakers] + \
        [f"coder={v}" for v in s.coders] + [f"doc={v}" for v in s.documents] + \
        [f"status={v}" for v in s.statuses if s.statuses != ("applied",)]
    if s.date_from:
        words.append(f"from={s.date_from.isoformat()}")
    if s.date_to:
        words.append(f"to={s.date_to.isoformat()}")
    return " ".join(f'"{w}"' if " " in w else w for w in words)


def export_with_dialog(owner: Screen[Any], preset: ExportPreset = ExportPreset()) -> None:
    """Ask what to export, then have the export service write it in a worker of `owner`; say what was written,
    or why not and ask again with the same choices."""

    def chosen(request: ExportRequest | None) -> None:
        if request is not None:
            owner.run_worker(lambda: _write(owner, request, preset.context), thread=True, group="export",
                             exclusive=True)

    owner.app.push_screen(ExportDialog(preset), chosen)


def _write(owner: Screen[Any], request: ExportRequest, context: str) -> None:
    app = owner.app
    app.call_from_thread(owner.notify, f"Writing {request.path.name}…", timeout=2, markup=False)
    try:
        request.path.parent.mkdir(parents=True, exist_ok=True)
        result = host(owner).project.exports.write(request)
    except (WorkbenchError, OSError) as exc:
        app.call_from_thread(owner.notify, str(exc), title="Not exported", severity="error", timeout=8,
                             markup=False)
        app.call_from_thread(export_with_dialog, owner, preset_of(request, context))
        return
    counts = ", ".join(f"{v} {k}" for k, v in (getattr(result, "counts", None) or {}).items())
    report = getattr(result, "deidentification", None)
    note = (f"Wrote {result.path}" + (f" ({counts})" if counts else "")
            + (f"; no registered name left, report: {report}" if report else ""))
    app.call_from_thread(owner.notify, note, title="Exported", timeout=8, markup=False)


def codes_by_name(ticked: Sequence[str], codes: Sequence[Any]) -> tuple[str, ...]:
    """The paths of the ticked codes (ticked by GUID), for the dialog to show names, never GUIDs."""
    paths = {code.guid: code.path for code in codes}
    return tuple(paths.get(guid, guid) for guid in ticked)

