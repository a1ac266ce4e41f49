"""The command palette's entries: every key of every screen once, named as the key bar names them.

The current screen's keys come first and run there; the app's keys run anywhere; another screen's keys go to
that screen first. A screen's keys are read from its class, so listing them opens no screen.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from textual.binding import Binding, BindingType
from textual.screen import Screen


@dataclass(frozen=True)
class PaletteEntry:
    """One command: what it is called, the key and screen it belongs to, and the action to run."""

    title: str
    help: str
    action: str
    mode: str | None  # None: run here; otherwise switch to this mode first
    on_screen: bool  # the action is the current screen's (not the app's)


def _described(bindings: Iterable[BindingType]) -> list[Binding]:
    return [b for b in bindings if isinstance(b, Binding) and b.description]


def _key(binding: Binding) -> str:
    return binding.key_display or binding.key.split(",")[0]


def palette_entries(screen: Screen[object], app_bindings: Sequence[BindingType],
                    screens: Sequence[tuple[str, str, str, str, str]], current_mode: str) -> list[PaletteEntry]:
    """The entries for a palette opened on `screen` (the app's SCREENS give the other screens and their keys)."""
    entries: list[PaletteEntry] = []
    seen: set[str] = set()
    labels = {mode: (key.upper(), label) for mode, key, label, _module, _name in screens}
    here = labels.get(current_mode, ("", "this screen"))[1]
    for binding in _described(getattr(type(screen), "BINDINGS", [])):
        if binding.action not in seen:
            seen.add(binding.action)
            entries.append(PaletteEntry(binding.description, f"{_key(binding)} · {here}", binding.action, None, True))
    for binding in _described(app_bindings):
        if binding.action not in seen and binding.description not in {e.title for e in entries}:
            seen.add(binding.action)
            entries.append(PaletteEntry(binding.description, f"{_key(binding)} · anywhere", binding.action, None,
                                        False))
    for mode, _key_name, label, module, name in screens:
        if mode == current_mode:
            continue
        other = getattr(importlib.import_module(module), name)
        done: set[str] = set()
        for binding in _described(other.BINDINGS):
            if binding.action in done or binding.action in seen:
                continue
            done.add(binding.action)
            fkey, _ = labels[mode]
            entries.append(PaletteEntry(f"{label}: {binding.description}", f"{fkey}, then {_key(binding)}",
                                        binding.action, mode, True))
    return entries
