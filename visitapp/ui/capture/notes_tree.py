"""The template's sections with their notes: edit in place, reorder, move and delete by keyboard or mouse."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import (
    QDrag,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)

from visitapp.services.dto import NoteInfo
from visitapp.templates import Template
from visitapp.ui.capture.notes_model import (
    AUTHOR_COLUMN,
    ID_ROLE,
    NOTE_MIME,
    SECTION_ROLE,
    TAGS_COLUMN,
    TEXT_COLUMN,
    Index,
    NotesModel,
)
from visitapp.ui.capture.row_painter import RowPainter
from visitapp.ui.capture.tags_delegate import TagsDelegate
from visitapp.ui.labels import VISIBILITIES, fmt_time, kind_label, visibility_label

NARROW_MAX = 220  # px: the tags and author columns never take the note's room
NARROW_MIN = 70  # px: how far the tags, author and visibility columns give way to a narrow window
NOTE_SHARE = 0.4  # the note's text keeps at least this share of the row's width
CELL_PAD = 12  # px: the row painter's 3 px margins on each side of a cell's text and 6 px between two texts

__all__ = ["ID_ROLE", "SECTION_ROLE", "TEXT_COLUMN", "NoteDelegate", "NotesTree"]


class NoteDelegate(QStyledItemDelegate):
    """In-place editing of a note's text; the change goes through the view (an undo command), not the item."""

    editorOpened = Signal(str, QLineEdit)  # note id, editor
    editCommitted = Signal(str, str)  # note id, new text

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAccessibleName(self.tr("Edit note"))
        self.editorOpened.emit(index.data(ID_ROLE), editor)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)  # made by createEditor
        if not editor.property("restored"):
            editor.setText(index.data(Qt.ItemDataRole.EditRole) or "")

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)  # made by createEditor
        note_id = index.data(ID_ROLE)
        if note_id and editor.text().strip() and editor.text() != index.data(Qt.ItemDataRole.EditRole):
            self.editCommitted.emit(note_id, editor.text())


