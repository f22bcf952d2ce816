"""GUI fixtures: the real application over a real SQLite file per test, settings in a temporary file."""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from visitapp.ui import settings as s


def pytest_configure(config):
    from tests.ui.thread_guard import register_marker

    register_marker(config)


@pytest.fixture(autouse=True)
def _thread_guard(request):
    """Fail the test if the GUI writes to the database on the Qt GUI thread (tests/ui/thread_guard.py)."""
    from tests.ui.thread_guard import guard_fixture

    yield from guard_fixture(request)


@pytest.fixture
def settings(tmp_path):
    from visitapp.ui.settings import AppSettings

    st = AppSettings(tmp_path / "settings.ini")
    st.set(s.LANGUAGE, "en")
    return st


@pytest.fixture
def gui(qtbot, qapp, db_path, demo, settings):
    """The application on the demo database; yields it, then closes it as a user would."""
    from tests.ui.app_session import close_app, open_app

    app = open_app(qapp, qtbot, db_path, settings)
    app.window.activateWindow()
    yield app
    close_app(app)
    from visitapp.ui.translation import Translations

    Translations(qapp).apply("en")


@pytest.fixture
def opened(gui, demo, qtbot):
    """The first demo visit open in the capture view."""
    gui.window.open_visit(demo[0])
    return gui


@pytest.fixture
def machine_zone():
    """Set the process's time zone as a machine's would be (TZ and time.tzset); restored afterwards."""
    old = os.environ.get("TZ")

    def set_zone(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield set_zone
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()
