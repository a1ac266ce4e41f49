"""For screens that read their data again whenever they come back into view.

Such a screen's own dialogs read it again in their callbacks, after their change; reading it on the way back
as well could show the data from before the change. A screen opens its dialogs with `show_dialog` and skips
one resume with `back_from_dialog`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import ModalScreen, Screen


class OwnDialogs(Screen[None]):
    """A screen that opens dialogs of its own."""

    in_dialog = False

    def show_dialog(self, screen: ModalScreen[Any], callback: Callable[[Any], Any]) -> None:
        """Open one of the screen's dialogs; its result comes to the callback."""
        self.in_dialog = True
        self.app.push_screen(screen, callback)

    def back_from_dialog(self) -> bool:
        """True, once, when the screen comes back into view from one of its own dialogs."""
        was, self.in_dialog = self.in_dialog, False
        return was
