"""The terminal UI's modules import each other one way only: no cycle, counting imports inside functions."""

from __future__ import annotations

import grimp


def test_no_module_of_the_tui_imports_itself_back():
    graph = grimp.build_graph("workbench", cache_dir=None)
    tui = {module for module in graph.modules if module.startswith("workbench.tui")}
    cycles = sorted(
        (importer, imported)
        for importer in tui
        for imported in graph.find_modules_directly_imported_by(importer)
        if imported in tui and imported != importer and graph.chain_exists(importer=imported, imported=importer)
    )
    assert cycles == []


def test_the_big_screens_are_packages_with_their_stable_names():
    from workbench.tui.screens.agreement import AgreementScreen
    from workbench.tui.screens.coding import CodingScreen
    from workbench.tui.screens.monitoring import MonitoringScreen

    for screen, package in ((CodingScreen, "coding"), (MonitoringScreen, "monitoring"),
                            (AgreementScreen, "agreement")):
        assert screen.__module__ == f"workbench.tui.screens.{package}.screen"
