"""Turn exceptions into the CLI's contract: one sentence on stderr and an exit code."""

from __future__ import annotations

import sys

import typer
from typer.exceptions import TyperException

from workbench.domain.errors import WorkbenchError

USER_ERROR = 2


def _say(message: str) -> None:
    sys.stderr.write(f"workbench: {message}\n")


def run(app: typer.Typer, argv: list[str]) -> int:
    """Run the app on argv and return the exit code."""
    debug = "--debug" in argv
    command = typer.main.get_command(app)
    try:
        result = command.main(args=argv, prog_name="workbench", standalone_mode=False)
        return result if isinstance(result, int) else 0
    except typer.Exit as exc:
        return exc.exit_code
    except typer.Abort:
        _say("stopped.")
        return 130
    except TyperException as exc:
        # Usage errors and bad parameters: say what was wrong and where the help is.
        ctx = getattr(exc, "ctx", None)
        hint = f" (see `{ctx.command_path} --help`)" if ctx is not None else ""
        _say(f"{exc.format_message()}{hint}")
        return getattr(exc, "exit_code", USER_ERROR) or USER_ERROR
    except WorkbenchError as exc:
        if debug:
            raise
        _say(str(exc))
        return USER_ERROR
    except KeyboardInterrupt:
        _say("stopped.")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks
        if debug:
            raise
        first_line = (str(exc).strip().splitlines() or [""])[0]
        _say(f"unexpected error ({type(exc).__name__}: {first_line}); rerun with --debug to see where it happened.")
        return 1
