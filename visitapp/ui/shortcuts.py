"""F1: the keyboard shortcuts, in one table."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget


def shortcut_rows() -> list[tuple[str, str]]:
    from PySide6.QtCore import QCoreApplication

    def t(text: str) -> str:
        return QCoreApplication.translate("Shortcuts", text)

    return [
        ("Ctrl+Enter", t("Add the typed note to the current section")),
        ("Ctrl+1 … Ctrl+6", t("Kind: note, quote, decision, commitment, question, risk (of the selected note when the notes have focus)")),
        ("Ctrl+PgUp / Ctrl+PgDown", t("Previous / next section")),
        ("Alt+1 … Alt+9", t("Go to section 1 … 9")),
        ("Ctrl+L", t("Go to the notes (Esc returns to the capture box)")),
        ("F2 / Enter", t("Edit the selected note in place")),
        ("Alt+Up / Alt+Down", t("Move the selected note up / down")),
        ("Alt+Shift+Up / Alt+Shift+Down", t("Move the selected note to the previous / next section")),
        ("Ctrl+M", t("Move the selected note to a section…")),
        ("Delete", t("Delete the selected note or action item")),
        ("Ctrl+Shift+A", t("Make the selected note an action item")),
        ("Ctrl+Z / Ctrl+Shift+Z", t("Undo / redo (in the notes; in a text box, its own text)")),
        ("Ctrl+F", t("Search all visits")),
        ("Ctrl+N", t("Prepare a new visit")),
        ("Ctrl+E", t("Details of the open visit")),
        ("Ctrl+,", t("Settings")),
        ("F1", t("This list")),
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
            table.setItem(i, 1, QTableWidgetItem(what))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.setWordWrap(True)
        table.resizeRowsToContents()
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 520)
