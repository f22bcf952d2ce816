"""The template's sections with their notes: edit in place, reorder, move and delete by keyboard or mouse."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QTreeWidget,
    QTreeWidgetItem, QWidget,
)

from visitapp.services.dto import NoteInfo
from visitapp.templates import Template
from visitapp.ui.labels import fmt_time, kind_label

ID_ROLE = Qt.ItemDataRole.UserRole
SECTION_ROLE = Qt.ItemDataRole.UserRole + 1
TEXT_COLUMN = 2


class NoteDelegate(QStyledItemDelegate):
    """In-place editing of a note's text; the change goes through the view (an undo command), not the item."""

    editorOpened = Signal(str, QLineEdit)  # note id, editor
    editCommitted = Signal(str, str)  # note id, new text

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        """Wrap long notes: the row is as tall as the text at the column's width."""
        view = self.parent()
        width = max(80, view.columnWidth(TEXT_COLUMN) - 8)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        rect = option.fontMetrics.boundingRect(QRect(0, 0, width, 100000), Qt.TextFlag.TextWordWrap, text)
        return QSize(width, rect.height() + 6)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:  # noqa: N802
        editor = QLineEdit(parent)
        editor.setAccessibleName(self.tr("Edit note"))
        self.editorOpened.emit(index.data(ID_ROLE), editor)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:  # noqa: N802
        if not editor.property("restored"):
            editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:  # noqa: N802
        note_id = index.data(ID_ROLE)
        if note_id and editor.text().strip() and editor.text() != index.data(Qt.ItemDataRole.EditRole):
            self.editCommitted.emit(note_id, editor.text())


class NotesTree(QTreeWidget):
    deleteRequested = Signal(str)
    reorderRequested = Signal(str, int)  # note id, -1 up / +1 down
    moveSectionRequested = Signal(str, int)  # note id, -1 previous / +1 next section
    sectionChosen = Signal(str)
    leave = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(5)
        self.setHeaderLabels([self.tr("Time"), self.tr("Kind"), self.tr("Note"), self.tr("Tags"), self.tr("Author")])
        self.setAccessibleName(self.tr("Sections and notes"))
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setUniformRowHeights(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked)
        self.delegate = NoteDelegate(self)
        self.setItemDelegateForColumn(TEXT_COLUMN, self.delegate)
        header = self.header()
        header.setStretchLastSection(False)
        for col in (0, 1, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        header.sectionResized.connect(lambda *_: self.scheduleDelayedItemsLayout())
        self.currentItemChanged.connect(self._current_changed)
        self._sections: dict[str, QTreeWidgetItem] = {}

    def populate(self, template: Template, lang: str, notes: list[NoteInfo], current_section: str,
                 select: str | None = None) -> None:
        keep = select or self.current_note_id()
        self.blockSignals(True)
        self.clear()
        self._sections.clear()
        by_section: dict[str, list[NoteInfo]] = {}
        for note in notes:
            by_section.setdefault(note.section, []).append(note)
        for number, section in enumerate(template.sections, 1):
            own = by_section.get(section.key, [])
            top = QTreeWidgetItem(self)
            top.setFirstColumnSpanned(True)
            top.setText(0, f"{number}. {section.title.get(lang)}  ({len(own)})")
            top.setData(0, SECTION_ROLE, section.key)
            top.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self._sections[section.key] = top
            for note in own:
                item = QTreeWidgetItem(top)
                item.setText(0, fmt_time(note.created_at))
                item.setToolTip(0, note.created_at.astimezone().isoformat(timespec="seconds"))
                item.setText(1, kind_label(note.kind))
                item.setText(TEXT_COLUMN, note.text)
                item.setText(3, ", ".join(note.tags))
                item.setText(4, note.author)
                item.setData(0, ID_ROLE, note.id)
                item.setData(TEXT_COLUMN, ID_ROLE, note.id)
                item.setData(0, SECTION_ROLE, note.section)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            top.setExpanded(True)
        self.mark_section(current_section)
        self.blockSignals(False)
        if keep and self.select_note(keep):
            return

    def mark_section(self, key: str) -> None:
        for section_key, item in self._sections.items():
            font = QFont(item.font(0))
            font.setBold(section_key == key)
            item.setFont(0, font)
            if section_key == key:
                item.setBackground(0, self.palette().brush(QPalette.ColorRole.Highlight).color().lighter(170))
            else:
                item.setBackground(0, QBrush())

    def section_item(self, key: str) -> QTreeWidgetItem | None:
        return self._sections.get(key)

    def select_note(self, note_id: str) -> bool:
        for top in self._sections.values():
            for i in range(top.childCount()):
                child = top.child(i)
                if child.data(0, ID_ROLE) == note_id:
                    self.setCurrentItem(child, TEXT_COLUMN)
                    self.scrollToItem(child)
                    return True
        return False

    def current_note_id(self) -> str | None:
        item = self.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def edit_current(self) -> None:
        item = self.currentItem()
        if item is not None and item.data(0, ID_ROLE):
            self.editItem(item, TEXT_COLUMN)

    def _current_changed(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.sectionChosen.emit(item.data(0, SECTION_ROLE))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        note_id = self.current_note_id()
        key, mods = event.key(), event.modifiers()
        alt = bool(mods & Qt.KeyboardModifier.AltModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Escape and self.state() != QAbstractItemView.State.EditingState:
            self.leave.emit()
            return
        if note_id and key == Qt.Key.Key_Delete:
            self.deleteRequested.emit(note_id)
            return
        if note_id and key == Qt.Key.Key_Return and not mods and self.state() != QAbstractItemView.State.EditingState:
            self.edit_current()
            return
        if note_id and alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = -1 if key == Qt.Key.Key_Up else 1
            (self.moveSectionRequested if shift else self.reorderRequested).emit(note_id, step)
            return
        super().keyPressEvent(event)
