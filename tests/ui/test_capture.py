"""Driving the capture view with the keyboard: the database holds what was typed."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from visitapp.ui.capture.action_dialog import ActionDialog


def _settled(qtbot, app):
    """Wait until the DB worker has committed and reported every change asked for (writes are not on this thread)."""
    qtbot.waitUntil(lambda: not app.worker.busy and not app.window.runner.pending)


def _type_note(qtbot, app, text):
    box = app.window.capture.box.editor
    box.setFocus()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    _settled(qtbot, app)


def _find(svc, visit_id, text):
    return next(n for n in svc.notes.list(visit_id) if n.text == text)


def test_open_visit_gives_capture_box_focus(opened, qtbot):
    qtbot.waitUntil(lambda: QApplication.focusWidget() is opened.window.capture.box.editor)


def test_ctrl_enter_adds_note_to_current_section(opened, qtbot, svc, demo):
    capture = opened.window.capture
    qtbot.keyClick(capture.box.editor, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)  # next section
    assert capture.section == "city_projects"
    _type_note(qtbot, opened, "Firma pyta o tereny pod nowe biuro")
    note = _find(svc, demo[0], "Firma pyta o tereny pod nowe biuro")
    assert note.section == "city_projects" and note.kind == "note"
    assert capture.box.text() == ""
    assert "stored" in opened.window.saved_label.text()
    qtbot.waitUntil(lambda: "capture" not in svc.drafts.list(demo[0]))


def test_kind_and_section_by_keyboard(opened, qtbot, svc, demo):
    capture = opened.window.capture
    qtbot.keyClick(capture.box.editor, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # quote
    assert capture.box.kind() == "quote"
    _type_note(qtbot, opened, "Cytat prezesa")
    note = _find(svc, demo[0], "Cytat prezesa")
    assert note.kind == "quote" and note.section == "profile"
    qtbot.keyClick(capture.box.editor, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # to the notes
    assert capture.tree.hasFocus() and capture.tree.current_note_id() == note.id
    qtbot.keyClick(capture.tree, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)  # question
    _settled(qtbot, opened)
    assert svc.notes.get(note.id).kind == "question"
    mods = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(capture.tree, Qt.Key.Key_Down, mods)  # to the next section
    _settled(qtbot, opened)
    assert svc.notes.get(note.id).section == "city_projects"
    qtbot.keyClick(capture.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # first in that section
    _settled(qtbot, opened)
    assert svc.notes.index_of(note.id) == 0
    qtbot.keyClick(capture.tree, Qt.Key.Key_Escape)
    assert capture.box.editor.hasFocus()


def test_edit_in_place_and_undo_redo(opened, qtbot, svc, demo):
    capture = opened.window.capture
    _type_note(qtbot, opened, "Pierwsza wersja")
    note = _find(svc, demo[0], "Pierwsza wersja")
    capture.tree.setFocus()
    capture.tree.select_note(note.id)
    qtbot.keyClick(capture.tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not capture.tree and editor.text() == "Pierwsza wersja"
    editor.selectAll()
    qtbot.keyClicks(editor, "Druga wersja")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: svc.notes.get(note.id).text == "Druga wersja")
    assert capture.tree.hasFocus()

    _settled(qtbot, opened)
    qtbot.keyClick(capture.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the edit
    _settled(qtbot, opened)
    assert svc.notes.get(note.id).text == "Pierwsza wersja"
    qtbot.keyClick(capture.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    _settled(qtbot, opened)
    assert svc.notes.get(note.id).text == "Druga wersja"

    capture.tree.setFocus()
    capture.tree.select_note(note.id)
    qtbot.keyClick(capture.tree, Qt.Key.Key_Delete)
    _settled(qtbot, opened)
    assert note.id not in [n.id for n in svc.notes.list(demo[0])]
    runner = opened.window.runner
    opened.window.undo_action.trigger()
    _settled(qtbot, opened)
    assert note.id in [n.id for n in svc.notes.list(demo[0])]
    while runner.undo_label:
        opened.window.undo_action.trigger()
        _settled(qtbot, opened)
    assert note.id not in [n.id for n in svc.notes.list(demo[0])]  # undoing the add removes it
    while runner.redo_label:
        opened.window.redo_action.trigger()
        _settled(qtbot, opened)
    assert svc.notes.get(note.id).text == "Druga wersja" and svc.notes.get(note.id).deleted


def test_commitment_becomes_action_item(opened, qtbot, svc, demo, monkeypatch):
    def accept(dialog):
        assert "Adam Biernat" in [dialog.owner.itemText(i) for i in range(dialog.owner.count())]
        dialog.owner.setCurrentText("Grodzki Urząd Pracy w Krakowie")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ActionDialog, "exec", accept)
    capture = opened.window.capture
    qtbot.keyClick(capture.box.editor, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # commitment
    _type_note(qtbot, opened, "Przygotowac liste kursow")
    note = _find(svc, demo[0], "Przygotowac liste kursow")
    action = next(a for a in svc.actions.list(visit_id=demo[0]) if a.note_id == note.id)
    assert action.owner == "Grodzki Urząd Pracy w Krakowie"
    assert action.due_date == dt.date.today() + dt.timedelta(days=14)
    _settled(qtbot, opened)
    assert capture.actions_panel.topLevelItemCount() == len(svc.actions.list(visit_id=demo[0]))
    opened.window.undo_action.trigger()  # the action item goes, the note stays
    _settled(qtbot, opened)
    assert note.id not in [a.note_id for a in svc.actions.list(visit_id=demo[0])]


def test_search_and_jump_to_hit(gui, qtbot, svc, demo):
    panel = gui.window.list_panel
    qtbot.keyClicks(panel.search, "cyberbezpiecze*")
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)
    assert panel.hits.count() >= 1 and "<b" in panel.hits.item(0).text()
    note_id = panel.hits.item(0).data(Qt.ItemDataRole.UserRole + 1)
    qtbot.keyClick(panel.hits, Qt.Key.Key_Return)
    capture = gui.window.capture
    assert capture.visit is not None and capture.visit.id == panel.hits.item(0).data(Qt.ItemDataRole.UserRole)
    assert note_id and capture.tree.current_note_id() == note_id
    assert capture.section == svc.notes.get(note_id).section


def test_draft_stored_after_typing_and_restored(opened, qtbot, svc, demo):
    capture = opened.window.capture
    capture.box.editor.insertPlainText("Niedokończona ")  # QTest types Latin-1 only
    qtbot.keyClicks(capture.box.editor, "mysl")
    qtbot.waitUntil(lambda: "capture" in svc.drafts.list(demo[0]), timeout=2000)
    assert svc.drafts.list(demo[0])["capture"].text == "Niedokończona mysl"
    qtbot.waitUntil(lambda: "stored" in opened.window.saved_label.text())
    opened.window.open_visit(demo[1])
    assert capture.box.text() == ""
    opened.window.open_visit(demo[0])
    assert capture.box.text() == "Niedokończona mysl"


def test_structured_field_is_stored(opened, qtbot, svc, demo):
    edit = opened.window.capture.fields.editor("planned_hires")
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "42")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    _settled(qtbot, opened)
    assert svc.answers.list(demo[0])["planned_hires"].value == 42
