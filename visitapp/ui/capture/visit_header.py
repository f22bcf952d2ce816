"""The capture screen's header: the open visit's name, time and place, and its number of notes.

The number changes with every note added or deleted, so it sits in a label of its own, of a fixed
size (widened only when the number needs more room), in the header's lower right corner: a label
whose text changes otherwise asks every layout above it to run again and the window to be painted
once more (issue 9: ~2 ms of each note).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class VisitHeader(QLabel):
    """Rich text whose typed parts the caller escapes; the number of notes is plain text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.count = QLabel(self)
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)

    def show_visit(self, html: str) -> None:
        """The visit's name, time and place."""
        if html != super().text():
            self.setText(html)

    def show_count(self, text: str) -> None:
        """The number of notes: repainted in place, the header laid out again only when it needs more room."""
        if text == self.count.text():
            return
        metrics = self.count.fontMetrics()
        width = metrics.horizontalAdvance(text) + 4
        if width > self.count.minimumWidth() or self.count.minimumHeight() != metrics.height():
            self.count.setFixedSize(width, metrics.height())
            self.setContentsMargins(0, 0, width + metrics.averageCharWidth(), 0)  # the visit's text stays clear
            self._place()
        self.count.setText(text)

    def text(self) -> str:
        """What the header says, as one text (the visit, then the number of its notes)."""
        return f"{super().text()} · {self.count.text()}"

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        self.count.move(self.width() - self.count.width(), self.height() - self.count.height())
