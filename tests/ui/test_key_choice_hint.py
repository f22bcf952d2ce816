"""Encrypt and Change database password: no red rule before anything is typed, none beside the keyring choice, red
only for a typed passphrase that is too short; both dialogs start on the option their text recommends. Real dialogs,
their pixels read back from a grab."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from visitapp.db.engines.sqlcipher import DbKey
from visitapp.ui.protect_dialog import ProtectDialog
from visitapp.ui.rekey_dialog import RekeyDialog


def red_pixels(widget) -> int:
    """How many clearly red pixels the widget draws (the error colour #b00020, anti-aliased)."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            colour = QColor(image.pixel(x, y))
            if colour.red() > 120 and colour.red() > 2 * colour.green() and colour.red() > 2 * colour.blue():
                count += 1
    return count


def dark_pixels(widget) -> int:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return sum(QColor(image.pixel(x, y)).value() < 160 for y in range(image.height()) for x in range(image.width()))


@pytest.fixture(params=["protect", "rekey"])
def dialog(request, qtbot, tmp_path):
    path = tmp_path / "notatki.db"
    made = ProtectDialog(path) if request.param == "protect" else RekeyDialog(path, DbKey(passphrase="stare hasło 1"))
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def test_the_recommended_keyring_is_the_default_and_shows_no_rule(dialog):
    assert dialog.keyring.isChecked() and "(recommended)" in dialog.keyring.text()
    assert not dialog.first.isEnabled()
    assert dialog.hint.text() == "" and red_pixels(dialog) == 0


def test_the_rule_is_grey_until_a_too_short_passphrase_is_typed(dialog, qtbot):
    dialog.passphrase_choice.setChecked(True)
    assert dialog.hint.text() == "At least 8 characters."
    assert dark_pixels(dialog.hint) > 0 and red_pixels(dialog.hint) == 0  # said, as a hint
    dialog.first.setText("abc")
    assert dialog.hint.text() == "At least 8 characters." and red_pixels(dialog.hint) > 20  # now an error
    dialog.first.clear()
    assert red_pixels(dialog.hint) == 0
    dialog.first.setText("abc")
    dialog.keyring.setChecked(True)  # back to the keyring: nothing about a passphrase
    assert dialog.hint.text() == "" and red_pixels(dialog) == 0
