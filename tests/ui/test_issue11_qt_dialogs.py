"""Issue 11: Qt's own dialogs speak Polish with the rest of the window (the file dialog said "Look in:")."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QLabel

from visitapp.ui.translation import Translations


@pytest.fixture
def polish(qapp):
    translations = Translations(qapp)
    translations.apply("pl")
    yield translations
    translations.apply("en")


def test_the_file_dialog_is_qts_own_and_polish(qtbot, polish):
    if sys.platform.startswith("linux"):
        assert QCoreApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs)
    dialog = QFileDialog(None, "x")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # the widgets below exist only in Qt's own
    qtbot.addWidget(dialog)
    texts = {w.objectName(): w.text() for w in dialog.findChildren(QLabel)}
    assert texts["lookInLabel"] == "&Szukaj w:"  # Qt 6's "&Look in:" is missing from qtbase_pl.qm: ours
    assert texts["fileTypeLabel"] == "Pliki &rodzaju:"
    assert texts["fileNameLabel"] == "Nazwa &pliku:"  # qtbase_pl.qm's
    assert not [t for t in texts.values() if "Look in" in t or "Files of" in t]
