"""A comma-separated tags field whose completer completes the tag being typed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget


def split_tags(text: str) -> list[str]:
    return [t.strip().lstrip("#") for t in text.split(",") if t.strip().lstrip("#")]


class TagsEdit(QLineEdit):
    def __init__(self, known: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._known = known
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setWidget(self)
        completer.activated.connect(self._insert)
        self._completer = completer
        self.textEdited.connect(self._complete)

    def tags(self) -> list[str]:
        return split_tags(self.text())

    def _current_word(self) -> str:
        return self.text()[: self.cursorPosition()].split(",")[-1].strip()

    def hide_popup(self) -> None:
        popup = self._completer.popup()
        if popup is not None:
            popup.hide()

    def _complete(self) -> None:
        word = self._current_word()
        if not word:
            self.hide_popup()
            return
        self._model.setStringList(self._known())
        self._completer.setCompletionPrefix(word)
        if self._completer.completionCount():
            self._completer.complete()
        else:
            self.hide_popup()

    def _insert(self, tag: str) -> None:
        head = self.text()[: self.cursorPosition()]
        tail = self.text()[self.cursorPosition():]
        parts = head.split(",")
        parts[-1] = (" " if len(parts) > 1 else "") + tag
        self.setText(",".join(parts) + ", " + tail.lstrip(", "))
