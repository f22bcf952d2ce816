"""Owner and due date of an action item; owners are completed from participants and institutions."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)


class ActionDialog(QDialog):
    def __init__(self, description: str, owners: list[str], owner: str = "", due: dt.date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Action item"))
        form = QFormLayout(self)
        text = QLabel(description, self)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)  # a note's text
        form.addRow(self.tr("Commitment:"), text)
        self.owner = QComboBox(self)
        self.owner.setEditable(True)
        self.owner.addItems(owners)
        self.owner.setCurrentText(owner)
        self.owner.setAccessibleName(self.tr("Owner"))
        self.owner.completer().setFilterMode(self.owner.completer().filterMode().MatchContains)
        form.addRow(self.tr("&Owner:"), self.owner)
        row = QWidget(self)
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        self.has_due = QCheckBox(self.tr("&Due date"), row)
        self.due = QDateEdit(row)
        self.due.setCalendarPopup(True)
        self.due.setAccessibleName(self.tr("Due date"))
        start = due or dt.date.today() + dt.timedelta(days=14)
        self.due.setDate(QDate(start.year, start.month, start.day))
        self.has_due.setChecked(True)
        self.has_due.toggled.connect(self.due.setEnabled)
        box.addWidget(self.has_due)
        box.addWidget(self.due, 1)
        form.addRow(self.tr("Due:"), row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.owner.setFocus()

    def values(self) -> tuple[str, dt.date | None]:
        due = self.due.date().toPython() if self.has_due.isChecked() else None
        return self.owner.currentText().strip(), due
