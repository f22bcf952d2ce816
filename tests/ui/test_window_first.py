"""Fast start (issue 10): the main window is shown before the database is open, "Opening…" where the visit list
goes, and gets its parts once the database is open (``Application(..., window_first=True)``, as ``run`` starts)."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtWidgets import QLabel

from tests.ui.app_session import close_app


def test_the_window_without_its_parts_says_opening_and_closes_cleanly(qtbot, settings):
    from visitapp.ui.main_window import MainWindow

    window = MainWindow(SimpleNamespace(settings=settings), ready=False)  # no database, no services yet
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    placeholder = window.splitter.widget(0)
    assert isinstance(placeholder, QLabel) and placeholder.text() == "Opening…"
    assert not window.ready and not hasattr(window, "capture") and not window.menuBar().actions()
    assert window.close()  # closed while the database is still opening: nothing typed, nothing to ask
    assert not window.isVisible()


def test_the_real_start_shows_the_window_first_then_fills_it(qtbot, qapp, db_path, demo, settings):
    from visitapp.ui.app import Application

    app = Application(qapp, db_path, settings, window_first=True)
    try:
        qtbot.addWidget(app.window)
        window = app.window
        assert window.isVisible() and window.ready
        assert window.splitter.widget(0) is window.list_panel  # the placeholder gave its place to the list
        assert window.menuBar().actions()  # the menus came with the parts
        qtbot.waitUntil(lambda: window.list_panel.visits.topLevelItemCount() == len(demo), timeout=10_000)
        window.open_visit(demo[0])
        assert window.capture.visit is not None and window.capture.visit.id == demo[0]
    finally:
        close_app(app)
