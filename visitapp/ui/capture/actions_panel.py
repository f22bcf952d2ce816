"""The visit's action items: owner and due date; edit (Enter) and delete (Delete) by keyboard too."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from visitapp.services.dto import ActionInfo
from visitapp.ui.labels import fmt_date
from visitapp.ui.safe_text import plain_tooltip

ID_ROLE = Qt.ItemDataRole.UserRole


class ActionsPanel(QTreeWidget):
    editRequested = Signal(str)
    deleteRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRootIsDecorated(False)
        self.setHeaderLabels([self.tr("Action item"), self.tr("Owner"), self.tr("Due")])
        self.setAccessibleName(self.tr("Action items"))
        self.setWordWrap(True)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.header().setStretchLastSection(False)
        self.itemActivated.connect(lambda item, _c: self.editRequested.emit(item.data(0, ID_ROLE)))

    def populate(self, actions: list[ActionInfo]) -> None:
        """Show the items; the selection stays where it was (the same item, or the same row after a Delete)."""
        selected = self.currentItem()
        current, row = self.current_id(), self.indexOfTopLevelItem(selected) if selected is not None else -1
        self.clear()
        for action in actions:
            item = QTreeWidgetItem(self, [action.description, action.owner, fmt_date(action.due_date)])
            item.setToolTip(0, plain_tooltip(action.description))
            item.setData(0, ID_ROLE, action.id)
        if row < 0 or not self.topLevelItemCount():
            return
        ids = [a.id for a in actions]
        target = self.topLevelItem(ids.index(current) if current in ids else min(row, self.topLevelItemCount() - 1))
        if target is not None:
            self.setCurrentItem(target)

    def current_id(self) -> str | None:
        item = self.currentItem()
        return item.data(0, ID_ROLE) if item else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.current_id() and event.key() == Qt.Key.Key_Delete:
            self.deleteRequested.emit(self.current_id())
            return
        super().keyPressEvent(event)
