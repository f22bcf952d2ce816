"""The visit's sections and notes as a Qt item model: sections are top-level rows, notes their children.

A change to one note touches only its row: :meth:`NotesModel.apply` inserts, updates, moves or
removes it with the row-level signals (``rowsInserted``, ``dataChanged``, ``rowsMoved`` within a
section, ``rowsRemoved`` + ``rowsInserted`` to another section), never a reset.  Only
:meth:`NotesModel.load` (opening a visit) replaces every row.

The tree's shape lives in C++: the model is a ``QStandardItemModel`` whose items are *anonymous*
(flags only, no data), one item per cell.  A ``QTreeView`` lays out every row again after any
insertion under an expanded parent, asking the model for each row's index, flags and children;
answered in C++ that costs microseconds for a visit of 1,000 notes, where a Python
``QAbstractItemModel`` made ~3,000 calls into Python per change (issue 9: ~10 ms of a 16 ms frame).
What a cell shows comes from Python (:meth:`NotesModel.data`, :meth:`NotesModel.row_cells`), from the
sections' note lists, which are the truth; the items only mirror their row counts.  Because the
items of two note rows are alike, a move within a section is a ``beginMoveRows``/``endMoveRows`` over
the Python list alone (persistent indexes, hence the selection, follow the note).

Why the cells' text is not in the items, with Qt's own delegate painting it (tried for issue 9): Qt's
delegate lays each visible cell's text out again on every paint, which cost as much as painting from
Python (~5 ms a screenful), and writing ~30 values per row made opening a visit of 1,000 notes 3x
slower.  The view paints a row in one call from :meth:`row_cells`, each text laid out once
(:mod:`~visitapp.ui.capture.row_painter`).

A note typed a moment ago is shown at once as a *pending* row (:meth:`add_pending`) and gets its
stored identity when the database worker reports the commit (:meth:`resolve_pending`).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, QObject, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel
from shiboken6 import Shiboken

from visitapp.registry.signers import typed_beside
from visitapp.services.dto import NoteInfo
from visitapp.templates import Template
from visitapp.ui.capture.note_cells import Shown

ID_ROLE = Qt.ItemDataRole.UserRole
SECTION_ROLE = Qt.ItemDataRole.UserRole + 1
PENDING_ROLE = Qt.ItemDataRole.UserRole + 2  # True while the note is not committed yet
TIME_COLUMN, KIND_COLUMN, TEXT_COLUMN, TAGS_COLUMN, AUTHOR_COLUMN, VISIBILITY_COLUMN = range(6)
COLUMNS = 6
PENDING_PREFIX = "pending:"
NOTE_MIME = "application/x-visitapp-note"  # what a dragged note carries: its id
PENDING_POSITION = 1 << 40  # a pending note goes last in its section, as the stored one will

Index = QModelIndex | QPersistentModelIndex


_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.SizeHintRole, ID_ROLE, SECTION_ROLE, PENDING_ROLE,
})


# A section takes dropped notes; a note can be dragged (the view turns a drop into a move operation)
# and never has children, so the view never asks it for any.
_SECTION_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
_NOTE_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
               | Qt.ItemFlag.ItemIsDragEnabled)
_TEXT_FLAGS = _NOTE_FLAGS | Qt.ItemFlag.ItemIsEditable
_EDITABLE = frozenset({TEXT_COLUMN, TAGS_COLUMN})  # the time, kind, author and visibility are not typed here


def _address(item: QStandardItem) -> int:
    """The C++ address of an item: the ``internalId`` of its children's indexes."""
    return int(Shiboken.getCppPointer(item)[0])


def _section_items(count: int) -> list[QStandardItem]:
    """A section row: its title cell takes drops, the other cells are inert."""
    first = QStandardItem()
    first.setFlags(_SECTION_FLAGS)
    rest = []
    for _ in range(COLUMNS - 1):
        cell = QStandardItem()
        cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        rest.append(cell)
    for _ in range(count):
        first.appendRow(_note_row())
    return [first, *rest]


