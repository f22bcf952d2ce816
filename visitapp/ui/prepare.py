"""Prepare a visit: details, organisation (NIP checked, known ones completed), participants, agenda, template."""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from visitapp import ops
from visitapp.clock import DEFAULT_ZONE, in_zone, zone
from visitapp.domain import Side
from visitapp.ops import Changes, history_for
from visitapp.services import Services
from visitapp.services.dto import OrganisationInfo, PersonInfo
from visitapp.templates import DEFAULT_TEMPLATE, all_templates
from visitapp.ui.date_edit import DateTimeEdit
from visitapp.ui.labels import VISIBILITIES, visibility_label
from visitapp.ui.ops_runner import OpRunner
from visitapp.ui.prepare_people import Attendee, ParticipantsBox, StartLineEdit, completer
from visitapp.ui.safe_text import plain_warning
from visitapp.ui.worker import DbWorker
from visitapp.validation import nip_is_valid


class PrepareDialog(QDialog):
    """Create a visit (``visit_id`` None) or change one; ``self.visit_id`` holds it after OK."""

    def __init__(self, svc: Services, visit_id: str | None = None, parent: QWidget | None = None,
                 runner: OpRunner | None = None) -> None:
        super().__init__(parent)
        self.svc, self.visit_id = svc, visit_id
        # Saving is one core operation (prepare_visit) on the DB worker: atomic, one undo step.
        self.runner = runner or getattr(parent, "runner", None) or OpRunner(
            DbWorker(self), history_for(svc.db, svc.identity), self)
        self.runner.finished.connect(self._saved)
        self.runner.failed.connect(self._refused)
        self._ticket: int | None = None
        self.setWindowTitle(self.tr("Prepare visit") if visit_id is None else self.tr("Visit details"))
        self.orgs: dict[str, OrganisationInfo] = {o.name: o for o in svc.organisations.find("", limit=1000)}
        self.people: dict[str, PersonInfo] = {p.name: p for p in svc.people.find("", limit=5000)}
        self.org_id: str | None = None
        self._removed: list[str] = []

        body = QWidget(self)  # scrolls on a small or scaled screen (1366x768 at 150 %) instead of being cut off
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(self._visit_column(), 1)
        columns.addLayout(self._people_column(), 1)
        for combo in body.findChildren(QComboBox):  # a long choice (a template's or a person's name) is cut, not
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)  # allowed to widen the dialog past a scaled laptop's screen
        self.body_scroll = QScrollArea(self)
        self.body_scroll.setWidget(body)
        self.body_scroll.setWidgetResizable(True)
        self.body_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.body_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)  # the vertical bar takes room too
        self.body_scroll.setMinimumWidth(body.minimumSizeHint().width() + bar + 4)
        outer = QVBoxLayout(self)
        outer.addWidget(self.body_scroll, 1)
        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self._series_ticket: int | None = None
        if visit_id is not None:
            self._load(visit_id)
        else:  # the official who prepares the visit attends it: pre-filled, removable with Delete
            me = svc.identity
            known = self.people.get(me.name)
            if me.name.strip():
                self.people_box.add_item(Attendee(me.name, me.institution, me.role, Side.CITY.value,
                                        known.id if known else None))
        available = self.screen().availableGeometry()
        wanted = body.sizeHint().height() + self.buttons.sizeHint().height() + 40
        self.resize(min(940, available.width() - 40), min(wanted, available.height() - 40))
        self.org_name.setFocus()

    # layout ----------------------------------------------------------------
    def _visit_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        org = QGroupBox(self.tr("Organisation"), self)
        form = QFormLayout(org)
        self.org_name = StartLineEdit(org)
        self.org_name.setAccessibleName(self.tr("Organisation name"))
        names = completer(sorted(self.orgs), self.org_name)
        names.activated.connect(self._org_chosen)
        self.org_name.setCompleter(names)
        self.org_name.editingFinished.connect(lambda: self._org_chosen(self.org_name.text()))
        form.addRow(self.tr("&Name:"), self.org_name)
        self.nip = QLineEdit(org)
        self.nip.setAccessibleName(self.tr("NIP"))
        self.nip.setPlaceholderText("123-456-32-18")
        self.nip_state = QLabel(org)
        self.nip.textChanged.connect(self._check_nip)
        row = QHBoxLayout()
        row.addWidget(self.nip, 1)
        row.addWidget(self.nip_state)
        nip_label = QLabel(self.tr("N&IP:"), org)
        nip_label.setBuddy(self.nip)
        form.addRow(nip_label, row)
        self.sector = StartLineEdit(org)
        self.sector.setAccessibleName(self.tr("Sector"))
        form.addRow(self.tr("S&ector:"), self.sector)
        self.address = StartLineEdit(org)
        self.address.setAccessibleName(self.tr("Address"))
        form.addRow(self.tr("Add&ress:"), self.address)
        column.addWidget(org)

        visit = QGroupBox(self.tr("Visit"), self)
        form = QFormLayout(visit)
        self.title = StartLineEdit(visit)
        self.title.setAccessibleName(self.tr("Title"))
        form.addRow(self.tr("T&itle:"), self.title)
        start = dt.datetime.combine(dt.date.today() + dt.timedelta(days=1), dt.time(10, 0))
        self.starts = DateTimeEdit(start, visit)  # typed as 31.01.2027 or 2027-01-31, or from the calendar
        self.ends = DateTimeEdit(start + dt.timedelta(hours=2), visit)
        for edit, name in ((self.starts, self.tr("Start")), (self.ends, self.tr("End"))):
            edit.setAccessibleName(name)
        self.starts.dateTimeChanged.connect(lambda v: self.ends.setValue(v + dt.timedelta(hours=2)))
        form.addRow(self.tr("&Start:"), self.starts)
        form.addRow(self.tr("En&d:"), self.ends)
        # The times above are on the visit's clock (issue 10, one clock), Kraków's unless the visit is elsewhere.
        self.zone = QComboBox(visit)
        self.zone.setAccessibleName(self.tr("Time zone of the visit"))
        self.zone.setToolTip(self.tr("The start and end are read on this clock; the list, the notes, the minutes "
                                     "and the signature show the visit's times on it."))
        for name in _zone_choices():
            self.zone.addItem(name, name)
        form.addRow(self.tr("Time &zone:"), self.zone)
        self.place = StartLineEdit(visit)
        self.place.setAccessibleName(self.tr("Place"))
        form.addRow(self.tr("&Place:"), self.place)
        self.case_number = StartLineEdit(visit)  # the minutes' header (znak sprawy) and who approves them (issue 11)
        self.case_number.setAccessibleName(self.tr("Case number"))
        form.addRow(self.tr("&Case number:"), self.case_number)
        self.approver = StartLineEdit(visit)
        self.approver.setAccessibleName(self.tr("Approved by (name, role)"))
        self.approver.setPlaceholderText(self.tr("Name, role"))
        form.addRow(self.tr("Appro&ved by:"), self.approver)
        self.cosigner = StartLineEdit(visit)  # a second attendee who co-signs: the minutes leave room for it
        self.cosigner.setAccessibleName(self.tr("Co-signer (name)"))
        self.cosigner.setPlaceholderText(self.tr("Empty: no co-signature"))
        self.cosigner.setToolTip(self.tr("Who is expected to co-sign the minutes; the PDF leaves a place for that "
                                         "signature. Empty: none."))
        form.addRow(self.tr("Co-si&gner:"), self.cosigner)
        self.verbatim = QCheckBox(self.tr("Ver&batim minutes: each note shows its time"), visit)
        form.addRow("", self.verbatim)
        self.default_visibility = QComboBox(visit)  # what the visit's new notes start as (issue 11)
        for value in VISIBILITIES:
            self.default_visibility.addItem(visibility_label(value), value)
        self.default_visibility.setAccessibleName(self.tr("Visibility a new note starts with"))
        self.default_visibility.setToolTip(self.tr("Each new note of this visit starts with this visibility; "
                                                   "a note can still be changed one by one."))
        form.addRow(self.tr("Ne&w notes:"), self.default_visibility)
        self.language = QComboBox(visit)
        self.language.addItem(self.tr("Polish"), "pl")
        self.language.addItem(self.tr("English"), "en")
        self.language.setAccessibleName(self.tr("Language of the minutes"))
        form.addRow(self.tr("&Language:"), self.language)
        self.template = QComboBox(visit)
        self.template.setAccessibleName(self.tr("Template"))
        lang = "pl" if self.locale().language() == self.locale().Language.Polish else "en"
        for key, template in all_templates().items():
            self.template.addItem(template.title.get(lang), key)
        self.template.setCurrentIndex(max(0, self.template.findData(DEFAULT_TEMPLATE)))
        form.addRow(self.tr("Te&mplate:"), self.template)
        self.series = QComboBox(visit)
        self.series.setAccessibleName(self.tr("Series"))
        self.series.addItem(self.tr("(none)"), None)
        for series in self.svc.series.list():
            self.series.addItem(series.name, series.id)
        self.series.setCurrentIndex(min(1, self.series.count() - 1))
        series_row = QHBoxLayout()
        series_row.addWidget(self.series, 1)
        self.new_series_button = QPushButton(self.tr("New series…"), visit)
        self.new_series_button.clicked.connect(self.new_series)
        series_row.addWidget(self.new_series_button)
        series_label = QLabel(self.tr("Se&ries:"), visit)
        series_label.setBuddy(self.series)  # a layout row gets no buddy by itself: the "&" would show
        form.addRow(series_label, series_row)
        column.addWidget(visit)
        return column

    def _people_column(self) -> QVBoxLayout:
        column = QVBoxLayout()
        self.people_box = box = ParticipantsBox(self.people, self.svc.people.institutions(), self)
        box.changed.connect(self._offer_cosigners)
        self.person, self.institution, self.role, self.side = box.person, box.institution, box.role, box.side
        self.participants = box.participants
        column.addWidget(box, 2)
        agenda = QGroupBox(self.tr("Agenda (one item per line)"), self)
        agenda_layout = QVBoxLayout(agenda)
        self.agenda = QPlainTextEdit(agenda)
        self.agenda.setTabChangesFocus(True)
        self.agenda.setAccessibleName(self.tr("Agenda"))
        agenda_layout.addWidget(self.agenda)
        self.agenda_sections = QComboBox(agenda)  # the agenda as the visit's sections (issue 11)
        self.agenda_sections.addItem(self.tr("Notes go into the template's sections"), "")
        self.agenda_sections.addItem(self.tr("Each agenda item is a section, after the template's"), "append")
        self.agenda_sections.addItem(self.tr("Each agenda item is a section, instead of the template's"), "replace")
        self.agenda_sections.setAccessibleName(self.tr("Agenda items as sections"))
        self.agenda_sections.setToolTip(self.tr("Instead of the template's sections, the template's sections that "
                                                "hold structured answers stay after the agenda's."))
        agenda_layout.addWidget(self.agenda_sections)
        column.addWidget(agenda, 1)
        return column

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Return adds a participant (in those fields) and never closes the dialog; Ctrl+Enter saves."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.save()
            return
        super().keyPressEvent(event)

    # behaviour -------------------------------------------------------------
    def _check_nip(self, text: str) -> None:
        if not text.strip():
            self.nip_state.setText("")
        elif nip_is_valid(text):
            self.nip_state.setText("<span style='color:#1b7f3b'>✔ " + self.tr("valid") + "</span>")
        else:
            self.nip_state.setText("<span style='color:#b00020'>✘ " + self.tr("invalid check digit") + "</span>")

    def _org_chosen(self, name: str) -> None:
        org = self.orgs.get(name.strip())
        if org is None or org.id == self.org_id:
            return
        self.org_id = org.id
        self.nip.setText(org.nip or "")
        self.sector.setText(org.sector)
        self.address.setText(org.address)
        if not self.title.text():
            self.title.setText(self.tr("Reference visit: %1").replace("%1", org.name))
        _from_start(self.sector, self.address, self.title)

    def _person_chosen(self, name: str) -> None:
        self.people_box.person_chosen(name)

    def add_participant(self) -> None:
        self.people_box.add_participant()

    def _offer_cosigners(self) -> None:
        """The co-signer is completed from the participants listed (anyone may still be typed)."""
        self.cosigner.setCompleter(completer([a.name for a in self.attendees()], self.cosigner))

    def _load(self, visit_id: str) -> None:
        visit = self.svc.visits.get(visit_id)
        org = visit.organisation
        self.org_id = org.id
        self.org_name.setText(org.name)
        self.nip.setText(org.nip or "")
        self.sector.setText(org.sector)
        self.address.setText(org.address)
        self.title.setText(visit.title)
        if self.zone.findData(visit.time_zone) < 0:
            self.zone.addItem(visit.time_zone, visit.time_zone)
        self.zone.setCurrentIndex(self.zone.findData(visit.time_zone))
        self.starts.setValue(_wall(visit.starts_at, visit.time_zone))
        if visit.ends_at:
            self.ends.setValue(_wall(visit.ends_at, visit.time_zone))
        self.place.setText(visit.place)
        self.case_number.setText(visit.case_number)
        self.approver.setText(visit.approver)
        self.cosigner.setText(visit.cosigner)
        self.verbatim.setChecked(visit.verbatim)
        self.default_visibility.setCurrentIndex(max(0, self.default_visibility.findData(visit.default_visibility)))
        self.language.setCurrentIndex(max(0, self.language.findData(visit.language)))
        self.template.setCurrentIndex(max(0, self.template.findData(visit.template_key)))
        self.series.setCurrentIndex(max(0, self.series.findData(visit.series.id if visit.series else None)))
        self.agenda.setPlainText("\n".join(visit.agenda))
        self.agenda_sections.setCurrentIndex(max(0, self.agenda_sections.findData(visit.agenda_sections)))
        for p in visit.participants:
            self.people_box.add_item(Attendee(p.person.name, p.person.institution, p.role or p.person.role, p.side,
                                              p.person.id, p.id))
        self._offer_cosigners()
        # a long name, title or place shows its beginning (setText leaves the cursor, and the view, at the end)
        _from_start(self.org_name, self.sector, self.address, self.title, self.place, self.case_number,
                    self.approver, self.cosigner)

    def attendees(self) -> list[Attendee]:
        return self.people_box.attendees()

    def save(self) -> None:
        """Send the whole visit to the DB worker as one operation; the dialog closes once it is stored."""
        if self._ticket is not None:
            return  # already being stored
        if self.person.text().strip():
            self.add_participant()
        for edit in (self.starts, self.ends):
            if not edit.check():  # a text that is not a date: said under the field, nothing stored
                edit.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        self._ticket = self.runner.submit(ops.prepare_visit, visit_id=self.visit_id, **self.values())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def new_series(self) -> None:
        """Create a series here (one undoable operation); it is chosen for this visit once stored."""
        name, ok = QInputDialog.getText(self, self.tr("New series"), self.tr("Name of the series:"))
        if ok and name.strip() and self._series_ticket is None:
            self._series_ticket = self.runner.submit(ops.create_series, name.strip())
            self.new_series_button.setEnabled(False)

    def _saved(self, changes: Changes) -> None:
        if changes.ticket == self._series_ticket:
            self._series_ticket = None
            self.new_series_button.setEnabled(True)
            self.series.addItem(changes.result.name, changes.result.id)
            self.series.setCurrentIndex(self.series.count() - 1)
            return
        if changes.ticket != self._ticket:
            return
        self._ticket = None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        self.visit_id = changes.result.id
        self.org_id = changes.result.organisation.id
        self.accept()

    def _refused(self, ticket: int, sentence: str) -> None:
        if ticket == self._series_ticket:
            self._series_ticket = None
            self.new_series_button.setEnabled(True)
            plain_warning(self, self.windowTitle(), sentence)
            return
        if ticket != self._ticket:
            return
        self._ticket = None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        plain_warning(self, self.windowTitle(), sentence)  # it can quote a name

    def values(self) -> dict:
        """What :func:`visitapp.ops.prepare_visit` needs, read from the widgets."""
        organisation = {"name": self.org_name.text().strip(), "nip": self.nip.text(), "sector": self.sector.text(),
                        "address": self.address.text()}
        if self.org_id:
            organisation["id"] = self.org_id
        starts, ends = self.starts.value(), self.ends.value()
        assert starts is not None and ends is not None  # save() checked both fields first
        zone_name = self.zone.currentData() or DEFAULT_ZONE
        visit = dict(
            title=self.title.text(), starts_at=starts.replace(tzinfo=zone(zone_name)), time_zone=zone_name,
            ends_at=ends.replace(tzinfo=zone(zone_name)), place=self.place.text(), case_number=self.case_number.text(),
            approver=self.approver.text(), cosigner=self.cosigner.text(), verbatim=self.verbatim.isChecked(),
            default_visibility=self.default_visibility.currentData(),
            language=self.language.currentData(), agenda=self.agenda.toPlainText().splitlines(),
            agenda_sections=self.agenda_sections.currentData(),
            series_id=self.series.currentData(), template_key=self.template.currentData(),
        )
        participants = [
            {"name": a.name, "institution": a.institution, "role": a.role, "side": a.side,
             "person_id": a.person_id, "participant_id": a.participant_id}
            for a in self.attendees()
        ]
        return {"organisation": organisation, "visit": visit, "participants": participants}


def _from_start(*edits: QLineEdit) -> None:
    for edit in edits:
        edit.setCursorPosition(0)


def _wall(value: dt.datetime, zone_name: str) -> dt.datetime:
    """A stored (UTC) time as the naive wall-clock time of the visit's zone that the fields show."""
    return in_zone(value, zone_name).replace(tzinfo=None)


def _zone_choices() -> list[str]:
    """Kraków's zone first (the default), then the computer's when it is another, then UTC."""
    names = [DEFAULT_ZONE]
    here = getattr(dt.datetime.now().astimezone().tzinfo, "key", None) or os.environ.get("TZ", "")
    for name in (here, "UTC"):
        if name and name not in names:
            try:
                ZoneInfo(name)
            except (ZoneInfoNotFoundError, ValueError):
                continue
            names.append(name)
    return names
