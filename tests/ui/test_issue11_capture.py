"""Issue 11: what the official types is never leaked, swallowed or thrown away (real widgets, real database)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from visitapp.ui.capture.notes_model import AUTHOR_COLUMN, KIND_COLUMN, TAGS_COLUMN, TIME_COLUMN, VISIBILITY_COLUMN

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _settled(qtbot, app):
    qtbot.waitUntil(lambda: not app.worker.busy and not app.window.runner.pending)


def _type_note(qtbot, app, text):
    box = app.window.capture.box.editor
    box.setFocus()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return, CTRL)
    _settled(qtbot, app)


def _find(svc, visit_id, text):
    return next(n for n in svc.notes.list(visit_id) if n.text == text)


def test_visibility_is_never_carried_over_to_the_next_note(opened, qtbot, svc, demo):
    capture = opened.window.capture
    box = capture.box
    assert box.visibility.currentData() == "internal"
    qtbot.keyClick(box.editor, Qt.Key.Key_3, CTRL_SHIFT)  # the next note: company copy
    assert box.visibility.currentData() == "company"
    assert box.visibility_label.isVisible() and box.visibility.styleSheet()  # said, and it stands out
    _type_note(qtbot, opened, "Firma planuje 40 nowych etatow")
    assert box.visibility.currentData() == "internal" and not box.visibility.styleSheet()
    _type_note(qtbot, opened, "Zarzad byl sceptyczny wobec oferty miasta")
    assert _find(svc, demo[0], "Firma planuje 40 nowych etatow").visibility == "company"
    internal = _find(svc, demo[0], "Zarzad byl sceptyczny wobec oferty miasta")
    assert internal.visibility == "internal"
    company = svc.records.build(demo[0], copy="company")
    texts = {n.text for n in company.notes}
    assert "Firma planuje 40 nowych etatow" in texts and internal.text not in texts
    # The list shows each note's visibility.
    model = capture.tree.notes_model
    assert model.note_index(internal.id, VISIBILITY_COLUMN).data() == "Internal"


def test_visibility_of_the_selected_note_by_keyboard_and_undo(opened, qtbot, svc, demo):
    capture = opened.window.capture
    _type_note(qtbot, opened, "Uwaga wewnetrzna")
    note = _find(svc, demo[0], "Uwaga wewnetrzna")
    qtbot.keyClick(capture.box.editor, Qt.Key.Key_L, CTRL)  # to the notes
    assert capture.tree.hasFocus() and capture.tree.current_note_id() == note.id
    qtbot.keyClick(capture.tree, Qt.Key.Key_2, CTRL_SHIFT)
    _settled(qtbot, opened)
    assert svc.notes.get(note.id).visibility == "partners"
    assert capture.box.visibility.currentData() == "internal"  # the next note's stays as it was
    index = capture.tree.notes_model.note_index(note.id, VISIBILITY_COLUMN)
    assert index.data() == "Partner institutions"
    opened.window.undo_action.trigger()
    _settled(qtbot, opened)
    assert svc.notes.get(note.id).visibility == "internal"
    qtbot.waitUntil(lambda: capture.tree.notes_model.note_index(note.id, VISIBILITY_COLUMN).data() == "Internal")


def test_visibility_from_the_context_menu(opened, qtbot, svc, demo):
    capture = opened.window.capture
    _type_note(qtbot, opened, "Do kopii dla firmy")
    note = _find(svc, demo[0], "Do kopii dla firmy")
    tree = capture.tree
    index = tree.notes_model.note_index(note.id)
    tree.scrollTo(index)
    chosen = []

    def pick():
        menu = QApplication.activePopupWidget()
        action = next(a for a in menu.actions() if a.text() == "Company copy")
        chosen.append(action)
        menu.setActiveAction(action)
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    QTimer.singleShot(50, pick)
    tree.customContextMenuRequested.emit(tree.visualRect(index).center())
    assert chosen
    _settled(qtbot, opened)
    assert svc.notes.get(note.id).visibility == "company"


def test_ctrl_enter_with_the_tag_completer_open(opened, qtbot, svc, demo):
    capture = opened.window.capture
    box = capture.box
    known = svc.notes.tags()
    assert known
    tag = known[0]
    qtbot.keyClick(box.editor, Qt.Key.Key_4, CTRL)  # commitment… the kind must stay what was chosen
    qtbot.keyClick(box.editor, Qt.Key.Key_1, CTRL)  # …back to a plain note
    box.editor.setFocus()
    qtbot.keyClicks(box.editor, "Notatka z tagiem")
    box.tags.setFocus()
    qtbot.keyClicks(box.tags, tag[:2])
    popup = box.tags._completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Return, CTRL)  # where the key goes while the popup is open
    _settled(qtbot, opened)
    note = _find(svc, demo[0], "Notatka z tagiem")
    assert note.kind == "note" and note.tags == (tag[:2],)
    assert not popup.isVisible()
    qtbot.waitUntil(box.editor.hasFocus)
    assert box.tags.text() == ""
    qtbot.keyClicks(QApplication.focusWidget(), "Dalej")  # the next keystrokes go into the text box
    assert box.text() == "Dalej" and box.tags.text() == ""


def test_ctrl_enter_from_the_visibility_box(opened, qtbot, svc, demo):
    box = opened.window.capture.box
    qtbot.keyClicks(box.editor, "Z pola widocznosci")
    box.visibility.setFocus()
    qtbot.keyClick(box.visibility, Qt.Key.Key_Return, CTRL)
    _settled(qtbot, opened)
    assert _find(svc, demo[0], "Z pola widocznosci").visibility == "internal"
    qtbot.waitUntil(box.editor.hasFocus)


def test_tags_edited_in_the_list_are_stored_and_undoable(opened, qtbot, svc, demo):
    capture = opened.window.capture
    _type_note(qtbot, opened, "Notatka do otagowania")
    note = _find(svc, demo[0], "Notatka do otagowania")
    model, tree = capture.tree.notes_model, capture.tree
    flags = Qt.ItemFlag.ItemIsEditable
    for column in (TIME_COLUMN, KIND_COLUMN, AUTHOR_COLUMN, VISIBILITY_COLUMN):
        assert not model.flags(model.note_index(note.id, column)) & flags
    index = model.note_index(note.id, TAGS_COLUMN)
    assert model.flags(index) & flags
    tree.setFocus()
    tree.setCurrentIndex(index)
    tree.edit(index)
    editor = QApplication.focusWidget()
    assert editor is not tree
    editor.selectAll()
    qtbot.keyClicks(editor, "kadry, szkoly")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: svc.notes.get(note.id).tags == ("kadry", "szkoly"))
    _settled(qtbot, opened)
    assert model.note_index(note.id, TAGS_COLUMN).data() == "kadry, szkoly"
    opened.window.undo_action.trigger()
    _settled(qtbot, opened)
    assert svc.notes.get(note.id).tags == ()
    qtbot.waitUntil(lambda: model.note_index(note.id, TAGS_COLUMN).data() == "")


def test_company_copy_preview_says_how_many_notes_go_out(opened, qtbot, svc, demo):
    from visitapp.services.records import copy_of
    from visitapp.ui.signing.dialog import SignDialog

    qtbot.keyClick(opened.window.capture.box.editor, Qt.Key.Key_3, CTRL_SHIFT)
    _type_note(qtbot, opened, "Dla firmy: harmonogram naboru")
    full = svc.records.build(demo[0])
    out = len(copy_of(full, "company").notes)
    assert 0 < out < len(full.notes)
    dialog = SignDialog(opened.services(), demo[0], opened.worker, opened.settings, opened.window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)
    assert "notes" not in dialog.preview_caption.text().split(";")[0]  # the internal copy holds them all
    dialog.copy.setCurrentIndex(dialog.copy.findData("company"))
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10000)
    expected = f"This copy holds {out} of the visit's {len(full.notes)} notes"
    qtbot.waitUntil(lambda: expected in dialog.preview_caption.text(), timeout=10000)
    dialog.close()


def test_after_delete_the_selection_stays_where_it_was(opened, qtbot, svc, demo):
    capture = opened.window.capture
    for text in ("Pierwsza do usuniecia", "Druga do usuniecia", "Trzecia do usuniecia"):
        _type_note(qtbot, opened, text)
    first, second, third = (_find(svc, demo[0], t) for t in
                            ("Pierwsza do usuniecia", "Druga do usuniecia", "Trzecia do usuniecia"))
    tree = capture.tree
    tree.setFocus()
    tree.select_note(second.id)
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert tree.current_note_id() == third.id  # the next one, not the top of the list
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert tree.current_note_id() == first.id  # the last one gone: the one before it
    _settled(qtbot, opened)
    assert {second.id, third.id}.isdisjoint(n.id for n in svc.notes.list(demo[0]))


def test_after_deleting_an_action_item_the_selection_stays_in_place(opened, qtbot, svc, demo, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from visitapp.ui.capture.action_dialog import ActionDialog

    monkeypatch.setattr(ActionDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    capture = opened.window.capture
    for text in ("Zadanie pierwsze", "Zadanie drugie", "Zadanie trzecie"):
        qtbot.keyClick(capture.box.editor, Qt.Key.Key_4, CTRL)  # commitment: becomes an action item
        _type_note(qtbot, opened, text)
    _settled(qtbot, opened)
    panel = capture.actions_panel
    qtbot.waitUntil(lambda: panel.topLevelItemCount() == len(svc.actions.list(visit_id=demo[0])))
    count = panel.topLevelItemCount()
    assert count >= 3
    panel.setFocus()
    panel.setCurrentItem(panel.topLevelItem(1))
    below = panel.topLevelItem(2).data(0, Qt.ItemDataRole.UserRole)
    qtbot.keyClick(panel, Qt.Key.Key_Delete)
    _settled(qtbot, opened)
    qtbot.waitUntil(lambda: panel.topLevelItemCount() == count - 1)
    assert panel.current_id() == below  # the item that moved into its place, not none


def test_finalise_and_sign_has_a_shortcut_and_waits_for_an_open_visit(gui, qtbot, demo):
    from visitapp.ui.shortcuts import shortcut_rows

    action = gui.window.sign_action
    assert action.shortcut().toString() == "Ctrl+Shift+S"
    assert not action.isEnabled()  # no visit open yet
    gui.window.open_visit(demo[0])
    assert action.isEnabled()
    keys = [k for k, _what in shortcut_rows()]
    assert "Ctrl+Shift+S" in keys and "Ctrl+Shift+1 / 2 / 3" in keys


def test_a_restored_draft_is_said(gui, qtbot, svc, demo):
    svc.drafts.save(demo[0], "capture", "Szkic sprzed awarii", {})
    gui.window.open_visit(demo[0])
    box = gui.window.capture.box
    assert box.text() == "Szkic sprzed awarii"
    assert box.notice.isVisible() and "restored" in box.notice.text()
    qtbot.keyClick(box.editor, Qt.Key.Key_Return, CTRL)
    _settled(qtbot, gui)
    assert not box.notice.isVisible()
    assert _find(svc, demo[0], "Szkic sprzed awarii").visibility == "internal"


def test_a_visit_without_a_draft_says_nothing(opened):
    assert not opened.window.capture.box.notice.isVisible()
