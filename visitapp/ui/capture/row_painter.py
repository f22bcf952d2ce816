"""Painting the notes tree's rows: one call per visible row, each cell's text laid out once, not per paint.

A tree view paints every visible row again after a row is inserted above them (a new note, a move).
Qt's own delegate lays out each cell's text on every paint (shaping and eliding it), and so does
``QPainter.drawText``: for a screenful of notes that was 4-6 ms of the 16 ms a note may cost, whether
the call came from C++ or from Python (issue 9, measured).  Here each cell's elided text is a
``QStaticText`` kept between paints, keyed by its text, width and font, so its glyphs are laid out
once; a paint only places them (~5x faster).  Plain text only: a typed or merged note is never rich text.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem, QTreeView

LIMIT = 4096  # cells kept (a screen shows a few hundred): beyond, the cache starts again
_ELIDE = Qt.TextElideMode.ElideRight


class RowPainter:
    """Paints the rows of one :class:`~PySide6.QtWidgets.QTreeView` (its ``drawRow`` calls :meth:`paint`)."""

    def __init__(self, view: QTreeView) -> None:
        self._view = view
        self._texts: dict[tuple[str, int, int], tuple[QStaticText, int]] = {}  # (text, width, font) -> text, top
        self._columns: list[tuple[int, int, int]] = []  # (column, left, width) of a note's cells, this paint
        self._title = (0, 0)  # (left, branch width) of a section's title, this paint
        self._colors: tuple[QBrush, QColor, QColor] | None = None  # selected row's fill and pen, others' pen
        self.laid_out = 0  # texts laid out so far (each once, unless the cache started again)

    def clear(self) -> None:
        """Forget every laid-out text (the view's font changed)."""
        self._texts.clear()

    def begin(self) -> None:
        """Where the columns are for this paint (asked once, not once per row and cell)."""
        view = self._view
        header, indent = view.header(), view.indentation()
        first = header.logicalIndex(0)
        start = header.sectionViewportPosition(first)
        self._title = (start, indent)
        self._colors = None  # read from the first row's option (Qt's enumerations are slow to test in Python)
        self._columns = []
        for column in range(header.count()):
            if header.isSectionHidden(column):
                continue
            branch = 2 * indent if column == first else 0  # a note sits on the second level of the tree
            self._columns.append((column, header.sectionViewportPosition(column) + branch + 3,
                                  header.sectionSize(column) - branch - 6))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex,
              row: tuple[tuple[str, ...], QFont | None, QBrush | None, bool]) -> None:
        """``row``: (cells, font, background, is a section), as the model gives them."""
        cells, font, background, section = row
        view, rect = self._view, option.rect
        colors = self._colors
        if colors is None:
            palette = option.palette
            group = (QPalette.ColorGroup.Active if option.state & QStyle.StateFlag.State_Active
                     else QPalette.ColorGroup.Inactive)
            colors = self._colors = (palette.brush(group, QPalette.ColorRole.Highlight),
                                     palette.color(group, QPalette.ColorRole.HighlightedText),
                                     palette.color(group, QPalette.ColorRole.Text))
        selection = view.selectionModel()
        if selection is not None and selection.isSelected(index):
            painter.fillRect(rect, colors[0])
            pen = colors[1]
        else:
            if background is not None:
                painter.fillRect(rect, background)
            pen = colors[2]
        top, height = rect.top(), rect.height()
        if section:  # a note has no children: nothing to draw in its branch area
            start, indent = self._title
            view.drawBranches(painter, QRect(start, top, indent, height), index)
            left = start + indent + 3
            spans = [(cells[0], left, rect.right() - left - 3)]
        else:
            spans = [(cells[column], left, width) for column, left, width in self._columns]
        painter.save()
        if font is not None:
            painter.setFont(font)
        painter.setPen(pen)
        key = 0 if font is None else 1 + int(font.bold()) + 2 * int(font.italic())
        right = rect.right()
        for text, left, width in spans:
            if text and width > 0 and left <= right:
                static, dy = self._laid_out(painter, text, width, key, height)
                painter.drawStaticText(left, top + dy, static)
        painter.restore()

    def _laid_out(self, painter: QPainter, text: str, width: int, font: int, height: int) -> tuple[QStaticText, int]:
        key = (text, width, font)
        found = self._texts.get(key)
        if found is None:
            if len(self._texts) >= LIMIT:
                self._texts.clear()
            metrics = painter.fontMetrics()
            static = QStaticText(metrics.elidedText(" ".join(text.splitlines()), _ELIDE, width))
            static.setTextFormat(Qt.TextFormat.PlainText)
            self.laid_out += 1
            found = self._texts[key] = (static, (height - metrics.height()) // 2)
        return found
