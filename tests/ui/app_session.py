"""The real application in GUI tests: opened as a user starts it, closed as the user quits it."""

from __future__ import annotations

from typing import Any


def open_app(qapp: Any, qtbot: Any, path: Any, settings: Any) -> Any:
    """The application on ``path``, its window shown and exposed."""
    from visitapp.ui.app import Application

    app = Application(qapp, path, settings)
    qtbot.addWidget(app.window)
    app.window.show()
    qtbot.waitExposed(app.window)
    return app


def close_app(app: Any) -> None:
    """Store what is typed, let the DB worker finish, then quit (no unsaved-text question: nothing is left)."""
    app.window.capture.flush()
    app.worker.wait()
    app.replacing = True
    app.window.close()
    app.shutdown()
