"""Quitting with text that could not be stored asks first, and each answer does what it says.

The store fails for real: another connection holds the database's write lock (as another
program on the same file would), so the draft's write waits out SQLite's busy timeout and fails.
"""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.gui_process import stored_draft

TYPED = "Second building needs a bus stop"
PROMPT = "Some text could not be stored (see the status bar). Quit anyway and lose it?"


@pytest.fixture
def app(qtbot, qapp, db_path, demo, settings):
    """The application with the first demo visit open; closed at the end only if a test left it open."""
    from visitapp.ui.app import Application

    application = Application(qapp, db_path, settings)
    qtbot.addWidget(application.window)
    application.window.show()
    qtbot.waitExposed(application.window)
    application.window.open_visit(demo[0])
    yield application
    if application.window.isVisible():  # a test that kept it open: close it without the prompt
        application.replacing = True
        application.window.close()
    application.shutdown()


@pytest.fixture
def write_lock(db_path):
    """Hold the database's write lock from another connection until released."""
    conn = sqlite3.connect(db_path, timeout=0, isolation_level=None)

    class Lock:
        held = False

        def take(self) -> None:
            conn.execute("BEGIN IMMEDIATE")
            self.held = True

        def release(self) -> None:
            if self.held:
                conn.execute("ROLLBACK")
                self.held = False

    lock = Lock()
    yield lock
    lock.release()
    conn.close()


def close_answering(window, button: QMessageBox.StandardButton | None) -> list[str]:
    """Close the window; answer every modal message box that appears with ``button``; return their texts."""
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            seen.append(box.text())
            if button is None:
                box.reject()  # not expected: answer as Escape would, the test then fails on ``seen``
            else:
                box.button(button).click()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(answer)
    timer.start()
    try:
        window.close()
    finally:
        timer.stop()
    return seen


def type_into_capture(app, qtbot) -> None:
    box = app.window.capture.box.editor
    box.setFocus()
    qtbot.keyClicks(box, TYPED)
    assert app.window.capture.box.text() == TYPED


def test_closing_with_everything_stored_asks_nothing(app, qtbot, db_path, demo):
    type_into_capture(app, qtbot)
    assert close_answering(app.window, None) == []
    assert not app.window.isVisible()
    assert stored_draft(db_path, demo[0]) == TYPED  # stored on the way out, nothing to ask about


def test_no_keeps_the_window_open_with_the_text_until_it_is_stored(app, qtbot, db_path, demo, write_lock):
    write_lock.take()
    type_into_capture(app, qtbot)
    assert close_answering(app.window, QMessageBox.StandardButton.No) == [PROMPT]
    assert app.window.isVisible()
    assert app.window.capture.box.text() == TYPED
    assert app.window.saved_label.text() == "Not stored!"
    assert stored_draft(db_path, demo[0]) is None

    write_lock.release()  # the file is free again: the app keeps trying and stores the text
    qtbot.waitUntil(lambda: stored_draft(db_path, demo[0]) == TYPED, timeout=20000)
    qtbot.waitUntil(lambda: not app.window.capture.unsaved(), timeout=5000)
    assert close_answering(app.window, None) == []  # now nothing is at risk: it closes without asking
    assert not app.window.isVisible()


def test_yes_quits_and_the_unstored_text_is_lost(app, qtbot, db_path, demo, write_lock):
    write_lock.take()
    type_into_capture(app, qtbot)
    assert close_answering(app.window, QMessageBox.StandardButton.Yes) == [PROMPT]
    assert not app.window.isVisible()
    app.shutdown()  # what quitting does next (visitapp.ui.app.run): no more writes
    write_lock.release()
    assert stored_draft(db_path, demo[0]) is None  # lost, as the prompt said
