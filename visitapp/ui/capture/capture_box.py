"""The one box where notes are typed: kind, section, text, tags, visibility; Ctrl+Enter adds.

Every new note starts with the default visibility (internal): a value chosen for one note never carries
over to the next, so an internal remark cannot leak into the company's copy. The next note's visibility is
shown in words beside the box. Ctrl+Enter adds the note from any of the box's fields, the tag completer's
popup included.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from visitapp.domain import NoteKind, Visibility
from visitapp.ui.capture.tags import TagsEdit
from visitapp.ui.labels import KINDS, VISIBILITIES, kind_label, visibility_label
from visitapp.ui.safe_text import plain_tooltip

NARROW_BUTTON = 36  # px: how narrow a kind button may get on a small screen


class CaptureBox(QWidget):
    submitted = Signal()
    textChanged = Signal()

    def __init__(self, known_tags: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = self._top = QHBoxLayout()
        # On a small or scaled screen the rows give way (the window must fit 1366x768 at 150 %): the section's
        # name may be cut (the whole name is its tooltip), the kind buttons narrow (each has its tooltip).
        self.section_label = QLabel(self)
        self.section_label.setTextFormat(Qt.TextFormat.PlainText)
        self.section_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top.addWidget(self.section_label, 1)
        self.kinds = QButtonGroup(self)
        for i, kind in enumerate(KINDS):
            button = QToolButton(self)
            button.setCheckable(True)
            button.setText(kind_label(kind))
            button.setToolTip(self.tr("%1 (Ctrl+%2)").replace("%1", kind_label(kind)).replace("%2", str(i + 1)))
            button.setAccessibleName(kind_label(kind))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumWidth(NARROW_BUTTON)
            self.kinds.addButton(button, i)
            top.addWidget(button)
        self.kinds.button(0).setChecked(True)
        layout.addLayout(top)
        self._outer = layout

        self.notice = QLabel(self)  # "a draft was restored": shown until the note is added or cleared
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("QLabel { background: #e3f0ff; color: #0b3d75; padding: 3px; }")
        self.notice.hide()
        layout.addWidget(self.notice)

        self.editor = QPlainTextEdit(self)
        self.editor.setAccessibleName(self.tr("Capture box"))
        self.editor.setPlaceholderText(self.tr("Type a note; Ctrl+Enter adds it to the current section"))
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(60)
        self.editor.installEventFilter(self)
        self.editor.textChanged.connect(self.textChanged)
        layout.addWidget(self.editor, 1)

        bottom = QHBoxLayout()
        self.tags = TagsEdit(known_tags, self)
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.textEdited.connect(self.textChanged)
        self.tags.installEventFilter(self)
        self.tags.setMinimumWidth(3 * NARROW_BUTTON)
        bottom.addWidget(self.tags, 2)
        popup = self.tags._completer.popup()
        assert popup is not None  # a QCompleter always has its popup view
        popup.installEventFilter(self)  # Ctrl+Enter while the completer is open
        self.default_visibility = Visibility.INTERNAL.value
        self.visibility_label = QLabel(self)
        self.visibility_label.setTextFormat(Qt.TextFormat.PlainText)
        bottom.addWidget(self.visibility_label)
        self.visibility = QComboBox(self)
        self.visibility.setAccessibleName(self.tr("Visibility of the next note"))
        self.visibility.setToolTip(self.tr("Ctrl+Shift+1 internal, Ctrl+Shift+2 partner institutions, "
                                           "Ctrl+Shift+3 company copy"))
        for value in VISIBILITIES:
            self.visibility.addItem(visibility_label(value), value)
        self.visibility.installEventFilter(self)
        self.visibility.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.visibility.setMinimumContentsLength(10)
        self.visibility.currentIndexChanged.connect(self._show_visibility)
        bottom.addWidget(self.visibility, 1)
        # "Add", with Ctrl+Enter in its tooltip and the capture box's placeholder: a short button keeps the row
        # narrow on a scaled laptop screen without cutting its text.
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.clicked.connect(self.submitted)
        self.add_button.setToolTip(plain_tooltip(self.tr("Add the note to the current section (Ctrl+Enter)")))
        bottom.addWidget(self.add_button)
        layout.addLayout(bottom)
        self._show_visibility()

    def _show_visibility(self) -> None:
        """Say in words who will read the next note; anything but internal stands out."""
        value = self.visibility.currentData()
        self.visibility_label.setText(self.tr("Next note:"))
        style = "" if value == Visibility.INTERNAL.value else (
            "QComboBox { background: #fff3c4; font-weight: bold; }" if value == Visibility.PARTNERS.value
            else "QComboBox { background: #ffd7d7; font-weight: bold; }")
        self.visibility.setStyleSheet(style)

    def show_draft_restored(self, when: str) -> None:
        self.notice.setText(self.tr("A draft typed earlier was restored (stored %1); Ctrl+Enter adds it.")
                            .replace("%1", when))
        self.notice.show()

    def show_section(self, label: str) -> None:
        """Where Ctrl+Enter puts the note; the whole label is the tooltip (a section may be an agenda item as typed)."""
        self.section_label.setText(label)
        self.section_label.setToolTip(plain_tooltip(label))
        self._place_section()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_section()

    def _place_section(self) -> None:
        """The section's name beside the kind buttons when both fit, else on a row of its own above them (a
        scaled laptop screen), never cut to a few letters."""
        label, top = self.section_label, self._top
        kinds = sum(b.sizeHint().width() + top.spacing() for b in self.kinds.buttons())
        beside = self.width() >= kinds + label.sizeHint().width() + top.spacing()
        if beside == (top.indexOf(label) >= 0):
            return
        if beside:
            self._outer.removeWidget(label)
            top.insertWidget(0, label, 1)
        else:
            top.removeWidget(label)
            self._outer.insertWidget(0, label)

    def set_visibility(self, value: str) -> None:
        index = self.visibility.findData(value)
        if index >= 0:
            self.visibility.setCurrentIndex(index)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            if ctrl and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.tags.hide_popup()  # the completer would take the key and keep the focus
                self.submitted.emit()
                self.editor.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(obj, event)

    # state -------------------------------------------------------------
    def kind(self) -> str:
        return KINDS[max(0, self.kinds.checkedId())]

    def set_kind(self, kind: str) -> None:
        self.kinds.button(KINDS.index(kind)).setChecked(True)

    def text(self) -> str:
        return self.editor.toPlainText()

    def state(self) -> dict:
        return {"kind": self.kind(), "tags": self.tags.text(), "visibility": self.visibility.currentData()}

    def restore(self, text: str, data: dict) -> None:
        self.editor.setPlainText(text)
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        if data.get("kind") in KINDS:
            self.set_kind(data["kind"])
        self.tags.setText(data.get("tags", ""))
        index = self.visibility.findData(data.get("visibility", self.default_visibility))
        self.visibility.setCurrentIndex(max(0, index))

    def clear(self) -> None:
        self.notice.hide()
        self.editor.clear()
        self.tags.clear()
        self.set_kind(NoteKind.NOTE)
        blocked = self.visibility.blockSignals(True)  # not a change of the draft: there is none now
        self.set_visibility(self.default_visibility)  # never carried over to the next note
        self.visibility.blockSignals(blocked)
        self._show_visibility()
