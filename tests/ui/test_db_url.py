"""The desktop window takes a database URL as the CLI does: opened, or refused in one sentence with nothing created."""

from __future__ import annotations

import os
import subprocess
import sys

from sqlalchemy import select

from tests.conftest import ROOT
from visitapp.db import models as m


def test_the_window_opens_a_sqlite_url(qtbot, qapp, tmp_path, settings, monkeypatch):
    from visitapp.ui.app import Application, resolve_db

    monkeypatch.chdir(tmp_path)
    target = tmp_path / "Wizyty #1" / "registry.db"
    url = "sqlite:///" + str(target)
    assert resolve_db(url, settings) == url
    app = Application(qapp, resolve_db(url, settings), settings)
    qtbot.addWidget(app.window)
    try:
        assert app.db.path == target
        with app.db.read() as s:
            assert s.scalars(select(m.Visit)).all() == []
    finally:
        app.replacing = True
        app.window.close()
        app.shutdown()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Wizyty #1", "settings.ini"]


def test_gui_with_a_postgresql_url_is_one_sentence_and_creates_nothing(tmp_path):
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VISITAPP_LANG": "en", "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "visitapp", "gui", "--db", "postgresql+psycopg://u@h/db"],
                            capture_output=True, text=True, env=env, cwd=cwd, stdin=subprocess.DEVNULL, timeout=120)
    assert result.returncode == 1
    # The window is shown before the database opens (fast start): the offscreen plugin's own remark is no error.
    said = [line for line in result.stderr.splitlines() if line != "This plugin does not support propagateSizeHints()"]
    assert "\n".join(said).strip() == (  # the window opens a PostgreSQL registry now; this server is not there
        "visitapp: The database server of postgresql+psycopg://u@h/db cannot be reached; check the host, the port "
        "and that the server is running.")
    assert list(cwd.iterdir()) == []
