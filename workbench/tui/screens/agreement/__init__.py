"""The agreement screen: the per-code table and the review list of disagreements, each a widget of its own."""

from workbench.tui.screens.agreement.screen import AgreementScreen

__all__ = ["AgreementScreen"]
