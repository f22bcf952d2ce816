"""A hostile name whose image is a real PNG, and checks that Qt never loaded it (for the hostile-text tests).

The probe image has one colour that appears nowhere else in visitapp; a widget that took the name for HTML
would paint it.  ``tooltip_shows_probe(name)`` is true for the raw name, so the pixel check can fail.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel, QWidget

PROBE_BGRA = bytes([0x5A, 0xE4, 0x12, 0xFF])  # rgb(18, 228, 90) in a Format_RGB32 image (little-endian)


@pytest.fixture(scope="module")
def hostile():
    """``<img src="file:///tmp/vp…/p.png">Jan``, in a short folder: a certificate's CN holds 64 characters."""
    folder = Path(tempfile.mkdtemp(prefix="vp"))
    image = QImage(24, 24, QImage.Format.Format_RGB32)
    image.fill(QColor(0x12, 0xE4, 0x5A))
    assert image.save(str(folder / "p.png"))
    name = f'<img src="file://{folder}/p.png">Jan'
    assert len(name) <= 60
    yield name
    shutil.rmtree(folder, ignore_errors=True)


def shows_probe(widget: QWidget) -> bool:
    """Whether the widget, as painted now, shows the probe image's colour."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    data = bytes(image.constBits())
    at = data.find(PROBE_BGRA)
    while at >= 0:
        if at % 4 == 0:
            return True
        at = data.find(PROBE_BGRA, at + 1)
    return False


def tooltip_shows_probe(text: str) -> bool:
    """A tooltip is a label that guesses the format (Qt::AutoText), as QToolTip's own label does."""
    label = QLabel(text)
    label.adjustSize()
    return shows_probe(label)


def assert_escaped_tooltip(tip: str | None) -> None:
    assert tip and "&lt;img" in tip and "<img" not in tip, tip
    assert not tooltip_shows_probe(tip)


def assert_plain_label(label: QLabel, hostile: str) -> None:
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert hostile in label.text()
    assert not shows_probe(label)
