"""Preparing a visit through the dialog, with the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from visitapp.ui.prepare import PrepareDialog


def test_create_visit_through_dialog(gui, qtbot, svc, monkeypatch):
    opened = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail(box.text()))
    monkeypatch.setattr(PrepareDialog, "exec", lambda self: (opened.append(self), self.show(), 0)[2])
    gui.window.new_visit()
    dialog = opened[0]
    qtbot.keyClicks(dialog.org_name, "Nowa Fabryka")
    qtbot.keyClicks(dialog.nip, "526-000-12-47")
    assert "invalid" in dialog.nip_state.text()
    dialog.nip.clear()
    qtbot.keyClicks(dialog.nip, "5260001246")
    assert "valid" in dialog.nip_state.text() and "invalid" not in dialog.nip_state.text()
    qtbot.keyClicks(dialog.place, "Hala produkcyjna")
    qtbot.keyClicks(dialog.person, "Adam Biernat")  # a known person is reused
    dialog._person_chosen("Adam Biernat")
    qtbot.keyClick(dialog.person, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.person, "Jan Nowy")
    qtbot.keyClicks(dialog.institution, "Nowa Fabryka")
    qtbot.keyClick(dialog.person, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.agenda, "Plany")
    assert dialog.visit_id is None
    qtbot.keyClick(dialog.agenda, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Enter saves
    qtbot.waitUntil(lambda: dialog.result() == 1)  # once the DB worker has stored it
    assert dialog.visit_id
    visit = svc.visits.get(dialog.visit_id)
    assert visit.organisation.name == "Nowa Fabryka" and visit.organisation.nip == "5260001246"
    assert visit.place == "Hala produkcyjna" and visit.agenda == ("Plany",)
    names = [p.person.name for p in visit.participants]
    assert names == [gui.services().identity.name, "Adam Biernat", "Jan Nowy"]  # the official is pre-filled
    assert len(svc.people.find("Adam Biernat")) == 1


def test_known_organisation_is_completed_and_wrong_nip_refused(gui, qtbot, svc, monkeypatch):
    dialog = PrepareDialog(gui.services(), None, gui.window)
    qtbot.addWidget(dialog)
    dialog._org_chosen("Hitachi Energy")
    assert dialog.nip.text() == "9301661310" and dialog.org_id
    warnings = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: warnings.append(box.text()) or QMessageBox.StandardButton.Ok)
    dialog.nip.setText("1234567890")
    dialog.save()
    qtbot.waitUntil(lambda: len(warnings) > 0)  # the DB worker refused it
    assert "NIP" in warnings[0] and dialog.result() == 0
