"""Issue 11, item 4: a typed date gives that date in every date field, or one clear sentence (real widgets)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from visitapp.ui import settings as s
from visitapp.ui.capture.action_dialog import ActionDialog
from visitapp.ui.date_edit import parse_date
from visitapp.ui.prepare import PrepareDialog

TYPED = ["31.01.2027", "31.1.2027", "2027-01-31"]
WANTED = dt.date(2027, 1, 31)


def _retype(qtbot, line, text):
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Backspace)
    qtbot.keyClicks(line, text)


@pytest.mark.parametrize("text", TYPED)
def test_commitment_dialog_takes_the_typed_date(qtbot, text):
    dialog = ActionDialog("Przygotowac liste kursow", ["Grodzki Urząd Pracy"])
    qtbot.addWidget(dialog)
    dialog.show()
    _retype(qtbot, dialog.due.line, text)
    qtbot.keyClick(dialog.due.line, Qt.Key.Key_Return)  # the default button: OK
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.values()[1] == WANTED
    assert dialog.due.line.text() == "31.01.2027"  # shown as understood


@pytest.mark.parametrize("text", ["15.03.17", "31.02.2027", "jutro"])
def test_a_text_that_is_not_a_date_is_said_and_not_stored(qtbot, text):
    dialog = ActionDialog("Przygotowac liste kursow", [])
    qtbot.addWidget(dialog)
    dialog.show()
    _retype(qtbot, dialog.due.line, text)
    qtbot.keyClick(dialog.due.line, Qt.Key.Key_Return)
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert dialog.due.message.isVisible() and text in dialog.due.message.text()
    assert "31.01.2027" in dialog.due.message.text()  # how to type it
    assert parse_date(text) is None


def test_alt_down_opens_the_calendar_and_a_pick_is_the_date(qtbot):
    dialog = ActionDialog("x", [], due=dt.date(2027, 3, 10))
    qtbot.addWidget(dialog)
    dialog.show()
    line = dialog.due.line
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = dialog.due.calendar
    qtbot.waitUntil(calendar.isVisible)
    assert calendar.selectedDate().toPython() == dt.date(2027, 3, 10)
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Right)  # one day later
    qtbot.keyClick(calendar.focusWidget() or calendar, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert dialog.due.date() == dt.date(2027, 3, 11) and line.text() == "11.03.2027"


def test_default_due_date_is_the_configured_offset(opened, qtbot, monkeypatch):
    opened.settings.set(s.DUE_DAYS, 30)
    seen = []

    def accept(dialog):
        seen.append(dialog.values()[1])
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ActionDialog, "exec", accept)
    capture = opened.window.capture
    qtbot.keyClick(capture.box.editor, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # commitment
    qtbot.keyClicks(capture.box.editor, "Przeslac oferte szkolen")
    qtbot.keyClick(capture.box.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [dt.date.today() + dt.timedelta(days=30)]


def test_settings_dialog_keeps_the_due_offset(qtbot, settings, tmp_path):
    from visitapp.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(settings, str(tmp_path / "x.db"))
    qtbot.addWidget(dialog)
    assert dialog.due_days.value() == 14
    dialog.due_days.setValue(21)
    dialog.store()
    assert settings.get(s.DUE_DAYS) == 21


@pytest.mark.parametrize("text", TYPED)
def test_prepare_dialog_takes_the_typed_date(gui, qtbot, svc, monkeypatch, text):
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail(box.text()))
    dialog = PrepareDialog(gui.services(), None, gui.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.org_name, "Nowa Fabryka")
    _retype(qtbot, dialog.starts.date_edit.line, text)
    qtbot.keyClick(dialog.starts.date_edit.line, Qt.Key.Key_Tab)
    assert dialog.ends.value().date() == WANTED  # the end follows the start
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == 1)
    visit = svc.visits.get(dialog.visit_id)
    assert visit.starts_at.astimezone().date() == WANTED


def test_prepare_dialog_refuses_a_date_it_cannot_read(gui, qtbot, svc, monkeypatch):
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail(box.text()))
    dialog = PrepareDialog(gui.services(), None, gui.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.org_name, "Nowa Fabryka")
    before = len(svc.visits.list())
    _retype(qtbot, dialog.starts.date_edit.line, "15.03.17")
    dialog.save()
    assert dialog._ticket is None and dialog.result() == 0
    assert dialog.starts.date_edit.message.isVisible()
    assert len(svc.visits.list()) == before


def test_the_official_is_pre_filled_as_a_participant(gui, qtbot, svc, monkeypatch):
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail(box.text()))
    dialog = PrepareDialog(gui.services(), None, gui.window)
    qtbot.addWidget(dialog)
    me = gui.services().identity
    attendees = dialog.attendees()
    assert [(a.name, a.side) for a in attendees] == [(me.name, "city")]
    qtbot.keyClicks(dialog.org_name, "Nowa Fabryka")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == 1)
    assert [p.person.name for p in svc.visits.get(dialog.visit_id).participants] == [me.name]


def test_a_series_is_created_in_the_prepare_dialog(gui, qtbot, svc, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail(box.text()))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Wizyty 2027", True)))
    dialog = PrepareDialog(gui.services(), None, gui.window)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.new_series_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.series.currentText() == "Wizyty 2027")
    assert "Wizyty 2027" in [x.name for x in svc.series.list()]
    qtbot.keyClicks(dialog.org_name, "Nowa Fabryka")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == 1)
    assert svc.visits.get(dialog.visit_id).series.name == "Wizyty 2027"


def test_series_label_is_a_shortcut_not_a_literal_ampersand(gui, qtbot):
    from PySide6.QtWidgets import QLabel

    dialog = PrepareDialog(gui.services(), None, gui.window)
    qtbot.addWidget(dialog)
    label = next(w for w in dialog.findChildren(QLabel) if w.buddy() is dialog.series)
    assert "&" in label.text()  # Alt+R goes to the series; shown underlined, not as "&"
