"""A date field that takes a date as people type it: "31.01.2027", "31.1.2027" or "2027-01-31".

Qt's QDateEdit edits section by section: typing "31.01.2027" over a selected date gave 31.12.2026, and
a two-digit year became 1917. Here the text is read whole when it is finished; a text that is not a date
is said in one sentence under the field (never silently changed). Alt+Down (or the button) opens a calendar.
"""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

_DMY = re.compile(r"(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})")
_YMD = re.compile(r"(\d{4})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})")


def parse_date(text: str) -> dt.date | None:
    """The date typed (day.month.year with a four-digit year, or ISO year-month-day), else None."""
    text = text.strip().rstrip(".").removesuffix(" r").strip()
    if found := _DMY.fullmatch(text):
        day, month, year = (int(g) for g in found.groups())
    elif found := _YMD.fullmatch(text):
        year, month, day = (int(g) for g in found.groups())
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def format_date(value: dt.date) -> str:
    return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"


class DateEdit(QWidget):
    """A typed date with a calendar; :meth:`date` is the date shown, or None while the text is not one."""

    dateChanged = Signal(object)  # dt.date

    def __init__(self, value: dt.date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date: dt.date | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(self.tr("dd.mm.yyyy"))
        self.line.setToolTip(self.tr("Type a date as 31.01.2027 or 2027-01-31; Alt+Down opens the calendar."))
        self.line.installEventFilter(self)
        self.line.editingFinished.connect(self._finished)
        self.line.textEdited.connect(lambda _t: self._check(quiet=True))
        row.addWidget(self.line, 1)
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setAccessibleName(self.tr("Open the calendar"))
        self.button.setToolTip(self.tr("Open the calendar (Alt+Down)"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.open_calendar)
        row.addWidget(self.button)
        layout.addLayout(row)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("QLabel { color: #b00020; }")
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.calendar = QCalendarWidget(self)
        self.calendar.setWindowFlags(Qt.WindowType.Popup)
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.setFocusProxy(self.line)
        if value is not None:
            self.setDate(value)

    # the value ----------------------------------------------------------------
    def date(self) -> dt.date | None:
        return parse_date(self.line.text())

    def setDate(self, value: dt.date | QDate) -> None:
        day = value.toPython() if isinstance(value, QDate) else value
        assert isinstance(day, dt.date)  # QDate.toPython() gives a date
        self.line.setText(format_date(day))
        self._check(quiet=False)

    def error(self) -> str:
        """One sentence when the text is not a date, else ""."""
        if parse_date(self.line.text()) is not None:
            return ""
        return self.tr("“%1” is not a date: type it as 31.01.2027 or 2027-01-31.").replace(
            "%1", self.line.text().strip())

    def check(self) -> bool:
        """Say under the field when the text is not a date (before storing it); True when it is one."""
        self._finished()
        return self.date() is not None

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)

    # typing and the calendar ------------------------------------------------------
    def _finished(self) -> None:
        value = self._check(quiet=False)
        if value is not None:
            self.line.setText(format_date(value))  # as it will be stored: no doubt what was understood

    def _check(self, quiet: bool) -> dt.date | None:
        value = parse_date(self.line.text())
        if value is not None:
            self.message.hide()
            if value != self._date:
                self._date = value
                self.dateChanged.emit(value)
        elif not quiet:
            self.message.setText(self.error())
            self.message.show()
        return value

    def open_calendar(self) -> None:
        current = self.date() or self._date or dt.date.today()
        self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        self.calendar.move(self.line.mapToGlobal(QPoint(0, self.line.height())))
        self.calendar.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def _picked(self, value: QDate) -> None:
        self.calendar.hide()
        self.setDate(value)
        self.line.setFocus(Qt.FocusReason.PopupFocusReason)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.line and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
            if (alt and event.key() == Qt.Key.Key_Down) or event.key() == Qt.Key.Key_F4:
                self.open_calendar()
                return True
        return super().eventFilter(obj, event)


class DateTimeEdit(QWidget):
    """A typed date and a time: the date as :class:`DateEdit` reads it, the time from a QTimeEdit."""

    dateTimeChanged = Signal(object)  # dt.datetime, naive local

    def __init__(self, value: dt.datetime, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.date_edit = DateEdit(value.date(), self)
        self.time_edit = QTimeEdit(QTime(value.hour, value.minute), self)
        self.time_edit.setDisplayFormat("HH:mm")
        row.addWidget(self.date_edit, 2)
        row.addWidget(self.time_edit, 1, Qt.AlignmentFlag.AlignTop)
        self.date_edit.dateChanged.connect(self._changed)
        self.time_edit.timeChanged.connect(self._changed)
        self.setFocusProxy(self.date_edit)

    def value(self) -> dt.datetime | None:
        """The local date and time shown (naive), or None while the date is not one."""
        day = self.date_edit.date()
        if day is None:
            return None
        time = self.time_edit.time()
        return dt.datetime(day.year, day.month, day.day, time.hour(), time.minute())

    def setValue(self, value: dt.datetime) -> None:
        blocked = self.blockSignals(True)
        self.date_edit.setDate(value.date())
        self.time_edit.setTime(QTime(value.hour, value.minute))
        self.blockSignals(blocked)

    def error(self) -> str:
        return self.date_edit.error()

    def check(self) -> bool:
        return self.date_edit.check()

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.date_edit.setAccessibleName(name)
        self.time_edit.setAccessibleName(self.tr("%1, time").replace("%1", name))

    def _changed(self, *_args: object) -> None:
        value = self.value()
        if value is not None:
            self.dateTimeChanged.emit(value)
