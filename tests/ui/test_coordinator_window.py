"""The coordinator's window opens from the official's main window over the same database."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget


def test_coordinator_window_from_the_menu_and_its_changes_reach_the_visit_list(gui, qtbot, svc, demo):
    window = gui.window
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    coordinator = window.coordinator
    assert coordinator is not None and coordinator.isVisible()
    tabs = coordinator.view.findChild(QTabWidget)
    assert [tabs.tabText(i) for i in range(tabs.count())][:2] == ["Merge", "Trusted signers"]

    # Something the coordinator's work brought in (here: a visit stored by another copy)
    # shows in the visit list as soon as the coordinator view says the registry changed.
    assert window.list_panel.visits.topLevelItemCount() == 3
    org = svc.visits.get(demo[0]).organisation
    svc.visits.create(org.id, dt.datetime(2026, 6, 1, 10, tzinfo=dt.UTC), title="Scalona wizyta")
    coordinator.view.registryChanged.emit()
    assert window.list_panel.visits.topLevelItemCount() == 4

    window.close()
    assert not coordinator.isVisible()
