"""The bottom line of every screen: its keys and what they do, drawn as one line of text.

Textual's own Footer mounts a widget per key and builds them all again on every screen switch and focus change,
which took longer than opening a long transcript; this bar draws the same line in a fraction of a millisecond.
A click on a key presses it, as in the Footer.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.widget import Widget

PINNED = "help_keys"  # kept at the right end with the palette key, so every key can always be found


class KeyBar(Widget):
    """The shown key bindings of the current screen, its focused widget and the app, then the palette key."""

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--hover"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyBar > .key-bar--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeyBar > .key-bar--hover {
        background: $block-hover-background;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._places: list[tuple[int, int, str, bool]] = []  # (first column, past the last, key, enabled)
        self._hover: str | None = None  # the key under the mouse

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen) -> None:
        if screen is self.screen:
            self.refresh()

    def keys(self, active) -> list[tuple[Binding, bool]]:
        """The bindings to show of the screen's `active_bindings`, one per action, in Textual's order (focused
        widget, screen, app)."""
        shown: list[tuple[Binding, bool]] = []
        actions: set[str] = set()
        palette = self.app.COMMAND_PALETTE_BINDING if self.app.ENABLE_COMMAND_PALETTE else None
        for key, (_node, binding, enabled, _tooltip) in active.items():
            if binding.show and binding.action not in actions and key != palette:
                actions.add(binding.action)
                shown.append((binding, enabled))
        return shown

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        hover_style = self.get_component_rich_style("key-bar--hover", partial=True)
        width = self.size.width
        active = self.screen.active_bindings  # worked out from the focus chain: once per drawing
        entries = [(b.key, self.app.get_key_display(b), b.description, enabled, b.action == PINNED)
                   for b, enabled in self.keys(active)]
        pinned = [entry for entry in entries if entry[4]]
        entries = [entry for entry in entries if not entry[4]]
        palette = self._palette(active)
        if palette is not None:
            pinned.append((palette[0], palette[1], palette[2], True, True))
        # Narrow terminals get the compact form: no padding around the key.
        wide = sum(len(shown) + len(description) + 3 for _k, shown, description, _e, _p in entries + pinned) <= width
        def piece(entry) -> tuple[Text, int]:
            """One entry as text, and how many of its cells are the key and description (the rest is the gap)."""
            key, shown, description, enabled, _pinned = entry
            extra = hover_style if key == self._hover else None
            part = Text(end="")
            part.append(f" {shown} " if wide else f"{shown} ", key_style + extra if extra else key_style)
            part.append(f"{description} ", description_style + extra if extra else description_style)
            if not enabled:
                part.stylize("dim")
            label = part.cell_len
            part.append(" " if wide else "")
            return part, label

        right, right_places = Text(no_wrap=True, end=""), []
        for entry in pinned:
            part, label = piece(entry)
            right_places.append((right.cell_len, right.cell_len + label, entry[0], entry[3]))
            right.append_text(part)
        room = max(width - right.cell_len, 0)
        text = Text(no_wrap=True, end="")
        self._places = []
        for index, entry in enumerate(entries):  # the screen's own keys first; what does not fit is left out
            part, label = piece(entry)
            reserve = 0 if index == len(entries) - 1 else 2  # room for the "…" that says so
            if text.cell_len + label + reserve > room:
                text.append("… ", description_style)
                break
            self._places.append((text.cell_len, text.cell_len + label, entry[0], entry[3]))
            text.append_text(part)
        text.append(" " * max(room - text.cell_len, 0))
        self._places += [(begin + room, end + room, key, enabled) for begin, end, key, enabled in right_places]
        text.append_text(right)
        return text

    def _palette(self, active) -> tuple[str, str, str] | None:
        if not self.app.ENABLE_COMMAND_PALETTE:
            return None
        found = active.get(self.app.COMMAND_PALETTE_BINDING)
        if found is None:
            return None
        binding = found[1]
        return binding.key, self.app.get_key_display(binding), binding.description

    def key_at(self, x: int) -> tuple[str, bool] | None:
        """The key at a column and whether it is enabled, if there is one."""
        for begin, end, key, enabled in self._places:
            if begin <= x < end:
                return key, enabled
        return None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        found = self.key_at(event.x)
        if found is None:
            return
        key, enabled = found
        if enabled:
            self.app.simulate_key(key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        found = self.key_at(event.x)
        hover = found[0] if found else None
        if hover != self._hover:
            self._hover = hover
            self.refresh()

    def on_leave(self, _event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()
