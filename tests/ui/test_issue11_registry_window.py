"""Issue 11, the coordinator without a terminal: File → New registry…, Open registry…, recent registries;
the window works on the registry chosen there and says which one, never silently on the official's own."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from visitapp.db import Database
from visitapp.services import Identity, Services


def _menu_actions(window) -> dict[str, object]:
    return {a.objectName(): a for a in window.findChildren(type(window.menuBar().actions()[0])) if a.objectName()}


def test_new_and_open_registry_from_the_file_menu(gui, qtbot, tmp_path, monkeypatch, db_path):
    gui.window.show_coordinator()
    window = gui.window.coordinator
    assert window.database_path == Path(db_path)  # the official's own database, and the title says so
    assert db_path.name in window.windowTitle()
    actions = _menu_actions(window)
    assert {"newRegistry", "openRegistry", "encryptDatabase"} <= set(actions)
    assert not window.recent_menu.isEnabled()  # nothing opened yet

    new = tmp_path / "rejestr-2027.db"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(new), ""))
    actions["newRegistry"].trigger()
    assert new.is_file() and window.database_path == new
    assert "rejestr-2027.db" in window.windowTitle()
    assert window.view.trust.model.rowCount() == 0 and window.view.actions_page.model.rowCount() == 0
    assert window.recent() == [str(new)]

    # Another registry with a visit in it, opened from the menu, then the first again from Recent.
    other = tmp_path / "inny.db"
    db = Database.open(other, create=True)
    from visitapp.demo import create_demo

    create_demo(Services(db, Identity("Ewa Kowalczyk")))
    db.close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    actions["openRegistry"].trigger()
    assert window.database_path == other and window.view.actions_page.model.rowCount() > 0
    assert window.recent() == [str(other), str(new)]
    assert [a.text() for a in window.recent_menu.actions()] == ["inny.db", "rejestr-2027.db"]
    window.recent_menu.actions()[1].trigger()
    assert window.database_path == new and window.view.actions_page.model.rowCount() == 0
    # The official's own database was never written by any of this.
    assert gui.window.coordinator is window and Path(gui.services().db.path) == Path(db_path)


def test_a_missing_or_existing_file_is_one_sentence(gui, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or QMessageBox.StandardButton.Ok)
    gui.window.show_coordinator()
    window = gui.window.coordinator
    before = window.database_path
    assert not window.open_registry(tmp_path / "nie-ma.db")
    assert not window.open_registry(before, create=True)
    assert window.database_path == before and len(shown) == 2
    assert "nie-ma.db" in shown[0] and shown[0].count(".") <= 3