class NotesTree(QTreeView):
    """A view over :class:`NotesModel`: it never rebuilds; the model tells it which rows changed."""

    deleteRequested = Signal(str)
    reorderRequested = Signal(str, int)  # note id, -1 up / +1 down
    moveSectionRequested = Signal(str, int)  # note id, -1 previous / +1 next section
    sectionChosen = Signal(str)
    dropRequested = Signal(str, str, int)  # note id, section, index among the section's other notes
    leave = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notes_model = NotesModel(self)
        self.notes_model.set_headers(
            [self.tr("Time"), self.tr("Kind"), self.tr("Note"), self.tr("Tags"), self.tr("Author"),
             self.tr("Visibility")])
        self.notes_model.set_highlight(self.palette().brush(QPalette.ColorRole.Highlight).color().lighter(170))
        self.setModel(self.notes_model)
        self._natural: dict[int, int] = {}  # column -> the width its contents ask for (the note's text aside)
        self._sole_author: str | None = None  # every note's author while the author column is hidden
        self.notes_model.set_line_height(self.fontMetrics().height() + 6)
        self.setAccessibleName(self.tr("Sections and notes"))
        self.setAlternatingRowColors(True)
        self.row_painter = RowPainter(self)
        # One line per note, the text elided (the whole text is its tooltip): rows of one height, so a change
        # never measures the visible rows' text again, and each row is painted in one call (drawRow), its cells'
        # text laid out once and kept (RowPainter).
        self.setWordWrap(False)
        self.setUniformRowHeights(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked)
        self.delegate = NoteDelegate(self)
        self.setItemDelegateForColumn(TEXT_COLUMN, self.delegate)
        self.tags_delegate = TagsDelegate(self)  # stored through an operation by the view
        self.setItemDelegateForColumn(TAGS_COLUMN, self.tags_delegate)
        header = self.header()
        header.setStretchLastSection(False)
        # The narrow columns are sized from what they can hold (a time, the kind labels, the notes' tags and
        # authors), measured once per visit and widened by a new note: ResizeToContents would measure the
        # visible cells again, text layout and all, on every change.
        for col in (0, 1, 3, 4, 5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header.sectionResized.connect(lambda *_: self.viewport().update())
        # Drag a note with the mouse to another place or section; the drop becomes a move operation
        # (startDrag/dropEvent below), the items never move by themselves.
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        # DragDrop, not InternalMove: the drop is checked by what it carries (a note of this visit), which is
        # all InternalMove would check, and it keeps the drag's events testable without QDrag's own loop.
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.notes_model.loaded.connect(self._sections_spanned)
        self.notes_model.rowsInserted.connect(self._fit_rows)

    def populate(self, template: Template, lang: str, notes: list[NoteInfo], current_section: str,
                 select: str | None = None, zone_name: str | None = None) -> None:
        """Show a visit's notes (opening it; times on the clock of ``zone_name``, the visit's zone); later
        changes arrive row by row through the model."""
        keep = select or self.current_note_id()
        self.notes_model.load(template, lang, notes, zone_name)
        self.mark_section(current_section)
        if keep:
            self.select_note(keep)

    def _sections_spanned(self) -> None:
        # A section's title is drawn across the row by drawRow, not with setFirstColumnSpanned: with any row
        # spanned the view asks the model for one more index per row on every layout.
        self.expandAll()
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Each narrow column as wide as its widest value in this visit (the kinds its notes have, not every
        kind) plus the painter's margins, or its header's label: the rest of the row is the note's."""
        fm = self.fontMetrics()
        header = self.header()
        head_pad = 2 * self.style().pixelMetric(self.style().PixelMetric.PM_HeaderMargin) + 4
        labels = [header.fontMetrics().horizontalAdvance(self.notes_model.headerData(c, Qt.Orientation.Horizontal)
                                                         or "") + head_pad for c in range(6)]
        sample = dt.datetime(2026, 12, 31, 23, 59, tzinfo=dt.UTC)
        widths = {  # a note sits on the second level of the tree: two indentations before its time
            0: max(fm.horizontalAdvance(fmt_time(sample)), fm.horizontalAdvance("88:88")) + 2 * self.indentation(),
            1: max((fm.horizontalAdvance(kind_label(k)) for k in {n.kind for n in self.notes_model.notes()}),
                   default=0),
            3: 0,
            AUTHOR_COLUMN: 0,
            5: max(fm.horizontalAdvance(visibility_label(v)) for v in VISIBILITIES),
        }
        authors = set()
        for note in self.notes_model.notes():
            widths[3] = max(widths[3], fm.horizontalAdvance(", ".join(note.tags)))
            author = self.notes_model.author_of(note)
            authors.add(author)
            widths[AUTHOR_COLUMN] = max(widths[AUTHOR_COLUMN], fm.horizontalAdvance(author))
        self._natural = {col: min(max(width + CELL_PAD, labels[col]), NARROW_MAX) for col, width in widths.items()}
        # The author column is noise in an official's own visit, where every note is theirs: shown only when
        # notes have more than one author (a merged visit).
        self.header().setSectionHidden(AUTHOR_COLUMN, len(authors) <= 1)
        self._sole_author = next(iter(authors)) if len(authors) == 1 else None  # while the column is hidden
        self._share_width()

    def _share_width(self) -> None:
        """The narrow columns at their natural width unless the note's text would keep less than
        ``NOTE_SHARE`` of the row: then the tags, author and visibility columns give way, down to ``NARROW_MIN``."""
        header = self.header()
        widths = dict(self._natural)
        shown = [col for col in widths if not header.isSectionHidden(col)]
        excess = sum(widths[col] for col in shown) - int(self.viewport().width() * (1 - NOTE_SHARE))
        for col in (3, AUTHOR_COLUMN, 5):
            if excess <= 0:
                break
            if col in shown:
                give = max(0, min(excess, widths[col] - NARROW_MIN))
                widths[col] -= give
                excess -= give
        for col, width in widths.items():
            if header.sectionSize(col) != width:
                header.resizeSection(col, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._share_width()

    def _fit_rows(self, parent: QModelIndex, first: int, last: int) -> None:
        """Widen the kind, tags or author column for a new note that does not fit (one measurement per row)."""
        if not parent.isValid():
            return
        fm, header, changed = self.fontMetrics(), self.header(), False
        for row in range(first, last + 1):
            cells = self.notes_model.row_cells(self.notes_model.index(row, 0, parent))[0]  # as they will be painted
            for col in (1, 3, AUTHOR_COLUMN):
                width = min(fm.horizontalAdvance(cells[col]) + CELL_PAD, NARROW_MAX)
                if width > self._natural.get(col, 0):
                    self._natural[col], changed = width, True
            author = cells[AUTHOR_COLUMN]
            if self._sole_author is None:
                self._sole_author = author  # the visit's first note
            elif author != self._sole_author and header.isSectionHidden(AUTHOR_COLUMN):
                header.setSectionHidden(AUTHOR_COLUMN, False)
                changed = True
        if changed:
            self._share_width()

    def set_signers(self, signers: dict[str, str]) -> None:
        """Merged notes' authors by their signer's certificate name (read on the DB worker when the visit opens)."""
        self.notes_model.set_signers(signers, self.tr("%1 (typed: %2)"))
        self._fit_columns()

    def paintEvent(self, event: QPaintEvent) -> None:
        self.row_painter.begin()  # the columns' places, once per paint
        super().paintEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.row_painter.clear()
        super().changeEvent(event)

    def drawRow(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """A whole row in one call, from the model's per-note cache: no data() call per cell and role."""
        self.row_painter.paint(painter, option, index, self.notes_model.row_cells(index))

    def mark_section(self, key: str) -> None:
        self.notes_model.set_current_section(key)

    def section_item(self, key: str) -> QModelIndex | None:
        index = self.notes_model.section_index(key)
        return index if index.isValid() else None

    def scrollToItem(self, index: QModelIndex) -> None:
        self.scrollTo(index)

    def select_note(self, note_id: str) -> bool:
        index = self.notes_model.note_index(note_id)
        if not index.isValid():
            return False
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def current_note_id(self) -> str | None:
        note = self.notes_model.note_at(self.currentIndex())
        return note.id if note is not None else None

    def select_first(self) -> None:
        """Make the first row current when nothing is (going to the notes by keyboard)."""
        if not self.currentIndex().isValid() and self.notes_model.rowCount():
            self.setCurrentIndex(self.notes_model.index(0, 0))

    def edit_current(self) -> None:
        note = self.notes_model.note_at(self.currentIndex())
        if note is not None:
            self.edit(self.notes_model.note_index(note.id, TEXT_COLUMN))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.sectionChosen.emit(current.data(SECTION_ROLE))

    # dragging -------------------------------------------------------------------
    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        """Drag the current note; unlike QAbstractItemView's, a finished drag never removes rows itself."""
        data = self.notes_model.mimeData([self.currentIndex()])
        if not data.hasFormat(NOTE_MIME):  # a section, or a note not stored yet
            return
        drag = QDrag(self)
        drag.setMimeData(data)
        drag.exec(Qt.DropAction.MoveAction)

    def drop_target(self, pos: QPoint, note_id: str) -> tuple[str, int] | None:
        """Where a note dropped at ``pos`` goes: (section, index among that section's other notes).

        On a note's upper half: before it; lower half: after it.  On a section's title: first in it.
        """
        index = self.indexAt(pos)
        model = self.notes_model
        section = model.section_at(index)
        dragged = model.find(note_id)
        if section is None or dragged is None:
            return None
        target = model.note_at(index)
        if target is None:
            return section, 0
        row = model.row_in_section(target.id) or 0
        rect = self.visualRect(index)
        if pos.y() >= rect.center().y():
            row += 1
        same = model.section_keys()[dragged[0]] == section
        if same and dragged[1] < row:  # counted without the dragged note itself
            row -= 1
        return section, row

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if not event.mimeData().hasFormat(NOTE_MIME):  # text or files from another program
            event.ignore()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if not event.mimeData().hasFormat(NOTE_MIME):
            event.ignore()
            return
        super().dragMoveEvent(event)  # the drop indicator and auto-scroll

    def dropEvent(self, event: QDropEvent) -> None:
        """A dropped note is moved by the view's operation (``dropRequested``), not by the model."""
        self.setState(QAbstractItemView.State.NoState)
        self.viewport().update()
        data = event.mimeData()
        if not data.hasFormat(NOTE_MIME):
            event.ignore()
            return
        note_id = bytes(data.data(NOTE_MIME).data()).decode(errors="replace")
        target = self.drop_target(event.position().toPoint(), note_id)
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        if target is not None:
            self.dropRequested.emit(note_id, *target)

    def keyPressEvent(self, event: QKeyEvent) -> None:
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
