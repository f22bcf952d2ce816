"""Thin Qt table models over rows the core hands back (plain dataclasses).

A page fetches its rows through the services or the registry functions and
calls :meth:`RowsModel.reset`; the model only says how to show them.  The
headers and cell texts come from the page, already translated.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from visitapp.ui.safe_text import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
RED = QColor("#b00020")
GREEN = QColor("#1b5e20")
GREY = QColor("#5f6368")


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    text: Callable[[Any], str]
    tip: Callable[[Any], str] | None = None
    color: Callable[[Any], QColor | None] | None = None
    bold: Callable[[Any], bool] | None = None
    edit: Callable[[Any], Any] | None = None  # the value an editor starts from; editable when given


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []

    # filling ---------------------------------------------------------------
    def reset(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def append(self, row: Any) -> None:
        n = len(self.rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self.rows.append(row)
        self.endInsertRows()

    def replace(self, i: int, row: Any) -> None:
        self.rows[i] = row
        self.dataChanged.emit(self.index(i, 0), self.index(i, len(self.columns) - 1))

    def row_at(self, index: Index) -> Any:
        return self.rows[index.row()] if index.isValid() and index.row() < len(self.rows) else None

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    # QAbstractTableModel ---------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        col = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return col.text(row)
        if role == Qt.ItemDataRole.EditRole:
            return col.edit(row) if col.edit else col.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(col.tip(row) if col.tip else (col.text(row) or None))  # Qt guesses HTML
        if role == Qt.ItemDataRole.ForegroundRole and col.color:
            color = col.color(row)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.FontRole and col.bold and col.bold(row):
            font = QFont()
            font.setBold(True)
            return font
        return None


class EditableRowsModel(RowsModel):
    """Rows whose editable columns change through ``apply(row, key, value)``, which returns the new row.

    ``apply`` calls a core operation (and shows its error); ``None`` means nothing changed.
    """

    def __init__(self, columns: Sequence[Column], apply: Callable[[Any, str, Any], Any | None], parent=None) -> None:
        super().__init__(columns, parent)
        self._apply = apply

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.columns[index.column()].edit is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.row_at(index)
        col = self.columns[index.column()] if index.isValid() else None
        if row is None or col is None or col.edit is None or role != Qt.ItemDataRole.EditRole:
            return False
        if value == col.edit(row):
            return False
        new = self._apply(row, col.key, value)
        if new is None:
            return False
        self.replace(index.row(), new)
        return True
