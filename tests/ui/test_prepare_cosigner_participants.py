"""The prepare dialog offers what the CLI's ``visit new/edit`` offers (co-signer, verbatim minutes) through the same
operation; participants are listed with their role, changed by double-click and removed with a button; long texts
are seen from their beginning. Real dialog on the demo database, real minutes PDF."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from visitapp.ui.prepare import PrepareDialog

LONG_TITLE = "Wizyta referencyjna w zakładzie produkcyjnym w Nowej Hucie, hala B, z prezentacją linii montażowej"
LONG_PLACE = "Kraków, ul. Półłanki 18, sala konferencyjna nr 2 (budynek B, II piętro), wejście od parkingu"


def _dialog(gui, qtbot, visit_id):
    dialog = PrepareDialog(gui.services(), visit_id, gui.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _save(dialog, qtbot):
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == 1)  # once the DB worker has stored it


def _pdf_text(svc, visit_id) -> str:
    from visitapp.minutes.export import minutes_pdf

    reader = PdfReader(io.BytesIO(minutes_pdf(svc.records.build(visit_id))))
    return " ".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def no_warning(monkeypatch):
    monkeypatch.setattr(QMessageBox, "exec", lambda box: pytest.fail(box.text()))


def test_cosigner_and_verbatim_are_set_shown_again_and_reach_the_minutes(gui, qtbot, svc, demo, no_warning):
    assert "Kinga Zawadzka" not in _pdf_text(svc, demo[0])
    dialog = _dialog(gui, qtbot, demo[0])
    assert dialog.cosigner.text() == "" and not dialog.verbatim.isChecked()
    dialog.cosigner.setText("Kinga Zawadzka")
    qtbot.mouseClick(dialog.verbatim, Qt.MouseButton.LeftButton)
    _save(dialog, qtbot)
    visit = svc.visits.get(demo[0])
    assert (visit.cosigner, visit.verbatim) == ("Kinga Zawadzka", True)
    record = svc.records.build(demo[0])
    assert (record.visit.cosigner, record.visit.verbatim) == ("Kinga Zawadzka", True)
    assert "Kinga Zawadzka" in _pdf_text(svc, demo[0])  # the co-signature box names them

    again = _dialog(gui, qtbot, demo[0])  # editing shows what was stored; clearing removes the box
    assert again.cosigner.text() == "Kinga Zawadzka" and again.verbatim.isChecked()
    again.cosigner.clear()
    again.verbatim.setChecked(False)
    _save(again, qtbot)
    visit = svc.visits.get(demo[0])
    assert (visit.cosigner, visit.verbatim) == ("", False)
    assert "Kinga Zawadzka" not in _pdf_text(svc, demo[0])


def test_participants_show_their_role_and_change_in_place_on_double_click(gui, qtbot, svc, demo, no_warning):
    before = svc.visits.get(demo[0]).participants
    dialog = _dialog(gui, qtbot, demo[0])
    texts = [dialog.participants.item(i).text() for i in range(dialog.participants.count())]
    for shown, part in zip(texts, before, strict=True):
        assert shown.startswith(part.person.name) and (part.role or part.person.role) in shown
    second = dialog.participants.item(1)
    dialog.participants.scrollToItem(second)
    rect = dialog.participants.visualItemRect(second)
    qtbot.mouseClick(dialog.participants.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.participants.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.person.text() == before[1].person.name
    assert dialog.institution.text() == before[1].person.institution
    assert dialog.people_box.add_button.text() == "&Apply changes to participant"
    dialog.role.setText("koordynatorka projektu")
    other_side = 1 if dialog.side.currentIndex() != 1 else 2
    dialog.side.setCurrentIndex(other_side)
    qtbot.mouseClick(dialog.people_box.add_button, Qt.MouseButton.LeftButton)
    assert dialog.participants.count() == len(before)  # changed in its place, not added
    assert "koordynatorka projektu" in dialog.participants.item(1).text()
    assert dialog.people_box.add_button.text() == "&Add participant" and dialog.person.text() == ""
    _save(dialog, qtbot)
    after = svc.visits.get(demo[0]).participants
    assert [p.id for p in after] == [p.id for p in before]  # the same participants, the second one changed
    assert after[1].role == "koordynatorka projektu" and after[1].side == dialog.side.itemData(other_side)
    assert after[0].role == before[0].role or after[0].role == before[0].person.role


def test_remove_button_removes_the_selected_participant(gui, qtbot, svc, demo, no_warning):
    before = svc.visits.get(demo[0]).participants
    dialog = _dialog(gui, qtbot, demo[0])
    remove = dialog.people_box.remove_button
    assert remove.isVisible() and not remove.isEnabled()  # nothing selected yet
    dialog.participants.setCurrentRow(0)
    assert remove.isEnabled()
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert dialog.participants.count() == len(before) - 1
    _save(dialog, qtbot)
    assert [p.id for p in svc.visits.get(demo[0]).participants] == [p.id for p in before[1:]]


def test_long_title_and_place_are_seen_from_their_beginning(gui, qtbot, svc, demo, no_warning):
    from visitapp import ops

    visit = svc.visits.get(demo[0])
    ops.edit_visit.run_as(svc.history, svc.identity, demo[0], title=LONG_TITLE, place=LONG_PLACE)
    dialog = _dialog(gui, qtbot, visit.id)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.org_name.hasFocus())
    for edit in (dialog.title, dialog.place, dialog.org_name):
        assert edit.cursorPosition() == 0, edit.accessibleName()
        # the first characters are drawn: the cursor (at the start) sits at the left edge of the field
        assert edit.cursorRect().left() < edit.width() // 4, edit.accessibleName()
    qtbot.keyClick(dialog.org_name, Qt.Key.Key_Tab)  # Tab selects all of the next field, still from its start
    assert dialog.nip.hasFocus()
    dialog.title.setFocus(Qt.FocusReason.TabFocusReason)
    assert dialog.title.selectedText() == LONG_TITLE and dialog.title.cursorPosition() == 0
