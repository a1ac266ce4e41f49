"""The monitoring screen: timeline, log entries, learning agenda and actions, each a pane of its own."""

from workbench.tui.screens.monitoring.screen import MonitoringScreen

__all__ = ["MonitoringScreen"]
