"""The coding screen: the transcript, its codings, the code tree and the search bar, each a widget of its own."""

from workbench.tui.screens.coding.messages import CodingsLoaded, DocumentLoaded
from workbench.tui.screens.coding.screen import CodingScreen

__all__ = ["CodingScreen", "CodingsLoaded", "DocumentLoaded"]
