"""The template's structured fields (numbers, choices, lists, text), editable beside the notes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from visitapp.services.dto import AnswerInfo
from visitapp.templates import Template, TemplateField
from visitapp.ui.safe_text import plain_tooltip

MIN_CHARS, MAX_CHARS = 18, 26  # the panel's narrowest width, in average characters: a field's value stays readable


class FieldsPanel(QScrollArea):
    answerChanged = Signal(str, object)  # field key, value (None clears)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        # The fields fit the panel's width (labels wrap, choices and long values are cut at the end, whole in the
        # tooltip); only below their minimum (a scaled laptop screen) does the panel scroll sideways, never clip.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setAccessibleName(self.tr("Structured fields"))
        self._editors: dict[str, QWidget] = {}
        self._groups: dict[str, QGroupBox] = {}

    def populate(self, template: Template, lang: str, answers: dict[str, AnswerInfo]) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(2, 2, 2, 2)  # narrow margins: the panel's width goes to the values
        self._editors.clear()
        self._groups.clear()
        for section in template.sections:
            fields = [f for f in template.fields if f.section == section.key]
            if not fields:
                continue
            group = QGroupBox(body)  # the title as a wrapped label: long titles must not widen the panel
            rows = QVBoxLayout(group)  # each label above its field, wrapped at the panel's width
            title = QLabel(section.title.get(lang), group)
            title.setWordWrap(True)
            rows.addWidget(title)
            for spec in fields:
                editor = self._editor(spec, lang, answers.get(spec.key))
                editor.setAccessibleName(spec.label.get(lang))
                label = QLabel(spec.label.get(lang), group)
                label.setWordWrap(True)  # a long label must not widen the panel either
                label.setBuddy(editor)
                rows.addSpacing(2)
                rows.addWidget(label)
                rows.addWidget(editor)
                self._editors[spec.key] = editor
            self._groups[section.key] = group
            layout.addWidget(group)
        layout.addStretch(1)
        self.setWidget(body)
        self.updateGeometry()  # the new fields may need another minimum width

    def minimumSizeHint(self) -> QSize:
        """Wide enough for the fields' narrowest layout beside the vertical scroll bar (no sideways scrolling),
        unless a long word asks for more than MAX_CHARS: then the panel scrolls rather than widen the window."""
        hint = super().minimumSizeHint()
        chars = self.fontMetrics().averageCharWidth()
        body = self.widget()
        needed = 0 if body is None else body.minimumSizeHint().width() + 2 * self.frameWidth() + \
            self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        return QSize(max(chars * MIN_CHARS, min(needed, chars * MAX_CHARS)), hint.height())

    def show_section(self, key: str) -> None:
        group = self._groups.get(key)
        for section_key, box in self._groups.items():
            title = box.findChild(QLabel)
            if title is None:
                continue
            font = title.font()
            font.setBold(section_key == key)
            title.setFont(font)
        if group is not None:
            self.verticalScrollBar().setValue(group.y())

    def editor(self, key: str) -> QWidget:
        return self._editors[key]

    def _editor(self, spec: TemplateField, lang: str, answer: AnswerInfo | None) -> QWidget:
        value: Any = answer.value if answer else None

        def emit(v: Any, k: str = spec.key) -> None:
            self.answerChanged.emit(k, v)

        if spec.type == "choice":
            combo = QComboBox()
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(4)  # a long choice is cut in the box, whole in the list
            combo.addItem("—", None)
            for choice in spec.choices:
                combo.addItem(choice.label.get(lang), choice.key)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.activated.connect(lambda _i, c=combo: emit(c.currentData()))
            return combo
        edit = QLineEdit()
        if spec.type == "list":
            edit.setText(", ".join(value or []))
            edit.setPlaceholderText(self.tr("separated by commas"))
            if spec.suggestions:
                completer = QCompleter(QStringListModel(list(spec.suggestions), edit), edit)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                edit.setCompleter(completer)
            edit.editingFinished.connect(lambda e=edit: emit([p.strip() for p in e.text().split(",") if p.strip()]))
        else:
            edit.setText("" if value is None else str(value))
            edit.editingFinished.connect(lambda e=edit: emit(e.text().strip() or None))
        edit.setProperty("stored", edit.text())
        show_start(edit)
        edit.editingFinished.connect(lambda e=edit: show_start(e))
        return edit


def show_start(edit: QLineEdit) -> None:
    """A long value shows its beginning (Qt shows the end of a text set into a narrow box, from mid-word);
    the whole value is the tooltip. The cursor stays where it is while the box is being typed in (Enter)."""
    if not edit.hasFocus():
        edit.setCursorPosition(0)
    edit.setToolTip(plain_tooltip(edit.text()))
