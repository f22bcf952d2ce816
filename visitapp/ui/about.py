"""Help → About: the version, the app's licence and every third-party notice the packaged app ships.

The frozen app and the .deb must carry the notices of Qt/PySide6 (LGPL-3.0), the Noto fonts (OFL)
and the Python packages; this dialog shows them from ``resources/licences`` (written at build time)
or, in a checkout, gathers them from the installed packages (:mod:`visitapp.licences`).
Hook it into a menu with ``menu.addAction(AboutAction(window))``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from visitapp import __version__
from visitapp.licences import notices


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About visitapp"))
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        heading = QLabel(self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setText("visitapp " + __version__)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        summary = QLabel(self)
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)
        summary.setText(
            self.tr("Notes from reference visits to companies, signed minutes and a registry of the series.")
                        + "\n\n" + self.tr(
            "visitapp is free software under the MIT licence. It ships software by others under their own "
            "licences, listed below: Qt and PySide6 under the GNU LGPL version 3, the Noto Sans fonts under "
            "the SIL Open Font License, and the Python packages under theirs."))
        layout.addWidget(summary)
        self.tabs = QTabWidget(self)
        titles = {"app": self.tr("visitapp licence"), "third_party": self.tr("Qt, PySide6 and others"),
                  "fonts": self.tr("Fonts"), "python": self.tr("Python packages")}
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for key, text in notices().items():
            view = QPlainTextEdit(self.tabs)
            view.setReadOnly(True)
            view.setFont(fixed)
            view.setPlainText(text)  # plain text: licence files are never read as markup
            view.setAccessibleName(titles[key])
            self.tabs.addTab(view, titles[key])
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class AboutAction(QAction):
    """A menu entry that opens :class:`AboutDialog` over ``window``."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setText(self.tr("&About visitapp…"))
        self.setMenuRole(QAction.MenuRole.AboutRole)
        self.triggered.connect(lambda _checked=False: self.open_dialog(window))
        self.dialog: AboutDialog | None = None

    def open_dialog(self, window: QWidget) -> AboutDialog:
        self.dialog = AboutDialog(window)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()
        return self.dialog
