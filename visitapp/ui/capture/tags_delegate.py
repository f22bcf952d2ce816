"""Editing a note's tags in the notes list: the new tags are stored through an operation, never only shown."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from visitapp.ui.capture.notes_model import ID_ROLE, Index
from visitapp.ui.capture.tags import split_tags


class TagsDelegate(QStyledItemDelegate):
    """The Tags cell's editor; a change is reported (``tagsCommitted``), the model is not written here."""

    tagsCommitted = Signal(str, list)  # note id, the new tags

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAccessibleName(self.tr("Edit tags"))
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)  # made by createEditor
        editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)  # made by createEditor
        note_id = index.data(ID_ROLE)
        tags = split_tags(editor.text())
        if note_id and tags != split_tags(index.data(Qt.ItemDataRole.EditRole) or ""):
            self.tagsCommitted.emit(note_id, tags)
