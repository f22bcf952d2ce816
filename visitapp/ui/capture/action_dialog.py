"""Owner and due date of an action item; owners are completed from participants and institutions.

The due date is typed as people write dates ("31.01.2027", "31.1.2027", "2027-01-31") or picked from the
calendar (Alt+Down); a text that is not a date keeps the dialog open with one sentence. A new item is due
``due_days`` from today (a setting), never silently on the visit's day.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from visitapp.ui.date_edit import DateEdit

DEFAULT_DUE_DAYS = 14


class ActionDialog(QDialog):
    def __init__(self, description: str, owners: list[str], owner: str = "", due: dt.date | None = None,
                 parent: QWidget | None = None, *, due_days: int = DEFAULT_DUE_DAYS) -> None:
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
        completer = self.owner.completer()
        assert completer is not None  # an editable combo box has one
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        form.addRow(self.tr("&Owner:"), self.owner)
        row = QWidget(self)
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        self.has_due = QCheckBox(self.tr("&Due date"), row)
        self.due = DateEdit(due or dt.date.today() + dt.timedelta(days=due_days), row)
        self.due.setAccessibleName(self.tr("Due date"))
        self.has_due.setChecked(True)
        self.has_due.toggled.connect(self.due.setEnabled)
        box.addWidget(self.due, 1)
        form.addRow(self.has_due, row)  # the check box is the row's label: "☑ Termin [date]", not "Termin: ☑ Termin"
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.owner.setFocus()

    def accept(self) -> None:
        """Only a real date (or none) is stored: otherwise the dialog stays open and says why."""
        if self.has_due.isChecked() and not self.due.check():  # the sentence shows under the field
            self.due.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()

    def values(self) -> tuple[str, dt.date | None]:
        due = self.due.date() if self.has_due.isChecked() else None
        return self.owner.currentText().strip(), due
