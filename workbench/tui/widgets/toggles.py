"""Check boxes and radio buttons whose state shows in the mark itself, not only in its colour.

Textual draws the same mark on and off and tells them apart by colour alone, which a colour-blind user or a
monochrome terminal cannot see; these draw a tick or a dot when on and a blank when off.
"""

from __future__ import annotations

from textual.widgets import Checkbox, RadioButton


class MarkedCheckbox(Checkbox):
    """A check box that shows ✔ when ticked."""

    def on_mount(self) -> None:
        self._mark()

    def watch_value(self) -> None:
        super().watch_value()
        self._mark()

    def _mark(self) -> None:
        self.BUTTON_INNER = "✔" if self.value else " "
        self.refresh()


class MarkedRadioButton(RadioButton):
    """A radio button that shows ● when chosen."""

    def on_mount(self) -> None:
        self._mark()

    def watch_value(self) -> None:
        super().watch_value()
        self._mark()

    def _mark(self) -> None:
        self.BUTTON_INNER = "●" if self.value else " "
        self.refresh()
