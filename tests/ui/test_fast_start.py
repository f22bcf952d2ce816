"""Fast start (issue 10): the window is painted first, the visit list is filled after its first paint."""

from __future__ import annotations

import pytest

from tests.ui.app_session import close_app
from visitapp.ui.visit_list import VISIT_ROLE, VisitListPanel


@pytest.fixture
def deferred(monkeypatch):
    monkeypatch.setattr(VisitListPanel, "fill_after_first_paint", True)  # as visitapp.ui.app.run sets it


def test_the_list_is_filled_after_the_first_paint(qtbot, qapp, db_path, demo, settings, deferred) -> None:
    from visitapp.ui.app import Application

    app = Application(qapp, db_path, settings)
    try:
        qtbot.addWidget(app.window)
        panel = app.window.list_panel
        assert panel.visits.topLevelItemCount() == 0  # nothing read before the window is on the screen
        app.window.open_visit(demo[1])  # a visit opened meanwhile (a restart reopens the last one)
        assert panel.visits.topLevelItemCount() == 0
        app.window.show()
        qtbot.waitUntil(lambda: panel.visits.topLevelItemCount() == len(demo), timeout=10_000)
        current = panel.visits.currentItem()
        assert current is not None and current.data(0, VISIT_ROLE) == demo[1]
    finally:
        close_app(app)
