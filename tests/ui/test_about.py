"""Help → About shows the version and every licence notice the app ships, in the GUI's language."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit

from visitapp import __version__
from visitapp.ui.about import AboutAction, AboutDialog
from visitapp.ui.translation import Translations


def _about_action(window) -> AboutAction:
    help_menu = window.menuBar().actions()[-1].menu()
    found = [a for a in help_menu.actions() if isinstance(a, AboutAction)]
    assert len(found) == 1, [a.text() for a in help_menu.actions()]
    return found[0]


def _tabs(dialog: AboutDialog) -> dict[str, str]:
    out = {}
    for i in range(dialog.tabs.count()):
        view = dialog.tabs.widget(i)
        assert isinstance(view, QPlainTextEdit) and view.isReadOnly()
        out[dialog.tabs.tabText(i)] = view.toPlainText()
    return out


def test_about_from_the_help_menu_shows_every_notice(gui, qtbot):
    action = _about_action(gui.window)
    assert action.text() == "&About visitapp…"
    action.trigger()
    dialog = action.dialog
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "About visitapp"
    assert any(label.text() == f"visitapp {__version__}" for label in dialog.findChildren(QLabel))
    tabs = _tabs(dialog)
    assert list(tabs) == ["visitapp licence", "Qt, PySide6 and others", "Fonts", "Python packages"]
    assert "MIT License" in tabs["visitapp licence"] and "Permission is hereby granted" in tabs["visitapp licence"]
    assert "LGPL" in tabs["Qt, PySide6 and others"] and "replace them" in tabs["Qt, PySide6 and others"]
    assert "SIL OPEN FONT LICENSE" in tabs["Fonts"].upper()
    packages = tabs["Python packages"]
    for name in ("PySide6_Essentials", "pyHanko", "SQLAlchemy", "reportlab", "pikepdf", "cryptography"):
        assert name in packages, name
    assert "LGPL-3.0" in packages  # PySide6's own licence, from its installed metadata
    dialog.reject()


def test_about_in_polish(gui, qtbot):
    Translations(QApplication.instance()).apply("pl")  # the gui fixture switches back to English after
    dialog = AboutDialog(gui.window)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "O programie visitapp"
    assert list(_tabs(dialog)) == ["Licencja visitapp", "Qt, PySide6 i inne", "Fonty", "Pakiety Pythona"]
