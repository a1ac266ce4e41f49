"""Errors a user can cause and fix: the front ends show their message as one sentence."""


class WorkbenchError(Exception):
    """A problem with the user's input or project, described in one clear sentence."""


class NotFound(WorkbenchError):
    """A document, code, coder or other record named by the user does not exist."""


class InvalidInput(WorkbenchError):
    """A value, span, file or expression given by the user is not acceptable."""


class ImportFailed(WorkbenchError):
    """A file could not be imported; the message names the file and the problem."""


class Conflict(WorkbenchError):
    """The change would break an invariant (a duplicate, a code still in use, ...)."""


class ProjectError(WorkbenchError):
    """The project folder or database cannot be opened, created or upgraded."""


class Busy(WorkbenchError):
    """The database stayed locked by someone else for longer than the coder is willing to wait."""


class NeedsConfirmation(InvalidInput):
    """The change is allowed but risky (a name variant that is also an ordinary word); it waits for a yes."""
