"""Issue 14: the coordinator window opens a registry on a PostgreSQL server by its URL (File → Open server registry…).

The URL typed may hold a password; it is used to connect, but never shown in the title nor kept in the
recent registries (settings).
"""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog
from sqlalchemy.engine import make_url

from visitapp.db import Database
from visitapp.demo import create_demo
from visitapp.services import Identity, Services


def test_open_a_server_registry_by_its_url(gui, qtbot, pg_url, monkeypatch, settings):
    db = Database.open(pg_url)
    create_demo(Services(db, Identity("Ewa Kowalczyk")))
    db.close()
    typed = pg_url.replace("postgresql+psycopg://postgres@", "postgresql+psycopg://postgres:Sekret-77@")
    asked: list[str] = []

    def answer(parent, title, label, *args, **kwargs):
        asked.append(label)
        return typed, True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    gui.window.show_coordinator()
    window = gui.window.coordinator
    actions = {a.objectName(): a for a in window.findChildren(type(window.menuBar().actions()[0])) if a.objectName()}
    actions["openServerRegistry"].trigger()
    assert asked and "postgresql+psycopg://" in asked[0]
    assert window.database_path is None and window.view.actions_page.model.rowCount() > 0  # the server's rows
    assert pg_url.split("@/", 1)[1].split("?", 1)[0] in window.windowTitle()
    assert "Sekret-77" not in window.windowTitle()
    (remembered,) = window.recent()
    assert make_url(remembered) == make_url(pg_url) and "Sekret" not in remembered  # without the password
    assert [a.text() for a in window.recent_menu.actions()] == [remembered]
    window.recent_menu.actions()[0].trigger()  # opens again from Recent (libpq finds no password needed here)
    assert window.view.actions_page.model.rowCount() > 0
    window.close()
