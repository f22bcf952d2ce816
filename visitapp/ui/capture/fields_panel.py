"""The template's structured fields (numbers, choices, lists, text), editable beside the notes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from visitapp.services.dto import AnswerInfo
from visitapp.templates import Template, TemplateField


class FieldsPanel(QScrollArea):
    answerChanged = Signal(str, object)  # field key, value (None clears)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Structured fields"))
        self._editors: dict[str, QWidget] = {}
        self._groups: dict[str, QGroupBox] = {}

    def populate(self, template: Template, lang: str, answers: dict[str, AnswerInfo]) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        self._editors.clear()
        self._groups.clear()
        for section in template.sections:
            fields = [f for f in template.fields if f.section == section.key]
            if not fields:
                continue
            group = QGroupBox(body)  # the title as a wrapped label: long titles must not widen the panel
            form = QFormLayout(group)
            title = QLabel(section.title.get(lang), group)
            title.setWordWrap(True)
            form.addRow(title)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
            for spec in fields:
                editor = self._editor(spec, lang, answers.get(spec.key))
                editor.setAccessibleName(spec.label.get(lang))
                form.addRow(spec.label.get(lang), editor)
                self._editors[spec.key] = editor
            self._groups[section.key] = group
            layout.addWidget(group)
        layout.addStretch(1)
        self.setWidget(body)

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
        return edit
