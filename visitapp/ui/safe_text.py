"""Text from files shown as text: never as HTML that Qt would render (and load images for).

Qt guesses the format of a label's, a tooltip's and a message box's text
(``Qt::mightBeRichText``): a signer's common name such as
``<img src="//host/share/x.png">Jan`` would make it load that image (on
Windows, open an SMB connection).  Every widget that can show a name, a file
name, a note or an error built from them goes through this module or sets
``Qt.TextFormat.PlainText`` itself.
"""

from __future__ import annotations

import html
from typing import overload

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

Button = QMessageBox.StandardButton


def escape(text: str) -> str:
    """``text`` for a place that takes rich text: ``<``, ``>`` and ``&`` escaped, so no tag survives."""
    return html.escape(text, quote=False)


@overload
def plain_tooltip(text: str) -> str: ...
@overload
def plain_tooltip(text: None) -> None: ...
def plain_tooltip(text: str | None) -> str | None:
    """A tooltip that Qt shows as exactly ``text``.

    Text without ``<`` is never taken for rich text (``Qt::mightBeRichText``
    looks for a tag), so it is returned unchanged; any other text is escaped and
    wrapped in a paragraph that keeps its line breaks: the escaped string names
    no image or link, so nothing is loaded.
    """
    if not text or "<" not in text:
        return text
    return "<p style='white-space:pre-wrap'>" + escape(text) + "</p>"


def plain(label: QLabel) -> QLabel:
    """``label`` set to show its text as plain text (returned, to wrap a constructor)."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def plain_message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str,
                  buttons: Button = Button.Ok, default: Button = Button.NoButton) -> Button:
    """A modal message box whose text is plain text (what ``QMessageBox.warning`` and friends cannot do).

    Returns the button chosen, as the static functions do (NoButton when none was).
    """
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    chosen = box.exec()  # a standard button's value
    try:
        return Button(chosen)
    except ValueError:
        return Button.NoButton


def plain_question(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask Yes/No with a plain-text question; True for Yes."""
    return plain_message(parent, QMessageBox.Icon.Question, title, text, Button.Yes | Button.No) == Button.Yes


def plain_warning(parent: QWidget | None, title: str, text: str) -> None:
    plain_message(parent, QMessageBox.Icon.Warning, title, text)
