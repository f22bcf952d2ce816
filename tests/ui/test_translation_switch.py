"""Qt's own Polish buttons ("Anuluj") leave with the language: a second application built in the same process (as
``make screenshots`` builds Polish, then English) and a live switch in the running app both show Qt's English."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.app_session import close_app, open_app
from visitapp.ui import settings as s
from visitapp.ui.translation import Translations


def buttons() -> list[str]:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    try:
        return [button.text().replace("&", "") for button in box.buttons()]
    finally:
        box.deleteLater()


@pytest.fixture
def english_after(qapp):
    yield
    Translations(qapp).apply("en")


def test_a_new_translations_object_removes_the_polish_qt_translator(qapp, english_after):
    Translations(qapp).apply("pl")
    assert "Anuluj" in buttons()
    Translations(qapp).apply("en")  # another object, as a second Application makes
    assert "Cancel" in buttons() and "Anuluj" not in buttons()


def test_the_prepare_dialog_is_english_after_polish_in_the_same_process(qapp, qtbot, db_path, demo, settings,
                                                                        english_after):
    from visitapp.ui.prepare import PrepareDialog

    def dialog_buttons(app) -> list[str]:
        dialog = PrepareDialog(app.services(), demo[0], app.window)
        qtbot.addWidget(dialog)
        return [b.text().replace("&", "") for b in dialog.buttons.buttons()]

    settings.set(s.LANGUAGE, "pl")
    polish = open_app(qapp, qtbot, db_path, settings)
    assert "Anuluj" in dialog_buttons(polish)
    settings.set(s.LANGUAGE, "en")
    polish.settings_changed()  # a live switch in the running app
    assert "Cancel" in dialog_buttons(polish) and "Anuluj" not in dialog_buttons(polish)
    settings.set(s.LANGUAGE, "pl")
    polish.settings_changed()
    close_app(polish)
    settings.set(s.LANGUAGE, "en")
    english = open_app(qapp, qtbot, db_path, settings)  # a second application, as the screenshots build it
    try:
        assert "Cancel" in dialog_buttons(english) and "Anuluj" not in dialog_buttons(english)
    finally:
        close_app(english)
