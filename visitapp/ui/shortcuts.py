"""F1: the keyboard shortcuts, in one table."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from visitapp.ui.safe_text import plain_tooltip


def shortcut_rows() -> list[tuple[str, str]]:
    return [
        ("Ctrl+Enter", QCoreApplication.translate("Shortcuts", "Add the typed note to the current section")),
        ("Ctrl+1 … Ctrl+6", QCoreApplication.translate(
            "Shortcuts",
            "Kind: note, quote, decision, commitment, question, risk "
            "(of the selected note when the notes have focus)")),
        ("Ctrl+PgUp / Ctrl+PgDown", QCoreApplication.translate("Shortcuts", "Previous / next section")),
        ("Alt+1 … Alt+9", QCoreApplication.translate("Shortcuts", "Go to section 1 … 9")),
        ("Ctrl+L", QCoreApplication.translate("Shortcuts", "Go to the notes (Esc returns to the capture box)")),
        ("F2 / Enter", QCoreApplication.translate("Shortcuts", "Edit the selected note in place")),
        ("Alt+Up / Alt+Down", QCoreApplication.translate("Shortcuts", "Move the selected note up / down")),
        ("Alt+Shift+Up / Alt+Shift+Down",
         QCoreApplication.translate("Shortcuts", "Move the selected note to the previous / next section")),
        ("Ctrl+M", QCoreApplication.translate("Shortcuts", "Move the selected note to a section…")),
        ("Delete", QCoreApplication.translate("Shortcuts", "Delete the selected note or action item")),
        ("Ctrl+Shift+A", QCoreApplication.translate("Shortcuts", "Make the selected note an action item")),
        ("Ctrl+Shift+1 / 2 / 3", QCoreApplication.translate(
            "Shortcuts", "Visibility: internal / partner institutions / company copy (of the selected note when "
            "the notes have focus, else of the next note)")),
        ("Ctrl+Shift+S", QCoreApplication.translate("Shortcuts", "Finalise and sign the open visit")),
        ("Ctrl+Z / Ctrl+Shift+Z",
         QCoreApplication.translate("Shortcuts", "Undo / redo (in the notes; in a text box, its own text)")),
        ("Ctrl+F", QCoreApplication.translate("Shortcuts", "Search all visits")),
        ("Ctrl+N", QCoreApplication.translate("Shortcuts", "Prepare a new visit")),
        ("Ctrl+E", QCoreApplication.translate("Shortcuts", "Details of the open visit")),
        ("Ctrl+,", QCoreApplication.translate("Shortcuts", "Settings")),
        ("F1", QCoreApplication.translate("Shortcuts", "This list")),
    ]


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows()
        table = QTableWidget(len(rows), 2, self)
        table.setAccessibleName(self.tr("Keyboard shortcuts"))
        table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        table.verticalHeader().hide()
        for i, (keys, what) in enumerate(rows):
            table.setItem(i, 0, QTableWidgetItem(keys))
            action = QTableWidgetItem(what)
            action.setToolTip(plain_tooltip(what))  # whole when a narrow screen elides it
            table.setItem(i, 1, action)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setWordWrap(False)  # one line a row: the dialog takes the width of its longest row
        table.resizeRowsToContents()
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Sized to its rows (issue 11), within the screen: the table scrolls only when the screen is too small.
        table.resizeColumnsToContents()
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        rows_height = sum(table.rowHeight(i) for i in range(len(rows)))
        wanted_height = (rows_height + table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
                         + buttons.sizeHint().height() + 3 * layout.spacing() + 24)
        wanted_width = max(560, table.columnWidth(0) + table.columnWidth(1) + 2 * table.frameWidth() + 48)
        available = self.screen().availableGeometry()
        self.resize(min(wanted_width, available.width() - 40), min(wanted_height, available.height() - 40))
