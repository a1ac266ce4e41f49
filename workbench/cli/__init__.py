"""The `workbench` command line: global options, command groups and the error contract."""

from __future__ import annotations

import importlib
import sys

import typer

app = typer.Typer(
    name="workbench",
    help="Qualitative research workbench: import transcripts, code them, compare, log, export.",
    no_args_is_help=False,
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)

# Each module adds its commands to `app` when imported; heavy imports stay inside the commands.
COMMAND_MODULES = (
    "project_commands",
    "history_commands",
    "documents_commands",
    "document_commands",
    "codebook_commands",
    "coding_commands",
    "analysis_commands",
    "monitoring_commands",
    "agreement_commands",
    "autocode_commands",
    "export_commands",
    "names_commands",
    "speaker_commands",
    "review_commands",
)

for _name in COMMAND_MODULES:
    try:
        importlib.import_module(f"workbench.cli.{_name}")
    except ModuleNotFoundError as _exc:
        if _exc.name != f"workbench.cli.{_name}":
            raise


def main(argv: list[str] | None = None) -> None:
    """Run the CLI: user mistakes become one sentence on stderr and exit code 2, never a traceback."""
    from workbench.cli.errors import run

    sys.exit(run(app, sys.argv[1:] if argv is None else argv))
