"""A column of page images (or page texts) in a scroll area, scaled to its width."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

PAGE_STYLE = "QLabel#page { background: white; color: black; border: 1px solid #b0b0b0; }"
MARGIN = 12


class PagePreview(QScrollArea):
    """Shows pages as images, or as plain text, or a message; ``page_count()`` says how many."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Preview of the pages"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the keyboard scrolls it
        self.setBackgroundRole(self.palette().ColorRole.Dark)
        self._pixmaps: list[QPixmap] = []
        self._pages: list[QLabel] = []
        self._inner = QWidget(self)
        self._column = QVBoxLayout(self._inner)
        self._column.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        self._column.setSpacing(MARGIN)
        self._message = QLabel(self._inner)
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)  # errors can quote names
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._column.addWidget(self._message)
        self._column.addStretch(1)
        self.setWidget(self._inner)

    def page_count(self) -> int:
        return len(self._pages)

    def _clear(self) -> None:
        for label in self._pages:
            self._column.removeWidget(label)
            label.deleteLater()
        self._pages.clear()
        self._pixmaps.clear()
        self._message.hide()

    def _add_page(self, number: int, total: int) -> QLabel:
        label = QLabel(self._inner)
        label.setObjectName("page")
        label.setStyleSheet(PAGE_STYLE)
        label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        label.setAccessibleName(self.tr("Page %1 of %2").replace("%1", str(number)).replace("%2", str(total)))
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._column.insertWidget(self._column.count() - 1, label)
        self._pages.append(label)
        return label

    def show_message(self, text: str) -> None:
        self._clear()
        self._message.setText(text)
        self._message.show()

    def show_images(self, pngs: list[bytes]) -> None:
        self._clear()
        for n, data in enumerate(pngs, 1):
            pixmap = QPixmap()
            pixmap.loadFromData(data, "PNG")
            self._pixmaps.append(pixmap)
            self._add_page(n, len(pngs))
        self._fit()
        self.verticalScrollBar().setValue(0)

    def show_texts(self, texts: list[str], note: str) -> None:
        self._clear()
        self._message.setText(note)
        self._message.show()
        for n, text in enumerate(texts, 1):
            label = self._add_page(n, len(texts))
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setText(text)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            label.setMargin(MARGIN * 2)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.verticalScrollBar().setValue(0)

    def _fit(self) -> None:
        width = max(100, self.viewport().width() - 2 * MARGIN - 2)
        ratio = self.devicePixelRatioF()
        for label, pixmap in zip(self._pages, self._pixmaps, strict=False):
            if pixmap.isNull():
                continue
            scaled = pixmap.scaledToWidth(int(width * ratio), Qt.TransformationMode.SmoothTransformation)
            scaled.setDevicePixelRatio(ratio)
            label.setPixmap(scaled)
            label.setFixedHeight(int(scaled.height() / ratio) + 2)
        # Grow the column now rather than at the next layout pass, so a page is never drawn squeezed.
        self._column.activate()
        self._inner.resize(self.viewport().width(), max(self.viewport().height(), self._column.sizeHint().height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._pixmaps:
            self._fit()
