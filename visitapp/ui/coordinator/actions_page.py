"""Actions: the coordinator follows up every commitment: filter, then change status, owner or due date in place."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractItemModel, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from visitapp import ops
from visitapp.domain import ActionStatus
from visitapp.services.dto import ActionInfo
from visitapp.ui.coordinator.common import Fit, ServicesRef, current, table, warn
from visitapp.ui.coordinator.models import GREY, RED, Column, EditableRowsModel, Index, RowsModel
from visitapp.ui.coordinator.writes import Writes
from visitapp.ui.labels import ACTION_STATUSES, action_status_label, fmt_date, visit_time

NO_DATE = QDate(2000, 1, 1)  # the QDateEdit's minimum, shown as "no due date"


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box of (label, code) for one column; a choice is committed at once."""

    def __init__(self, choices: list[tuple[str, str]], accessible: str, parent=None) -> None:
        super().__init__(parent)
        self.choices, self.accessible = choices, accessible

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        box = QComboBox(parent)
        box.setAccessibleName(self.accessible)
        for label, code in self.choices:
            box.addItem(label, code)

        def chosen(_index: int, b: QComboBox = box) -> None:
            self.commitData.emit(b)
            self.closeEditor.emit(b)

        box.activated.connect(chosen)
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)  # made by createEditor
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)  # made by createEditor
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class DueDateDelegate(QStyledItemDelegate):
    def __init__(self, no_date: str, accessible: str, parent=None) -> None:
        super().__init__(parent)
        self.no_date, self.accessible = no_date, accessible

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        edit = QDateEdit(parent)
        edit.setAccessibleName(self.accessible)
        edit.setCalendarPopup(True)
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.no_date)  # Home / the minimum clears the date
        return edit

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QDateEdit)  # made by createEditor
        model = index.model()
        assert isinstance(model, RowsModel)  # the actions table's model
        row = model.row_at(index)
        due = row.due_date if row is not None else None
        editor.setDate(QDate(due.year, due.month, due.day) if due else QDate.currentDate())

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QDateEdit)  # made by createEditor
        chosen = editor.date()
        model.setData(index, None if chosen == NO_DATE else chosen.toPython(), Qt.ItemDataRole.EditRole)