def _note_row() -> list[QStandardItem]:
    """The anonymous cells of one note row (what they show comes from the model's Python lists)."""
    row = []
    for column in range(COLUMNS):
        cell = QStandardItem()
        cell.setFlags(_TEXT_FLAGS if column in _EDITABLE else _NOTE_FLAGS)
        row.append(cell)
    return row


@dataclasses.dataclass
class _Section:
    key: str
    title: str
    notes: list[NoteInfo]


class NotesModel(QStandardItemModel):
    #: A visit was loaded (the one reset): the view expands the sections and sizes its columns.
    loaded = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, COLUMNS, parent)
        self._sections: list[_Section] = []
        self._row_of_section: dict[str, int] = {}
        self._section_items: list[QStandardItem] = []
        self._root_id = _address(self.invisibleRootItem())  # internalId of a section row
        self._srow_of_id: dict[int, int] = {}  # internalId of a note row -> its section's row
        self._srow_of_note: dict[str, int] = {}  # note id -> the row of the section it is shown in
        self._headers: list[str] = [""] * COLUMNS
        self._current = ""
        self._highlight = QBrush()
        self._pending_ids = itertools.count(1)
        self._shown: dict[str, tuple[NoteInfo, Shown]] = {}  # note id -> (the NoteInfo it was made of, cells)
        self._italic = QFont()
        self._italic.setItalic(True)  # shown, not yet stored
        self._line = QSize()  # the size hint of a one-line cell (set by the view): no text layout per cell
        self._bold = QFont()
        self._bold.setBold(True)
        self._signers: dict[str, str] = {}  # merged note id -> the certificate name of its file's signer
        self._typed_format = "%1 (typed: %2)"  # set translated by the view
        self._zone: str | None = None

    # loading ---------------------------------------------------------------
    def load(self, template: Template, lang: str, notes: list[NoteInfo], zone_name: str | None = None) -> None:
        """All sections and notes of a visit (opening it): all rows go, the new ones come, then ``loaded``."""
        by_section: dict[str, list[NoteInfo]] = {key: [] for key in template.section_keys}
        for note in notes:
            by_section.setdefault(note.section, []).append(note)
        self.removeRows(0, self.rowCount())  # not clear(): that drops the columns, and the view's sizing with them
        self._sections = [
            _Section(s.key, f"{number}. {s.title.get(lang)}", by_section[s.key])
            for number, s in enumerate(template.sections, 1)
        ]
        self._row_of_section = {s.key: row for row, s in enumerate(self._sections)}
        rows = [_section_items(len(s.notes)) for s in self._sections]  # built off the model: no signal per row
        self._section_items = [row[0] for row in rows]
        self._srow_of_id = {_address(item): srow for srow, item in enumerate(self._section_items)}
        self._srow_of_note = {note.id: srow for srow, s in enumerate(self._sections) for note in s.notes}
        self._zone = zone_name  # the visit's clock: its notes' times are shown on it
        self._shown.clear()
        self._signers = {}  # the new visit's, once read on the DB worker (set_signers)
        root = self.invisibleRootItem()
        for row in rows:
            root.appendRow(row)
        self.loaded.emit()

    def set_headers(self, labels: list[str]) -> None:
        self._headers = list(labels)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)

    def set_highlight(self, color: QColor) -> None:
        self._highlight = QBrush(color)

    def set_signers(self, signers: dict[str, str], typed_format: str | None = None) -> None:
        """Show merged notes' authors by their signer's certificate name (``typed_format``: "%1 (typed: %2)").

        The typed author is only shown beside it when it is another name (as ``visitapp show`` does).
        """
        self._signers = dict(signers)
        if typed_format:
            self._typed_format = typed_format
        self._shown.clear()
        for srow, section in enumerate(self._sections):  # one signal per section, the author column only
            if section.notes:
                parent = self.index(srow, 0)
                self.dataChanged.emit(self.index(0, AUTHOR_COLUMN, parent),
                                      self.index(len(section.notes) - 1, AUTHOR_COLUMN, parent),
                                      [Qt.ItemDataRole.DisplayRole])

    def author_of(self, note: NoteInfo) -> str:
        """The author as shown: the signer's certificate name for a merged note, the typed one beside it."""
        signer = self._signers.get(note.id)
        if signer is None:
            return note.author
        typed = typed_beside(signer, note.author)
        if not typed:
            return signer
        names = (signer, typed)
        return re.sub(r"%([12])", lambda m: names[int(m[1]) - 1], self._typed_format)  # one pass: a name may hold "%2"

    def _where(self, index: Index) -> tuple[int, int]:
        """(section row, note row) of an index; the note row is -1 for a section, (-1, -1) for nothing."""
        if not index.isValid():
            return -1, -1
        parent = index.internalId()
        if parent == self._root_id:
            return index.row(), -1
        srow = self._srow_of_id.get(parent, -1)
        if srow < 0 or index.row() >= len(self._sections[srow].notes):
            return -1, -1
        return srow, index.row()

    def row_cells(self, index: Index) -> tuple[tuple[str, ...], QFont | None, QBrush | None, bool]:
        """What a row shows, for painting it in one call: (cells, font, background, is a section)."""
        srow, nrow = self._where(index)
        if srow < 0:
            return (), None, None, False
        section = self._sections[srow]
        if nrow < 0:
            current = section.key == self._current
            return ((f"{section.title}  ({len(section.notes)})",), self._bold if current else None,
                    self._highlight if current else None, True)
        note = section.notes[nrow]
        return self._shown_of(note).cells, self._italic if note.id.startswith(PENDING_PREFIX) else None, None, False

    def _shown_of(self, note: NoteInfo) -> Shown:
        cached = self._shown.get(note.id)
        if cached is not None and cached[0] is note:
            return cached[1]
        shown = Shown.of(note, self.author_of(note), self._zone)
        self._shown[note.id] = (note, shown)
        return shown

    def set_line_height(self, height: int) -> None:
        """One-line cells (time, kind, tags, author, a section's title) are this tall; the note's text wraps."""
        self._line = QSize(0, height)

    def set_current_section(self, key: str) -> None:
        """Bold and highlight the section new notes go to (two rows change)."""
        old, self._current = self._current, key
        for changed in {old, key}:
            row = self._row_of_section.get(changed)
            if row is not None:
                index = self.index(row, 0)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.FontRole, Qt.ItemDataRole.BackgroundRole])

    # looking up ------------------------------------------------------------
    def section_keys(self) -> list[str]:
        return [s.key for s in self._sections]

    def section_index(self, key: str) -> QModelIndex:
        row = self._row_of_section.get(key)
        return self.index(row, 0) if row is not None else QModelIndex()

    def section_at(self, index: Index) -> str | None:
        """The key of the section a row belongs to (a section's own row, or a note's)."""
        srow, _nrow = self._where(index)
        return self._sections[srow].key if srow >= 0 else None

    def find(self, note_id: str) -> tuple[int, int] | None:
        """(section row, note row) of a note, or None (looked for in its one section, not in every note)."""
        srow = self._srow_of_note.get(note_id)
        if srow is None:
            return None
        for nrow, note in enumerate(self._sections[srow].notes):
            if note.id == note_id:
                return srow, nrow
        return None

    def note_index(self, note_id: str, column: int = TEXT_COLUMN) -> QModelIndex:
        where = self.find(note_id)
        if where is None:
            return QModelIndex()
        return self.index(where[1], column, self.index(where[0], 0))

    def note(self, note_id: str) -> NoteInfo | None:
        where = self.find(note_id)
        return self._sections[where[0]].notes[where[1]] if where else None

    def note_at(self, index: Index) -> NoteInfo | None:
        srow, nrow = self._where(index)
        return self._sections[srow].notes[nrow] if srow >= 0 and nrow >= 0 else None

    def notes(self) -> list[NoteInfo]:
        return [n for s in self._sections for n in s.notes]

    def note_count(self) -> int:
        return sum(len(s.notes) for s in self._sections)

    def row_in_section(self, note_id: str) -> int | None:
        where = self.find(note_id)
        return where[1] if where else None

    # changes, one row at a time ------------------------------------------------
    def add_pending(self, template_note: NoteInfo) -> str:
        """Show a note that is not committed yet at the end of its section; returns its temporary id."""
        pending = dataclasses.replace(template_note, id=f"{PENDING_PREFIX}{next(self._pending_ids)}")
        self._insert(pending, None)
        return pending.id

    def resolve_pending(self, pending_id: str, note: NoteInfo) -> None:
        """The pending note was committed as ``note``: the same row, now with its stored values."""
        where = self.find(pending_id)
        if where is not None:  # the same row, found by its stored id from now on
            srow, nrow = where
            self._sections[srow].notes[nrow] = note
            self._srow_of_note[note.id] = self._srow_of_note.pop(pending_id)
            self._shown.pop(pending_id, None)
            self._row_changed(srow, nrow)
        self.apply([note])  # its place, if the stored position puts it elsewhere

    def drop_pending(self, pending_id: str) -> None:
        """The pending note could not be stored."""
        self.remove(pending_id)

    def apply(self, notes: list[NoteInfo]) -> None:
        """Show ``notes`` as stored: a deleted one is removed, the others take their place by position."""
        touched: set[int] = set()
        for note in notes:
            where = self.find(note.id)
            target = self._row_of_section.get(note.section)
            if note.deleted or target is None:  # gone, or in a section this template does not show
                if where is not None:
                    self.remove(note.id)
                continue
            touched.add(target)
            if where is None:
                self._insert(note, self._sorted_row(target, note))
                continue
            srow, nrow = where
            if self._sections[srow].notes[nrow] is not note:  # not this very note again (reported twice)
                self._sections[srow].notes[nrow] = note
                self._row_changed(srow, nrow)
            if srow != target:
                self._move(srow, nrow, target, self._sorted_row(target, note))
        for srow in touched:
            self._sort(srow)

    def move_local(self, note_id: str, section: str, index: int | None) -> None:
        """Show a move at once, before it is stored (``index`` among the section's other notes; None: last)."""
        where = self.find(note_id)
        target = self._row_of_section.get(section)
        if where is None or target is None:
            return
        srow, nrow = where
        row = self._clamp(target, index, moving=srow == target)
        if (srow, nrow) != (target, row):
            self._move(srow, nrow, target, row)

    @staticmethod
    def _key(note: NoteInfo) -> tuple:
        return note.position, note.created_at, note.id

    def _sorted_row(self, srow: int, note: NoteInfo) -> int:
        key = self._key(note)
        return sum(1 for other in self._sections[srow].notes if other.id != note.id and self._key(other) < key)

    def _sort(self, srow: int) -> None:
        """Put a section's rows in stored order, one row move at a time (no reset)."""
        notes = self._sections[srow].notes
        keys = [self._key(note) for note in notes]
        if all(a <= b for a, b in itertools.pairwise(keys)):  # the usual case: nothing to move
            return
        for row, note in enumerate(sorted(notes, key=self._key)):
            current = next(i for i in range(row, len(notes)) if notes[i] is note)
            if current != row:
                self._move(srow, current, srow, row)

    def update_local(self, note_id: str, **values: Any) -> None:
        """Show an edit at once, before it is stored (the stored values follow through :meth:`apply`)."""
        where = self.find(note_id)
        if where is None:
            return
        srow, nrow = where
        notes = self._sections[srow].notes
        notes[nrow] = dataclasses.replace(notes[nrow], **values)
        self._row_changed(srow, nrow)

    def _row_changed(self, srow: int, nrow: int) -> None:
        parent = self.index(srow, 0)
        self.dataChanged.emit(self.index(nrow, 0, parent), self.index(nrow, COLUMNS - 1, parent))

    def remove(self, note_id: str) -> None:
        where = self.find(note_id)
        if where is None:
            return
        srow, nrow = where
        del self._sections[srow].notes[nrow]
        del self._srow_of_note[note_id]
        self._shown.pop(note_id, None)
        self._section_items[srow].removeRow(nrow)
        self._count_changed(srow)

    def _clamp(self, srow: int, index: int | None, moving: bool) -> int:
        size = len(self._sections[srow].notes) - (1 if moving else 0)
        return size if index is None else max(0, min(index, size))

    def _insert(self, note: NoteInfo, index: int | None) -> None:
        srow = self._row_of_section.get(note.section)
        if srow is None:
            return
        row = self._clamp(srow, index, moving=False)
        self._sections[srow].notes.insert(row, note)
        self._srow_of_note[note.id] = srow
        self._section_items[srow].insertRow(row, _note_row())
        self._count_changed(srow)

    def _move(self, srow: int, nrow: int, trow: int, target: int) -> None:
        """Move one note row to ``target`` (its row once moved) in section ``trow``.

        Within a section the anonymous items stay where they are and only the Python list moves, inside
        ``beginMoveRows``/``endMoveRows``; to another section the row is removed and inserted (the
        sections' row counts change), and the view selects the note again where it needs to.
        """
        if srow != trow:
            note = self._sections[srow].notes.pop(nrow)
            self._section_items[srow].removeRow(nrow)
            self._sections[trow].notes.insert(target, note)
            self._srow_of_note[note.id] = trow
            self._section_items[trow].insertRow(target, _note_row())
            self._count_changed(srow)
            self._count_changed(trow)
            return
        parent = self.index(srow, 0)
        destination = target + 1 if target > nrow else target  # Qt counts before the move
        if not self.beginMoveRows(parent, nrow, nrow, parent, destination):
            return
        notes = self._sections[srow].notes
        notes.insert(target, notes.pop(nrow))
        self.endMoveRows()

    def _count_changed(self, srow: int) -> None:
        index = self.index(srow, 0)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole])

    # QStandardItemModel ------------------------------------------------------------
    # index(), parent(), rowCount(), hasChildren() and flags() stay in C++ (see the module's docstring).
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < COLUMNS:
            return self._headers[section]
        return None

    # Dragging a note: the model only says what is dragged and that a note may land here; the view
    # turns the drop into a move operation, and the rows move when it is shown (move_local).
    def mimeTypes(self) -> list[str]:
        return [NOTE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        note = next((n for n in map(self.note_at, indexes) if n is not None), None)
        if note is not None and not note.id.startswith(PENDING_PREFIX):
            data.setData(NOTE_MIME, note.id.encode())
        return data

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        return data.hasFormat(NOTE_MIME)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        return False  # never changes the items: see NotesTree.dropEvent

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Nothing is stored in the items: an edit is an operation of the view (its delegate says which)."""
        return False

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Views ask for many roles of every visible cell: answer from a per-note cache, no formatting here.
        if role not in _ROLES:
            return None
        srow, nrow = self._where(index)
        if srow < 0:
            return None
        if nrow < 0:
            return self._section_data(self._sections[srow], index.column(), role)
        note = self._sections[srow].notes[nrow]
        if role == ID_ROLE:
            return note.id
        if role == SECTION_ROLE:
            return note.section
        if role == PENDING_ROLE:
            return note.id.startswith(PENDING_PREFIX)
        if role == Qt.ItemDataRole.FontRole:
            return self._italic if note.id.startswith(PENDING_PREFIX) else None
        if role == Qt.ItemDataRole.SizeHintRole:
            return None if index.column() == TEXT_COLUMN or not self._line.isValid() else self._line
        shown = self._shown_of(note)
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole:
            return shown.time_tip if column == TIME_COLUMN else shown.text_tip if column == TEXT_COLUMN else None
        return shown.cells[column]

    def _section_data(self, section: _Section, column: int, role: int) -> Any:
        if role == SECTION_ROLE:
            return section.key
        if role == Qt.ItemDataRole.SizeHintRole:
            return self._line if self._line.isValid() else None
        if column != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{section.title}  ({len(section.notes)})"
        if role == Qt.ItemDataRole.FontRole and section.key == self._current:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole and section.key == self._current:
            return self._highlight
        return None
