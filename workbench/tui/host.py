"""What the screens ask of the application they run in: the open project and the way to open a document.

Screens reach the application through Textual's `self.app`, typed as a plain App; `host` gives it its real shape.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, cast

from textual.message_pump import MessagePump

if TYPE_CHECKING:
    from workbench.project import Project


class Host(Protocol):
    """The application as the screens use it."""

    project: Project
    pending_document: tuple[str | int, int | None] | None

    def open_document(self, document: str | int, at: int | None = None) -> None: ...

    def keep_from_collector(self) -> None: ...

    def use_project(self, project: Project) -> None: ...


def host(node: MessagePump) -> Host:
    """The workbench application that `node` belongs to."""
    return cast("Host", node.app)
