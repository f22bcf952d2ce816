"""The prepare dialog's participants: typed or completed from known people, listed with their role, changed by
double-click, removed with a button or Delete (:class:`ParticipantsBox`)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from visitapp.services.dto import PersonInfo
from visitapp.ui.labels import SIDES, side_label


@dataclass
class Attendee:
    name: str
    institution: str
    role: str
    side: str
    person_id: str | None = None
    participant_id: str | None = None


def completer(words: list[str], parent: QWidget) -> QCompleter:
    found = QCompleter(QStringListModel(words, parent), parent)
    found.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    found.setFilterMode(Qt.MatchFlag.MatchContains)
    return found


class StartLineEdit(QLineEdit):
    """A line edit that shows the beginning of a long text: also when focus selects all of it (Tab, the dialog's
    first field), where QLineEdit would put the cursor, and the view, at its end."""

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        text = self.text()
        if text and self.selectedText() == text:
            self.setSelection(len(text), -len(text))  # still all selected (typing replaces it), seen from its start


def attendee_text(attendee: Attendee) -> str:
    """One line of the list: name — role, institution (side); items show it as plain text."""
    where = ", ".join(part for part in (attendee.role, attendee.institution) if part) or "…"
    return f"{attendee.name} — {where} ({side_label(attendee.side)})"


class ParticipantList(QListWidget):
    removeRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.currentItem() is not None:
            self.removeRequested.emit()
            return
        super().keyPressEvent(event)


class ParticipantsBox(QGroupBox):
    """The fields of one participant, Add (or Apply changes, for the entry double-clicked), the list and Remove."""

    changed = Signal()  # an entry was added, changed or removed

    def __init__(self, people: dict[str, PersonInfo], institutions: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Participants"))
        self.people = people
        self.editing: QListWidgetItem | None = None  # the entry whose details are in the fields
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.person = QLineEdit(self)
        self.person.setAccessibleName(self.tr("Participant's name"))
        names = completer(sorted(people), self.person)
        names.activated.connect(self.person_chosen)
        self.person.setCompleter(names)
        form.addRow(self.tr("Na&me:"), self.person)
        self.institution = QLineEdit(self)
        self.institution.setAccessibleName(self.tr("Institution"))
        self.institution.setCompleter(completer(institutions, self.institution))
        form.addRow(self.tr("Instit&ution:"), self.institution)
        self.role = QLineEdit(self)
        self.role.setAccessibleName(self.tr("Role"))
        form.addRow(self.tr("R&ole:"), self.role)
        self.side = QComboBox(self)
        self.side.setAccessibleName(self.tr("Side"))
        for side in SIDES:
            self.side.addItem(side_label(side), side)
        form.addRow(self.tr("Si&de:"), self.side)
        layout.addLayout(form)
        self.add_button = QPushButton(self.tr("&Add participant"), self)
        self.add_button.clicked.connect(self.add_participant)
        self.person.returnPressed.connect(self.add_participant)
        self.role.returnPressed.connect(self.add_participant)
        layout.addWidget(self.add_button)
        self.participants = ParticipantList(self)
        self.participants.setAccessibleName(self.tr("Participants (double-click changes, Delete removes)"))
        self.participants.setToolTip(self.tr("Double-click a participant to change their details."))
        self.participants.setWordWrap(True)  # a long institution wraps instead of hiding behind a scroll bar
        self.participants.setAlternatingRowColors(True)  # where a wrapped entry ends
        self.participants.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.participants.itemDoubleClicked.connect(self.edit_item)
        self.participants.removeRequested.connect(self.remove_participant)
        self.participants.currentRowChanged.connect(self._follow_selection)
        layout.addWidget(self.participants, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.remove_button = QPushButton(self.tr("Remove par&ticipant"), self)
        self.remove_button.clicked.connect(self.remove_participant)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        self._follow_selection()

    def _follow_selection(self) -> None:
        self.remove_button.setEnabled(self.participants.currentItem() is not None)

    def person_chosen(self, name: str) -> None:
        person = self.people.get(name)
        if person is not None:
            self.institution.setText(person.institution)
            self.role.setText(person.role)

    def _known(self, name: str, institution: str) -> PersonInfo | None:
        """A person already known by this name, unless another institution was typed (that is someone else)."""
        person = self.people.get(name)
        if person is None or (institution and person.institution.casefold() != institution.casefold()):
            return None
        return person

    def add_participant(self) -> None:
        """Add the person in the fields, or apply them to the entry being changed (in its place)."""
        name = self.person.text().strip()
        if not name:
            return
        if name in [a.name for i, a in enumerate(self.attendees()) if self.participants.item(i) is not self.editing]:
            self.person.selectAll()
            return
        institution, role, side = self.institution.text().strip(), self.role.text().strip(), self.side.currentData()
        before = self.editing.data(Qt.ItemDataRole.UserRole) if self.editing is not None else None
        if before is not None and (before.name, before.institution) == (name, institution):
            # the same person: the visit keeps its participant, with the new role and side
            attendee = replace(before, role=role, side=side)
        else:
            person = self._known(name, institution)
            attendee = Attendee(name, institution, role, side, person.id if person else None)
        if self.editing is not None:
            self._show(self.editing, attendee)
            self.participants.setCurrentItem(self.editing)
            self._stop_editing()
        else:
            self.add_item(attendee)
        for edit in (self.person, self.institution, self.role):
            edit.clear()
        self.person.setFocus()
        self.changed.emit()

    def add_item(self, attendee: Attendee) -> None:
        self._show(QListWidgetItem(self.participants), attendee)

    @staticmethod
    def _show(item: QListWidgetItem, attendee: Attendee) -> None:
        item.setText(attendee_text(attendee))
        item.setData(Qt.ItemDataRole.UserRole, attendee)

    def edit_item(self, item: QListWidgetItem) -> None:
        """Put an entry's details into the fields; Apply changes (or Return) puts them back, changed."""
        attendee: Attendee = item.data(Qt.ItemDataRole.UserRole)
        self.editing = item
        self.person.setText(attendee.name)
        self.institution.setText(attendee.institution)
        self.role.setText(attendee.role)
        self.side.setCurrentIndex(max(0, self.side.findData(attendee.side)))
        for edit in (self.person, self.institution, self.role):
            edit.setCursorPosition(0)
        self.add_button.setText(self.tr("&Apply changes to participant"))
        self.person.setFocus()

    def _stop_editing(self) -> None:
        self.editing = None
        self.add_button.setText(self.tr("&Add participant"))

    def remove_participant(self) -> None:
        item = self.participants.currentItem()
        if item is None:
            return
        if item is self.editing:
            self._stop_editing()
            for edit in (self.person, self.institution, self.role):
                edit.clear()
        self.participants.takeItem(self.participants.row(item))
        self._follow_selection()
        self.changed.emit()

    def attendees(self) -> list[Attendee]:
        return [self.participants.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.participants.count())]
