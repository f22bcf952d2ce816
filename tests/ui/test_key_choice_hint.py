"""Encrypt and Change database password: no red rule before anything is typed, none beside the keyring choice, red
only for a typed passphrase that is too short; both dialogs start on the option their text recommends. Real dialogs,
their pixels read back from a grab."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from visitapp.db.engines.sqlcipher import DbKey
from visitapp.ui.protect_dialog import ProtectDialog
from visitapp.ui.rekey_dialog import RekeyDialog


def _pixels(widget) -> list[tuple[int, int, int]]:
    """The widget's pixels as (red, green, blue), read back from a grab."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    data = bytes(image.constBits())[: image.sizeInBytes()]  # 0xffRRGGBB, little-endian: B, G, R, A
    return [(data[i + 2], data[i + 1], data[i]) for i in range(0, len(data), 4)]


def red_pixels(widget) -> int:
    """How many clearly red pixels the widget draws (the error colour #b00020, anti-aliased)."""
    return sum(r > 120 and r > 2 * g and r > 2 * b for r, g, b in _pixels(widget))


def dark_pixels(widget) -> int:
    return sum(max(rgb) < 160 for rgb in _pixels(widget))


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