class ActionsPage(QWidget):
    changed = Signal()

    def __init__(self, services: ServicesRef, parent: QWidget | None = None, *, writes: Writes) -> None:
        super().__init__(parent)
        self.services = services
        self.writes = writes  # every change: ops.edit_action on the DB worker
        self.today = dt.date.today()

        self.owner = QLineEdit(self)
        self.owner.setPlaceholderText(self.tr("institution or person"))
        self.owner.setClearButtonEnabled(True)
        self.owner.setAccessibleName(self.tr("Filter by owner"))
        owner_label = QLabel(self.tr("&Owner contains:"), self)
        owner_label.setBuddy(self.owner)
        self.status = QComboBox(self)
        self.status.setAccessibleName(self.tr("Filter by status"))
        self.status.addItem(self.tr("Any status"), None)
        for code in ACTION_STATUSES:
            self.status.addItem(self.status_label(code), code)
        self.status.setCurrentIndex(1)  # open items first: that is what needs following up
        status_label = QLabel(self.tr("&Status:"), self)
        status_label.setBuddy(self.status)
        self.overdue = QCheckBox(self.tr("Overdue on&ly"), self)
        self.overdue.setAccessibleName(self.tr("Show only overdue action items"))
        self.count = QLabel(self)
        self.count.setAccessibleName(self.tr("Number of action items shown"))

        self.model = EditableRowsModel([
            Column("due", self.tr("Due"), self._due, color=self._due_color, bold=self._overdue,
                   edit=lambda r: r.due_date),
            Column("status", self.tr("Status"), lambda r: self.status_label(r.status),
                   color=lambda r: GREY if r.status != ActionStatus.OPEN else None, edit=lambda r: r.status),
            Column("owner", self.tr("Owner"), lambda r: r.owner, edit=lambda r: r.owner),
            Column("description", self.tr("Action item"), lambda r: r.description),
            Column("organisation", self.tr("Organisation"), lambda r: r.organisation),
            Column("visit", self.tr("Visit"), self._visit_time),
        ], self._apply, self)
        # The task itself takes the room left and never less than 250 px (at 150 % on a laptop too); owner and
        # organisation at most a fifth of the table each, cut with "…" and whole in their tooltips; due date,
        # status and visit as wide as their text.
        self.table = table(self, self.tr("Action items"), self.model, stretch=3, minimum=250,
                           fits={2: Fit(share=0.2, floor=110), 4: Fit(share=0.2, floor=110)})
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setItemDelegateForColumn(
            self.model.column_of("status"),
            ChoiceDelegate([(self.status_label(c), c) for c in ACTION_STATUSES],
                           self.tr("Status of the action item"), self))
        self.table.setItemDelegateForColumn(
            self.model.column_of("due"),
            DueDateDelegate(self.tr("no due date"), self.tr("Due date of the action item"), self))
        self.done_button = QPushButton(self.tr("Mark &done"), self)
        self.done_button.setAccessibleName(self.tr("Mark the selected action item done"))
        self.reopen_button = QPushButton(self.tr("&Reopen"), self)
        self.reopen_button.setAccessibleName(self.tr("Open the selected action item again"))
        hint = QLabel(self.tr("F2 or a double click changes the status, owner or due date in place."), self)
        hint.setStyleSheet("QLabel { color: #5f6368; }")

        filters = QHBoxLayout()
        filters.addWidget(owner_label)
        filters.addWidget(self.owner, 1)
        filters.addWidget(status_label)
        filters.addWidget(self.status)
        filters.addWidget(self.overdue)
        filters.addStretch(1)
        filters.addWidget(self.count)
        buttons = QHBoxLayout()
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.reopen_button)
        buttons.addWidget(hint, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

        self.owner.textChanged.connect(self.reload)
        self.status.currentIndexChanged.connect(self.reload)
        self.overdue.toggled.connect(self.reload)
        self.done_button.clicked.connect(lambda: self.set_status_of_selected(ActionStatus.DONE.value))
        self.reopen_button.clicked.connect(lambda: self.set_status_of_selected(ActionStatus.OPEN.value))
        self.reload()

    # texts ---------------------------------------------------------------------
    def status_label(self, code: str) -> str:
        return action_status_label(code)

    def _overdue(self, r: ActionInfo) -> bool:
        return r.is_overdue(self.today)

    @staticmethod
    def _visit_time(row: ActionInfo) -> str:  # on the visit's clock, as the visit list shows it
        return visit_time(row.visit_starts_at, row.visit_time_zone) if row.visit_starts_at else ""

    def _due(self, r: ActionInfo) -> str:
        if r.due_date is None:
            return "—"
        text = fmt_date(r.due_date)
        return self.tr("%1 (overdue)").replace("%1", text) if self._overdue(r) else text

    def _due_color(self, r: ActionInfo):
        return RED if self._overdue(r) else None

    # filtering -------------------------------------------------------------------
    def reload(self) -> None:
        self.today = dt.date.today()
        rows = current(self.services).actions.list(
            owner=self.owner.text().strip() or None, status=self.status.currentData(),
            overdue_on=self.today if self.overdue.isChecked() else None)
        self.model.reset(rows)  # the table's columns follow their new text (common.table's fits)
        overdue = sum(1 for r in rows if self._overdue(r))
        text = self.tr("%n action item(s)", "", len(rows))
        if overdue:
            text += " · " + self.tr("%n overdue", "", overdue)
        self.count.setText(text)

    # changing ----------------------------------------------------------------------
    def _apply(self, row: ActionInfo, key: str, value) -> None:
        """Submit the edit; the row shows the new value when it is stored (never before)."""
        if isinstance(value, QDate):
            value = value.toPython()
        kwargs = ({"status": value} if key == "status" else {"owner": value or ""} if key == "owner"
                  else {"due_date": value})
        self.writes.submit(ops.edit_action, row.id, **kwargs, on_done=self._stored,
                           on_error=lambda sentence: warn(self, self.tr("Action item"), sentence))

    def _stored(self, new: ActionInfo) -> None:
        index = next((i for i, r in enumerate(self.model.rows) if r.id == new.id), -1)
        if index >= 0:
            self.model.replace(index, new)
        self.changed.emit()

    def set_status_of_selected(self, status: str) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        self.model.setData(index.siblingAtColumn(self.model.column_of("status")), status)
